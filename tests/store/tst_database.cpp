// Opening, refusing and migrating SQLite files; transactions that fail leave
// nothing behind; the data folder's lock; the checks of a clean open and the
// full check they defer (IntegrityCheck).
#include "damagedfile.h"
#include "scenario/policyjson.h"
#include "store/database.h"
#include "store/linestore.h"
#include "store/datadirectory.h"
#include "store/integritycheck.h"
#include "store/storeschema.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace topup;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

Schema twoStepSchema()
{
    return Schema{QStringLiteral("test"),
                  {Migration{1, {QStringLiteral("CREATE TABLE a (x INTEGER NOT NULL)")}},
                   Migration{2, {QStringLiteral("ALTER TABLE a ADD COLUMN y INTEGER NOT NULL DEFAULT 7"),
                                 QStringLiteral("CREATE TABLE b (z TEXT)")}}}};
}

// A store closed cleanly (no write-ahead log left), whose usage_samples
// table spans many pages.
bool makeCleanStore(const QString &path)
{
    {
        auto db = Database::open(path, storeSchema());
        if (!db)
            return false;
    }
    return test::fillUsageTable(path, QStringLiteral("usage_samples"), 30000) && !QFile::exists(path + QLatin1String("-wal"));
}

bool patch(const QString &path, qint64 at, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.seek(at) && file.write(bytes) == bytes.size();
}

bool runSql(const QString &path, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("by-hand"));
        db.setDatabaseName(path);
        ok = db.open() && QSqlQuery(db).exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("by-hand"));
    return ok;
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
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
        QCOMPARE(scalar(**db, QStringLiteral("PRAGMA foreign_keys")), qint64(1));
        QCOMPARE(scalar(**db, QStringLiteral("PRAGMA synchronous")), qint64(2)); // FULL
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
            QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM b")), qint64(0));
            if (from >= 1)
                QCOMPARE(scalar(**db, QStringLiteral("SELECT x + y FROM a")), qint64(48)); // data kept, column added
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
        QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM attempts WHERE trigger = 'manual' AND amount_cents = 500")), qint64(1));
        QSqlQuery insert((*db)->connection());
        QVERIFY2(insert.exec(attempt.arg(QLatin1String("purchase"))), qPrintable(insert.lastError().text()));
        QVERIFY(!insert.exec(attempt.arg(QLatin1String("gift")).replace(QLatin1String("L1/gift/1"), QLatin1String("L1/x/2"))));
        // The line is active, the package one of the general offers.
        QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM lines WHERE state = 'active' AND removed_ms IS NULL")), qint64(1));
        QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM packages WHERE region = ''")), qint64(1));
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
        QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM lines WHERE check_due = 1")), qint64(4));
        // The same policies saved now give the same figures.
        for (std::size_t i = 0; i < policies.size(); ++i) {
            const Expected<LineRecord> line = LineStore(**db).add(1, LineForm{QStringLiteral("New"), {}, UsageProfile::Light, 1, {}, {}});
            QVERIFY2(line, qPrintable(line.error()));
            const Expected<bool> saved = LineStore(**db).setPolicy(1, line->id, policies[i]);
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
        const QByteArray before = fileHash(path);
        auto db = Database::open(path, storeSchema());
        QVERIFY(!db);
        QVERIFY2(db.error().contains(mentions), qPrintable(db.error()));
        QVERIFY2(db.error().contains(path), qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
    }

    void refusesADamagedDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        {
            auto db = Database::open(path, storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query((*db)->connection());
            QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        // Keep the header, scribble over the schema pages.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 4096);
        file.seek(100);
        file.write(QByteArray(3000, '\x5a'));
        file.close();
        const QByteArray before = fileHash(path);
        auto db = Database::open(path, storeSchema());
        QVERIFY(!db);
        QVERIFY2(db.error().contains(QLatin1String("damaged")) || db.error().contains(QLatin1String("malformed")),
                 qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);
    }

    // Damage a clean open's checks see without reading every page: refused
    // with a message naming the file, which is left byte for byte as it was.
    void cleanOpenRefusesAndLeavesUntouched_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("truncated by a page") << "truncate" << "truncated: ";
        QTest::newRow("padded by a page") << "pad" << "more than the";
        QTest::newRow("page size garbled") << "page size" << "page size of 768 bytes";
        QTest::newRow("payload fractions garbled") << "fractions" << "payload fractions are 80, 32 and 32";
        QTest::newRow("a table missing") << "drop" << "table usage_daily of store schema";
    }

    void cleanOpenRefusesAndLeavesUntouched()
    {
        QFETCH(QString, damage);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        QVERIFY(makeCleanStore(path));
        const qint64 size = QFileInfo(path).size();
        if (damage == QLatin1String("truncate"))
            QVERIFY(QFile::resize(path, size - 4096));
        else if (damage == QLatin1String("pad"))
            QVERIFY(QFile::resize(path, size + 4096));
        else if (damage == QLatin1String("page size"))
            QVERIFY(patch(path, 16, QByteArray("\x03\x00", 2)));
        else if (damage == QLatin1String("fractions"))
            QVERIFY(patch(path, 21, QByteArray("\x50", 1)));
        else
            QVERIFY(runSql(path, QStringLiteral("DROP TABLE usage_daily")));
        QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
        const QByteArray before = fileHash(path);
        auto db = Database::open(path, storeSchema());
        QVERIFY(!db);
        QVERIFY2(db.error().startsWith(path + QLatin1String(": damaged database (")), qPrintable(db.error()));
        QVERIFY2(db.error().contains(mentions), qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
    }

    // The clean-shutdown marker: no write-ahead log beside a file in WAL
    // mode, or the file open in this process already.
    void onlyACleanCloseDefersTheFullCheck()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        {
            auto created = Database::open(path, storeSchema());
            QVERIFY2(created, qPrintable(created.error()));
            QCOMPARE((*created)->vouched(), Database::Vouched::Full); // new: nothing to read
        }
        QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
        {
            auto clean = Database::open(path, storeSchema());
            QVERIFY2(clean, qPrintable(clean.error()));
            QCOMPARE((*clean)->vouched(), Database::Vouched::Deferred);
            auto second = Database::open(path, storeSchema()); // the catch-up thread's own connection
            QVERIFY2(second, qPrintable(second.error()));
            QCOMPARE((*second)->vouched(), Database::Vouched::Deferred);
        }
        QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
        // A connection that is not ours keeps the log: it may be writing.
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("INSERT INTO world (id, clock_ms) VALUES (1, 5)")));
            QVERIFY(QFile::exists(path + QLatin1String("-wal")));
            auto opened = Database::open(path, storeSchema());
            QVERIFY2(opened, qPrintable(opened.error()));
            QCOMPARE((*opened)->vouched(), Database::Vouched::Full);
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    }

    // After a crash (the files as a SIGKILL leaves them: the log beside the
    // file) damage anywhere is found at open, and the file is refused untouched.
    void damageAfterAnUncleanShutdownIsRefusedAtOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        QVERIFY(makeCleanStore(path));
        const Expected<test::Page> page = test::middleLeafOf(path, QStringLiteral("usage_samples"));
        QVERIFY2(page, qPrintable(page.error()));
        const QString image = dir.filePath(QStringLiteral("crashed.sqlite"));
        {
            auto db = Database::open(path, storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY((*db)->write([&]() -> Expected<bool> {
                QSqlQuery query((*db)->connection());
                return query.exec(QStringLiteral("INSERT INTO world (id, clock_ms) VALUES (1, 7)")) ? Expected<bool>(true)
                                                                                                  : Expected<bool>::failure(QStringLiteral("insert"));
            }));
            QVERIFY(QFile::copy(path, image));
            QVERIFY(QFile::copy(path + QLatin1String("-wal"), image + QLatin1String("-wal")));
        }
        {
            // Whole, the crashed file opens after the full check.
            QTemporaryDir copy;
            const QString whole = copy.filePath(QStringLiteral("whole.sqlite"));
            QVERIFY(QFile::copy(image, whole) && QFile::copy(image + QLatin1String("-wal"), whole + QLatin1String("-wal")));
            auto db = Database::open(whole, storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            QCOMPARE((*db)->vouched(), Database::Vouched::Full);
            QCOMPARE(scalar(**db, QStringLiteral("SELECT clock_ms FROM world")), qint64(7)); // the log was read
        }
        QVERIFY(test::scribbleOver(image, *page));
        const QByteArray file = fileHash(image);
        const QByteArray log = fileHash(image + QLatin1String("-wal"));
        auto db = Database::open(image, storeSchema());
        QVERIFY(!db);
        QVERIFY2(db.error().startsWith(image + QLatin1String(": damaged database (")), qPrintable(db.error()));
        QCOMPARE(fileHash(image), file);
        QCOMPARE(fileHash(image + QLatin1String("-wal")), log);
    }

    // Damage in the middle of a table, closed cleanly: open does not read
    // that page; the full check does, and from then on nothing is written.
    void damageFoundAfterOpenStopsEveryWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        QVERIFY(makeCleanStore(path));
        const Expected<test::Page> page = test::middleLeafOf(path, QStringLiteral("usage_samples"));
        QVERIFY2(page, qPrintable(page.error()));
        QVERIFY(test::scribbleOver(path, *page));
        const QByteArray before = fileHash(path);

        auto db = Database::open(path, storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE((*db)->vouched(), Database::Vouched::Deferred);
        auto other = Database::open(path, storeSchema()); // a second connection, as the catch-up thread has
        QVERIFY2(other, qPrintable(other.error()));

        const IntegrityCheck::Result found = IntegrityCheck::run(path);
        QCOMPARE(found.verdict, IntegrityCheck::Verdict::Damaged);
        QVERIFY(!found.problem.isEmpty());
        Database::reportDamage(path, found.problem);
        QCOMPARE(Database::damageOf(path), path + QLatin1String(": damaged database (") + found.problem + QLatin1Char(')'));

        for (const std::shared_ptr<Database> &connection : {*db, *other}) {
            bool ran = false;
            const Expected<bool> written = connection->write([&] {
                ran = true;
                return Expected<bool>(true);
            });
            QVERIFY(!written);
            QVERIFY(!ran);
            QVERIFY2(written.error().startsWith(path + QLatin1String(": damaged database (")), qPrintable(written.error()));
            QVERIFY2(written.error().endsWith(QLatin1String("nothing more is written to it")), qPrintable(written.error()));
        }
        auto again = Database::open(path, storeSchema());
        QVERIFY(!again);
        QVERIFY2(again.error().startsWith(path + QLatin1String(": damaged database (")), qPrintable(again.error()));
        db = Expected<std::shared_ptr<Database>>::failure(QStringLiteral("closed"));
        other = Expected<std::shared_ptr<Database>>::failure(QStringLiteral("closed"));
        QCOMPARE(fileHash(path), before);
        // The log stays, so the next open runs the full check and refuses it.
        QVERIFY(QFile::exists(path + QLatin1String("-wal")));
        auto next = Database::open(path, storeSchema());
        QVERIFY(!next);
        QVERIFY2(next.error().startsWith(path + QLatin1String(": damaged database (")), qPrintable(next.error()));
        QCOMPARE(fileHash(path), before);
    }

    void backgroundCheckReports_data()
    {
        QTest::addColumn<bool>("damaged");
        QTest::newRow("whole") << false;
        QTest::newRow("damaged") << true;
    }

    void backgroundCheckReports()
    {
        QFETCH(bool, damaged);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        QVERIFY(makeCleanStore(path));
        if (damaged) {
            const Expected<test::Page> page = test::middleLeafOf(path, QStringLiteral("usage_samples"));
            QVERIFY2(page, qPrintable(page.error()));
            QVERIFY(test::scribbleOver(path, *page));
        }
        auto db = Database::open(path, storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        IntegrityCheck check({path});
        QSignalSpy finished(&check, &IntegrityCheck::finished);
        check.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1);
        const QString damage = finished.at(0).at(0).toString();
        if (damaged) {
            QVERIFY2(damage.startsWith(path + QLatin1String(": damaged database (")), qPrintable(damage));
            QCOMPARE(Database::damageOf(path), damage);
        } else {
            QCOMPARE(damage, QString());
            QCOMPARE(Database::damageOf(path), QString());
        }
    }

    // Alone on a clean file, the check's connection closes last: it folds
    // the log away, so the next open still sees a clean shutdown.
    void aCheckAloneLeavesTheFileClean()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        QVERIFY(makeCleanStore(path));
        const QByteArray before = fileHash(path);
        QCOMPARE(IntegrityCheck::run(path).verdict, IntegrityCheck::Verdict::Ok);
        QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
        QCOMPARE(fileHash(path), before);
        auto db = Database::open(path, storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE((*db)->vouched(), Database::Vouched::Deferred);
    }

    // A file another program holds locked cannot be checked: that says
    // nothing about its pages, so it is not reported as damage.
    void aLockedFileIsUncheckedNotDamaged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        QVERIFY(makeCleanStore(path));
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            holder.setDatabaseName(path);
            QVERIFY(holder.open());
            QSqlQuery lock(holder);
            QVERIFY(lock.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")));
            QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            const IntegrityCheck::Result result = IntegrityCheck::run(path); // waits out its 5 s busy timeout
            QCOMPARE(result.verdict, IntegrityCheck::Verdict::Unchecked);
            QVERIFY2(result.problem.contains(QLatin1String("locked")), qPrintable(result.problem));
            QCOMPARE(Database::damageOf(path), QString());
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
            lock.finish();
            holder.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    }

    void aStoppedCheckSaysNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        QVERIFY(makeCleanStore(path));
        IntegrityCheck check({path});
        QSignalSpy finished(&check, &IntegrityCheck::finished);
        check.start();
        check.stop(); // whether it had finished or not: nothing is said after stop()
        QCoreApplication::processEvents();
        QCOMPARE(finished.count(), 0);
        QVERIFY(!check.running());
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
        const QByteArray before = fileHash(path);
        Schema older = twoStepSchema();
        older.migrations.resize(1);
        auto db = Database::open(path, older);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(QLatin1String("newer version")), qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);
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
        QCOMPARE(scalar(database, QStringLiteral("SELECT count(*) FROM a")), qint64(0));
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
                during = scalar(database, QStringLiteral("PRAGMA synchronous"));
                QSqlQuery query(database.connection());
                if (!query.exec(QStringLiteral("INSERT INTO a (x) VALUES (1)")))
                    return Expected<bool>::failure(query.lastError().text());
                return true;
            },
            Database::Sync::Deferred);
        QVERIFY2(written, qPrintable(written.error()));
        QCOMPARE(during, qint64(1)); // NORMAL
        QCOMPARE(scalar(database, QStringLiteral("PRAGMA synchronous")), qint64(2)); // FULL again
        {
            auto other = Database::open(path, twoStepSchema(), Database::Presence::MustExist);
            QVERIFY2(other, qPrintable(other.error()));
            QCOMPARE(scalar(**other, QStringLiteral("SELECT count(*) FROM a")), qint64(1));
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
        QCOMPARE(scalar(database, QStringLiteral("SELECT count(*) FROM a")), qint64(1));
        QCOMPARE(scalar(database, QStringLiteral("PRAGMA synchronous")), qint64(2));
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
        const qint64 pages = scalar(database, QStringLiteral("PRAGMA page_count"));
        QCOMPARE(scalar(database, QStringLiteral("PRAGMA max_page_count = %1").arg(pages)), pages);
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
        QCOMPARE(scalar(database, QStringLiteral("SELECT count(*) FROM b")), qint64(0));
        QCOMPARE(scalar(database, QStringLiteral("SELECT count(*) FROM a")), qint64(1));
    }

    void secondInstanceIsRefused()
    {
        QTemporaryDir dir;
        {
            auto first = DataDirectory::claim(dir.path());
            QVERIFY2(first, qPrintable(first.error()));
            auto second = DataDirectory::claim(dir.path());
            QVERIFY(!second);
            QVERIFY2(second.error().contains(QLatin1String("already in use")), qPrintable(second.error()));
        }
        auto third = DataDirectory::claim(dir.path());
        QVERIFY2(third, qPrintable(third.error()));
        QCOMPARE((*third)->storePath(), dir.path() + QLatin1String("/topup.sqlite"));
        QCOMPARE((*third)->journalPath(), dir.path() + QLatin1String("/gateway.sqlite"));
    }

    // The lock file only says who holds the folder: one that is empty,
    // garbage or left by a process long gone never refuses the folder.
    void staleOrGarbageLockFileIsTakenOver_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\xff\xfe not a lock \x01\n\n");
        QTest::newRow("pid 0, no host") << QByteArray("0\n\n\n");
        QTest::newRow("a process that is gone") << QByteArray("2147483646\ntopup-sim\n") + QSysInfo::machineHostName().toUtf8() + '\n';
        QTest::newRow("another machine") << QByteArray("4242\ntopup-sim\nsomewhere-else\n");
    }

    void staleOrGarbageLockFileIsTakenOver()
    {
        QFETCH(QByteArray, contents);
        QTemporaryDir dir;
        QFile lock(dir.filePath(QStringLiteral("topup.lock")));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(contents);
        lock.close();
        auto claimed = DataDirectory::claim(dir.path());
        QVERIFY2(claimed, qPrintable(claimed.error()));
        QVERIFY(!DataDirectory::claim(dir.path())); // and now it is held
    }

    // A second writer is refused however the lock file is tampered with:
    // the kernel holds the lock on the folder, not the file's existence.
    void deletedLockFileStillRefusesASecondWriter()
    {
        QTemporaryDir dir;
        auto first = DataDirectory::claim(dir.path());
        QVERIFY2(first, qPrintable(first.error()));
        QVERIFY(DataDirectory::inUse(dir.path()));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("topup.lock"))));
        auto second = DataDirectory::claim(dir.path());
        QVERIFY(!second);
        QVERIFY2(second.error().contains(QLatin1String("already in use")), qPrintable(second.error()));
        QFile garbage(dir.filePath(QStringLiteral("topup.lock")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("0\n\n\n");
        garbage.close();
        QVERIFY(!DataDirectory::claim(dir.path()));
        first.take().reset();
        QVERIFY(!DataDirectory::inUse(dir.path()));
        auto third = DataDirectory::claim(dir.path());
        QVERIFY2(third, qPrintable(third.error()));
    }

    void theLockNamesItsHolder()
    {
        QTemporaryDir dir;
        auto first = DataDirectory::claim(dir.path());
        QVERIFY2(first, qPrintable(first.error()));
        auto second = DataDirectory::claim(dir.path());
        QVERIFY(!second);
        const QString holder = QStringLiteral("process %1 on %2").arg(QCoreApplication::applicationPid()).arg(QSysInfo::machineHostName());
        QVERIFY2(second.error().contains(holder), qPrintable(second.error()));
        first.take().reset();
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("topup.lock")))); // the holder removes it
    }

    void unwritableFolderIsAClearMessage()
    {
        // /proc is read-only even for root.
        auto claimed = DataDirectory::claim(QStringLiteral("/proc/topup-test-data"));
        QVERIFY(!claimed);
        QVERIFY2(claimed.error().contains(QLatin1String("/proc/topup-test-data")), qPrintable(claimed.error()));
        auto existing = DataDirectory::claim(QStringLiteral("/proc/self"));
        QVERIFY(!existing);
        QVERIFY2(existing.error().contains(QLatin1String("read-only")), qPrintable(existing.error()));
    }

    void resolvesTheFolder()
    {
        QCOMPARE(DataDirectory::resolve(QStringLiteral("/tmp/a/../b")), QStringLiteral("/tmp/b"));
        qputenv("TOPUP_DATA_DIR", "/tmp/from-env");
        QCOMPARE(DataDirectory::resolve(QString()), QStringLiteral("/tmp/from-env"));
        QCOMPARE(DataDirectory::resolve(QStringLiteral("/tmp/option")), QStringLiteral("/tmp/option"));
        qunsetenv("TOPUP_DATA_DIR");
        QVERIFY(!DataDirectory::resolve(QString()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
