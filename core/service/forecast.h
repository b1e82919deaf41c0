#pragma once

#include "domain/instant.h"
#include "domain/lineoutlook.h"

#include <optional>
#include <vector>

namespace topup {

// What the dashboard says beside a balance: when it runs out at the recent
// pace, when the threshold would fire, and how much is left per day until
// the next refill (the monthly top-up, or the month's end). Integer
// arithmetic on bytes or seconds; no clock, no zone.
struct ForecastInput final
{
    Instant now;
    qint64 remaining = 0;              // bytes or seconds left
    std::vector<qint64> recentDays;    // what was used on each of the last days
    std::optional<qint64> thresholdBelow; // an active threshold on this resource
    Instant periodEnd;                 // next monthly top-up, else the local month's end
};

class UsageForecast final
{
public:
    static constexpr qint64 dayMs = 24LL * 60 * 60 * 1000;
    static constexpr qint64 horizonDays = 3650; // further than this is "not in sight"

    [[nodiscard]] static Forecast compute(const ForecastInput &input);
    // ms until `amount` is used at `perDay`, capped at the horizon.
    [[nodiscard]] static qint64 msToUse(qint64 amount, qint64 perDay);

private:
    UsageForecast() = delete;
};

} // namespace topup
