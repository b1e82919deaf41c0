#include "chargedecision.h"

namespace topup {

ChargeDecision decideCharge(const std::optional<ProviderAccount> &held, Money price, Instant at)
{
    ChargeDecision decision;
    if (!held) {
        decision.reason = Reason::Declined;
        return decision;
    }
    const ProviderAccount &account = *held;
    if (account.expiresAt && at >= *account.expiresAt) {
        decision.reason = Reason::CardExpired;
    } else if (account.nextFault) {
        decision.reason = account.nextFault;
        decision.consumesFault = true;
    } else if (account.funds < price) {
        decision.reason = Reason::InsufficientFunds;
    } else {
        decision.pays = true;
    }
    return decision;
}

} // namespace topup
