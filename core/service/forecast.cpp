#include "forecast.h"

#include <algorithm>
#include <limits>

namespace topup {

qint64 UsageForecast::msToUse(qint64 amount, qint64 perDay)
{
    if (amount <= 0)
        return 0;
    if (perDay <= 0 || amount / perDay >= horizonDays)
        return horizonDays * dayMs;
    // amount / perDay days, split to stay inside int64: the remainder is < perDay.
    const qint64 whole = amount / perDay;
    const qint64 rest = amount % perDay;
    const qint64 restMs = perDay > (std::numeric_limits<qint64>::max() / dayMs) ? qint64(double(rest) / double(perDay) * dayMs)
                                                                               : rest * dayMs / perDay;
    return whole * dayMs + restMs;
}

Forecast UsageForecast::compute(const ForecastInput &input)
{
    Forecast forecast;
    qint64 used = 0;
    for (const qint64 day : input.recentDays)
        used += std::max<qint64>(0, day);
    const qint64 days = std::max<qint64>(1, qint64(input.recentDays.size()));
    forecast.perDay = used / days;

    const qint64 remaining = std::max<qint64>(0, input.remaining);
    if (forecast.perDay > 0 || remaining == 0)
        forecast.runOut = input.now.plusMsecs(msToUse(remaining, forecast.perDay));
    if (input.thresholdBelow) {
        const qint64 aboveThreshold = remaining - *input.thresholdBelow;
        if (aboveThreshold < 0)
            forecast.thresholdAt = input.now;
        else if (forecast.perDay > 0)
            forecast.thresholdAt = input.now.plusMsecs(msToUse(aboveThreshold + 1, forecast.perDay));
    }
    const qint64 span = input.periodEnd.msecs() - input.now.msecs();
    forecast.daysLeft = int(std::clamp<qint64>((span + dayMs - 1) / dayMs, 1, horizonDays));
    forecast.allowancePerDay = remaining / forecast.daysLeft;
    forecast.runsOutBeforePeriodEnd = forecast.runOut && *forecast.runOut < input.periodEnd;
    return forecast;
}

} // namespace topup
