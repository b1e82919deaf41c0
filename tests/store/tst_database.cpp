// Opening, refusing and migrating SQLite files, and transactions that fail
// leaving nothing behind. What an open checks, and the full check it defers:
// tst_storechecks; the data folder and its lock: tst_datadirectory.
#include "damagedfile.h"
#include "storefixture.h"
#include "store/database.h"
#include "store/storeschema.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace topup;

namespace {

Schema twoStepSchema()
{
    return Schema{QStringLiteral("test"),
                  {Migration{1, {QStringLiteral("CREATE TABLE a (x INTEGER NOT NULL)")}},
                   Migration{2, {QStringLiteral("ALTER TABLE a ADD COLUMN y INTEGER NOT NULL DEFAULT 7"),
                                 QStringLiteral("CREATE TABLE b (z TEXT)")}}}};
}

} // namespace

class TestDatabase final : public QObject
{
    Q_OBJECT

private slots:
    void createsAndMigratesTheStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        auto db = Database::open(path, storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE((*db)->schemaVersion(), storeSchema().latestVersion());
        QCOMPARE(test::scalarOf(**db, QStringLiteral("PRAGMA foreign_keys")), qint64(1));
        QCOMPARE(test::scalarOf(**db, QStringLiteral("PRAGMA synchronous")), qint64(2)); // FULL
        QSqlQuery mode((*db)->connection());
        QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
        QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
    }

    void upgradesFromEveryEarlierVersion()
    {
        const Schema schema = twoStepSchema();
        for (int from = 0; from < schema.latestVersion(); ++from) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("t.sqlite"));
            {
                Schema older = schema;
                older.migrations.resize(std::size_t(from));
                auto db = Database::open(path, older);
                QVERIFY2(db, qPrintable(db.error()));
                QCOMPARE((*db)->schemaVersion(), from);
                if (from >= 1) {
                    QSqlQuery insert((*db)->connection());
                    QVERIFY(insert.exec(QStringLiteral("INSERT INTO a (x) VALUES (41)")));
                }
            }
            auto db = Database::open(path, schema);
            QVERIFY2(db, qPrintable(db.error()));
            QCOMPARE((*db)->schemaVersion(), 2);
            QCOMPARE(test::scalarOf(**db, QStringLiteral("SELECT count(*) FROM b")), qint64(0));
            if (from >= 1)
                QCOMPARE(test::scalarOf(**db, QStringLiteral("SELECT x + y FROM a")), qint64(48)); // data kept, column added
        }
    }

    void theStoreUpgradeKeepsAttemptsAndTakesPurchases()
    {
        // A store of schema 2 with a line, a package and an attempt, as the
        // version before line purchases left it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        const QString attempt = QStringLiteral("INSERT INTO attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt,"
                                               " method_id, method_token, package_id, amount_cents, status) VALUES (1, 1, 5, '2027-03',"
                                               " '%1', 'L1/%1/1', 1, 1, 'tok', 1, 500, 'succeeded')");
        {
            Schema older = storeSchema();
            older.migrations.resize(2);
            auto db = Database::open(path, older);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery insert((*db)->connection());
            for (const QString &statement :
                 {QStringLiteral("INSERT INTO accounts (login, password_hash, currency, timezone, created_ms) VALUES ('a@b.cd', 'h', 'EUR', 'UTC', 0)"),
                  QStringLiteral("INSERT INTO packages (account_id, code, name, data_bytes, voice_seconds, price_cents) VALUES (1, 'p', 'P', 1, 0, 500)"),
                  QStringLiteral("INSERT INTO methods (account_id, code, kind, token, created_ms) VALUES (1, 'tok', 'paypal', 'tok', 0)"),
                  QStringLiteral("INSERT INTO lines (account_id, code, name, data_bytes, voice_seconds) VALUES (1, 'L1', 'Phone', 0, 0)"),
                  attempt.arg(QLatin1String("manual"))})
                QVERIFY2(insert.exec(statement), qPrintable(insert.lastError().text()));
            QVERIFY(!insert.exec(attempt.arg(QLatin1String("purchase")))); // the old CHECK refuses the new trigger
        }
        auto db = Database::open(path, storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE((*db)->schemaVersion(), storeSchema().latestVersion());
        QCOMPARE(test::scalarOf(**db, QStringLiteral("SELECT count(*) FROM attempts WHERE trigger = 'manual' AND amount_cents = 500")), qint64(1));
        QSqlQuery insert((*db)->connection());
        QVERIFY2(insert.exec(attempt.arg(QLatin1String("purchase"))), qPrintable(insert.lastError().text()));
        QVERIFY(!insert.exec(attempt.arg(QLatin1String("gift")).replace(QLatin1String("L1/gift/1"), QLatin1String("L1/x/2"))));
        // The line is active, the package one of the general offers.
        QCOMPARE(test::scalarOf(**db, QStringLiteral("SELECT count(*) FROM lines WHERE state = 'active' AND removed_ms IS NULL")), qint64(1));
        QCOMPARE(test::scalarOf(**db, QStringLiteral("SELECT count(*) FROM packages WHERE region = ''")), qint64(1));
        QVERIFY(!insert.exec(QStringLiteral("UPDATE lines SET state = 'lost'")));
    }

    void refusesAndLeavesUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("garbage") << QByteArray("this is not a database at all, just some text\n").repeated(40) << QStringLiteral("not SQLite");
        QTest::newRow("truncated header") << QByteArray("SQLite format 3\0", 16) + QByteArray(100, '\0') << QStringLiteral("truncated");
    }

    void refusesAndLeavesUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const QByteArray before = test::sha256Of(path);
        auto db = Database::open(path, storeSchema());
        QVERIFY(!db);
        QVERIFY2(db.error().contains(mentions), qPrintable(db.error()));
        QVERIFY2(db.error().contains(path), qPrintable(db.error()));
        QCOMPARE(test::sha256Of(path), before);
        QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
    }

    void refusesANewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.sqlite"));
        {
            auto db = Database::open(path, twoStepSchema());
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query((*db)->connection());
            QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const QByteArray before = test::sha256Of(path);
        Schema older = twoStepSchema();
        older.migrations.resize(1);
        auto db = Database::open(path, older);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(QLatin1String("newer version")), qPrintable(db.error()));
        QCOMPARE(test::sha256Of(path), before);
    }

    void failedWriteLeavesNothingHalfWritten()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")), twoStepSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        // The second statement fails: the first must be rolled back with it.
        const Expected<bool> result = database.write([&]() -> Expected<bool> {
            QSqlQuery query(database.connection());
            if (!query.exec(QStringLiteral("INSERT INTO a (x) VALUES (1)")))
                return Expected<bool>::failure(QStringLiteral("first"));
            if (!query.exec(QStringLiteral("INSERT INTO a (x) VALUES (NULL)")))
                return Expected<bool>::failure(database.describe(QStringLiteral("second failed")));
            return true;
        });
        QVERIFY(!result);
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM a")), qint64(0));
        QVERIFY(database.write([] { return Expected<bool>(true); })); // usable afterwards
    }

    void deferredWriteSyncsLaterAndOnlyItself()
    {
        // A deferred write runs with synchronous=NORMAL, commits like any
        // other (another connection sees it) or rolls back whole, and the
        // writes after it are synced again.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.sqlite"));
        auto db = Database::open(path, twoStepSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        qint64 during = -1;
        const Expected<bool> written = database.write(
            [&]() -> Expected<bool> {
                during = test::scalarOf(database, QStringLiteral("PRAGMA synchronous"));
                QSqlQuery query(database.connection());
                if (!query.exec(QStringLiteral("INSERT INTO a (x) VALUES (1)")))
                    return Expected<bool>::failure(query.lastError().text());
                return true;
            },
            Database::Sync::Deferred);
        QVERIFY2(written, qPrintable(written.error()));
        QCOMPARE(during, qint64(1)); // NORMAL
        QCOMPARE(test::scalarOf(database, QStringLiteral("PRAGMA synchronous")), qint64(2)); // FULL again
        {
            auto other = Database::open(path, twoStepSchema(), Database::Presence::MustExist);
            QVERIFY2(other, qPrintable(other.error()));
            QCOMPARE(test::scalarOf(**other, QStringLiteral("SELECT count(*) FROM a")), qint64(1));
        }
        const Expected<bool> failed = database.write(
            [&]() -> Expected<bool> {
                QSqlQuery query(database.connection());
                query.exec(QStringLiteral("INSERT INTO a (x) VALUES (2)"));
                return Expected<bool>::failure(QStringLiteral("refused"));
            },
            Database::Sync::Deferred);
        QVERIFY(!failed);
        QCOMPARE(failed.error(), QStringLiteral("refused"));
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM a")), qint64(1));
        QCOMPARE(test::scalarOf(database, QStringLiteral("PRAGMA synchronous")), qint64(2));
    }

    void diskFullMidRunRollsBack()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")), twoStepSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        QVERIFY(database.write([&]() -> Expected<bool> {
            QSqlQuery query(database.connection());
            return query.exec(QStringLiteral("INSERT INTO a (x) VALUES (5)")) ? Expected<bool>(true)
                                                                              : Expected<bool>::failure(QStringLiteral("insert"));
        }));
        // The file may not grow any more: the next big write hits "database or disk is full".
        const qint64 pages = test::scalarOf(database, QStringLiteral("PRAGMA page_count"));
        QCOMPARE(test::scalarOf(database, QStringLiteral("PRAGMA max_page_count = %1").arg(pages)), pages);
        QString error;
        const Expected<bool> result = database.write([&]() -> Expected<bool> {
            QSqlQuery query(database.connection());
            for (int i = 0; i < 2000; ++i) {
                if (!query.exec(QStringLiteral("INSERT INTO b (z) VALUES ('%1')").arg(QString(200, QLatin1Char('x')))))
                    return Expected<bool>::failure(database.describe(query.lastError().text()));
            }
            return true;
        });
        QVERIFY(!result);
        QVERIFY2(result.error().contains(QLatin1String("full")), qPrintable(result.error()));
        QVERIFY2(result.error().startsWith(QLatin1String("t.sqlite: ")), qPrintable(result.error()));
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM b")), qint64(0));
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM a")), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
