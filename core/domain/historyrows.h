#pragma once

#include "alertkind.h"
#include "attemptstatus.h"
#include "failedtopup.h"
#include "instant.h"
#include "linerecord.h"
#include "lineoutlook.h"
#include "money.h"
#include "reason.h"
#include "triggerkind.h"
#include "yearmonth.h"

#include <QString>

#include <limits>
#include <optional>
#include <vector>

namespace topup {

// What happened, as the history, spend, usage and alert views show it.

// A place in a newest-first list of attempts or alerts: the next page holds
// the rows strictly older than it (at the same instant, those of smaller id),
// so pages join without a gap or a repeat however many rows share an instant.
struct HistoryKey final
{
    Instant at;
    qint64 id = 0;
};

// Which attempts History lists: the store filters them, so a page holds
// only rows that are shown.
struct AttemptFilter final
{
    qint64 lineId = 0; // 0: every line
    std::optional<AttemptStatus> status; // none: every status
    qint64 fromMs = std::numeric_limits<qint64>::min(); // both ends included
    qint64 toMs = std::numeric_limits<qint64>::max();

    friend bool operator==(const AttemptFilter &a, const AttemptFilter &b)
    {
        return a.lineId == b.lineId && a.status == b.status && a.fromMs == b.fromMs && a.toMs == b.toMs;
    }
    friend bool operator!=(const AttemptFilter &a, const AttemptFilter &b) { return !(a == b); }
};

struct AttemptRow final
{
    qint64 id = 0;
    Instant at;
    qint64 lineId = 0;
    QString lineName;
    TriggerKind trigger = TriggerKind::Threshold;
    QString key;
    int attempt = 1;
    qint64 methodId = 0; // 0: none (blocked)
    QString package;
    Money amount;
    AttemptStatus status = AttemptStatus::Succeeded;
    std::optional<Reason> reason; // none when it succeeded
    LineState lineState = LineState::Active; // a removed line's attempts stay
};

struct MonthSpend final
{
    QString month; // local YYYY-MM
    Money autoSpend;
    Money manualSpend;
    Money purchases; // lines bought: neither auto nor a top-up
};

// One line's succeeded top-ups in one local month.
struct LineMonthTotals final
{
    qint64 lineId = 0;
    Money autoSpend;
    Money manualSpend;
    qint64 autoCount = 0;
};

struct UsagePoint final
{
    QString label; // day (YYYY-MM-DD) or hour (ISO instant)
    qint64 dataBytes = 0;
    qint64 voiceSeconds = 0;
};

struct AlertRow final
{
    qint64 id = 0;
    Instant at;
    AlertKind kind = AlertKind::TopUpFailed;
    qint64 lineId = 0;
    QString lineName;
    qint64 methodId = 0;
    bool read = false;
    LineState lineState = LineState::Active;
    // What the alert says beyond its kind, read from the store's detail (an
    // unreadable one is reported by the store, never shown raw); the one
    // its kind uses is set:
    std::vector<FailedTopUp::Charge> failedCharges; // TopUpFailed: the line's method, then its fallback
    std::optional<Reason> blockedBy;                 // TopUpBlocked
    std::optional<YearMonth> cardExpires;            // CardExpiring: the last month the card is valid
    std::optional<LowFunds> lowFunds;                // LowFunds
};

} // namespace topup
