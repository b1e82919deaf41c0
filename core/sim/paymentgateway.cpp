#include "paymentgateway.h"

namespace topup {

int PaymentGateway::addMethod(const QString &id, Money funds, std::optional<Instant> expiresAt)
{
    m_methods.push_back(Method{id, funds, expiresAt, {}});
    return int(m_methods.size()) - 1;
}

void PaymentGateway::deposit(int method, Money amount, Instant)
{
    m_methods[std::size_t(method)].funds += amount;
}

void PaymentGateway::injectFaults(int method, const std::vector<Reason> &reasons)
{
    auto &faults = m_methods[std::size_t(method)].faults;
    faults.insert(faults.end(), reasons.begin(), reasons.end());
}

ChargeAnswer PaymentGateway::charge(const ChargeIdentity &identity, int methodIndex, Money price, Instant at, const ChargeContext &)
{
    const QString key = chargeIdentityKey(identity);
    const auto seen = m_answers.constFind(key);
    if (seen != m_answers.constEnd())
        return *seen;

    Method &method = m_methods[std::size_t(methodIndex)];
    ChargeAnswer answer;
    if (method.expiresAt && at >= *method.expiresAt) {
        answer.reason = Reason::CardExpired; // no fault consumed
    } else if (!method.faults.empty()) {
        answer.reason = method.faults.front();
        method.faults.pop_front();
    } else if (method.funds < price) {
        answer.reason = Reason::InsufficientFunds;
    } else {
        method.funds -= price;
        answer.succeeded = true;
    }
    m_answers.insert(key, answer);
    return answer;
}

} // namespace topup
