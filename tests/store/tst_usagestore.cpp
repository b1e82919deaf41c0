// Usage samples and their roll-ups: what is kept, a UTC day of a line a
// row of samples, roll-ups exact on a seeded world, the upgrade of a
// version-6 file, a failed write. On both engines
// (tst_usagestore_postgresql; the upgrade of a version-6 file is SQLite's,
// tst_postgresschema migrates the same rows on both). That the two paths
// write the same rows: tst_usagefastpath.
#include "testmain.h"
#include "rules/zonedcalendar.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storeschema.h"
#include "store/samplesrow.h"
#include "store/usagebatch.h"
#include "store/usagestore.h"

#include "checked.h"
#include "draws.h"
#include "storeengine.h"
#include "storefixture.h"
#include "usagerows.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <tuple>

namespace tst_usagestore {

using namespace topup;
using namespace topup::test;

class TestUsageStore final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }


    void samplesBeforeTheCutOffFeedTheRollUpsOnly_data()
    {
        QTest::addColumn<bool>("fastest");
        QTest::newRow("fast path") << true;
        QTest::newRow("Qt Sql") << false;
    }

    // The world keeps 5-minute samples for 48 hours: older ones are folded
    // into the hourly and daily roll-ups and not kept, and the roll-ups are
    // the same as when every sample is kept.
    void samplesBeforeTheCutOffFeedTheRollUpsOnly()
    {
        QFETCH(bool, fastest);
        const UsageStore::Path path = fastest ? UsageStore::Path::Fastest : UsageStore::Path::QtSqlOnly;
        const ZonedCalendar calendar(QTimeZone("America/New_York"));
        const Expected<Instant> first = Instant::parse(u"2027-03-12T20:00:00Z");
        QVERIFY2(first, qPrintable(first.error()));
        const qint64 start = first->msecs();
        std::vector<UsageRow> rows;
        for (int i = 0; i < 3 * 24 * 12; ++i) { // three days, across the DST change
            for (qint64 line : {1, 2})
                rows.push_back(UsageRow{line, Instant::fromMsecs(start + i * 300000), 1000 * line + i, i % 7});
        }
        const Instant cutOff = Instant::fromMsecs(start + 30 * 3600 * 1000 + 7 * 60 * 1000); // inside an hour

        QTemporaryDir dir;
        auto keptDb = m_engine.openStore(dir.filePath(QStringLiteral("kept.sqlite")), storeSchema());
        auto cutDb = m_engine.openStore(dir.filePath(QStringLiteral("cut.sqlite")), storeSchema());
        QVERIFY2(keptDb, qPrintable(keptDb.error()));
        QVERIFY2(cutDb, qPrintable(cutDb.error()));
        Database &kept = **keptDb;
        Database &cut = **cutDb;
        const Expected<void> wroteAll = kept.write([&]() -> Expected<void> {
            if (const auto added = addTwoLines(kept); !added)
                return added;
            return UsageStore(kept, path).write(rows, calendar);
        });
        QVERIFY2(wroteAll, qPrintable(wroteAll.error()));
        const Expected<void> wroteCut = cut.write([&]() -> Expected<void> {
            if (const auto added = addTwoLines(cut); !added)
                return added;
            return UsageStore(cut, path).write(rows, calendar, cutOff);
        });
        QVERIFY2(wroteCut, qPrintable(wroteCut.error()));

        QCOMPARE(hoursOf(cut), hoursOf(kept));
        QCOMPARE(rowsOf(cut, "usage_hours"), rowsOf(kept, "usage_hours"));
        QCOMPARE(rowsOf(cut, "usage_daily"), rowsOf(kept, "usage_daily"));
        QCOMPARE(hoursOf(kept).size(), 2 * 3 * 24);
        // Three days from 20:00 UTC: four UTC days, a row each a line.
        QCOMPARE(rowsOf(kept, "usage_hours").size(), 2 * 4);
        QStringList recent;
        for (const UsageRow &row : rows) {
            if (!(row.at < cutOff))
                recent << QStringLiteral("%1|%2|%3|%4").arg(row.lineId).arg(row.at.msecs()).arg(row.dataBytes).arg(row.voiceSeconds);
        }
        recent.sort();
        QStringList cutSamples = samplesOf(cut);
        cutSamples.sort();
        QCOMPARE(cutSamples, recent);
        QVERIFY(recent.size() > 0 && recent.size() < int(rows.size()));

        // A save writes a line's samples of a UTC day as one row: three
        // days from 20:00 reach into four UTC days.
        QCOMPARE(recentKeysOf(kept), QStringList({QStringLiteral("1|501356"), QStringLiteral("1|501360"), QStringLiteral("1|501384"),
                                                  QStringLiteral("1|501408"), QStringLiteral("2|501356"), QStringLiteral("2|501360"),
                                                  QStringLiteral("2|501384"), QStringLiteral("2|501408")}));

        // Pruning drops one line's UTC days before the cut-off's, nothing
        // else: the day that holds the cut-off is kept whole.
        const Expected<void> pruned = kept.write([&] { return UsageStore(kept, path).pruneSamples(1, cutOff); });
        QVERIFY2(pruned, qPrintable(pruned.error()));
        const qint64 cutHour = SamplesRow::startOf(SamplesRow::dayStartOf(SamplesRow::hourOf(cutOff.msecs())));
        const Expected<Instant> cutDay = Instant::parse(u"2027-03-14T00:00:00Z");
        QVERIFY2(cutDay, qPrintable(cutDay.error()));
        QCOMPARE(cutHour, cutDay->msecs());
        int lineOne = 0;
        int lineTwo = 0;
        for (const QString &row : samplesOf(kept)) {
            const QStringList fields = row.split(QLatin1Char('|'));
            QCOMPARE(fields.size(), 4);
            if (fields[0] == QLatin1String("1")) {
                QVERIFY2(fields[1].toLongLong() >= cutHour, qPrintable(row));
                ++lineOne;
            } else {
                ++lineTwo;
            }
        }
        QCOMPARE(lineOne, int(std::count_if(rows.begin(), rows.end(), [&](const UsageRow &row) {
                     return row.lineId == 1 && row.at.msecs() >= cutHour;
                 })));
        QCOMPARE(lineTwo, 3 * 24 * 12);
        QCOMPARE(hoursOf(kept), hoursOf(cut));
    }

    // Saves that go on where the last one stopped: a save that starts in
    // the hour a row starts at adds to that row; one that starts in a later
    // hour of the day gets a row of its own; none crosses a UTC day; an
    // instant written again is added up. Every sample reads back once.
    void savesAddToTheRowTheyContinue()
    {
        QFETCH(bool, fastest);
        const UsageStore::Path path = fastest ? UsageStore::Path::Fastest : UsageStore::Path::QtSqlOnly;
        const ZonedCalendar calendar(QTimeZone("UTC"));
        const Expected<Instant> midnight = Instant::parse(u"2027-03-13T00:00:00Z");
        QVERIFY2(midnight, qPrintable(midnight.error()));
        const qint64 start = midnight->msecs();
        const qint64 day = SamplesRow::hourOf(start);
        const auto samples = [&](int fromStep, int toStep) {
            std::vector<UsageRow> rows;
            for (int step = fromStep; step < toStep; ++step)
                rows.push_back(UsageRow{1, Instant::fromMsecs(start + step * 300000), 100 + step, step % 3});
            return rows;
        };
        // 00:00–09:55, 10:00–10:25, 10:30–12:55, 13:00–01:55 the next day, 10:00 again.
        std::vector<std::vector<UsageRow>> saves{samples(0, 120), samples(120, 126), samples(126, 156), samples(156, 312),
                                                 {UsageRow{1, Instant::fromMsecs(start + 120 * 300000), 5, 1}}};
        QTemporaryDir dir;
        auto opened = m_engine.openStore(dir.filePath(QStringLiteral("saves.sqlite")), storeSchema());
        QVERIFY2(opened, qPrintable(opened.error()));
        Database &database = **opened;
        TOPUP_VERIFY_OK(database.write([&] { return addTwoLines(database); }));
        for (const std::vector<UsageRow> &save : saves)
            TOPUP_VERIFY_OK(database.write([&] { return UsageStore(database, path).write(save, calendar); }));

        QCOMPARE(recentKeysOf(database), QStringList({QStringLiteral("1|%1").arg(day), QStringLiteral("1|%1").arg(day + 10),
                                                      QStringLiteral("1|%1").arg(day + 13), QStringLiteral("1|%1").arg(day + 24)}));
        QStringList expected;
        for (const UsageRow &row : samples(0, 312))
            expected << QStringLiteral("1|%1|%2|%3").arg(row.at.msecs()).arg(row.dataBytes + (row.at.msecs() == start + 120 * 300000 ? 5 : 0))
                            .arg(row.voiceSeconds + (row.at.msecs() == start + 120 * 300000 ? 1 : 0));
        QCOMPARE(samplesOf(database), expected);
    }

    void savesAddToTheRowTheyContinue_data()
    {
        QTest::addColumn<bool>("fastest");
        QTest::newRow("sqlite3 handle") << true;
        QTest::newRow("Qt Sql") << false;
    }

    void rollUpsAreExactOnASeededWorld_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<bool>("fastest");
        QTest::addColumn<quint64>("seed");
        for (const char *zone : {"America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"}) {
            QTest::addRow("%s, fast path", zone) << QString::fromLatin1(zone) << true << quint64(16);
            QTest::addRow("%s, Qt Sql", zone) << QString::fromLatin1(zone) << false << quint64(61);
        }
    }

    // 50 days of three lines' 5-minute samples (some twice at one instant,
    // a few off the grid), across a change of offset and a month's end, in
    // a zone a whole, half or DST-half hour from UTC, written in writes
    // that end anywhere (inside an hour, inside a day): every hour, local
    // day and local month of the roll-ups is the sum of its samples, and
    // the samples read back as they were (those at one instant added up).
    void rollUpsAreExactOnASeededWorld()
    {
        QFETCH(QString, zone);
        QFETCH(bool, fastest);
        QFETCH(quint64, seed);
        const QTimeZone timeZone(zone.toLatin1());
        QVERIFY(timeZone.isValid());
        const ZonedCalendar calendar(timeZone);
        test::Draws draws(seed);
        const Expected<Instant> first = Instant::parse(u"2027-02-20T00:00:00Z");
        QVERIFY2(first, qPrintable(first.error()));
        constexpr qint64 every = UsageStore::sampleEveryMs;
        std::vector<UsageRow> rows;
        for (qint64 at = first->msecs(); at < first->msecs() + 50 * 24 * 3600000LL; at += every) {
            for (qint64 line : {1, 2, 3}) {
                const qint64 data = draws.chance(30) ? 0 : qint64(draws.below(2'000'000)) * line;
                const qint64 voice = draws.chance(70) ? 0 : qint64(draws.below(300));
                rows.push_back(UsageRow{line, Instant::fromMsecs(at), data, voice});
                if (draws.chance(2))
                    rows.push_back(UsageRow{line, Instant::fromMsecs(at), qint64(draws.below(1000)), qint64(draws.below(10))});
                if (draws.chance(1))
                    rows.push_back(UsageRow{line, Instant::fromMsecs(at + 1 + draws.below(quint32(every - 1))), 7, 1});
            }
        }
        // What the samples add up to, by UTC hour, local day and local month.
        std::map<QString, std::pair<qint64, qint64>> samples, hours, days, months;
        const auto addTo = [](std::map<QString, std::pair<qint64, qint64>> &sums, const QString &key, const UsageRow &row) {
            sums[key].first += row.dataBytes;
            sums[key].second += row.voiceSeconds;
        };
        for (const UsageRow &row : rows) {
            const QString day = QDateTime::fromMSecsSinceEpoch(row.at.msecs(), timeZone).date().toString(Qt::ISODate);
            addTo(samples, QStringLiteral("%1|%2").arg(row.lineId).arg(row.at.msecs(), 15, 10, QLatin1Char('0')), row);
            addTo(hours, QStringLiteral("%1|%2").arg(row.lineId).arg(SamplesRow::hourOf(row.at.msecs())), row);
            addTo(days, QStringLiteral("%1|%2").arg(row.lineId).arg(day), row);
            addTo(months, QStringLiteral("%1|%2").arg(row.lineId).arg(day.left(7)), row);
        }

        QTemporaryDir dir;
        auto opened = m_engine.openStore(dir.filePath(QStringLiteral("t.sqlite")), storeSchema());
        QVERIFY2(opened, qPrintable(opened.error()));
        Database &database = **opened;
        const UsageStore::Path path = fastest ? UsageStore::Path::Fastest : UsageStore::Path::QtSqlOnly;
        QVERIFY(database.write([&] { return addTwoLines(database); }));
        QVERIFY(database.write([&] {
            Statement third(database, QStringLiteral("INSERT INTO lines (id, account_id, code, name, data_bytes, voice_seconds)"
                                                     " VALUES (3, 1, 'c', 'C', 0, 0)"));
            return third.run();
        }));
        std::size_t written = 0;
        int writes = 0;
        while (written < rows.size()) {
            const std::size_t count = std::min(rows.size() - written, std::size_t(1 + draws.below(3 * 288 * 3)));
            const std::vector<UsageRow> part(rows.begin() + qsizetype(written), rows.begin() + qsizetype(written + count));
            const Expected<void> wrote = database.write([&] { return UsageStore(database, path).write(part, calendar); });
            QVERIFY2(wrote, qPrintable(wrote.error()));
            written += count;
            ++writes;
        }
        QVERIFY(writes > 10);

        const auto read = [&](const QString &sql) {
            std::map<QString, std::pair<qint64, qint64>> sums;
            QSqlQuery query(database.connection());
            if (!query.exec(sql))
                return sums;
            while (query.next())
                sums[query.value(0).toString() + QLatin1Char('|') + query.value(1).toString()] = {query.value(2).toLongLong(),
                                                                                                  query.value(3).toLongLong()};
            return sums;
        };
        std::map<QString, std::pair<qint64, qint64>> storedHours;
        for (const QString &row : hoursOf(database)) {
            const QStringList fields = row.split(QLatin1Char('|'));
            QCOMPARE(fields.size(), 4);
            storedHours[fields[0] + QLatin1Char('|') + fields[1]] = {fields[2].toLongLong(), fields[3].toLongLong()};
        }
        QCOMPARE(storedHours, hours);
        QCOMPARE(read(QStringLiteral("SELECT line_id, day, data_bytes, voice_seconds FROM usage_daily")), days);
        QCOMPARE(read(QStringLiteral("SELECT line_id, substr(day, 1, 7), sum(data_bytes), sum(voice_seconds) FROM usage_daily GROUP BY 1, 2")),
                 months);
        // One row a line-day, whatever the writes that made it: never added twice.
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM usage_hours")), qint64(3 * 50));
        std::map<QString, std::pair<qint64, qint64>> kept;
        for (const QString &row : samplesOf(database)) {
            const QStringList fields = row.split(QLatin1Char('|'));
            QCOMPARE(fields.size(), 4);
            // An instant written again in a later write may sit in a second
            // row of the day (a catch-up writes each sample once): added up.
            auto &sum = kept[QStringLiteral("%1|%2").arg(fields[0]).arg(fields[1].toLongLong(), 15, 10, QLatin1Char('0'))];
            sum.first += fields[2].toLongLong();
            sum.second += fields[3].toLongLong();
        }
        QCOMPARE(kept, samples);
    }

    // A store of schema version 6 (a row a sample, hours by their first
    // millisecond) opens, migrates to version 7 and reads the same: every
    // sample, before 1970 too, in its line-hour's row; every hourly and
    // daily roll-up; then a write adds to a migrated hour.
    void aVersion6StoreMigratesItsUsage()
    {
        if (m_engine.engine() != Dialect::Engine::Sqlite)
            QSKIP("a version-6 SQLite file's upgrade (its rows are written in SQLite's words); tst_postgresschema migrates the same rows on PostgreSQL");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QStringList oldSamples;
        QStringList oldHours;
        QStringList oldDays;
        const auto rowsOfQuery = [](QSqlQuery &query, const QString &sql) {
            QStringList rows;
            query.exec(sql);
            while (query.next())
                rows << QStringLiteral("%1|%2|%3|%4").arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                                        query.value(3).toString());
            return rows;
        };
        {
            Schema older = storeSchema();
            older.migrations.resize(6);
            auto db = Database::open(path, older);
            QVERIFY2(db, qPrintable(db.error()));
            QCOMPARE((*db)->schemaVersion(), 6);
            QVERIFY((*db)->write([&] { return addTwoLines(**db); }));
            QSqlQuery query((*db)->connection());
            // Two lines, 30 hours from 2027-03-13T20:00Z, and a few samples before 1970 (negative instants).
            QVERIFY2(query.exec(QStringLiteral(
                         "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 359)"
                         " INSERT INTO usage_samples (line_id, at_ms, data_bytes, voice_seconds)"
                         " SELECT line, 1805054400000 + i * 300000, i * 7919 % 100000 + line, i % 13 * line FROM n, (SELECT 1 AS line UNION SELECT 2)"
                         " UNION ALL SELECT 1, -300000, 5, 1 UNION ALL SELECT 1, -3600000, 6, 2 UNION ALL SELECT 2, -3600001, 7, 3"
                         " UNION ALL SELECT 2, 1805054400123, 8, 4")),
                     qPrintable(query.lastError().text()));
            QVERIFY2(query.exec(QStringLiteral("INSERT INTO usage_hourly (line_id, hour_ms, data_bytes, voice_seconds)"
                                               " SELECT line_id, at_ms - ((at_ms % 3600000) + 3600000) % 3600000, sum(data_bytes),"
                                               " sum(voice_seconds) FROM usage_samples GROUP BY 1, 2")),
                     qPrintable(query.lastError().text()));
            QVERIFY2(query.exec(QStringLiteral("INSERT INTO usage_daily (line_id, day, data_bytes, voice_seconds)"
                                               " SELECT line_id, date(at_ms / 1000, 'unixepoch'), sum(data_bytes), sum(voice_seconds)"
                                               " FROM usage_samples GROUP BY 1, 2")),
                     qPrintable(query.lastError().text()));
            oldSamples = rowsOfQuery(query, QStringLiteral("SELECT line_id, at_ms, data_bytes, voice_seconds FROM usage_samples ORDER BY 1, 2"));
            oldHours = rowsOfQuery(query, QStringLiteral("SELECT line_id, hour_ms, data_bytes, voice_seconds FROM usage_hourly ORDER BY 1, 2"));
            oldDays = rowsOfQuery(query, QStringLiteral("SELECT line_id, day, data_bytes, voice_seconds FROM usage_daily ORDER BY 1, 2"));
            QCOMPARE(oldSamples.size(), 2 * 360 + 4);
        }
        auto db = Database::open(path, storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        QCOMPARE(database.schemaVersion(), storeSchema().latestVersion());
        QSqlQuery query(database.connection());
        QCOMPARE(samplesOf(database), oldSamples);
        QStringList hoursNow;
        for (const QString &row : hoursOf(database)) {
            QStringList fields = row.split(QLatin1Char('|'));
            fields[1] = QString::number(fields[1].toLongLong() * 3600000);
            hoursNow << fields.join(QLatin1Char('|'));
        }
        QCOMPARE(hoursNow, oldHours);
        QCOMPARE(rowsOfQuery(query, QStringLiteral("SELECT line_id, day, data_bytes, voice_seconds FROM usage_daily ORDER BY 1, 2")), oldDays);
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM usage_recent")), qint64(2 * 30 + 2)); // 30 hours of each line, and two hours before 1970
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'usage_samples'")), qint64(0));

        // The hour of 2027-03-15T01:00Z, line 1, has 12 samples; one more at its last 5 minutes adds to it.
        const ZonedCalendar calendar(QTimeZone("UTC"));
        const qint64 at = 1805054400000 + 359 * 300000;
        const Expected<void> wrote = database.write([&] {
            return UsageStore(database).write({UsageRow{1, Instant::fromMsecs(at), 1000, 10}}, calendar);
        });
        QVERIFY2(wrote, qPrintable(wrote.error()));
        QStringList expected = oldSamples;
        const int last = int(expected.indexOf(QStringLiteral("1|%1|%2|%3").arg(at).arg(359 * 7919 % 100000 + 1).arg(359 % 13)));
        QVERIFY(last >= 0);
        expected[last] = QStringLiteral("1|%1|%2|%3").arg(at).arg(359 * 7919 % 100000 + 1 + 1000).arg(359 % 13 + 10);
        QCOMPARE(samplesOf(database), expected);
        // Its roll-up is its samples' sum again.
        qint64 hourData = 0;
        for (const QString &row : expected) {
            const QStringList fields = row.split(QLatin1Char('|'));
            if (fields[0] == QLatin1String("1") && SamplesRow::hourOf(fields[1].toLongLong()) == SamplesRow::hourOf(at))
                hourData += fields[2].toLongLong();
        }
        const QStringList hoursAfter = hoursOf(database);
        const auto written = std::find_if(hoursAfter.begin(), hoursAfter.end(), [&](const QString &row) {
            return row.startsWith(QStringLiteral("1|%1|").arg(SamplesRow::hourOf(at)));
        });
        QVERIFY(written != hoursAfter.end());
        QCOMPARE(written->section(QLatin1Char('|'), 2, 2).toLongLong(), hourData);
    }

    // A store of schema version 12 (a row a line-hour in usage_hourly)
    // migrates to version 13 (a row a line-day in usage_hours) on either
    // engine with every hour as it was — several lines and days, before
    // 1970 too, the last day partly written —; then a write that continues
    // that day is merged into its row (the hour it left open added up, the
    // next hours after it), not written beside it nor over it.
    void aVersion12StoreMigratesItsHours()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v12.sqlite"));
        Schema older = storeSchema();
        older.migrations.resize(12);
        // line → hour → (data, voice): line 1 two whole UTC days and 09:00–13:00 of a third, line 2 a few
        // hours across three days and before 1970, line 3 nothing.
        const qint64 day = 20891; // 2027-03-14
        std::map<qint64, std::map<qint64, std::pair<qint64, qint64>>> hours;
        for (qint64 hour = (day - 2) * 24; hour < day * 24 + 14; ++hour)
            hours[1][hour] = {hour * 7919 % 100000, hour % 13};
        for (const qint64 hour : {-25LL, -1LL, 0LL, day * 24 + 3, day * 24 + 23, (day + 1) * 24})
            hours[2][hour] = {hour * 31 + 7000, 5};
        hours[1][day * 24 + 5] = {0, 0}; // an hour of no use still has its roll-up
        {
            auto opened = m_engine.openStore(path, older);
            QVERIFY2(opened, qPrintable(opened.error()));
            Database &database = **opened;
            QCOMPARE(database.schemaVersion(), 12);
            TOPUP_VERIFY_OK(database.write([&]() -> Expected<void> {
                if (const auto added = addLines(database, 3); !added)
                    return added;
                Statement insert(database, QStringLiteral("INSERT INTO usage_hourly (line_id, hour, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)"));
                for (const auto &[line, each] : hours) {
                    for (const auto &[hour, sums] : each) {
                        insert.bind(line).bind(hour).bind(sums.first).bind(sums.second);
                        if (const auto ran = insert.run(); !ran)
                            return ran;
                    }
                }
                return {};
            }));
        }
        const auto expected = [&] {
            QStringList rows;
            for (const auto &[line, each] : hours) {
                for (const auto &[hour, sums] : each)
                    rows << QStringLiteral("%1|%2|%3|%4").arg(line).arg(hour).arg(sums.first).arg(sums.second);
            }
            return rows;
        };
        auto opened = m_engine.openStore(path, storeSchema());
        QVERIFY2(opened, qPrintable(opened.error()));
        Database &database = **opened;
        QCOMPARE(database.schemaVersion(), storeSchema().latestVersion());
        QCOMPARE(hoursOf(database), expected());
        // A row a line-day: line 1 three days, line 2 days -2, -1, 0, day and day + 1.
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM usage_hours")), qint64(3 + 5));
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM usage_hours WHERE line_id = 2 AND day < 0")), qint64(2));
        {
            Statement gone(database, database.dialect().tableExists());
            gone.bind(QStringLiteral("usage_hourly"));
            TOPUP_VERIFY_OK(gone.run());
            QVERIFY(!gone.next());
        }

        // A save from 13:30 to 15:55 on line 1 (on each path in turn): 13:00 is added to, 14:00 and 15:00 join the day's row.
        const ZonedCalendar calendar(QTimeZone("UTC"));
        for (UsageStore::Path path : {UsageStore::Path::Fastest, UsageStore::Path::QtSqlOnly}) {
            std::vector<UsageRow> rows;
            for (qint64 at = (day * 24 + 13) * 3600000 + 1800000; at < (day * 24 + 16) * 3600000; at += UsageStore::sampleEveryMs) {
                rows.push_back(UsageRow{1, Instant::fromMsecs(at), 100, 1});
                auto &sums = hours[1][SamplesRow::hourOf(at)];
                sums.first += 100;
                sums.second += 1;
            }
            TOPUP_VERIFY_OK(database.write([&] { return UsageStore(database, path).write(rows, calendar); }));
            QCOMPARE(hoursOf(database), expected());
            QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM usage_hours")), qint64(3 + 5));
        }
    }

    // The clock check's latest hour: the last hour of the latest day any
    // line has (not the latest hour of the day within any row); a damaged
    // row of that day is damage.
    void theLatestHourIsTheLastOfTheLatestDay()
    {
        QTemporaryDir dir;
        auto opened = m_engine.openStore(dir.filePath(QStringLiteral("latest.sqlite")), storeSchema());
        QVERIFY2(opened, qPrintable(opened.error()));
        Database &database = **opened;
        TOPUP_VERIFY_OK(database.write([&] { return addLines(database, 3); }));
        QCOMPARE(TOPUP_VALUE(UsageStore::latestHour(database)), std::optional<Instant>());
        Statement insert(database, QStringLiteral("INSERT INTO usage_hours (line_id, day, hours) VALUES (?, ?, ?)"));
        const qint64 day = 20891;
        for (const auto &[line, rowDay, text] : {std::tuple{1, day - 1, "23,5,0"}, std::tuple{1, day, "0,1,0;4,2,0"},
                                                 std::tuple{2, day, "2,1,0;9,3,1"}, std::tuple{3, day - 2, "1,1,1"}}) {
            insert.bind(line).bind(rowDay).bind(QString::fromLatin1(text));
            TOPUP_VERIFY_OK(insert.run());
        }
        QCOMPARE(TOPUP_VALUE(UsageStore::latestHour(database)), std::optional<Instant>(Instant::fromMsecs((day * 24 + 9) * 3600000)));
        insert.bind(3).bind(day).bind(QStringLiteral("9,1,0;8,1,0"));
        TOPUP_VERIFY_OK(insert.run());
        const Expected<std::optional<Instant>> damaged = UsageStore::latestHour(database);
        QVERIFY(!damaged);
        QVERIFY2(damaged.error().contains(QLatin1String("damaged usage (line 3, the hours of 2027-03-14): hour 2 of the row is hour 8")),
                 qPrintable(damaged.error()));
    }

    void aFailedWriteSaysWhere()
    {
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("t.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        const ZonedCalendar calendar(QTimeZone("UTC"));
        // Line 9 does not exist: the foreign key refuses the sample, on either path.
        for (UsageStore::Path path : {UsageStore::Path::Fastest, UsageStore::Path::QtSqlOnly}) {
            const Expected<void> written = database.write([&] {
                return UsageStore(database, path).write({UsageRow{9, Instant::fromMsecs(0), 1, 1}}, calendar);
            });
            QVERIFY(!written);
            // The file's name; the database's URL on PostgreSQL.
            const QString where = database.dialect().isSqlite() ? QStringLiteral("t.sqlite: ") : database.path() + QStringLiteral(": ");
            QVERIFY2(written.error().startsWith(where), qPrintable(written.error()));
            QVERIFY2(written.error().contains(QLatin1String("FOREIGN KEY"), Qt::CaseInsensitive), qPrintable(written.error()));
        }
        QCOMPARE(samplesOf(database).size(), 0);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestUsageStore)
} // namespace tst_usagestore
#include "tst_usagestore.moc"
