#pragma once

#include "attemptstatus.h"
#include "instant.h"
#include "linerecord.h"
#include "money.h"
#include "reason.h"
#include "triggerkind.h"
#include "yearmonth.h"

#include <QString>

#include <optional>
#include <vector>

namespace topup {

// One top-up the rules will make or try, as a run of the engine on a copy of
// the world finds it (nothing is charged or written). Ids as the engine
// knows them: packages "P<row>", methods "M<row>".
struct PreviewItem final
{
    Instant at;
    TriggerKind trigger = TriggerKind::Threshold; // threshold, monthly
    QString package;
    QString method;   // empty when blocked
    Money amount;
    AttemptStatus status = AttemptStatus::Succeeded;
    std::optional<Reason> reason; // none when it succeeded
    QString key;      // the chain key, "L<row>/threshold/<n>", "L<row>/monthly/<YYYY-MM>"
    int attempt = 1;

    bool paid() const noexcept { return status == AttemptStatus::Succeeded; }
    bool blocked() const noexcept { return status == AttemptStatus::Blocked; }
};

// Where a line stands at the pace of the last 7 full local days (data):
// when it runs out, when it falls below its data threshold, and how much is
// left per day until the next refill. Integer arithmetic on bytes.
struct Forecast final
{
    qint64 perDay = 0;                  // average use per day (0: no recent use)
    std::optional<Instant> runOut;      // none when nothing is being used
    std::optional<Instant> thresholdAt; // when it falls below the threshold (now if already)
    qint64 allowancePerDay = 0;         // remaining ÷ days until the period's end (whole days, at least 1)
    int daysLeft = 1;
    bool runsOutBeforePeriodEnd = false;
};

// One local month of auto top-ups against the limits of SPEC §7.1: what
// was spent already plus what the rules will add within the outlook.
struct LimitUse final
{
    YearMonth month;
    Money lineSpend;       // this line's succeeded auto top-ups
    qint64 lineCount = 0;
    // Every line's; in a preview of an account without a cap, which runs
    // the line alone (docs/outlook.md), the other lines' only as spent so far.
    Money accountSpend;
    std::optional<Money> lineCap;
    std::optional<qint64> maxPerMonth;
    std::optional<Money> accountCap;

    bool lineCapReached() const noexcept { return lineCap && lineSpend >= *lineCap; }
    bool countReached() const noexcept { return maxPerMonth && lineCount >= *maxPerMonth; }
    bool accountCapReached() const noexcept { return accountCap && accountSpend >= *accountCap; }
};

// A method a line's enabled rules pay with (as method or fallback) that
// holds less than the dearest package those rules buy.
struct LowFunds final
{
    qint64 methodId = 0;
    Money funds;
    Money needed;

    // How a low-funds alert keeps them (AlertRow::detail): "<funds> <needed>" in cents.
    QString detail() const { return QStringLiteral("%1 %2").arg(funds.cents()).arg(needed.cents()); }
    static std::optional<LowFunds> fromDetail(qint64 methodId, const QString &detail);
};

inline std::optional<LowFunds> LowFunds::fromDetail(qint64 methodId, const QString &detail)
{
    const QStringList parts = detail.split(QLatin1Char(' '));
    bool fundsOk = false;
    bool neededOk = false;
    if (parts.size() != 2)
        return std::nullopt;
    const qint64 funds = parts[0].toLongLong(&fundsOk);
    const qint64 needed = parts[1].toLongLong(&neededOk);
    if (!fundsOk || !neededOk)
        return std::nullopt;
    return LowFunds{methodId, Money::fromCents(funds), Money::fromCents(needed)};
}

// Everything the screens say about one line, decided by the core
// (Service::outlook, Service::previewPolicy): the world's clock, the line as
// saved (balances, rules, the threshold trigger's state and next retry),
// what the engine will do next, the forecast at the recent pace, the
// limits and low funds. A screen words it; it computes no date, count or rule.
struct LineOutlook final
{
    Instant clock;           // the world's simulated clock
    Instant horizon;         // the run reaches this instant
    LineRecord line;
    // The rules name a payment method that was removed: nothing can be charged.
    bool methodRemoved = false;
    // Why the threshold trigger is blocked (the latest blocked attempt this month), when it is.
    std::optional<Reason> blockedReason;
    // The top-ups and tries the engine will make on this line, in order:
    // every one up to `complete`, and after it (up to `horizon`) only
    // monthly ones, which the line's usage cannot change. `complete` is the
    // horizon, or for a line no other depends on, soon after the first
    // attempt of each of its triggers (its usage is drawn no further).
    std::vector<PreviewItem> topUps;
    Instant complete;
    Forecast forecast;
    // The next refill the daily allowance counts to: the next paid monthly
    // top-up, else the start of the next local month.
    Instant periodEnd;
    bool periodEndIsMonthly = false;
    // This local month so far (history only), then every local month the
    // run reaches with the top-ups it will make added.
    LimitUse thisMonth;
    std::vector<LimitUse> months;
    std::vector<LowFunds> lowFunds;

    // The first top-up (paid, failed or blocked) of that trigger within the horizon.
    const PreviewItem *nextMonthly() const { return first(TriggerKind::Monthly); }
    const PreviewItem *nextThreshold() const { return first(TriggerKind::Threshold); }

private:
    const PreviewItem *first(TriggerKind trigger) const
    {
        for (const PreviewItem &item : topUps) {
            if (item.trigger == trigger)
                return &item;
        }
        return nullptr;
    }
};

// The outlook of every line of the signed-in account, with the account's
// own figures for this local month.
struct Outlook final
{
    Instant clock;
    Instant horizon;
    QString timezone;
    QString currency;
    std::optional<Money> accountCap;
    Money accountAutoSpend;   // this local month, every line
    Money accountManualSpend;
    std::vector<LineOutlook> lines; // in the store's order

    const LineOutlook *line(qint64 lineId) const
    {
        for (const LineOutlook &each : lines) {
            if (each.line.id == lineId)
                return &each;
        }
        return nullptr;
    }
};

} // namespace topup
