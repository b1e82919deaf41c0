#pragma once

#include "domain/usageprofile.h"
#include "xoshiro256.h"

#include <QString>

#include <optional>

namespace topup {

struct UsageSample final
{
    qint64 dataBytes = 0;
    qint64 voiceSeconds = 0;
};

// The simulated carrier: what one line uses in each interval of `every`
// seconds, shaped by the local hour of day. Integer arithmetic and our own
// PRNG, so the same seed gives the same usage everywhere. Sample n depends
// only on (seed, n), so a run can resume anywhere in the sequence. One
// generator belongs to one thread (it keeps the last hour's amounts).
class UsageGenerator final
{
public:
    UsageGenerator(UsageProfile profile, quint64 seed, qint64 everySeconds, qint64 firstIndex = 0) noexcept;

    // The next sample; its interval starts at `localHour` (0..23).
    UsageSample next(int localHour) noexcept { return sampleAt(m_nextIndex++, localHour); }
    // Sample number `index` of this stream.
    UsageSample sampleAt(qint64 index, int localHour) const noexcept;
    // No sample of `profile` every `everySeconds` uses more than this.
    static UsageSample maxSample(UsageProfile profile, qint64 everySeconds) noexcept;
    // What a line of this profile uses on an average day (for telling a
    // person what each profile means).
    static UsageSample averageDay(UsageProfile profile) noexcept;

    struct Shape; // a profile's daily amounts and hourly rhythm

private:
    __extension__ typedef unsigned __int128 Wide;

    // What a sample at `localHour` expects, worked out once per hour met in
    // a row (a stream's samples come a dozen to an hour): three 128-bit
    // divisions were most of a sample's cost.
    struct HourAmounts
    {
        int hour = -1;
        Wide expectedData = 0;
        Wide expectedVoice = 0;
        quint64 callChance = 0; // in 1/65536, when expectedVoice < a mean call
    };
    const HourAmounts &amountsAt(int localHour) const noexcept;

    const Shape *m_shape;
    quint64 m_seed;
    qint64 m_everySeconds;
    qint64 m_nextIndex;
    mutable HourAmounts m_hour;
};

} // namespace topup
