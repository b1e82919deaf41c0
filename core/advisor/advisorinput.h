#pragma once

#include "domain/instant.h"
#include "domain/money.h"
#include "domain/package.h"
#include "domain/paymentmethod.h"
#include "domain/policy.h"
#include "domain/yearmonth.h"

#include <QTimeZone>

#include <optional>
#include <vector>

namespace topup {

// What a line used in one hour (its hourly roll-up), replayed at `at`, the
// hour's start.
struct UsageHour final
{
    Instant at;
    qint64 dataBytes = 0;
    qint64 voiceSeconds = 0;
};

// Money added to a payment method during the window (a person's deposit).
struct AdvisorDeposit final
{
    Instant at;
    QString method;
    Money amount;
};

// Top-ups the caps (SPEC §7.1) already count in a local month of the
// window: the line's own auto top-ups made before the window starts, and
// the auto top-ups of the account's other lines in that month (counted from
// the month's first instant: the advisor does not replay the other lines).
struct AdvisorMonthSpend final
{
    YearMonth month;
    Money lineAuto;
    int lineAutoCount = 0;
    Money otherLinesAuto;
};

// Everything the rules advisor replays for one line: its usage over the
// window, where it stood when the window started, what it may buy and how
// it pays.
struct AdvisorInput final
{
    QString lineId;
    QTimeZone zone;
    Instant from; // the window's first instant
    Instant to;   // its last instant, inclusive
    std::vector<UsageHour> usage; // ascending, each within from..to

    qint64 startDataBytes = 0;
    qint64 startVoiceSeconds = 0;

    std::vector<Package> packages; // what a top-up may buy
    // Packages the current rules buy that are no longer offered to the line
    // (a region's catalog changed): replayed with the current rules, never
    // suggested.
    std::vector<Package> currentOnly;
    // The line's rules now. Every candidate keeps their method, fallback,
    // monthly cap, count cap and monthly time, and changes only the
    // triggers; they are replayed as they are too, as "the current rules".
    Policy current;
    std::vector<PaymentMethod> methods; // the method and fallback, funds as at `from`
    std::vector<AdvisorDeposit> deposits;

    std::optional<Money> accountCap;
    std::vector<AdvisorMonthSpend> spentBefore;
};

} // namespace topup
