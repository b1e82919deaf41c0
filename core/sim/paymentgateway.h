#pragma once

#include "domain/instant.h"
#include "domain/money.h"
#include "domain/reason.h"

#include <QHash>
#include <QString>

#include <deque>
#include <optional>
#include <vector>

namespace topup {

// Every charge is identified by its chain key, attempt number and method.
struct ChargeIdentity final
{
    QString chainKey;
    int attempt = 1;
    QString method;
};

struct ChargeAnswer final
{
    bool succeeded = false;
    std::optional<Reason> reason; // set when it failed
};

// The simulated payment provider (SPEC §7.2): funds per method, card expiry,
// injected faults, and an identity table that makes every charge happen at
// most once: a repeated identity gets the first answer and moves no money.
class PaymentGateway final
{
public:
    // `expiresAt`: the first instant the card is no longer valid; none for wallets.
    int addMethod(const QString &id, Money funds, std::optional<Instant> expiresAt);
    void deposit(int method, Money amount);
    void injectFaults(int method, const std::vector<Reason> &reasons);

    ChargeAnswer charge(const ChargeIdentity &identity, int method, Money price, Instant at);

    Money funds(int method) const { return m_methods[std::size_t(method)].funds; }
    int methodCount() const noexcept { return int(m_methods.size()); }
    std::size_t identitiesSeen() const noexcept { return std::size_t(m_answers.size()); }

private:
    struct Method
    {
        QString id;
        Money funds;
        std::optional<Instant> expiresAt;
        std::deque<Reason> faults;
    };

    static QString identityKey(const ChargeIdentity &identity);

    std::vector<Method> m_methods;
    QHash<QString, ChargeAnswer> m_answers;
};

} // namespace topup
