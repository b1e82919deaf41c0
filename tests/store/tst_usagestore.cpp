// Usage samples and their roll-ups: the fast path (the connection's own
// SQLite handle) and the Qt Sql path write exactly the same rows.
#include "rules/zonedcalendar.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storeschema.h"
#include "store/usagestore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace topup;

namespace {

QStringList rowsOf(Database &db, const char *table)
{
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(QLatin1String(table)));
    QStringList rows;
    while (query.next())
        rows << QStringLiteral("%1|%2|%3|%4").arg(query.value(0).toString(), query.value(1).toString(),
                                                  query.value(2).toString(), query.value(3).toString());
    return rows;
}

Expected<bool> addTwoLines(Database &database)
{
    Statement setup(database, QStringLiteral("INSERT INTO accounts (id, login, password_hash, currency, timezone, created_ms)"
                                             " VALUES (1, 'a@b.example', 'x', 'USD', 'America/New_York', 0)"));
    if (const auto ran = setup.run(); !ran)
        return ran;
    Statement lines(database, QStringLiteral("INSERT INTO lines (id, account_id, code, name, data_bytes, voice_seconds)"
                                             " VALUES (1, 1, 'a', 'A', 0, 0), (2, 1, 'b', 'B', 0, 0)"));
    return lines.run();
}

} // namespace

class TestUsageStore final : public QObject
{
    Q_OBJECT

private slots:
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
            auto db = Database::open(dir.filePath(QStringLiteral("%1.sqlite").arg(pass)), storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            Database &database = **db;
            if (path == UsageStore::Path::Fastest)
                QVERIFY2(database.rawHandle(), "Debian's QSQLITE runs the system SQLite: the fast path must be taken");
            QVERIFY(database.write([&]() -> Expected<bool> {
                Statement setup(database, QStringLiteral("INSERT INTO accounts (id, login, password_hash, currency, timezone, created_ms)"
                                                         " VALUES (1, 'a@b.example', 'x', 'USD', 'America/New_York', 0)"));
                if (const auto ran = setup.run(); !ran)
                    return ran;
                Statement lines(database, QStringLiteral("INSERT INTO lines (id, account_id, code, name, data_bytes, voice_seconds)"
                                                         " VALUES (1, 1, 'a', 'A', 0, 0), (2, 1, 'b', 'B', 0, 0)"));
                if (const auto ran = lines.run(); !ran)
                    return ran;
                return UsageStore(database, path).write(rows, calendar);
            }));
            results[pass][0] = rowsOf(database, "usage_samples");
            results[pass][1] = rowsOf(database, "usage_hourly");
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

    void samplesBeforeTheCutOffFeedTheRollUpsOnly_data()
    {
        QTest::addColumn<bool>("fastest");
        QTest::newRow("sqlite3 handle") << true;
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
        auto keptDb = Database::open(dir.filePath(QStringLiteral("kept.sqlite")), storeSchema());
        auto cutDb = Database::open(dir.filePath(QStringLiteral("cut.sqlite")), storeSchema());
        QVERIFY2(keptDb, qPrintable(keptDb.error()));
        QVERIFY2(cutDb, qPrintable(cutDb.error()));
        Database &kept = **keptDb;
        Database &cut = **cutDb;
        const Expected<bool> wroteAll = kept.write([&]() -> Expected<bool> {
            if (const auto added = addTwoLines(kept); !added)
                return added;
            return UsageStore(kept, path).write(rows, calendar);
        });
        QVERIFY2(wroteAll, qPrintable(wroteAll.error()));
        const Expected<bool> wroteCut = cut.write([&]() -> Expected<bool> {
            if (const auto added = addTwoLines(cut); !added)
                return added;
            return UsageStore(cut, path).write(rows, calendar, cutOff);
        });
        QVERIFY2(wroteCut, qPrintable(wroteCut.error()));

        QCOMPARE(rowsOf(cut, "usage_hourly"), rowsOf(kept, "usage_hourly"));
        QCOMPARE(rowsOf(cut, "usage_daily"), rowsOf(kept, "usage_daily"));
        QCOMPARE(rowsOf(kept, "usage_hourly").size(), 2 * 3 * 24);
        QStringList recent;
        for (const UsageRow &row : rows) {
            if (!(row.at < cutOff))
                recent << QStringLiteral("%1|%2|%3|%4").arg(row.lineId).arg(row.at.msecs()).arg(row.dataBytes).arg(row.voiceSeconds);
        }
        recent.sort();
        QStringList cutSamples = rowsOf(cut, "usage_samples");
        cutSamples.sort();
        QCOMPARE(cutSamples, recent);
        QVERIFY(recent.size() > 0 && recent.size() < int(rows.size()));

        // Pruning drops one line's older samples, nothing else.
        const Expected<bool> pruned = kept.write([&] { return UsageStore(kept, path).pruneSamples(1, cutOff); });
        QVERIFY2(pruned, qPrintable(pruned.error()));
        int lineOne = 0;
        int lineTwo = 0;
        for (const QString &row : rowsOf(kept, "usage_samples")) {
            const QStringList fields = row.split(QLatin1Char('|'));
            QCOMPARE(fields.size(), 4);
            if (fields[0] == QLatin1String("1")) {
                QVERIFY2(fields[1].toLongLong() >= cutOff.msecs(), qPrintable(row));
                ++lineOne;
            } else {
                ++lineTwo;
            }
        }
        QCOMPARE(lineOne, int(recent.size() / 2));
        QCOMPARE(lineTwo, 3 * 24 * 12);
        QCOMPARE(rowsOf(kept, "usage_hourly"), rowsOf(cut, "usage_hourly"));
    }

    void aFailedWriteSaysWhere()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        const ZonedCalendar calendar(QTimeZone("UTC"));
        // Line 9 does not exist: the foreign key refuses the sample, on either path.
        for (UsageStore::Path path : {UsageStore::Path::Fastest, UsageStore::Path::QtSqlOnly}) {
            const Expected<bool> written = database.write([&] {
                return UsageStore(database, path).write({UsageRow{9, Instant::fromMsecs(0), 1, 1}}, calendar);
            });
            QVERIFY(!written);
            QVERIFY2(written.error().startsWith(QLatin1String("t.sqlite: ")), qPrintable(written.error()));
            QVERIFY2(written.error().contains(QLatin1String("FOREIGN KEY")), qPrintable(written.error()));
        }
        QCOMPARE(rowsOf(database, "usage_samples").size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUsageStore)
#include "tst_usagestore.moc"
