#include "testmain.h"
#include "sim/usagegenerator.h"
#include "sim/xoshiro256.h"

#include <QTest>

#include <array>
#include <vector>

Q_DECLARE_METATYPE(topup::UsageProfile)
Q_DECLARE_METATYPE(std::vector<quint64>)

namespace tst_usagegenerator {

using namespace topup;

namespace {

constexpr qint64 fiveMinutes = 300;
constexpr qint64 oneDay = 86400;
constexpr int samplesPerDay = int(oneDay / fiveMinutes);

int hourOfSample(int index)
{
    return int(qint64(index) * fiveMinutes / 3600 % 24);
}

std::vector<UsageSample> run(UsageProfile profile, quint64 seed, qint64 every, int count)
{
    UsageGenerator generator(profile, seed, every);
    std::vector<UsageSample> samples;
    for (int i = 0; i < count; ++i)
        samples.push_back(generator.next(hourOfSample(i)));
    return samples;
}

struct Totals
{
    double data = 0; // double is fine here: only averages of test output
    double voice = 0;
    double dataAtHours[24] = {};
};

Totals overDays(UsageProfile profile, quint64 seed, int days)
{
    Totals totals;
    UsageGenerator generator(profile, seed, fiveMinutes);
    for (int i = 0; i < days * samplesPerDay; ++i) {
        const UsageSample sample = generator.next(hourOfSample(i));
        totals.data += double(sample.dataBytes);
        totals.voice += double(sample.voiceSeconds);
        totals.dataAtHours[hourOfSample(i)] += double(sample.dataBytes);
    }
    return totals;
}

Totals thirtyDays(UsageProfile profile, quint64 seed)
{
    return overDays(profile, seed, 30);
}

// The published reference algorithms, transcribed from splitmix64.c and
// xoshiro256starstar.c by Sebastiano Vigna and David Blackman
// (https://prng.di.unimi.it/). The test checks this transcription against
// the published outputs first, then our Xoshiro256 against it.
namespace reference {

quint64 splitmix64(quint64 &x)
{
    quint64 z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

quint64 xoshiro256starstar(std::array<quint64, 4> &s)
{
    const quint64 result = rotl(s[1] * 5, 7) * 9;
    const quint64 t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

// The state xoshiro256** starts from when seeded through splitmix64, as its
// authors recommend: the first four splitmix64 outputs.
std::array<quint64, 4> seededState(quint64 seed)
{
    std::array<quint64, 4> state{};
    for (quint64 &word : state)
        word = splitmix64(seed);
    return state;
}

} // namespace reference

} // namespace

// The simulated carrier (core/sim/usagegenerator.cpp): deterministic per seed,
// amounts that average out to each profile's daily figures, shaped by the hour.
class TestUsageGenerator final : public QObject
{
    Q_OBJECT

private slots:
    void profileNames_data();
    void profileNames();
    void sameSeedSameSequence_data();
    void sameSeedSameSequence();
    void differentSeedsDiffer();
    void neverNegative_data();
    void neverNegative();
    void neverAboveTheBound_data();
    void neverAboveTheBound();
    void dailyTotals_data();
    void dailyTotals();
    void profilesOrderedByData();
    void hourlyRhythm();
    void longInterval_data();
    void longInterval();
    void golden();
    void resumesAnywhere();
    void referenceAlgorithmsGiveThePublishedOutputs();
    void xoshiroFollowsTheReference_data();
    void xoshiroFollowsTheReference();
    void belowIsMultiplyShiftOfTheTopBits();
    void profileHasADailyRhythm_data();
    void profileHasADailyRhythm();
    void profileMakesCalls_data();
    void profileMakesCalls();
    void heavierProfilesUseMoreInAMonth();
};

void TestUsageGenerator::profileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<UsageProfile>("profile");

    QTest::newRow("light") << "light" << true << UsageProfile::Light;
    QTest::newRow("regular") << "regular" << true << UsageProfile::Regular;
    QTest::newRow("heavy") << "heavy" << true << UsageProfile::Heavy;
    QTest::newRow("traveller") << "traveller" << true << UsageProfile::Traveller;
    QTest::newRow("capitalised") << "Light" << false << UsageProfile::Light;
    QTest::newRow("US spelling") << "traveler" << false << UsageProfile::Light;
    QTest::newRow("unknown") << "medium" << false << UsageProfile::Light;
    QTest::newRow("empty") << "" << false << UsageProfile::Light;
    QTest::newRow("trailing space") << "heavy " << false << UsageProfile::Light;
}

void TestUsageGenerator::profileNames()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(UsageProfile, profile);

    const std::optional<UsageProfile> parsed = parseUsageProfile(name);
    QCOMPARE(parsed.has_value(), known);
    if (known) {
        QCOMPARE(int(*parsed), int(profile));
        QCOMPARE(usageProfileName(*parsed), name);
    }
}

void TestUsageGenerator::sameSeedSameSequence_data()
{
    QTest::addColumn<UsageProfile>("profile");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("every");

    QTest::newRow("light 0 5min") << UsageProfile::Light << quint64(0) << fiveMinutes;
    QTest::newRow("regular 1 5min") << UsageProfile::Regular << quint64(1) << fiveMinutes;
    QTest::newRow("heavy 42 1h") << UsageProfile::Heavy << quint64(42) << qint64(3600);
    QTest::newRow("traveller max 1d") << UsageProfile::Traveller << ~quint64(0) << oneDay;
}

void TestUsageGenerator::sameSeedSameSequence()
{
    QFETCH(UsageProfile, profile);
    QFETCH(quint64, seed);
    QFETCH(qint64, every);

    const std::vector<UsageSample> a = run(profile, seed, every, 2000);
    const std::vector<UsageSample> b = run(profile, seed, every, 2000);
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].dataBytes, b[i].dataBytes);
        QCOMPARE(a[i].voiceSeconds, b[i].voiceSeconds);
    }
}

void TestUsageGenerator::differentSeedsDiffer()
{
    const quint64 pairs[][2] = {{0, 1}, {1, 2}, {42, 43}, {42, quint64(42) << 32}};
    for (const auto &pair : pairs) {
        const std::vector<UsageSample> a = run(UsageProfile::Regular, pair[0], fiveMinutes, 100);
        const std::vector<UsageSample> b = run(UsageProfile::Regular, pair[1], fiveMinutes, 100);
        int differing = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            differing += a[i].dataBytes != b[i].dataBytes;
        QVERIFY2(differing >= 90, qPrintable(QStringLiteral("seeds %1 and %2: only %3 of 100 differ")
                                                 .arg(pair[0]).arg(pair[1]).arg(differing)));
    }
}

void TestUsageGenerator::neverNegative_data()
{
    QTest::addColumn<qint64>("every");
    QTest::newRow("1 s") << qint64(1);
    QTest::newRow("5 min") << fiveMinutes;
    QTest::newRow("1 day") << oneDay;
    QTest::newRow("30 days") << 30 * oneDay;
    QTest::newRow("10^15 s") << qint64(1000000000000000);
}

void TestUsageGenerator::neverNegative()
{
    QFETCH(qint64, every);
    for (UsageProfile profile :
         {UsageProfile::Light, UsageProfile::Regular, UsageProfile::Heavy, UsageProfile::Traveller}) {
        UsageGenerator generator(profile, 7, every);
        for (int i = 0; i < 3000; ++i) {
            const UsageSample sample = generator.next(i % 24);
            QVERIFY(sample.dataBytes >= 0);
            QVERIFY(sample.voiceSeconds >= 0);
        }
    }
}

void TestUsageGenerator::neverAboveTheBound_data()
{
    neverNegative_data();
}

// maxSample bounds every sample (the outlook's run relies on it to know
// when no line can run a method dry), and not loosely: the largest of many
// draws comes within a tenth of it.
void TestUsageGenerator::neverAboveTheBound()
{
    QFETCH(qint64, every);
    for (UsageProfile profile :
         {UsageProfile::Light, UsageProfile::Regular, UsageProfile::Heavy, UsageProfile::Traveller}) {
        const UsageSample bound = UsageGenerator::maxSample(profile, every);
        UsageGenerator generator(profile, 11, every);
        UsageSample largest;
        for (int i = 0; i < 20000; ++i) {
            const UsageSample sample = generator.next(i % 24);
            QVERIFY(sample.dataBytes <= bound.dataBytes);
            QVERIFY(sample.voiceSeconds <= bound.voiceSeconds);
            largest.dataBytes = std::max(largest.dataBytes, sample.dataBytes);
            largest.voiceSeconds = std::max(largest.voiceSeconds, sample.voiceSeconds);
        }
        // Within a tenth, without multiplying: a bound near 2^61 would overflow.
        QVERIFY2(largest.dataBytes >= bound.dataBytes - bound.dataBytes / 10, qPrintable(QStringLiteral("%1 of %2").arg(largest.dataBytes).arg(bound.dataBytes)));
    }
}

void TestUsageGenerator::dailyTotals_data()
{
    QTest::addColumn<UsageProfile>("profile");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<double>("dailyData");  // bytes, from usagegenerator.cpp
    QTest::addColumn<double>("dailyVoice"); // seconds, from usagegenerator.cpp

    const struct
    {
        const char *name;
        UsageProfile profile;
        double data;
        double voice;
    } profiles[] = {
        {"light", UsageProfile::Light, 250e6, 4 * 60},
        {"regular", UsageProfile::Regular, 1500e6, 20 * 60},
        {"heavy", UsageProfile::Heavy, 6000e6, 60 * 60},
        {"traveller", UsageProfile::Traveller, 900e6, 6 * 60},
    };
    for (const auto &p : profiles) {
        for (quint64 seed : {quint64(1), quint64(42)})
            QTest::addRow("%s seed %llu", p.name, static_cast<unsigned long long>(seed))
                << p.profile << seed << p.data << p.voice;
    }
}

void TestUsageGenerator::dailyTotals()
{
    QFETCH(UsageProfile, profile);
    QFETCH(quint64, seed);
    QFETCH(double, dailyData);
    QFETCH(double, dailyVoice);

    // Calls are few (a couple a day for light): average voice over a year.
    const Totals totals = overDays(profile, seed, 365);
    const double data = totals.data / 365;
    const double voice = totals.voice / 365;
    QVERIFY2(data > 0.75 * dailyData && data < 1.25 * dailyData,
             qPrintable(QStringLiteral("mean data %1 B/day, profile says %2").arg(data).arg(dailyData)));
    QVERIFY2(voice > 0.75 * dailyVoice && voice < 1.25 * dailyVoice,
             qPrintable(QStringLiteral("mean voice %1 s/day, profile says %2").arg(voice).arg(dailyVoice)));
}

void TestUsageGenerator::profilesOrderedByData()
{
    const double light = thirtyDays(UsageProfile::Light, 3).data;
    const double regular = thirtyDays(UsageProfile::Regular, 3).data;
    const double heavy = thirtyDays(UsageProfile::Heavy, 3).data;
    QVERIFY(heavy > regular);
    QVERIFY(regular > light);
    QVERIFY(light > 0);
}

void TestUsageGenerator::hourlyRhythm()
{
    const Totals regular = thirtyDays(UsageProfile::Regular, 5);
    const double night = regular.dataAtHours[2] + regular.dataAtHours[3] + regular.dataAtHours[4];
    const double evening = regular.dataAtHours[19] + regular.dataAtHours[20] + regular.dataAtHours[21];
    // Weights 5+5+5 against 190+200+170: the evening should dwarf the night.
    QVERIFY2(evening > 10 * night, qPrintable(QStringLiteral("night %1, evening %2").arg(night).arg(evening)));

    const Totals traveller = thirtyDays(UsageProfile::Traveller, 5);
    const double lateNight = traveller.dataAtHours[0] + traveller.dataAtHours[1] + traveller.dataAtHours[2];
    const double morning = traveller.dataAtHours[9] + traveller.dataAtHours[10] + traveller.dataAtHours[11];
    QVERIFY(morning > 10 * lateNight);
}

void TestUsageGenerator::longInterval_data()
{
    QTest::addColumn<UsageProfile>("profile");
    QTest::addColumn<int>("hour");
    QTest::addColumn<double>("expectedData");  // daily × hour weight / 100
    QTest::addColumn<double>("expectedVoice");

    QTest::newRow("light at 22 (weight 100)") << UsageProfile::Light << 22 << 250e6 << 240.0;
    QTest::newRow("regular at 10 (weight 100)") << UsageProfile::Regular << 10 << 1500e6 << 1200.0;
    QTest::newRow("heavy at 16 (weight 100)") << UsageProfile::Heavy << 16 << 6000e6 << 3600.0;
    QTest::newRow("traveller at 11 (weight 200)") << UsageProfile::Traveller << 11 << 1800e6 << 720.0;
}

void TestUsageGenerator::longInterval()
{
    QFETCH(UsageProfile, profile);
    QFETCH(int, hour);
    QFETCH(double, expectedData);
    QFETCH(double, expectedVoice);

    UsageGenerator generator(profile, 11, oneDay);
    const UsageSample first = generator.next(hour);
    QVERIFY(first.dataBytes > 0);
    double data = double(first.dataBytes);
    double voice = double(first.voiceSeconds);
    const int count = 400;
    for (int i = 1; i < count; ++i) {
        const UsageSample sample = generator.next(hour);
        data += double(sample.dataBytes);
        voice += double(sample.voiceSeconds);
    }
    QVERIFY2(qAbs(data / count - expectedData) < 0.1 * expectedData,
             qPrintable(QStringLiteral("mean data %1, expected %2").arg(data / count).arg(expectedData)));
    QVERIFY2(qAbs(voice / count - expectedVoice) < 0.1 * expectedVoice,
             qPrintable(QStringLiteral("mean voice %1, expected %2").arg(voice / count).arg(expectedVoice)));
}

// The first samples of a stream, worked out by hand from the reference
// xoshiro256** draws (seeded through splitmix64 with seed ^ index × 0xd1b54a32d192ed03)
// and the rules in usagegenerator.cpp, so they pin the PRNG and the integer
// arithmetic on every platform and compiler. If they change, every scenario
// with `generate` changes its output.
// Traveller at 10:00 (hour weight 220), 5-minute samples: expected data
// 900 000 000 B × 300 s × 220 / (86 400 s × 100) = 6 875 000 B, times a factor
// f/1024 where f = below(2048) of the first draw. The call chance is
// 360 × 300 × 220 × 65 536 / (86 400 × 100 × 240) = 750 in 65 536, tried with
// below(65536) of the second draw.
void TestUsageGenerator::golden()
{
    UsageGenerator generator(UsageProfile::Traveller, 42, fiveMinutes);
    const qint64 expectedData = 6'875'000;
    const quint64 chance = 750;
    // f and the call draw of samples 0, 1, 2, from the reference outputs:
    // f = top 32 bits of the first output × 2048 >> 32.
    const struct
    {
        quint64 factor;
        quint64 callDraw;
    } draws[] = {{171, 24836}, {1, 1406}, {1957, 48686}};
    for (quint64 index = 0; index < 3; ++index) {
        std::array<quint64, 4> state = reference::seededState(42 ^ (index * 0xd1b54a32d192ed03ULL));
        const quint64 factor = ((reference::xoshiro256starstar(state) >> 32) * 2048) >> 32;
        const quint64 callDraw = ((reference::xoshiro256starstar(state) >> 32) * 65536) >> 32;
        QCOMPARE(factor, draws[index].factor);
        QCOMPARE(callDraw, draws[index].callDraw);
        const UsageSample sample = generator.next(10);
        QCOMPARE(sample.dataBytes, expectedData * qint64(factor) / 1024); // 1 148 071, 6 713, 13 139 038
        QVERIFY(callDraw >= chance); // no call in these three
        QCOMPARE(sample.voiceSeconds, qint64(0));
    }
}

// Sample n depends on (seed, n) only: a run resumed at sample n continues
// the very same stream.
void TestUsageGenerator::resumesAnywhere()
{
    UsageGenerator sequential(UsageProfile::Heavy, 9, fiveMinutes);
    std::vector<UsageSample> samples;
    for (int i = 0; i < 50; ++i)
        samples.push_back(sequential.next(i % 24));
    const UsageGenerator random(UsageProfile::Heavy, 9, fiveMinutes);
    UsageGenerator resumed(UsageProfile::Heavy, 9, fiveMinutes, 37);
    for (int i : {0, 13, 37, 49}) {
        QCOMPARE(random.sampleAt(i, i % 24).dataBytes, samples[std::size_t(i)].dataBytes);
        QCOMPARE(random.sampleAt(i, i % 24).voiceSeconds, samples[std::size_t(i)].voiceSeconds);
    }
    QCOMPARE(resumed.next(37 % 24).dataBytes, samples[37].dataBytes);
    QCOMPARE(resumed.next(38 % 24).dataBytes, samples[38].dataBytes);
}

// Published outputs, so the transcription above is the reference algorithm:
// - splitmix64 seeded with 0 (splitmix64.c; quoted by many test suites);
// - splitmix64 seeded with 1234567 (Rosetta Code, "Pseudo-random
//   numbers/Splitmix64");
// - xoshiro256** from the state {1, 2, 3, 4} (the reference test vector of
//   the rand_xoshiro crate, produced with xoshiro256starstar.c).
void TestUsageGenerator::referenceAlgorithmsGiveThePublishedOutputs()
{
    quint64 zero = 0;
    for (const quint64 expected : {0xe220a8397b1dcdafULL, 0x6e789e6aa1b965f4ULL, 0x06c45d188009454fULL, 0xf88bb8a8724c81ecULL,
                                   0x1b39896a51a8749bULL})
        QCOMPARE(reference::splitmix64(zero), expected);
    quint64 rosetta = 1234567;
    for (const quint64 expected : {6457827717110365317ULL, 3203168211198807973ULL, 9817491932198370423ULL,
                                   4593380528125082431ULL, 16408922859458223821ULL})
        QCOMPARE(reference::splitmix64(rosetta), expected);
    std::array<quint64, 4> state{1, 2, 3, 4};
    for (const quint64 expected : {11520ULL, 0ULL, 1509978240ULL, 1215971899390074240ULL, 1216172134540287360ULL,
                                   607988272756665600ULL, 16172922978634559625ULL, 8476171486693032832ULL,
                                   10595114339597558777ULL, 2904607092377533576ULL})
        QCOMPARE(reference::xoshiro256starstar(state), expected);
}

void TestUsageGenerator::xoshiroFollowsTheReference_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<std::vector<quint64>>("first"); // from xoshiro256starstar.c seeded by splitmix64.c
    QTest::newRow("seed 0") << quint64(0)
                            << std::vector<quint64>{0x99ec5f36cb75f2b4ULL, 0xbf6e1f784956452aULL, 0x1a5f849d4933e6e0ULL,
                                                    0x6aa594f1262d2d2cULL, 0xbba5ad4a1f842e59ULL, 0xffef8375d9ebcacaULL};
    QTest::newRow("seed 1234567") << quint64(1234567)
                                  << std::vector<quint64>{0x30a3a1c363600467ULL, 0x19405f0f579929caULL, 0x115beaac046ddbd9ULL,
                                                          0xeb17caf48f27d7f6ULL, 0xa0c94fe1cce9d136ULL, 0x70e3326578802da2ULL};
    QTest::newRow("seed 42") << quint64(42) << std::vector<quint64>{};
    QTest::newRow("seed 2^64-1") << ~quint64(0) << std::vector<quint64>{};
}

// Our generator is xoshiro256** seeded through splitmix64: its outputs are
// the reference algorithm's, from the first to the ten-thousandth.
void TestUsageGenerator::xoshiroFollowsTheReference()
{
    QFETCH(quint64, seed);
    QFETCH(std::vector<quint64>, first);
    Xoshiro256 ours(seed);
    std::array<quint64, 4> state = reference::seededState(seed);
    for (std::size_t i = 0; i < 10'000; ++i) {
        const quint64 expected = reference::xoshiro256starstar(state);
        const quint64 got = ours.next();
        QCOMPARE(got, expected);
        if (i < first.size())
            QCOMPARE(got, first[i]);
    }
}

// below(n) is the multiply-shift of the top 32 bits of the next output.
void TestUsageGenerator::belowIsMultiplyShiftOfTheTopBits()
{
    for (const quint32 bound : {1u, 2u, 7u, 2048u, 65536u, 4294967295u}) {
        Xoshiro256 ours(99);
        std::array<quint64, 4> state = reference::seededState(99);
        for (int i = 0; i < 1000; ++i) {
            const quint32 drawn = ours.below(bound);
            QCOMPARE(drawn, quint32(((reference::xoshiro256starstar(state) >> 32) * bound) >> 32));
            QVERIFY(drawn < bound);
        }
    }
}

void TestUsageGenerator::profileHasADailyRhythm_data()
{
    // Hours (local, three in a row) where the profile is quietest and busiest
    // as its description in usagegenerator.cpp says.
    QTest::addColumn<UsageProfile>("profile");
    QTest::addColumn<int>("quietFrom");
    QTest::addColumn<int>("busyFrom");
    QTest::newRow("light: asleep 02-05, evening 19-22") << UsageProfile::Light << 2 << 19;
    QTest::newRow("regular: asleep 02-05, evening 19-22") << UsageProfile::Regular << 2 << 19;
    QTest::newRow("heavy: asleep 03-06, streaming 19-22") << UsageProfile::Heavy << 3 << 19;
    QTest::newRow("traveller: hotel 00-03, sightseeing 09-12") << UsageProfile::Traveller << 0 << 9;
}

void TestUsageGenerator::profileHasADailyRhythm()
{
    QFETCH(UsageProfile, profile);
    QFETCH(int, quietFrom);
    QFETCH(int, busyFrom);
    for (const quint64 seed : {quint64(1), quint64(2), quint64(3)}) {
        const Totals totals = thirtyDays(profile, seed);
        double quiet = 0;
        double busy = 0;
        for (int hour = 0; hour < 3; ++hour) {
            quiet += totals.dataAtHours[quietFrom + hour];
            busy += totals.dataAtHours[busyFrom + hour];
        }
        QVERIFY2(quiet > 0, "even the quietest hours use a little");
        QVERIFY2(busy > 5 * quiet, qPrintable(QStringLiteral("seed %1: quiet hours %2 B, busy hours %3 B").arg(seed).arg(quiet).arg(busy)));
    }
}

void TestUsageGenerator::profileMakesCalls_data()
{
    QTest::addColumn<UsageProfile>("profile");
    QTest::addColumn<double>("dailyVoice"); // seconds, from the profile's description
    QTest::newRow("light: a short call most days") << UsageProfile::Light << 4.0 * 60;
    QTest::newRow("regular") << UsageProfile::Regular << 20.0 * 60;
    QTest::newRow("heavy") << UsageProfile::Heavy << 60.0 * 60;
    QTest::newRow("traveller: few calls") << UsageProfile::Traveller << 6.0 * 60;
}

// Every profile has calls: a month of 5-minute samples holds some, of
// plausible length, and more by day than in the small hours.
void TestUsageGenerator::profileMakesCalls()
{
    QFETCH(UsageProfile, profile);
    QFETCH(double, dailyVoice);
    for (const quint64 seed : {quint64(1), quint64(2)}) {
        UsageGenerator generator(profile, seed, fiveMinutes);
        int calls = 0;
        qint64 seconds = 0;
        qint64 smallHours = 0; // 01:00-05:00
        qint64 daytime = 0;    // 09:00-21:00
        for (int i = 0; i < 30 * samplesPerDay; ++i) {
            const int hour = hourOfSample(i);
            const UsageSample sample = generator.next(hour);
            calls += sample.voiceSeconds > 0;
            seconds += sample.voiceSeconds;
            if (hour >= 1 && hour < 5)
                smallHours += sample.voiceSeconds;
            else if (hour >= 9 && hour < 21)
                daytime += sample.voiceSeconds;
        }
        QVERIFY2(calls >= 15, qPrintable(QStringLiteral("seed %1: %2 calls in 30 days").arg(seed).arg(calls)));
        QVERIFY2(double(seconds) > 0.5 * 30 * dailyVoice && double(seconds) < 1.5 * 30 * dailyVoice,
                 qPrintable(QStringLiteral("seed %1: %2 s of calls in 30 days").arg(seed).arg(seconds)));
        QVERIFY2(daytime > 5 * smallHours, qPrintable(QStringLiteral("seed %1: %2 s by day, %3 s at night").arg(seed).arg(daytime).arg(smallHours)));
    }
}

// Over a month, heavier profiles use more data: heavy > regular > traveller > light.
void TestUsageGenerator::heavierProfilesUseMoreInAMonth()
{
    for (const quint64 seed : {quint64(1), quint64(7), quint64(1234567)}) {
        double previous = 0;
        for (UsageProfile profile : {UsageProfile::Light, UsageProfile::Traveller, UsageProfile::Regular, UsageProfile::Heavy}) {
            const double month = thirtyDays(profile, seed).data;
            QVERIFY2(month > previous, qPrintable(QStringLiteral("seed %1: %2 uses %3 B, not more than the lighter %4 B")
                                                      .arg(seed).arg(usageProfileName(profile)).arg(month).arg(previous)));
            previous = month;
        }
    }
}

TOPUP_TEST_GUILESS_MAIN(TestUsageGenerator)
} // namespace tst_usagegenerator
#include "tst_usagegenerator.moc"
