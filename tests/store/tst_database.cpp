// Opening, refusing and migrating SQLite files, and transactions that fail
// leaving nothing behind. What an open checks, and the full check it defers:
// tst_storechecks; the data folder and its lock: tst_datadirectory.
#include "testmain.h"
#include "damagedfile.h"
#include "scenario/policyjson.h"
#include "storefixture.h"
#include "store/database.h"
#include "store/linestore.h"
#include "store/storeschema.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace tst_database {

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

    // Schema 6 keeps beside each policy what it charges (the low-funds
    // figures of a narrowed settle) and flags every line for its next
    // check: the upgrade fills them from the policies already stored, as
    // LineStore::setPolicy writes them.
    void theUpgradeFillsWhatEachPolicyCharges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        const auto policyJson = [](const Policy &policy) {
            return QString::fromUtf8(QJsonDocument(PolicyJson::write(policy)).toJson(QJsonDocument::Compact));
        };
        Policy both; // threshold and monthly, with a fallback: the dearer package counts
        both.threshold = ThresholdTrigger{Resource::Data, 1000, QStringLiteral("P1")};
        both.monthly = MonthlyTrigger{5, 9 * 60, QStringLiteral("P2")};
        both.method = QStringLiteral("M1");
        both.fallback = QStringLiteral("M2");
        Policy off = both;
        off.enabled = false;
        Policy monthly;
        monthly.monthly = MonthlyTrigger{31, 8 * 60, QStringLiteral("P3")};
        monthly.method = QStringLiteral("M2");
        const std::vector<std::optional<Policy>> policies{both, off, std::nullopt, monthly};
        {
            Schema older = storeSchema();
            older.migrations.resize(5);
            auto db = Database::open(path, older);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery insert((*db)->connection());
            for (const QString &statement :
                 {QStringLiteral("INSERT INTO accounts (login, password_hash, currency, timezone, created_ms) VALUES ('a@b.cd', 'h', 'EUR', 'UTC', 0)"),
                  QStringLiteral("INSERT INTO packages (account_id, code, name, data_bytes, voice_seconds, price_cents) VALUES (1, 'a', 'A', 5, 0, 500)"),
                  QStringLiteral("INSERT INTO packages (account_id, code, name, data_bytes, voice_seconds, price_cents) VALUES (1, 'b', 'B', 9, 0, 900)"),
                  QStringLiteral("INSERT INTO packages (account_id, code, name, data_bytes, voice_seconds, price_cents) VALUES (1, 'c', 'C', 0, 60, 300)"),
                  QStringLiteral("INSERT INTO methods (account_id, code, kind, token, created_ms) VALUES (1, 'm1', 'paypal', 't1', 0)"),
                  QStringLiteral("INSERT INTO methods (account_id, code, kind, token, created_ms) VALUES (1, 'm2', 'paypal', 't2', 0)")})
                QVERIFY2(insert.exec(statement), qPrintable(insert.lastError().text()));
            for (std::size_t i = 0; i < policies.size(); ++i) {
                insert.prepare(QStringLiteral("INSERT INTO lines (account_id, code, name, data_bytes, voice_seconds, policy_json)"
                                              " VALUES (1, ?, 'Phone', 0, 0, ?)"));
                insert.addBindValue(QStringLiteral("L%1").arg(i + 1));
                insert.addBindValue(policies[i] ? QVariant(policyJson(*policies[i])) : QVariant(QMetaType::fromType<QString>()));
                QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
            }
        }
        auto db = Database::open(path, storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        const QString columns = QStringLiteral("SELECT coalesce(pays_method, -1) || ' ' || coalesce(pays_fallback, -1) || ' '"
                                               " || coalesce(pays_cents, -1) FROM lines WHERE id = %1");
        const auto charges = [&](qint64 line) {
            QSqlQuery select((*db)->connection());
            return select.exec(columns.arg(line)) && select.next() ? select.value(0).toString() : QStringLiteral("none");
        };
        QCOMPARE(charges(1), QStringLiteral("1 2 900"));
        QCOMPARE(charges(2), QStringLiteral("-1 -1 -1"));
        QCOMPARE(charges(3), QStringLiteral("-1 -1 -1"));
        QCOMPARE(charges(4), QStringLiteral("2 -1 300"));
        QCOMPARE(test::scalarOf(**db, QStringLiteral("SELECT count(*) FROM lines WHERE check_due = 1")), qint64(4));
        // The same policies saved now give the same figures.
        for (std::size_t i = 0; i < policies.size(); ++i) {
            const Expected<LineRecord> line = LineStore(**db).add(1, LineForm{QStringLiteral("New"), {}, UsageProfile::Light, 1, {}, {}});
            QVERIFY2(line, qPrintable(line.error()));
            const Expected<void> saved = LineStore(**db).setPolicy(1, line->id, policies[i]);
            QVERIFY2(saved, qPrintable(saved.error()));
            QCOMPARE(charges(line->id), charges(qint64(i) + 1));
        }
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
        const Expected<void> result = database.write([&]() -> Expected<void> {
            QSqlQuery query(database.connection());
            if (!query.exec(QStringLiteral("INSERT INTO a (x) VALUES (1)")))
                return Expected<void>::failure(QStringLiteral("first"));
            if (!query.exec(QStringLiteral("INSERT INTO a (x) VALUES (NULL)")))
                return Expected<void>::failure(database.describe(QStringLiteral("second failed")));
            return {};
        });
        QVERIFY(!result);
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM a")), qint64(0));
        QVERIFY(database.write([] { return Expected<void>(); })); // usable afterwards
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
        const Expected<void> written = database.write(
            [&]() -> Expected<void> {
                during = test::scalarOf(database, QStringLiteral("PRAGMA synchronous"));
                QSqlQuery query(database.connection());
                if (!query.exec(QStringLiteral("INSERT INTO a (x) VALUES (1)")))
                    return Expected<void>::failure(query.lastError().text());
                return {};
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
        const Expected<void> failed = database.write(
            [&]() -> Expected<void> {
                QSqlQuery query(database.connection());
                query.exec(QStringLiteral("INSERT INTO a (x) VALUES (2)"));
                return Expected<void>::failure(QStringLiteral("refused"));
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
        QVERIFY(database.write([&]() -> Expected<void> {
            QSqlQuery query(database.connection());
            return query.exec(QStringLiteral("INSERT INTO a (x) VALUES (5)")) ? Expected<void>()
                                                                              : Expected<void>::failure(QStringLiteral("insert"));
        }));
        // The file may not grow any more: the next big write hits "database or disk is full".
        const qint64 pages = test::scalarOf(database, QStringLiteral("PRAGMA page_count"));
        QCOMPARE(test::scalarOf(database, QStringLiteral("PRAGMA max_page_count = %1").arg(pages)), pages);
        QString error;
        const Expected<void> result = database.write([&]() -> Expected<void> {
            QSqlQuery query(database.connection());
            for (int i = 0; i < 2000; ++i) {
                if (!query.exec(QStringLiteral("INSERT INTO b (z) VALUES ('%1')").arg(QString(200, QLatin1Char('x')))))
                    return Expected<void>::failure(database.describe(query.lastError().text()));
            }
            return {};
        });
        QVERIFY(!result);
        QVERIFY2(result.error().contains(QLatin1String("full")), qPrintable(result.error()));
        QVERIFY2(result.error().startsWith(QLatin1String("t.sqlite: ")), qPrintable(result.error()));
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM b")), qint64(0));
        QCOMPARE(test::scalarOf(database, QStringLiteral("SELECT count(*) FROM a")), qint64(1));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestDatabase)
} // namespace tst_database
#include "tst_database.moc"
