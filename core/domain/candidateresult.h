#pragma once

#include "money.h"
#include "policy.h"
#include "reason.h"
#include "yearmonth.h"

#include <vector>

namespace topup {

// What one policy would have done over the advisor's window.
struct CandidateResult final
{
    Policy policy;
    int order = 0; // its place in the generated list (the last tie-break)

    Money cost;             // the succeeded auto top-ups over the window
    int topUps = 0;         // how many succeeded
    int failedCharges = 0;  // charges the method (or fallback) refused
    int blockedAttempts = 0; // attempts a cap stopped
    std::vector<Reason> blockedBy; // which caps, in the order SPEC §7.1 checks them

    int hoursWithoutData = 0;  // hours whose data use was not served in full
    int hoursWithoutVoice = 0; // the same for minutes
    int hoursWithoutService = 0; // hours short of either: what the ranking reads first
    qint64 unservedDataBytes = 0;
    qint64 unservedVoiceSeconds = 0;

    YearMonth largestMonth;  // the local month it spent most in (the earliest of equals)
    Money largestMonthSpend; // zero when it bought nothing
    qint64 dataLeftBytes = 0;   // the balances at the window's end
    qint64 voiceLeftSeconds = 0;

    bool keepsServed() const noexcept { return hoursWithoutService == 0; }
    bool blocked() const noexcept { return blockedAttempts > 0; }
};

} // namespace topup
