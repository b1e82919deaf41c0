#pragma once

#include "domain/instant.h"
#include "domain/money.h"
#include "domain/reason.h"

#include <optional>

namespace topup {

// What the simulated provider knows of one payment account when a charge
// comes (SPEC §7.2): its funds, the first instant a card is no longer valid
// (none for a wallet) and the fault queued first (none when none is).
struct ProviderAccount final
{
    Money funds;
    std::optional<Instant> expiresAt;
    std::optional<Reason> nextFault;
};

// The provider's answer to a new charge identity, and what it costs the
// account: the queued fault consumed, the price paid.
struct ChargeDecision final
{
    bool pays = false;
    std::optional<Reason> reason; // set when it does not pay
    bool consumesFault = false;
};

// The one rule of the simulated provider, in its order: a charge to an
// account it does not hold (none) is declined, as a card network declines an
// unknown card (no fault consumed, nothing paid); an expired card is refused
// (no fault consumed), then an injected fault is consumed and given, then too
// little money is refused, else the price is paid. The in-memory gateway
// (and so every preview and outlook) and the journal both decide with it.
ChargeDecision decideCharge(const std::optional<ProviderAccount> &account, Money price, Instant at);

} // namespace topup
