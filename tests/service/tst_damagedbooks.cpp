// The books against damaged files (issue 15): the full check finds an index
// that disagrees with its table, a charge is never recognised through one
// index alone, an impossible world clock is refused as damage, and `check`
// changes nothing, not even after a crash.
#include "testmain.h"
#include "checked.h"
#include "damagedfile.h"
#include "programrun.h"
#include "service/chargerecorder.h"
#include "service/demoworld.h"
#include "service/service.h"
#include "service/worldfiles.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/integritycheck.h"
#include "store/journalgateway.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <limits>

namespace tst_damagedbooks {

using namespace topup;
using topup::test::runProgram;
using topup::test::sha256Of;

namespace {

const QString sim = QStringLiteral(TOPUP_SIM);

// Runs `statements` on `path` through a connection of its own; the rows of
// the last one, as text.
QList<QStringList> query(const QString &path, const QStringList &statements)
{
    QList<QStringList> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("books"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            for (const QString &statement : statements) {
                rows.clear();
                if (!q.exec(statement)) {
                    rows << QStringList{QStringLiteral("ERROR %1").arg(q.lastError().text())};
                    break;
                }
                while (q.next()) {
                    QStringList row;
                    for (int i = 0; i < q.record().count(); ++i)
                        row << q.value(i).toString();
                    rows << row;
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("books"));
    return rows;
}

} // namespace

class TestDamagedBooks final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString store() const { return m_dir.filePath(QStringLiteral("topup.sqlite")); }
    QString journal() const { return m_dir.filePath(QStringLiteral("gateway.sqlite")); }

    // A charge the demo world made whose chain key is its own (one attempt,
    // one method): its chain key, attempt and token.
    QStringList aCharge() const
    {
        const auto rows = query(journal(), {QStringLiteral("SELECT chain_key, attempt, token FROM charges WHERE chain_key IN"
                                                           " (SELECT chain_key FROM charges GROUP BY chain_key HAVING count(*) = 1)"
                                                           " AND succeeded = 1 ORDER BY seq LIMIT 1")});
        return rows.value(0);
    }

    int journalRowsOf(const QString &chainKey) const
    {
        return query(journal(), {QStringLiteral("SELECT count(*) FROM charges NOT INDEXED WHERE chain_key = '%1'").arg(chainKey)})
            .value(0)
            .value(0)
            .toInt();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        QVERIFY(QDir().mkpath(m_dir.path()));
        Service::Options options;
        options.location = WorldLocation::folder(m_dir.path());
        options.fixedNow = TOPUP_VALUE(Instant::parse(QStringLiteral("2027-03-01T00:00:00Z")));
        options.tokens = DemoWorld::tokens(1);
        const Expected<void> built = DemoWorld::build(options, 1);
        QVERIFY2(built, qPrintable(built.error()));
        QVERIFY(!QFile::exists(store() + QLatin1String("-wal")));
    }

    // quick_check reads every page but never compares an index with its
    // table; the full check must.
    void theFullCheckFindsADamagedIndex()
    {
        const QStringList charge = aCharge();
        QVERIFY2(charge.size() == 3, qPrintable(charge.join(QLatin1Char(','))));
        const auto damaged = test::damageIndexEntry(journal(), QStringLiteral("sqlite_autoindex_charges_1"), charge.at(0).toUtf8());
        QVERIFY2(damaged, qPrintable(damaged.error()));
        const IntegrityCheck::Result result = IntegrityCheck::run(journal());
        QVERIFY2(result.verdict == IntegrityCheck::Verdict::Damaged, qPrintable(result.problem));
        QVERIFY2(result.problem.contains(QLatin1String("index")), qPrintable(result.problem));

        const QByteArray before = sha256Of(journal());
        const auto checked = runProgram(sim, {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("check")});
        QVERIFY2(checked.exitCode == 1, checked.out.constData());
        QVERIFY2(checked.err.contains("gateway.sqlite: damaged database"), checked.err.constData());
        QCOMPARE(sha256Of(journal()), before);
    }

    // The same charge asked for again (as a replay after a crash does) is
    // recognised although one file's index has lost it.
    void aDamagedIndexNeverChargesTwice_data()
    {
        QTest::addColumn<bool>("inJournal");
        QTest::newRow("the journal's index") << true;
        QTest::newRow("the store's index") << false;
    }

    void aDamagedIndexNeverChargesTwice()
    {
        QFETCH(bool, inJournal);
        const QStringList charge = aCharge();
        QVERIFY2(charge.size() == 3, qPrintable(charge.join(QLatin1Char(','))));
        const auto rows = query(store(), {QStringLiteral("SELECT account_id, line_id, method_id, package_id, at_ms, month, trigger FROM attempts"
                                                         " WHERE chain_key = '%1' AND attempt = %2 AND method_token = '%3'")
                                              .arg(charge.at(0), charge.at(1), charge.at(2))});
        QCOMPARE(rows.size(), 1);
        const QStringList attempt = rows.first();
        const auto damaged = inJournal ? test::damageIndexEntry(journal(), QStringLiteral("sqlite_autoindex_charges_1"), charge.at(0).toUtf8())
                                       : test::damageIndexEntry(store(), QStringLiteral("attempts_charge"), charge.at(0).toUtf8());
        QVERIFY2(damaged, qPrintable(damaged.error()));
        const QString funds = QStringLiteral("SELECT funds_cents FROM funding WHERE token = '%1'").arg(charge.at(2));
        const QString before = query(journal(), {funds}).value(0).value(0);
        const QString balance = QStringLiteral("SELECT data_bytes FROM lines WHERE id = %1").arg(attempt.at(1));
        const QString balanceBefore = query(store(), {balance}).value(0).value(0);
        {
            auto directory = DataDirectory::claim(m_dir.path());
            QVERIFY2(directory, qPrintable(directory.error()));
            Expected<WorldPair> world = WorldFiles::open(**directory);
            QVERIFY2(world, qPrintable(world.error()));
            ChargeRecorder recorder(*world->store, *world->journal);
            ChargeRequest request;
            request.accountId = attempt.at(0).toLongLong();
            request.lineId = attempt.at(1).toLongLong();
            request.methodId = attempt.at(2).toLongLong();
            request.packageId = attempt.at(3).toLongLong();
            request.trigger = attempt.at(6) == QLatin1String("monthly") ? TriggerKind::Monthly : TriggerKind::Threshold;
            request.chainKey = charge.at(0);
            request.attempt = charge.at(1).toInt();
            request.at = Instant::fromMsecs(attempt.at(4).toLongLong());
            request.month = attempt.at(5);
            const RecordedCharge again = recorder.chargeAndRecord(request);
            QVERIFY2(!again.error, again.error ? qPrintable(again.error->text()) : "");
            QVERIFY(again.answer && again.answer->succeeded); // the first answer
        }
        QCOMPARE(journalRowsOf(charge.at(0)), 1);
        QCOMPARE(query(journal(), {funds}).value(0).value(0), before);
        QCOMPARE(query(store(), {QStringLiteral("SELECT count(*) FROM attempts NOT INDEXED WHERE chain_key = '%1'").arg(charge.at(0))})
                     .value(0)
                     .value(0),
                 QStringLiteral("1"));
        QCOMPARE(query(store(), {balance}).value(0).value(0), balanceBefore);
    }

    // A flipped byte in the clock is damage: nothing is caught up from it.
    void anImpossibleClockIsRefused_data()
    {
        QTest::addColumn<qint64>("clockMs");
        QTest::newRow("1912, before everything the world recorded") << qint64(-1830297600000);
        QTest::newRow("the smallest int64") << std::numeric_limits<qint64>::min();
        QTest::newRow("year 10000") << qint64(253402300800000);
    }

    void anImpossibleClockIsRefused()
    {
        QFETCH(qint64, clockMs);
        const auto set = query(store(), {QStringLiteral("UPDATE world SET clock_ms = %1").arg(clockMs), QStringLiteral("SELECT changes()")});
        QCOMPARE(set.value(0).value(0), QStringLiteral("1"));
        const QByteArray storeBefore = sha256Of(store());
        const QByteArray journalBefore = sha256Of(journal());
        const auto status = runProgram(sim, {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("status"), QStringLiteral("--now"),
                                             QStringLiteral("2027-03-10T00:00:00Z")});
        QVERIFY2(status.exitCode == 1, status.out.constData());
        QVERIFY2(status.err.contains("topup.sqlite: damaged database (the world's clock reads"), status.err.constData());
        QCOMPARE(sha256Of(store()), storeBefore);
        QCOMPARE(sha256Of(journal()), journalBefore);
    }

    // `check` promises to write nothing: after a crash it reads a copy
    // rather than fold the write-ahead log into the file.
    void checkChangesNothingAfterACrash()
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(store().toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "UPDATE world SET clock_ms = clock_ms + 1", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr); // as a crash leaves it
        sqlite3_close(db);
        QVERIFY(QFile::exists(store() + QLatin1String("-wal")));
        const QByteArray file = sha256Of(store());
        const QByteArray log = sha256Of(store() + QLatin1String("-wal"));
        const auto checked = runProgram(sim, {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("check")});
        QVERIFY2(checked.exitCode == 0, checked.err.constData());
        QVERIFY2(checked.out.contains("topup.sqlite: whole"), checked.out.constData());
        QCOMPARE(sha256Of(store()), file);
        QVERIFY(QFile::exists(store() + QLatin1String("-wal")));
        QCOMPARE(sha256Of(store() + QLatin1String("-wal")), log);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestDamagedBooks)
} // namespace tst_damagedbooks
#include "tst_damagedbooks.moc"
