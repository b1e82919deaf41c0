// Damaged and foreign data folders: anything that is not a TopUp world is
// refused with a message naming the file, and left byte for byte as it was
// (contents and modification time), also through the real topup-sim.
#include "testmain.h"
#include "programrun.h"
#include "service/service.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storeschema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace tst_damagedfolder {

using namespace topup;

namespace {

const QString storeName = QStringLiteral("topup.sqlite");
const QString journalName = QStringLiteral("gateway.sqlite");

Service::Options optionsFor(const QString &dir)
{
    Service::Options options;
    options.location = WorldLocation::folder(dir);
    options.fixedNow = *Instant::parse(u"2027-03-01T08:00:00Z");
    options.passwordIterations = 1000;
    return options;
}

// A valid SQLite file that belongs to someone else.
bool writeForeignSqlite(const QString &path)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(QStringLiteral("CREATE TABLE recipes (name TEXT, minutes INTEGER)"))
                && query.exec(QStringLiteral("INSERT INTO recipes VALUES ('soup', 40)"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    return ok;
}

// Every file of the folder: name → (hash of the contents, modification time).
QMap<QString, QPair<QByteArray, qint64>> snapshot(const QString &dir)
{
    QMap<QString, QPair<QByteArray, qint64>> files;
    for (const QFileInfo &info : QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
        if (info.fileName() == QLatin1String("topup.lock"))
            continue; // taken and released by every program that looks
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        files.insert(info.fileName(), {QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256),
                                       info.lastModified().toMSecsSinceEpoch()});
    }
    return files;
}

using Run = topup::test::ProgramRun;

Run runSim(const QStringList &arguments)
{
    return topup::test::runProgram(QStringLiteral(TOPUP_SIM), arguments);
}

} // namespace

class TestDamagedFolder final : public QObject
{
    Q_OBJECT

private:
    // Makes a world in `dir` (both files), then damages it as `damage` says.
    static bool prepare(const QString &dir, const QString &damage)
    {
        {
            auto service = Service::open(optionsFor(dir));
            if (!service)
                return false;
        }
        const QString store = QDir(dir).filePath(storeName);
        const QString journal = QDir(dir).filePath(journalName);
        if (damage == QLatin1String("empty store"))
            return QFile::resize(store, 0);
        if (damage == QLatin1String("empty journal"))
            return QFile::resize(journal, 0);
        if (damage == QLatin1String("foreign store"))
            return QFile::remove(store) && writeForeignSqlite(store);
        if (damage == QLatin1String("foreign journal"))
            return QFile::remove(journal) && writeForeignSqlite(journal);
        if (damage == QLatin1String("foreign store, no journal"))
            return QFile::remove(store) && QFile::remove(journal) && writeForeignSqlite(store);
        if (damage == QLatin1String("empty store, no journal"))
            return QFile::remove(store) && QFile::remove(journal) && QFile(store).open(QIODevice::WriteOnly);
        if (damage == QLatin1String("store missing"))
            return QFile::remove(store);
        if (damage == QLatin1String("journal missing"))
            return QFile::remove(journal);
        if (damage == QLatin1String("only a log")) {
            QFile log(store + QLatin1String("-wal"));
            return QFile::remove(store) && QFile::remove(journal) && log.open(QIODevice::WriteOnly) && log.write("log") == 3;
        }
        return damage == QLatin1String("none");
    }

private slots:
    void refusedUntouched_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("names"); // the file the message must name
        QTest::addColumn<QString>("says");
        QTest::newRow("zero-length store") << "empty store" << storeName << "empty";
        QTest::newRow("zero-length journal") << "empty journal" << journalName << "empty";
        QTest::newRow("foreign store") << "foreign store" << storeName << "other tables";
        QTest::newRow("foreign journal") << "foreign journal" << journalName << "other tables";
        QTest::newRow("foreign store alone") << "foreign store, no journal" << storeName << "other tables";
        QTest::newRow("zero-length store alone") << "empty store, no journal" << storeName << "empty";
        QTest::newRow("store missing, journal there") << "store missing" << storeName << "missing";
        QTest::newRow("journal missing, store there") << "journal missing" << journalName << "missing";
        QTest::newRow("a write-ahead log alone") << "only a log" << storeName + QStringLiteral("-wal") << "without its database";
    }

    void refusedUntouched()
    {
        QFETCH(QString, damage);
        QFETCH(QString, names);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY2(prepare(dir.path(), damage), qPrintable(damage));
        const auto before = snapshot(dir.path());
        QVERIFY(!before.isEmpty());

        const Expected<std::unique_ptr<Service>> opened = Service::open(optionsFor(dir.path()));
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(QDir(dir.path()).filePath(names)), qPrintable(opened.error()));
        QVERIFY2(opened.error().contains(says), qPrintable(opened.error()));
        QCOMPARE(snapshot(dir.path()), before); // nothing changed, nothing created

        // The same through the command a user runs.
        const Run status = runSim({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("status"), QStringLiteral("--now"),
                                   QStringLiteral("2027-03-02T00:00:00Z")});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains(names.toUtf8()), status.err.constData());
        QCOMPARE(snapshot(dir.path()), before);
        const Run demo = runSim({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--demo"), QStringLiteral("--now"),
                                 QStringLiteral("2027-03-02T00:00:00Z")});
        QCOMPARE(demo.exitCode, 1);
        QCOMPARE(snapshot(dir.path()), before);
    }

    void onlyAFolderWithNeitherFileIsANewWorld()
    {
        QTemporaryDir dir;
        auto service = Service::open(optionsFor(dir.path()));
        QVERIFY2(service, qPrintable(service.error()));
        QVERIFY(QFileInfo::exists(dir.filePath(storeName)));
        QVERIFY(QFileInfo::exists(dir.filePath(journalName)));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral(".topup-building")))); // the staging folder is gone
    }

    void statusOnAFolderWithoutAWorldCreatesNothing()
    {
        QTemporaryDir dir;
        const Run status = runSim({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("status")});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains("holds no world") && status.err.contains("--demo"), status.err.constData());
        QVERIFY(!QFileInfo::exists(dir.filePath(storeName)));
        QVERIFY(!QFileInfo::exists(dir.filePath(journalName)));
    }

    void dataFolderThatIsAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("my notes\n");
        file.close();
        const Expected<std::unique_ptr<Service>> opened = Service::open(optionsFor(path));
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(path) && opened.error().contains(QLatin1String("is a file, not a folder")), qPrintable(opened.error()));
        const Run status = runSim({QStringLiteral("--data-dir"), path, QStringLiteral("--demo")});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains("is a file, not a folder"), status.err.constData());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("my notes\n"));
    }

    void readOnlyStoreFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("store") << storeName;
        QTest::newRow("journal") << journalName;
    }

    void readOnlyStoreFiles()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        QVERIFY(prepare(dir.path(), QStringLiteral("none")));
        const QString path = dir.filePath(name);
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const auto before = snapshot(dir.path());
        const Expected<std::unique_ptr<Service>> opened = Service::open(optionsFor(dir.path()));
        QVERIFY(!opened);
        // "topup.sqlite is read-only (/path/topup.sqlite): …", no SQL text.
        QVERIFY2(opened.error().contains(QStringLiteral("%1 is read-only (%2)").arg(name, path)), qPrintable(opened.error()));
        QVERIFY2(!opened.error().contains(QLatin1String("readonly database")), qPrintable(opened.error()));
        const Run status = runSim({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("status")});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains("is read-only"), status.err.constData());
        QCOMPARE(snapshot(dir.path()), before);
    }

    void aFileThatTurnsReadOnlySaysSo()
    {
        // SQLite's own "attempt to write a readonly database" becomes a
        // sentence naming the file (query_only gives that very error code).
        QTemporaryDir dir;
        const QString path = dir.filePath(storeName);
        auto db = Database::open(path, storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        QSqlQuery pragma((*db)->connection());
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA query_only = 1")));
        Statement insert(**db, QStringLiteral("INSERT INTO world (id, clock_ms) VALUES (1, 0)"));
        const Expected<void> ran = insert.run();
        QVERIFY(!ran);
        QVERIFY2(ran.error().startsWith(QStringLiteral("topup.sqlite is read-only (%1)").arg(path)), qPrintable(ran.error()));
        QVERIFY2(!ran.error().contains(QLatin1String("readonly database")), qPrintable(ran.error()));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestDamagedFolder)
} // namespace tst_damagedfolder
#include "tst_damagedfolder.moc"
