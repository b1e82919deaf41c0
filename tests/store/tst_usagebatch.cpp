// A catch-up's unsaved usage (UsageBatch): its hourly and daily roll-ups are
// exactly the sums of the samples by hour and by local day (across a
// daylight-saving change), a dropped run leaves it as it was, and a save
// writes each sample once: those from its instant on, not those an earlier
// save wrote, and none the batch forgot.
#include "testmain.h"
#include "domain/civil.h"
#include "rules/zonedcalendar.h"
#include "sim/xoshiro256.h"
#include "store/usagebatch.h"

#include <QTest>

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>
#include <vector>

namespace tst_usagebatch {

using namespace topup;

namespace {

constexpr qint64 everyMs = 5 * 60 * 1000;
// 2027-03-27T00:00:00Z: Europe/Berlin moves to summer time the next night.
constexpr qint64 startMs = 1'806'105'600'000;
const std::vector<qint64> lineIds{11, 12, 13};

using Sums = std::map<std::pair<qint64, qint64>, std::pair<qint64, qint64>>; // (line id, key) → (data, voice)

Sums hoursOf(const UsageBatch &batch)
{
    Sums sums;
    batch.forEachHour([&](qint64 line, const UsageBatch::Sum &sum) {
        auto &each = sums[{line, sum.key}];
        each.first += sum.dataBytes;
        each.second += sum.voiceSeconds;
    });
    return sums;
}

Sums daysOf(const UsageBatch &batch)
{
    Sums sums;
    batch.forEachDay([&](qint64 line, const UsageBatch::Sum &sum) {
        auto &each = sums[{line, sum.key}];
        each.first += sum.dataBytes;
        each.second += sum.voiceSeconds;
    });
    return sums;
}

using SampleKey = std::tuple<qint64, qint64, qint64, qint64>; // line id, at, data, voice

std::vector<SampleKey> samplesOf(const UsageBatch &batch, qint64 fromMs)
{
    std::vector<SampleKey> samples;
    batch.forEachUnwrittenSample(Instant::fromMsecs(fromMs), [&](const UsageBatch::Sample &sample) {
        samples.emplace_back(sample.lineId, sample.at.msecs(), sample.dataBytes, sample.voiceSeconds);
    });
    std::sort(samples.begin(), samples.end());
    return samples;
}

// One day of every line's samples on the 5-minute grid, from `dayStartMs`
// (seeded), given to the batch and to `all`.
void runDay(UsageBatch &batch, qint64 dayStartMs, Xoshiro256 &random, std::vector<UsageRecord> &all)
{
    for (qint64 at = dayStartMs; at < dayStartMs + civil::msPerDay; at += everyMs) {
        for (int line = 0; line < int(lineIds.size()); ++line) {
            const UsageRecord record{line, Instant::fromMsecs(at), qint64(random.below(5'000'000)) * 1000, qint64(random.below(300))};
            batch.add(record);
            all.push_back(record);
        }
    }
}

} // namespace

class TestUsageBatch final : public QObject
{
    Q_OBJECT

private slots:
    void rollUpsAreTheSumsOfTheSamples()
    {
        const ZonedCalendar calendar(QTimeZone("Europe/Berlin"));
        UsageBatch batch(lineIds, calendar, everyMs);
        Xoshiro256 random(16);
        std::vector<UsageRecord> all;
        for (int day = 0; day < 3; ++day) {
            batch.beginRun();
            runDay(batch, startMs + day * civil::msPerDay + 7 * 3'600'000 + 1, random, all); // days that end inside an hour
            batch.keepRun();
        }
        // A sample off the grid, and one voice figure too large for the
        // compact arrays: kept apart, summed all the same.
        batch.beginRun();
        const UsageRecord odd{1, Instant::fromMsecs(startMs + 3 * civil::msPerDay + 8 * 3'600'000 + 17), 5, 7};
        const UsageRecord large{2, Instant::fromMsecs(startMs + 3 * civil::msPerDay + 8 * 3'600'000), 3, qint64(1) << 40};
        for (const UsageRecord &record : {odd, large}) {
            batch.add(record);
            all.push_back(record);
        }
        batch.keepRun();

        Sums hours;
        Sums days;
        std::vector<SampleKey> samples;
        for (const UsageRecord &record : all) {
            const qint64 line = lineIds[std::size_t(record.line)];
            auto &hour = hours[{line, civil::floorDiv(record.at.msecs(), civil::msPerHour) * civil::msPerHour}];
            hour.first += record.dataBytes;
            hour.second += record.voiceSeconds;
            const qint64 local = record.at.msecs() + qint64(calendar.offsetSecondsAt(record.at)) * 1000;
            auto &day = days[{line, civil::floorDiv(local, civil::msPerDay)}];
            day.first += record.dataBytes;
            day.second += record.voiceSeconds;
            samples.emplace_back(line, record.at.msecs(), record.dataBytes, record.voiceSeconds);
        }
        std::sort(samples.begin(), samples.end());
        QVERIFY(hoursOf(batch) == hours);
        QVERIFY(daysOf(batch) == days);
        QCOMPARE(daysOf(batch).size(), std::size_t(3 * 4)); // 27 to 30 March, local
        QVERIFY(samplesOf(batch, std::numeric_limits<qint64>::min()) == samples);
    }

    void aDroppedRunLeavesTheBatchAsItWas()
    {
        const ZonedCalendar calendar(QTimeZone("Europe/Berlin"));
        UsageBatch batch(lineIds, calendar, everyMs);
        Xoshiro256 random(7);
        std::vector<UsageRecord> all;
        batch.beginRun();
        runDay(batch, startMs + 30 * 60'000 + 1, random, all);
        batch.keepRun();
        const Sums hours = hoursOf(batch);
        const Sums days = daysOf(batch);
        const std::vector<SampleKey> samples = samplesOf(batch, std::numeric_limits<qint64>::min());

        // The next day starts inside the last hour of the first: a dropped
        // run must not leave its part of that hour behind.
        batch.beginRun();
        runDay(batch, startMs + civil::msPerDay + 30 * 60'000 + 1, random, all);
        QCOMPARE(batch.runSamples(), qint64(288 * 3));
        batch.dropRun();
        QVERIFY(hoursOf(batch) == hours);
        QVERIFY(daysOf(batch) == days);
        QVERIFY(samplesOf(batch, std::numeric_limits<qint64>::min()) == samples);
    }

    void aSaveWritesEachSampleOnce()
    {
        const ZonedCalendar calendar(QTimeZone("UTC"));
        UsageBatch batch(lineIds, calendar, everyMs);
        Xoshiro256 random(3);
        std::vector<UsageRecord> all;
        for (int day = 0; day < 4; ++day) {
            batch.beginRun();
            runDay(batch, startMs + day * civil::msPerDay, random, all);
            batch.keepRun();
            batch.forgetSamplesBefore(Instant::fromMsecs(startMs + (day + 1) * civil::msPerDay - 48 * civil::msPerHour));
        }
        // Forgotten: older than the last 48 hours.
        const qint64 reached = startMs + 4 * civil::msPerDay;
        const std::vector<SampleKey> kept = samplesOf(batch, std::numeric_limits<qint64>::min());
        QCOMPARE(kept.size(), std::size_t(3 * 2 * 288));
        QCOMPARE(std::get<1>(kept.front()), reached - 48 * civil::msPerHour);

        // A save writes from the target's 48 hours on; a later save from
        // further back (a catch-up that stopped early) writes only the rest.
        const qint64 writtenFrom = reached - 12 * civil::msPerHour;
        const std::vector<SampleKey> first = samplesOf(batch, writtenFrom);
        QCOMPARE(first.size(), std::size_t(3 * 144));
        batch.clearRollUps();
        batch.markWritten(Instant::fromMsecs(writtenFrom), Instant::fromMsecs(reached - 1)); // through the day's end
        QVERIFY(hoursOf(batch).empty());
        QVERIFY(samplesOf(batch, writtenFrom).empty());
        const std::vector<SampleKey> rest = samplesOf(batch, reached - 48 * civil::msPerHour);
        QCOMPARE(rest.size(), kept.size() - first.size());
        for (const SampleKey &sample : rest)
            QVERIFY(std::get<1>(sample) < writtenFrom);

        // The next day's samples are new, and written by the next save.
        batch.beginRun();
        runDay(batch, reached, random, all);
        batch.keepRun();
        QCOMPARE(samplesOf(batch, writtenFrom).size(), std::size_t(3 * 288));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestUsageBatch)
} // namespace tst_usagebatch
#include "tst_usagebatch.moc"
