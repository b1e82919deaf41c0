// The usage's fast path (the connection's own SQLite handle; on PostgreSQL
// thousands of rows a statement, one array a column) and the Qt Sql path (a
// statement a row) write exactly the same rows, on both engines
// (tst_usagefastpath_postgresql).
#include "testmain.h"
#include "rules/zonedcalendar.h"
#include "store/database.h"
#include "store/historystore.h"
#include "store/hoursrow.h"
#include "store/samplesrow.h"
#include "store/statement.h"
#include "store/storeschema.h"
#include "store/usagebatch.h"
#include "store/usagestore.h"

#include "checked.h"
#include "draws.h"
#include "storeengine.h"
#include "storefixture.h"
#include "usagerows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <map>

namespace tst_usagefastpath {

using namespace topup;
using namespace topup::test;

// The first sentence of a store found damaged, as the store words it for
// where it is: a data file, or a database on a server.
QString damagedSentence(const Database &database)
{
    return database.dialect().isSqlite()
        ? QStringLiteral("The data file %1 is damaged; nothing was changed. Put back a copy of it, or move the data folder aside to"
                         " start fresh.")
              .arg(database.path())
        : QStringLiteral("The PostgreSQL database %1 holds rows that no version of TopUp Dashboard writes; nothing was changed."
                         " Restore it from a backup, or give the address of another database.")
              .arg(database.path());
}

class TestUsageFastPath final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void bothPathsWriteTheSameRows()
    {
        const ZonedCalendar calendar(QTimeZone("America/New_York"));
        std::vector<UsageRow> rows;
        // Across the March 2027 DST change, two lines, one instant twice (summed).
        const Expected<Instant> first = Instant::parse(u"2027-03-13T20:00:00Z");
        QVERIFY2(first, qPrintable(first.error()));
        const qint64 start = first->msecs();
        for (int i = 0; i < 24 * 12; ++i) {
            for (qint64 line : {1, 2})
                rows.push_back(UsageRow{line, Instant::fromMsecs(start + i * 300000), 1000 * line + i, i % 7});
        }
        rows.push_back(UsageRow{1, Instant::fromMsecs(start), 5, 5});

        QTemporaryDir dir;
        QStringList results[2][3];
        int pass = 0;
        for (UsageStore::Path path : {UsageStore::Path::Fastest, UsageStore::Path::QtSqlOnly}) {
            auto db = m_engine.openStore(dir.filePath(QStringLiteral("%1.sqlite").arg(pass)), storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            Database &database = **db;
            if (path == UsageStore::Path::Fastest && database.dialect().isSqlite())
                QVERIFY2(database.rawHandle(), "Debian's QSQLITE runs the system SQLite: the fast path must be taken");
            TOPUP_VERIFY_OK(database.write([&]() -> Expected<void> {
                if (const auto added = addTwoLines(database); !added)
                    return added;
                return UsageStore(database, path).write(rows, calendar);
            }));
            results[pass][0] = samplesOf(database);
            results[pass][1] = rowsOf(database, "usage_hours");
            results[pass][2] = rowsOf(database, "usage_daily");
            ++pass;
        }
        for (int table = 0; table < 3; ++table)
            QCOMPARE(results[0][table], results[1][table]);
        QCOMPARE(results[0][0].size(), 2 * 24 * 12);
        QCOMPARE(results[0][0].first(), QStringLiteral("1|%1|1005|5").arg(start)); // the repeated instant was added up
        // Local days in New York: March 13 (from 15:00 EST) to March 14 (EDT from 03:00).
        QCOMPARE(results[0][2].size(), 4);
        QVERIFY(results[0][2].first().startsWith(QLatin1String("1|2027-03-13|")));
        QVERIFY(results[0][2].last().startsWith(QLatin1String("2|2027-03-14|")));
    }

    // A catch-up's batch of a fleet: more line-hours, hours and days than
    // one statement of the fast path takes (PostgreSQL's: 2 000 rows), runs
    // that end inside an hour and a day (the same roll-up twice in a
    // batch), samples off the grid (the same line-hour twice), and a second
    // save over hours and days the first wrote (rows added to). Both paths
    // leave exactly the same rows, byte for byte, on either engine.
    void bothPathsWriteTheSameRowsInManyBatches()
    {
        constexpr int lineCount = 60;
        const ZonedCalendar calendar(QTimeZone("Asia/Kolkata")); // days begin at 18:30 UTC
        const Expected<Instant> first = Instant::parse(u"2027-03-13T20:00:00Z");
        QVERIFY2(first, qPrintable(first.error()));
        const qint64 start = first->msecs();
        constexpr qint64 every = UsageStore::sampleEveryMs;
        std::vector<qint64> lineIds;
        for (int id = 1; id <= lineCount; ++id)
            lineIds.push_back(id);
        test::Draws draws(26);
        // Three days of samples in runs of 1 to 30 hours and some minutes:
        // the first two days in the first save, the rest in the second,
        // each batch summing its hours and days as a catch-up does.
        const auto fill = [&](UsageBatch &batch, qint64 from, qint64 to) {
            qint64 at = from;
            while (at < to) {
                const qint64 runEnd = std::min(to, at + qint64(1 + draws.below(30 * 12)) * every);
                batch.beginRun();
                for (; at < runEnd; at += every) {
                    for (int line = 0; line < lineCount; ++line) {
                        batch.add(UsageRecord{line, Instant::fromMsecs(at), qint64(draws.below(3'000'000)), qint64(draws.below(300))});
                        if (draws.chance(1)) // off the grid: kept apart, its line-hour comes again after the others
                            batch.add(UsageRecord{line, Instant::fromMsecs(at + 1 + draws.below(quint32(every - 1))), 7, 1});
                    }
                }
                batch.keepRun();
            }
        };
        const qint64 dayMs = 24 * 3600 * 1000;
        UsageBatch firstSave(lineIds, calendar, every);
        fill(firstSave, start, start + 2 * dayMs + 7 * every); // ends inside an hour
        UsageBatch secondSave(lineIds, calendar, every);
        fill(secondSave, start + 2 * dayMs + 3 * every, start + 3 * dayMs); // overlaps the first's last hour
        int hours = 0;
        firstSave.forEachHour([&](qint64, const UsageBatch::Sum &) { ++hours; });
        QVERIFY2(lineCount * 49 > 2000, "more line-hours than one statement takes");
        QVERIFY2(hours > lineCount * 49, "some hours twice, split by a run");

        const Instant everythingFrom = Instant::fromMsecs(std::numeric_limits<qint64>::min());
        QTemporaryDir dir;
        QStringList results[2][3];
        QStringList hourly[2];
        int pass = 0;
        for (UsageStore::Path path : {UsageStore::Path::Fastest, UsageStore::Path::QtSqlOnly}) {
            auto db = m_engine.openStore(dir.filePath(QStringLiteral("batches%1.sqlite").arg(pass)), storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            Database &database = **db;
            const Expected<void> lines = database.write([&] { return addLines(database, lineCount); });
            QVERIFY2(lines, qPrintable(lines.error()));
            const Expected<void> wroteFirst = database.write([&] { return UsageStore(database, path).write(firstSave, everythingFrom); });
            QVERIFY2(wroteFirst, qPrintable(wroteFirst.error()));
            const Expected<void> wroteSecond = database.write([&] { return UsageStore(database, path).write(secondSave, everythingFrom); });
            QVERIFY2(wroteSecond, qPrintable(wroteSecond.error()));
            results[pass][0] = recentRowsOf(database);
            results[pass][1] = rowsOf(database, "usage_hours");
            results[pass][2] = rowsOf(database, "usage_daily");
            hourly[pass] = hoursOf(database);
            ++pass;
        }
        QCOMPARE(hourly[0], hourly[1]);
        for (int table = 0; table < 3; ++table)
            QCOMPARE(results[0][table], results[1][table]);
        // A row a line's UTC day from the hour a save starts in: five a
        // line on the grid (the 13th from 20:00, the 14th, the 15th; the
        // second save's 15th from 20:00, the 16th), and about one for each
        // sample off it (1 in 100, kept apart, written after the others in
        // the row of its own hour) — far fewer than one a line-hour (72 a line).
        int offTheGrid = 0;
        firstSave.forEachUnwrittenSample(everythingFrom, [&](const UsageBatch::Sample &sample) { offTheGrid += sample.at.msecs() % every != 0; });
        secondSave.forEachUnwrittenSample(everythingFrom, [&](const UsageBatch::Sample &sample) { offTheGrid += sample.at.msecs() % every != 0; });
        QVERIFY2(results[0][0].size() >= lineCount * 5 && results[0][0].size() <= lineCount * 5 + offTheGrid,
                 qPrintable(QStringLiteral("%1 rows, %2 samples off the grid").arg(results[0][0].size()).arg(offTheGrid)));
        QVERIFY(results[0][0].size() < lineCount * 3 * 24 / 4);
        QCOMPARE(hourly[0].size(), lineCount * 3 * 24);
        QCOMPARE(results[0][1].size(), lineCount * 4); // a row a line's UTC day: the 13th (from 20:00) to the 16th
        QCOMPARE(results[0][2].size(), lineCount * 4); // local days: the 14th (from 01:30) to the 17th
    }

    // More line-days of hourly roll-ups than one statement of PostgreSQL's
    // fast path takes (2 000 rows), in two saves: the second continues the
    // day the first left open, in the hour it ended in, for every line —
    // more held rows than a statement reads. Both paths leave the same
    // rows, a row a line-day, each hour the sum of what both saves had.
    void bothPathsMergeHourRowsInManyBatches()
    {
        constexpr int lineCount = 1100;
        const ZonedCalendar calendar(QTimeZone("UTC"));
        const Expected<Instant> first = Instant::parse(u"2027-03-13T20:00:00Z");
        QVERIFY2(first, qPrintable(first.error()));
        const qint64 start = first->msecs();
        constexpr qint64 every = 30 * 60 * 1000; // two samples an hour: enough for the roll-ups
        std::vector<qint64> lineIds;
        for (int id = 1; id <= lineCount; ++id)
            lineIds.push_back(id);
        std::map<std::pair<qint64, qint64>, std::pair<qint64, qint64>> sums; // (line, hour) → data, voice
        const auto fill = [&](UsageBatch &batch, qint64 from, qint64 to) {
            batch.beginRun();
            for (qint64 at = from; at < to; at += every) {
                for (int line = 0; line < lineCount; ++line) {
                    const qint64 data = (at / every) * 7 + line;
                    batch.add(UsageRecord{line, Instant::fromMsecs(at), data, line % 60});
                    auto &sum = sums[{lineIds[std::size_t(line)], SamplesRow::hourOf(at)}];
                    sum.first += data;
                    sum.second += line % 60;
                }
            }
            batch.keepRun();
        };
        const qint64 hourMs = 3600 * 1000;
        UsageBatch firstSave(lineIds, calendar, every);
        fill(firstSave, start, start + 33 * hourMs + every); // to 05:30 on the 15th: three UTC days a line
        UsageBatch secondSave(lineIds, calendar, every);
        fill(secondSave, start + 33 * hourMs + 2 * every, start + 54 * hourMs); // from 06:00 … 05:00 again: continues the day
        UsageBatch thirdSave(lineIds, calendar, every);
        fill(thirdSave, start + 33 * hourMs + every, start + 33 * hourMs + 2 * every); // 05:30 again: the hour the first left open
        QVERIFY2(lineCount * 3 > 2000, "more line-days than one statement takes");

        const Instant nothingFrom = Instant::fromMsecs(std::numeric_limits<qint64>::max()); // the roll-ups only
        QTemporaryDir dir;
        QStringList rows[2];
        QStringList hourly[2];
        int pass = 0;
        for (UsageStore::Path path : {UsageStore::Path::Fastest, UsageStore::Path::QtSqlOnly}) {
            auto db = m_engine.openStore(dir.filePath(QStringLiteral("days%1.sqlite").arg(pass)), storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            Database &database = **db;
            TOPUP_VERIFY_OK(database.write([&] { return addLines(database, lineCount); }));
            for (const UsageBatch *save : {&firstSave, &secondSave, &thirdSave})
                TOPUP_VERIFY_OK(database.write([&] { return UsageStore(database, path).write(*save, nothingFrom); }));
            rows[pass] = rowsOf(database, "usage_hours");
            hourly[pass] = hoursOf(database);
            QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM usage_recent")), qint64(0));
            ++pass;
        }
        QCOMPARE(rows[0], rows[1]);
        QCOMPARE(rows[0].size(), lineCount * 4); // the 13th (from 20:00) to the 16th (to 02:00)
        QStringList expected;
        for (const auto &[key, sum] : sums)
            expected << QStringLiteral("%1|%2|%3|%4").arg(key.first).arg(key.second).arg(sum.first).arg(sum.second);
        QCOMPARE(hourly[0], expected);
        QCOMPARE(hourly[1], expected);
    }

    // A save that adds to rows the save before it wrote — a play step or a
    // jump that ends inside the UTC day of the move before, so every line's
    // row of samples is held — runs as many statements with 300 lines as
    // with 10: on PostgreSQL the held rows are read and written back a
    // statement of rows at a time, not two round trips a line (issue 16:
    // 2 s of a play step at 10 000 lines). The rows are the Qt Sql path's.
    void aSaveAddingToHeldRowsRunsAsManyStatementsWhateverTheLines()
    {
        const ZonedCalendar calendar(QTimeZone("UTC"));
        const Expected<Instant> first = Instant::parse(u"2027-03-13T10:00:00Z");
        QVERIFY2(first, qPrintable(first.error()));
        const qint64 start = first->msecs();
        constexpr qint64 every = UsageStore::sampleEveryMs;
        const Instant everythingFrom = Instant::fromMsecs(std::numeric_limits<qint64>::min());
        QTemporaryDir dir;
        std::map<int, quint64> statements; // lines → the statements of the second save (the fast path)
        for (const int lineCount : {10, 300}) {
            std::vector<qint64> lineIds;
            for (int id = 1; id <= lineCount; ++id)
                lineIds.push_back(id);
            QStringList samples[2];
            int pass = 0;
            for (UsageStore::Path path : {UsageStore::Path::Fastest, UsageStore::Path::QtSqlOnly}) {
                auto db = m_engine.openStore(dir.filePath(QStringLiteral("held%1_%2.sqlite").arg(lineCount).arg(pass)), storeSchema());
                QVERIFY2(db, qPrintable(db.error()));
                Database &database = **db;
                TOPUP_VERIFY_OK(database.write([&] { return addLines(database, lineCount); }));
                const auto save = [&](qint64 from, qint64 to) {
                    UsageBatch batch(lineIds, calendar, every);
                    batch.beginRun();
                    for (qint64 at = from; at < to; at += every) {
                        for (int line = 0; line < lineCount; ++line)
                            batch.add(UsageRecord{line, Instant::fromMsecs(at), 1000 * (line + 1) + at / every % 100, line % 7});
                    }
                    batch.keepRun();
                    return database.write([&] { return UsageStore(database, path).write(batch, everythingFrom); });
                };
                TOPUP_VERIFY_OK(save(start, start + 2 * every)); // 10:00 and 10:05
                const quint64 before = database.statementsRun();
                TOPUP_VERIFY_OK(save(start + 2 * every, start + 5 * every)); // 10:10 to 10:20: into the rows from 10:00
                if (path == UsageStore::Path::Fastest)
                    statements[lineCount] = database.statementsRun() - before;
                QCOMPARE(recentKeysOf(database).size(), lineCount); // a row a line: added to, none beside it
                samples[pass++] = samplesOf(database);
            }
            QCOMPARE(samples[0], samples[1]);
            QCOMPARE(samples[0].size(), lineCount * 5);
        }
        QCOMPARE(statements[300], statements[10]);
        QVERIFY2(statements[10] <= 8, qPrintable(QString::number(statements[10])));
    }

    // A write that fails says so in sentences of its own, on either path
    // and engine: which data file or database, what to do, then what the
    // database said; not the command line's text shown as it is (the fast
    // path's own handle used to give only that).
    void aFailedWriteSaysWhichDatabaseInSentences_data()
    {
        QTest::addColumn<bool>("fastest");
        QTest::newRow("fastest") << true;
        QTest::newRow("Qt Sql") << false;
    }

    void aFailedWriteSaysWhichDatabaseInSentences()
    {
        QFETCH(bool, fastest);
        const UsageStore::Path path = fastest ? UsageStore::Path::Fastest : UsageStore::Path::QtSqlOnly;
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("failing.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        TOPUP_VERIFY_OK(database.write([&] { return addTwoLines(database); }));
        // The first table a write writes to: on the fast path its statement
        // is prepared first, and the others' prepares after it must not
        // hide why it failed.
        QSqlQuery drop(database.connection());
        QVERIFY2(drop.exec(QStringLiteral("DROP TABLE usage_recent")), qPrintable(drop.lastError().text()));
        const ZonedCalendar calendar(QTimeZone("America/New_York"));
        const std::vector<UsageRow> rows{UsageRow{1, Instant::fromMsecs(1'800'000'000'000), 1000, 0}};
        const Expected<void> written = database.write([&] { return UsageStore(database, path).write(rows, calendar); });
        QVERIFY(!written);
        const QStringList sentences = written.sentences().split(QLatin1Char('\n'));
        QCOMPARE(sentences.size(), 2);
        QCOMPARE(sentences[0], topup::test::couldNotReadOrWrite(database));
        QVERIFY2(sentences[1].startsWith(QLatin1String("The database says: ")) && sentences[1].endsWith(QLatin1Char('.')), qPrintable(sentences[1]));
        // Why, on SQLite. (On PostgreSQL a statement that cannot be prepared
        // aborts the transaction, and the statement run next may be the one
        // that reports it: "current transaction is aborted".)
        if (database.dialect().isSqlite()) {
            QVERIFY2(sentences[1].contains(QLatin1String("no such table: usage_recent")), qPrintable(sentences[1]));
            QVERIFY2(written.error().contains(QLatin1String("usage_recent")), qPrintable(written.error())); // the command line's text
        }
    }

    // A row of samples that no version writes, met when a save adds to it:
    // refused as damage in sentences worded for where the store is (a data
    // file, or a database on a server), with what is wrong after.
    void aDamagedRowOfSamplesIsRefusedInSentences_data()
    {
        aFailedWriteSaysWhichDatabaseInSentences_data();
    }

    void aDamagedRowOfSamplesIsRefusedInSentences()
    {
        QFETCH(bool, fastest);
        const UsageStore::Path path = fastest ? UsageStore::Path::Fastest : UsageStore::Path::QtSqlOnly;
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("damaged.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        TOPUP_VERIFY_OK(database.write([&] { return addTwoLines(database); }));
        const qint64 at = 1'800'000'000'000; // on the hour
        Statement damage(database, QStringLiteral("INSERT INTO usage_recent (line_id, hour, samples) VALUES (1, ?, 'not samples')"));
        TOPUP_VERIFY_OK(damage.bind(SamplesRow::hourOf(at)).run());
        const ZonedCalendar calendar(QTimeZone("America/New_York"));
        const std::vector<UsageRow> rows{UsageRow{1, Instant::fromMsecs(at), 1000, 0}};
        const Expected<void> written = database.write([&] { return UsageStore(database, path).write(rows, calendar); });
        QVERIFY(!written);
        const QStringList sentences = written.sentences().split(QLatin1Char('\n'));
        QCOMPARE(sentences.size(), 2);
        QCOMPARE(sentences[0], damagedSentence(database));
        QVERIFY2(sentences[1].startsWith(QLatin1String("What is wrong: damaged usage (line 1, ")), qPrintable(sentences[1]));
        QVERIFY2(written.error().contains(QLatin1String("damaged usage (line 1, ")), qPrintable(written.error()));
    }

    // The same, met in the first statement of a save of many more rows of
    // samples than a statement takes — on PostgreSQL while the thread that
    // cuts the next statements has filled what may wait and is cutting the
    // one after: the save stops there, the thread with it, and the
    // transaction leaves the tables as they were.
    void aDamagedRowStopsASaveOfManyStatements()
    {
        constexpr int lineCount = 3600; // a row on each of two UTC days: 7 200 rows, four statements
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("damagedmany.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        TOPUP_VERIFY_OK(database.write([&] { return addLines(database, lineCount); }));
        const qint64 at = 1'799'967'600'000; // an hour before midnight UTC
        QCOMPARE(at % (24 * 3'600'000), 23 * 3'600'000);
        Statement damage(database, QStringLiteral("INSERT INTO usage_recent (line_id, hour, samples) VALUES (1, ?, 'not samples')"));
        TOPUP_VERIFY_OK(damage.bind(SamplesRow::hourOf(at)).run());
        std::vector<UsageRow> rows;
        for (qint64 line = 1; line <= lineCount; ++line) {
            rows.push_back(UsageRow{line, Instant::fromMsecs(at), 1000 + line, 0});
            rows.push_back(UsageRow{line, Instant::fromMsecs(at + 3'600'000), 2000 + line, 5});
        }
        const ZonedCalendar calendar(QTimeZone("UTC"));
        const Expected<void> written = database.write([&] { return UsageStore(database, UsageStore::Path::Fastest).write(rows, calendar); });
        QVERIFY(!written);
        QVERIFY2(written.error().contains(QLatin1String("damaged usage (line 1, ")), qPrintable(written.error()));
        QCOMPARE(recentRowsOf(database).size(), 1);
        QCOMPARE(rowsOf(database, "usage_hours").size(), 0);
        QCOMPARE(rowsOf(database, "usage_daily").size(), 0);
        // Without the damaged row the same save writes every row.
        Statement repair(database, QStringLiteral("DELETE FROM usage_recent"));
        TOPUP_VERIFY_OK(repair.run());
        TOPUP_VERIFY_OK(database.write([&] { return UsageStore(database, UsageStore::Path::Fastest).write(rows, calendar); }));
        QCOMPARE(recentRowsOf(database).size(), 2 * lineCount);
        QCOMPARE(rowsOf(database, "usage_daily").size(), 2 * lineCount);
    }

    // A day's row of hourly roll-ups that no version writes (hours out of
    // order), met when a save merges into it — on each path, PostgreSQL's
    // arrays included — and when the hourly chart reads it: refused as
    // damage in the same sentences, with what is wrong after.
    void aDamagedRowOfHoursIsRefusedInSentences_data()
    {
        aFailedWriteSaysWhichDatabaseInSentences_data();
    }

    void aDamagedRowOfHoursIsRefusedInSentences()
    {
        QFETCH(bool, fastest);
        const UsageStore::Path path = fastest ? UsageStore::Path::Fastest : UsageStore::Path::QtSqlOnly;
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("damagedhours.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        TOPUP_VERIFY_OK(database.write([&] { return addTwoLines(database); }));
        const qint64 at = 1'800'000'000'000; // 2027-01-15T08:00Z, on the hour
        Statement damage(database, QStringLiteral("INSERT INTO usage_hours (line_id, day, hours) VALUES (1, ?, '9,1,0;3,2,0')"));
        TOPUP_VERIFY_OK(damage.bind(HoursRow::dayOf(SamplesRow::hourOf(at))).run());
        const QString damaged = damagedSentence(database);
        const QString wrong = QStringLiteral("What is wrong: damaged usage (line 1, the hours of 2027-01-15): hour 2 of the row is hour 3"
                                             " of its day, not after the one before it");
        const ZonedCalendar calendar(QTimeZone("America/New_York"));
        const std::vector<UsageRow> rows{UsageRow{1, Instant::fromMsecs(at), 1000, 0}};
        const Expected<void> written = database.write([&] { return UsageStore(database, path).write(rows, calendar); });
        QVERIFY(!written);
        QStringList sentences = written.sentences().split(QLatin1Char('\n'));
        QCOMPARE(sentences.size(), 2);
        QCOMPARE(sentences[0], damaged);
        QVERIFY2(sentences[1].startsWith(wrong), qPrintable(sentences[1]));
        QCOMPARE(rowsOf(database, "usage_hours"), QStringList{QStringLiteral("1|%1|9,1,0;3,2,0|").arg(HoursRow::dayOf(SamplesRow::hourOf(at)))});

        const Expected<std::vector<UsagePoint>> chart = HistoryStore(database).hourlyUsage(1, 1, Instant::fromMsecs(at - 3600000));
        QVERIFY(!chart);
        sentences = chart.sentences().split(QLatin1Char('\n'));
        QCOMPARE(sentences.size(), 2);
        QCOMPARE(sentences[0], damaged);
        QVERIFY2(sentences[1].startsWith(wrong), qPrintable(sentences[1]));
    }

    // On PostgreSQL long texts are compressed with lz4, where the server
    // has it (Debian's does): the default, pglz, took most of a day's save
    // of the samples when they were 6 kB. From store version 14 a line's
    // day of samples (about 3 kB) stays whole in its row, uncompressed.
    void longTextsAreCompressedWithLz4AndSamplesKeptWholeOnPostgresql()
    {
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("lz4.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        if (database.dialect().isSqlite())
            return; // SQLite keeps texts as they are
        QSqlQuery query(database.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")));
        QVERIFY2(query.next() && query.value(0).toBool(), "the tests' server (Debian's PostgreSQL 15) has lz4");
        QVERIFY(query.exec(QStringLiteral("SHOW default_toast_compression")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("lz4"));
        SamplesRow day;
        for (qint64 i = 0; i < 288; ++i)
            day.add(i * UsageStore::sampleEveryMs, 1'000'000 + i * 7919 % 1'000'000, i % 61);
        TOPUP_VERIFY_OK(database.write([&]() -> Expected<void> {
            if (const auto added = addTwoLines(database); !added)
                return added;
            Statement insert(database, QStringLiteral("INSERT INTO usage_recent (line_id, hour, samples) VALUES (1, 0, ?)"));
            insert.bind(QString::fromLatin1(day.text()));
            return insert.run();
        }));
        // About 3 kB (store version 14: the instants on the grid left out), above the 2 kB from which the
        // server compresses a row's texts — but usage_recent's rows are kept whole, uncompressed, up to 8 kB.
        QVERIFY(query.exec(QStringLiteral("SELECT length(samples), pg_column_compression(samples), pg_column_size(samples) FROM usage_recent")));
        QVERIFY(query.next());
        QVERIFY2(query.value(0).toInt() > 2500, qPrintable(query.value(0).toString()));
        QVERIFY2(query.value(1).isNull(), qPrintable(query.value(1).toString()));
        QCOMPARE(query.value(2).toInt(), query.value(0).toInt() + 4); // the text and its 4-byte length, in the row
        QVERIFY(query.exec(QStringLiteral("SELECT reloptions FROM pg_class WHERE relname = 'usage_recent'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("{toast_tuple_target=8160}"));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestUsageFastPath)
} // namespace tst_usagefastpath
#include "tst_usagefastpath.moc"
