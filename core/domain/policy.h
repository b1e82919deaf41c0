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

    friend bool operator==(const ThresholdTrigger &a, const ThresholdTrigger &b) noexcept
    {
        return a.resource == b.resource && a.below == b.below && a.package == b.package;
    }
    friend bool operator!=(const ThresholdTrigger &a, const ThresholdTrigger &b) noexcept { return !(a == b); }
};

struct MonthlyTrigger final
{
    int day = 1;               // 1..31, clamped to the month's length
    int minuteOfDay = 9 * 60;  // local time, default 09:00
    QString package;

    friend bool operator==(const MonthlyTrigger &a, const MonthlyTrigger &b) noexcept
    {
        return a.day == b.day && a.minuteOfDay == b.minuteOfDay && a.package == b.package;
    }
    friend bool operator!=(const MonthlyTrigger &a, const MonthlyTrigger &b) noexcept { return !(a == b); }
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

    friend bool operator==(const Policy &a, const Policy &b) noexcept
    {
        return a.enabled == b.enabled && a.threshold == b.threshold && a.monthly == b.monthly && a.monthlyCap == b.monthlyCap
               && a.maxPerMonth == b.maxPerMonth && a.method == b.method && a.fallback == b.fallback;
    }
    friend bool operator!=(const Policy &a, const Policy &b) noexcept { return !(a == b); }
};

} // namespace topup
