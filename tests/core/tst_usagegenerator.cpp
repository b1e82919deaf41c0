#include "sim/usagegenerator.h"

#include <QTest>

#include <vector>

using namespace topup;

Q_DECLARE_METATYPE(topup::UsageProfile)

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
    void dailyTotals_data();
    void dailyTotals();
    void profilesOrderedByData();
    void hourlyRhythm();
    void longInterval_data();
    void longInterval();
    void golden();
    void resumesAnywhere();
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

// These numbers pin the cross-platform determinism of the PRNG (xoshiro256**
// seeded through splitmix64) and of the integer arithmetic around it: they were
// taken from one run and must come out the same on every platform and compiler.
// If they change, every scenario with `generate` changes its output.
void TestUsageGenerator::golden()
{
    UsageGenerator generator(UsageProfile::Traveller, 42, fiveMinutes);
    const qint64 expected[3][2] = {{1148071, 0}, {6713, 0}, {13139038, 0}};
    for (const auto &row : expected) {
        const UsageSample sample = generator.next(10);
        QCOMPARE(sample.dataBytes, row[0]);
        QCOMPARE(sample.voiceSeconds, row[1]);
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

QTEST_GUILESS_MAIN(TestUsageGenerator)
#include "tst_usagegenerator.moc"
