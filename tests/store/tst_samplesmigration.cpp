// A store of schema version 13 (each sample of usage_recent as
// "ms,bytes,seconds") migrates to version 14 (SamplesRow: the instants on
// the grid left out) on either engine (tst_samplesmigration_postgresql):
// every sample as it was, each row's text exactly what a save writes; a row
// that was damaged stays damage and says what it held; a save then adds to
// a migrated row.
#include "testmain.h"
#include "rules/zonedcalendar.h"
#include "store/database.h"
#include "store/samplesrow.h"
#include "store/statement.h"
#include "store/storeschema.h"
#include "store/usagestore.h"

#include "checked.h"
#include "storeengine.h"
#include "usagerows.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <utility>

namespace tst_samplesmigration {

using namespace topup;
using namespace topup::test;

class TestSamplesMigration final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

    // line → (hour → (offset ms → (bytes, seconds)))
    using Rows = std::map<qint64, std::map<qint64, std::map<qint64, std::pair<qint64, qint64>>>>;

    static QStringList samplesIn(const Rows &rows)
    {
        QStringList samples;
        for (const auto &[line, hours] : rows) {
            for (const auto &[hour, each] : hours) {
                for (const auto &[offset, sums] : each)
                    samples << QStringLiteral("%1|%2|%3|%4").arg(line).arg(SamplesRow::startOf(hour) + offset).arg(sums.first).arg(sums.second);
            }
        }
        return samples;
    }

    // What a save writes for each row now: "line|hour|text".
    static QStringList textsOf(const Rows &rows)
    {
        QStringList texts;
        for (const auto &[line, hours] : rows) {
            for (const auto &[hour, each] : hours) {
                SamplesRow row;
                for (const auto &[offset, sums] : each)
                    row.add(offset, sums.first, sums.second);
                texts << QStringLiteral("%1|%2|%3").arg(line).arg(hour).arg(QString::fromLatin1(row.text()));
            }
        }
        return texts;
    }

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void aVersion13StoreMigratesItsSamples()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v13.sqlite"));
        Schema older = storeSchema();
        older.migrations.resize(13);
        const qint64 day = 20891; // 2027-03-14
        Rows rows;
        // Line 1: a whole UTC day on the grid (no use, voice only and the largest amount among them), then
        // the next day from 13:00 with its first sample at 13:35, a gap, and one 123 ms off the grid.
        for (qint64 k = 0; k < 288; ++k)
            rows[1][day * 24][k * 300000] = {k % 17 == 0 ? 0 : k * 7919 % 100000 * 31, k % 5 == 0 ? k % 13 : 0};
        rows[1][day * 24][600000].second = 90;
        rows[1][day * 24][900000] = {9223372036854775807LL, 3600};
        for (const qint64 offset : {2100000LL, 2400000LL, 2700000LL, 4500000LL, 4500123LL, 4800123LL})
            rows[1][(day + 1) * 24 + 13][offset] = {offset / 1000, offset % 7};
        // Line 2: the last hour before 1970 (its day ends with the hour), and an hour written out of order.
        rows[2][-1] = {{0, {5, 1}}, {300000, {6, 0}}, {3599999, {7, 3}}};
        rows[2][5] = {{0, {1, 0}}, {600000, {7, 3}}};
        // Line 4: 2 500 hours of one sample each, so that the rows are read and written back in several batches.
        for (qint64 hour = 1; hour <= 2500; ++hour)
            rows[4][hour] = {{hour % 3 * 300000, {hour, hour % 2}}};
        const auto oldText = [](const std::map<qint64, std::pair<qint64, qint64>> &samples) {
            QStringList each;
            for (const auto &[offset, sums] : samples)
                each << QStringLiteral("%1,%2,%3").arg(offset).arg(sums.first).arg(sums.second);
            return each.join(QLatin1Char(';'));
        };
        {
            auto opened = m_engine.openStore(path, older);
            QVERIFY2(opened, qPrintable(opened.error()));
            Database &database = **opened;
            QCOMPARE(database.schemaVersion(), 13);
            TOPUP_VERIFY_OK(database.write([&]() -> Expected<void> {
                if (const auto added = addLines(database, 4); !added)
                    return added;
                Statement insert(database, QStringLiteral("INSERT INTO usage_recent (line_id, hour, samples) VALUES (?, ?, ?)"));
                const auto add = [&](qint64 line, qint64 hour, const QString &text) {
                    insert.bind(line).bind(hour).bind(text);
                    return insert.run();
                };
                for (const auto &[line, hours] : rows) {
                    for (const auto &[hour, samples] : hours) {
                        const QString text = line == 2 && hour == 5 ? QStringLiteral("600000,7,3;0,1,0") : oldText(samples);
                        if (const auto added = add(line, hour, text); !added)
                            return added;
                    }
                }
                // Line 3: two damaged rows (two fields; a letter); line 4: a row of no samples.
                for (const auto &[line, hour, text] : {std::tuple{3, 0, "0,1"}, std::tuple{3, 24, "0,1,0;300000,x,0"}, std::tuple{4, 0, ""}}) {
                    if (const auto added = add(line, hour, QString::fromLatin1(text)); !added)
                        return added;
                }
                return {};
            }));
        }
        auto opened = m_engine.openStore(path, storeSchema());
        QVERIFY2(opened, qPrintable(opened.error()));
        Database &database = **opened;
        QCOMPARE(database.schemaVersion(), storeSchema().latestVersion());
        // Every row's text is what a save writes now, the same on both engines.
        QStringList expectedTexts = textsOf({{1, rows[1]}, {2, rows[2]}});
        expectedTexts << QStringLiteral("3|0|not converted at store version 14: 0,1")
                      << QStringLiteral("3|24|not converted at store version 14: 0,1,0;300000,x,0") << QStringLiteral("4|0|")
                      << textsOf({{4, rows[4]}});
        QCOMPARE(recentRowsOf(database), expectedTexts);
        const QStringList texts = recentRowsOf(database);
        QVERIFY(texts.contains(QStringLiteral("2|-1|5,1;6;3599999:7,3")));
        QVERIFY(texts.contains(QStringLiteral("2|5|1;600000:7,3")));
        QVERIFY(texts.contains(QStringLiteral("1|%1|2100000:2100;2400,1;2700,2;4500000:4500,1;4500123:4500,5;4800,6").arg((day + 1) * 24 + 13)));

        // A save into a damaged row is damage, naming the line and the row.
        const ZonedCalendar calendar(QTimeZone("UTC"));
        const Expected<void> intoDamage = database.write([&] {
            return UsageStore(database).write({UsageRow{3, Instant::fromMsecs(600000), 1, 1}}, calendar);
        });
        QVERIFY(!intoDamage);
        QVERIFY2(intoDamage.error().contains(QLatin1String("damaged usage (line 3, the samples from 1970-01-01T00:00:00")),
                 qPrintable(intoDamage.error()));
        QVERIFY2(intoDamage.error().contains(QLatin1String("not converted at store version 14: 0,1")), qPrintable(intoDamage.error()));
        Statement drop(database, QStringLiteral("DELETE FROM usage_recent WHERE line_id = 3"));
        TOPUP_VERIFY_OK(database.write([&] { return drop.run(); }));
        QCOMPARE(samplesOf(database), samplesIn(rows));

        // A save adds to a migrated row (an instant it holds, one it did not) on each path in turn.
        for (UsageStore::Path each : {UsageStore::Path::Fastest, UsageStore::Path::QtSqlOnly}) {
            const qint64 hour = (day + 1) * 24 + 13;
            TOPUP_VERIFY_OK(database.write([&] {
                return UsageStore(database, each)
                    .write({UsageRow{1, Instant::fromMsecs(SamplesRow::startOf(hour) + 2400000), 10, 1},
                            UsageRow{1, Instant::fromMsecs(SamplesRow::startOf(hour) + 3000000), 20, 0}},
                           calendar);
            }));
            rows[1][hour][2400000].first += 10;
            rows[1][hour][2400000].second += 1;
            rows[1][hour][3000000].first += 20;
        }
        QCOMPARE(samplesOf(database), samplesIn(rows));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestSamplesMigration)
} // namespace tst_samplesmigration
#include "tst_samplesmigration.moc"
