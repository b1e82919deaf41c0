#pragma once

#include "domain/instant.h"
#include "domain/money.h"
#include "domain/reason.h"

#include <QString>

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

// What the charge is for, in the engine's numbering: the provider does not
// need it, a recording gateway writes it down with the charge.
struct ChargeContext final
{
    int line = 0;
    int package = 0;
    int trigger = 0; // TriggerKind
};

struct ChargeAnswer final
{
    bool succeeded = false;
    std::optional<Reason> reason; // set when it failed
};

// One string per identity: the unit separator cannot occur in ids, so
// distinct identities never collide.
inline QString chargeIdentityKey(const ChargeIdentity &identity)
{
    return identity.chainKey + QChar(0x1f) + QString::number(identity.attempt) + QChar(0x1f) + identity.method;
}

// The payment provider as the engine sees it (SPEC §7.2). Methods are
// numbered as the engine's World lists them. A repeated identity gets the
// first answer and moves no money.
class Gateway
{
public:
    virtual ~Gateway() = default;

    virtual ChargeAnswer charge(const ChargeIdentity &identity, int method, Money price, Instant at,
                                const ChargeContext &context) = 0;
    virtual void deposit(int method, Money amount, Instant at) = 0;
    virtual void injectFaults(int method, const std::vector<Reason> &reasons) = 0;
    virtual Money funds(int method) const = 0;
};

} // namespace topup
