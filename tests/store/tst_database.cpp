// Opening, refusing and migrating SQLite files; transactions that fail leave
// nothing behind; the data folder's lock.
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/storeschema.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
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
