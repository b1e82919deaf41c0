#include "usagegenerator.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace topup {

__extension__ typedef unsigned __int128 uint128;

struct UsageGenerator::Shape
{
    quint64 dailyDataBytes;    // on an average day
    quint64 dailyVoiceSeconds; // on an average day
    quint64 meanCallSeconds;
    quint32 hourWeight[24];    // per hour of the local day; they average 100
};

// In the order of UsageProfile. Weights sum to 2400 (100 per hour on average).
static const UsageGenerator::Shape shapes[] = {
    // Checks messages now and then, a short call most days.
    {250'000'000, 4 * 60, 120,
     {10, 5, 5, 5, 5, 10, 40, 120, 150, 130, 120, 120, 200, 130, 110, 110, 120, 140, 170, 230, 170, 150, 100, 50}},
    // Commutes with music, social media at lunch and in the evening.
    {1'500'000'000, 20 * 60, 180,
     {20, 10, 5, 5, 5, 15, 60, 130, 150, 110, 100, 110, 160, 120, 100, 100, 110, 170, 190, 200, 170, 140, 140, 80}},
    // Streams video: a lot in the evening and late at night.
    {6'000'000'000, 60 * 60, 300,
     {90, 60, 30, 15, 10, 15, 40, 90, 110, 80, 80, 90, 110, 90, 80, 90, 100, 130, 170, 210, 190, 200, 170, 150}},
    // Maps and photos by day, hotel Wi-Fi at night, few calls.
    {900'000'000, 6 * 60, 240,
     {5, 5, 5, 5, 5, 10, 40, 110, 180, 210, 220, 200, 190, 200, 210, 200, 190, 160, 130, 60, 30, 20, 10, 5}},
};

UsageGenerator::UsageGenerator(UsageProfile profile, quint64 seed, qint64 everySeconds, qint64 firstIndex) noexcept
    : m_shape(&shapes[int(profile)]), m_seed(seed), m_everySeconds(everySeconds), m_nextIndex(firstIndex)
{
}

UsageSample UsageGenerator::maxSample(UsageProfile profile, qint64 everySeconds) noexcept
{
    // sampleAt at the busiest hour with the largest draws: data under twice
    // the expected amount, voice under twice the expected seconds or 1.75 calls.
    const Shape &shape = shapes[int(profile)];
    const quint64 weight = *std::max_element(std::begin(shape.hourWeight), std::end(shape.hourWeight));
    const uint128 span = uint128(quint64(std::max<qint64>(everySeconds, 0))) * weight;
    const uint128 perDay = uint128(86400) * 100;
    constexpr qint64 maxAmount = std::numeric_limits<qint64>::max() / 4;
    const uint128 data = uint128(shape.dailyDataBytes) * span / perDay * 2;
    const uint128 voice = std::max<uint128>(uint128(shape.dailyVoiceSeconds) * span / perDay * 2, shape.meanCallSeconds * 1792 / 1024);
    return UsageSample{qint64(std::min<uint128>(data, maxAmount)), qint64(std::min<uint128>(voice, maxAmount))};
}

UsageSample UsageGenerator::averageDay(UsageProfile profile) noexcept
{
    const Shape &shape = shapes[int(profile)];
    return UsageSample{qint64(shape.dailyDataBytes), qint64(shape.dailyVoiceSeconds)};
}

const UsageGenerator::HourAmounts &UsageGenerator::amountsAt(int localHour) const noexcept
{
    const int hour = std::clamp(localHour, 0, 23);
    if (m_hour.hour == hour)
        return m_hour;
    const quint64 weight = m_shape->hourWeight[hour];
    const uint128 span = uint128(quint64(m_everySeconds)) * weight; // seconds × weight
    const uint128 perDay = uint128(86400) * 100;
    m_hour.hour = hour;
    m_hour.expectedData = uint128(m_shape->dailyDataBytes) * span / perDay;
    m_hour.expectedVoice = uint128(m_shape->dailyVoiceSeconds) * span / perDay;
    // Probability expectedVoice / meanCall, in 1/65536 steps, computed exactly.
    m_hour.callChance = m_hour.expectedVoice >= m_shape->meanCallSeconds
                            ? 0
                            : quint64(uint128(m_shape->dailyVoiceSeconds) * span * 65536 / (perDay * m_shape->meanCallSeconds));
    return m_hour;
}

UsageSample UsageGenerator::sampleAt(qint64 index, int localHour) const noexcept
{
    // A fresh generator per sample, keyed by (seed, index); the constant is
    // an odd 64-bit multiplier so neighbouring indices land far apart.
    Xoshiro256 random(m_seed ^ (quint64(index) * 0xd1b54a32d192ed03ULL));
    const HourAmounts &expected = amountsAt(localHour);
    constexpr qint64 maxAmount = std::numeric_limits<qint64>::max() / 4;

    // Data: the expected amount times a factor uniform in [0, 2).
    const uint128 data = expected.expectedData * random.below(2048) / 1024;

    // Voice: a call happens with a probability that makes the expected
    // seconds right; long intervals simply get their share.
    const quint64 meanCall = m_shape->meanCallSeconds;
    uint128 voice = 0;
    if (expected.expectedVoice >= meanCall) {
        voice = expected.expectedVoice * random.below(2048) / 1024;
    } else if (random.below(65536) < expected.callChance) {
        voice = meanCall * (256 + random.below(1536)) / 1024; // 0.25 .. 1.75 × mean
    }
    return UsageSample{qint64(std::min<uint128>(data, maxAmount)), qint64(std::min<uint128>(voice, maxAmount))};
}

} // namespace topup
