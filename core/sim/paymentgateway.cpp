#include "paymentgateway.h"

#include "chargedecision.h"

namespace topup {

int PaymentGateway::addMethod(const QString &id, Money funds, std::optional<Instant> expiresAt, bool held)
{
    m_methods.push_back(Method{id, funds, expiresAt, {}, held});
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
    const std::optional<Reason> nextFault = method.faults.empty() ? std::nullopt : std::optional<Reason>(method.faults.front());
    const std::optional<ProviderAccount> account =
        method.held ? std::optional<ProviderAccount>(ProviderAccount{method.funds, method.expiresAt, nextFault}) : std::nullopt;
    const ChargeDecision decision = decideCharge(account, price, at);
    if (decision.consumesFault)
        method.faults.pop_front();
    if (decision.pays)
        method.funds -= price;
    const ChargeAnswer answer{decision.pays, decision.reason};
    m_answers.insert(key, answer);
    return answer;
}

} // namespace topup
