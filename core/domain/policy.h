#pragma once

#include "dataamount.h"
#include "money.h"
#include "voiceamount.h"

#include <QString>

#include <optional>

namespace topup {

enum class Resource { Data, Voice };

struct ThresholdTrigger final
{
    Resource resource = Resource::Data;
    qint64 below = 0; // bytes or seconds, by resource
    QString package;
};

struct MonthlyTrigger final
{
    int day = 1;               // 1..31, clamped to the month's length
    int minuteOfDay = 9 * 60;  // local time, default 09:00
    QString package;
};

// The auto top-up rules of one line (SPEC §2).
struct Policy final
{
    bool enabled = true;
    std::optional<ThresholdTrigger> threshold;
    std::optional<MonthlyTrigger> monthly;
    std::optional<Money> monthlyCap;
    std::optional<qint64> maxPerMonth; // any whole number from 1 (JSON-safe: up to 2^53)
    QString method;
    QString fallback; // empty: none

    bool hasActiveThreshold() const noexcept { return enabled && threshold.has_value(); }
    bool hasActiveMonthly() const noexcept { return enabled && monthly.has_value(); }
    // Names the method as the one to charge or as the fallback.
    bool paysWith(const QString &methodId) const noexcept
    {
        return !methodId.isEmpty() && (method == methodId || fallback == methodId);
    }
};

} // namespace topup
