#pragma once

#include "gateway.h"

#include <QHash>

#include <deque>
#include <optional>
#include <vector>

namespace topup {

// The simulated payment provider in memory (SPEC §7.2), for scenarios:
// funds per method, card expiry, injected faults, and an identity table that
// makes every charge happen at most once.
class PaymentGateway final : public Gateway
{
public:
    // `expiresAt`: the first instant the card is no longer valid; none for
    // wallets. `held` false: the provider has no account for it (every
    // charge is declined, as the journal declines one).
    int addMethod(const QString &id, Money funds, std::optional<Instant> expiresAt, bool held = true);
    void deposit(int method, Money amount, Instant at = {}) override;
    void injectFaults(int method, const std::vector<Reason> &reasons) override;

    ChargeAnswer charge(const ChargeIdentity &identity, int method, Money price, Instant at,
                        const ChargeContext &context = {}) override;

    Money funds(int method) const override { return m_methods[std::size_t(method)].funds; }
    int methodCount() const noexcept { return int(m_methods.size()); }
    std::size_t identitiesSeen() const noexcept { return std::size_t(m_answers.size()); }

private:
    struct Method
    {
        QString id;
        Money funds;
        std::optional<Instant> expiresAt;
        std::deque<Reason> faults;
        bool held = true;
    };


    std::vector<Method> m_methods;
    QHash<QString, ChargeAnswer> m_answers;
};

} // namespace topup
