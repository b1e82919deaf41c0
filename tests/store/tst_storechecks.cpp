// What opening a store checks (the header, the schema, whether the last
// session ended cleanly; everything after an unclean shutdown), and the full
// check a clean open leaves to the background (IntegrityCheck): damage is
// refused with a message naming the file, which is left as it was.
#include "testmain.h"
#include "damagedfile.h"
#include "storefixture.h"
#include "store/database.h"
#include "store/integritycheck.h"
#include "store/storeschema.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace tst_storechecks {

using namespace topup;

namespace {

// A store closed cleanly (no write-ahead log left), whose usage_hours
// table spans many pages.
bool makeCleanStore(const QString &path)
{
    {
        auto db = Database::open(path, storeSchema());
        if (!db)
            return false;
    }
    return test::fillUsageTable(path, QStringLiteral("usage_hours"), 30000) && !QFile::exists(path + QLatin1String("-wal"));
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

} // namespace

class TestStoreChecks final : public QObject
{
    Q_OBJECT

private slots:
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
        const QByteArray before = test::sha256Of(path);
        auto db = Database::open(path, storeSchema());
        QVERIFY(!db);
        QVERIFY2(db.error().contains(QLatin1String("damaged")) || db.error().contains(QLatin1String("malformed")),
                 qPrintable(db.error()));
        QCOMPARE(test::sha256Of(path), before);
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
        QTest::newRow("a table missing") << "drop" << "table usage_hours of store schema";
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
            QVERIFY(runSql(path, QStringLiteral("DROP TABLE usage_hours")));
        QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
        const QByteArray before = test::sha256Of(path);
        auto db = Database::open(path, storeSchema());
        QVERIFY(!db);
        QVERIFY2(db.error().startsWith(path + QLatin1String(": damaged database (")), qPrintable(db.error()));
        QVERIFY2(db.error().contains(mentions), qPrintable(db.error()));
        QCOMPARE(test::sha256Of(path), before);
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
        const Expected<test::Page> page = test::middleLeafOf(path, QStringLiteral("usage_hours"));
        QVERIFY2(page, qPrintable(page.error()));
        const QString image = dir.filePath(QStringLiteral("crashed.sqlite"));
        {
            auto db = Database::open(path, storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY((*db)->write([&]() -> Expected<void> {
                QSqlQuery query((*db)->connection());
                return query.exec(QStringLiteral("INSERT INTO world (id, clock_ms) VALUES (1, 7)")) ? Expected<void>()
                                                                                                  : Expected<void>::failure(QStringLiteral("insert"));
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
            QCOMPARE(test::scalarOf(**db, QStringLiteral("SELECT clock_ms FROM world")), qint64(7)); // the log was read
        }
        QVERIFY(test::scribbleOver(image, *page));
        const QByteArray file = test::sha256Of(image);
        const QByteArray log = test::sha256Of(image + QLatin1String("-wal"));
        auto db = Database::open(image, storeSchema());
        QVERIFY(!db);
        QVERIFY2(db.error().startsWith(image + QLatin1String(": damaged database (")), qPrintable(db.error()));
        QCOMPARE(test::sha256Of(image), file);
        QCOMPARE(test::sha256Of(image + QLatin1String("-wal")), log);
    }

    // Damage in the middle of a table, closed cleanly: open does not read
    // that page; the full check does, and from then on nothing is written.
    void damageFoundAfterOpenStopsEveryWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("topup.sqlite"));
        QVERIFY(makeCleanStore(path));
        const Expected<test::Page> page = test::middleLeafOf(path, QStringLiteral("usage_hours"));
        QVERIFY2(page, qPrintable(page.error()));
        QVERIFY(test::scribbleOver(path, *page));
        const QByteArray before = test::sha256Of(path);

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
            const Expected<void> written = connection->write([&] {
                ran = true;
                return Expected<void>();
            });
            QVERIFY(!written);
            QVERIFY(!ran);
            QVERIFY2(written.error().startsWith(path + QLatin1String(": damaged database (")), qPrintable(written.error()));
            QVERIFY2(written.error().endsWith(QLatin1String("nothing more is written to it")), qPrintable(written.error()));
            // What a screen shows: which file, and what the person can do.
            QCOMPARE(written.sentences(), QStringLiteral("The data file %1 was found damaged; nothing more is written to it. Quit and start"
                                                         " again to have it checked, or move the data folder aside to start fresh.")
                                              .arg(path));
        }
        auto again = Database::open(path, storeSchema());
        QVERIFY(!again);
        QVERIFY2(again.error().startsWith(path + QLatin1String(": damaged database (")), qPrintable(again.error()));
        db = Expected<std::shared_ptr<Database>>::failure(QStringLiteral("closed"));
        other = Expected<std::shared_ptr<Database>>::failure(QStringLiteral("closed"));
        QCOMPARE(test::sha256Of(path), before);
        // The log stays, so the next open runs the full check and refuses it.
        QVERIFY(QFile::exists(path + QLatin1String("-wal")));
        auto next = Database::open(path, storeSchema());
        QVERIFY(!next);
        QVERIFY2(next.error().startsWith(path + QLatin1String(": damaged database (")), qPrintable(next.error()));
        QCOMPARE(test::sha256Of(path), before);
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
            const Expected<test::Page> page = test::middleLeafOf(path, QStringLiteral("usage_hours"));
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
        const QByteArray before = test::sha256Of(path);
        QCOMPARE(IntegrityCheck::run(path).verdict, IntegrityCheck::Verdict::Ok);
        QVERIFY(!QFile::exists(path + QLatin1String("-wal")));
        QCOMPARE(test::sha256Of(path), before);
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
};

TOPUP_TEST_GUILESS_MAIN(TestStoreChecks)
} // namespace tst_storechecks
#include "tst_storechecks.moc"
