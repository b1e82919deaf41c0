#pragma once

#include "xoshiro256.h"

#include <QString>

#include <optional>

namespace topup {

enum class UsageProfile { Light, Regular, Heavy, Traveller };

std::optional<UsageProfile> parseUsageProfile(QStringView name);
QString usageProfileName(UsageProfile profile);

struct UsageSample final
{
    qint64 dataBytes = 0;
    qint64 voiceSeconds = 0;
};

// The simulated carrier: what one line uses in each interval of `every`
// seconds, shaped by the local hour of day. Integer arithmetic and our own
// PRNG, so the same seed gives the same usage everywhere.
class UsageGenerator final
{
public:
    UsageGenerator(UsageProfile profile, quint64 seed, qint64 everySeconds) noexcept;

    // Usage of the interval that starts at `localHour` (0..23).
    UsageSample next(int localHour) noexcept;

    struct Shape; // a profile's daily amounts and hourly rhythm

private:
    const Shape *m_shape;
    Xoshiro256 m_random;
    qint64 m_everySeconds;
};

} // namespace topup
