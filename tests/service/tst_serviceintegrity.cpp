// A store closed cleanly opens without reading every page; the full check
// then runs in the background and reports through the service: damage it
// finds stops every write, and the next start refuses the file. After an
// unclean shutdown the full check runs at open and refuses the file
// untouched.
#include "testmain.h"
#include "damagedfile.h"
#include "programrun.h"
#include "service/service.h"
#include "store/database.h"
#include "store/storeschema.h"
#include "storefixture.h"

#include <QDir>
#include <QFile>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace tst_serviceintegrity {

using namespace topup;

namespace {

const QString storeName = QStringLiteral("topup.sqlite");
const QString journalName = QStringLiteral("gateway.sqlite");
constexpr int checkTimeoutMs = 60000; // a loaded 2-core machine

Service::Options optionsFor(const QString &dir)
{
    Service::Options options;
    options.location = WorldLocation::folder(dir);
    options.fixedNow = *Instant::parse(u"2027-03-01T08:00:00Z");
    options.passwordIterations = test::fastPasswordRounds;
    return options;
}

// A world closed cleanly whose store has a usage table of many pages.
bool makeWorld(const QString &dir)
{
    {
        auto service = Service::open(optionsFor(dir));
        if (!service)
            return false;
    }
    const QString store = QDir(dir).filePath(storeName);
    return test::fillUsageTable(store, QStringLiteral("usage_hours"), 30000) && !QFile::exists(store + QLatin1String("-wal"))
        && !QFile::exists(QDir(dir).filePath(journalName) + QLatin1String("-wal"));
}

// Opening the world in `dir` is refused for damage in `store`, and neither
// the store nor its write-ahead log changes: empty when so, else what happened.
QString refusedUntouched(const QString &dir, const QString &store)
{
    const QString logPath = store + QLatin1String("-wal");
    const QByteArray file = test::sha256Of(store);
    const QByteArray log = test::sha256Of(logPath);
    const Expected<std::unique_ptr<Service>> opened = Service::open(optionsFor(dir));
    if (opened)
        return QStringLiteral("the world opened");
    if (!opened.error().startsWith(store + QLatin1String(": damaged database (")))
        return QStringLiteral("refused for another reason: %1").arg(opened.error());
    if (test::sha256Of(store) != file)
        return QStringLiteral("the store changed");
    if (test::sha256Of(logPath) != log)
        return QStringLiteral("its log changed");
    return QString();
}

Expected<Account> signUp(Service &service)
{
    return service.signUp(SignUpForm{QStringLiteral("ana@example.com"), test::testPassword(), QStringLiteral("EUR"),
                                     QStringLiteral("UTC"), std::nullopt});
}

} // namespace

class TestServiceIntegrity final : public QObject
{
    Q_OBJECT

private slots:
    void aCleanWorldChecksOkInTheBackground()
    {
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        auto service = Service::open(optionsFor(dir.path()));
        QVERIFY2(service, qPrintable(service.error()));
        QSignalSpy checked(service->get(), &Service::integrityChecked);
        QCOMPARE((*service)->integrity(), Service::Integrity::Checking);
        QVERIFY(checked.wait(checkTimeoutMs));
        QCOMPARE(checked.count(), 1);
        QCOMPARE(checked.at(0).at(0).toString(), QString());
        QCOMPARE((*service)->integrity(), Service::Integrity::Ok);
        QCOMPARE((*service)->integrityProblem(), QString());
        const Expected<Account> account = signUp(**service);
        QVERIFY2(account, qPrintable(account.error()));
    }

    void topupSimCheckReadsEveryPage()
    {
        // `topup-sim check` reads both files to their end: a clean world is
        // whole; damage the opening checks never look at is named, and the
        // file is left as it was.
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        const QStringList check = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("check")};
        const test::ProgramRun clean = test::runProgram(QStringLiteral(TOPUP_SIM), check);
        QCOMPARE(clean.exitCode, 0);
        for (const QString &name : {storeName, journalName})
            QVERIFY2(clean.out.contains((QDir(dir.path()).filePath(name) + QLatin1String(": whole")).toUtf8()), clean.out.constData());

        const QString store = QDir(dir.path()).filePath(storeName);
        const Expected<test::Page> page = test::middleLeafOf(store, QStringLiteral("usage_hours"));
        QVERIFY2(page, qPrintable(page.error()));
        QVERIFY(test::scribbleOver(store, *page));
        const QByteArray before = test::sha256Of(store);
        const test::ProgramRun damaged = test::runProgram(QStringLiteral(TOPUP_SIM), check);
        QCOMPARE(damaged.exitCode, 1);
        QVERIFY2(damaged.err.contains((store + QLatin1String(": damaged database (")).toUtf8()), damaged.err.constData());
        QVERIFY2(damaged.out.contains((QDir(dir.path()).filePath(journalName) + QLatin1String(": whole")).toUtf8()), damaged.out.constData());
        QCOMPARE(test::sha256Of(store), before);
        // As after damage found in the background, the log stays beside the
        // file, so the next start checks it at open and refuses it.
        const test::ProgramRun status = test::runProgram(
            QStringLiteral(TOPUP_SIM), {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("status"), QStringLiteral("--now"),
                                        QStringLiteral("2027-03-02T00:00:00Z")});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains((store + QLatin1String(": damaged database (")).toUtf8()), status.err.constData());
        QCOMPARE(test::sha256Of(store), before);

        const test::ProgramRun extra = test::runProgram(QStringLiteral(TOPUP_SIM), check + QStringList{QStringLiteral("x")});
        QCOMPARE(extra.exitCode, 64);
    }

    void damageInATableIsFoundInTheBackgroundAndStopsWrites()
    {
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        const QString store = QDir(dir.path()).filePath(storeName);
        const Expected<test::Page> page = test::middleLeafOf(store, QStringLiteral("usage_hours"));
        QVERIFY2(page, qPrintable(page.error()));
        QVERIFY(test::scribbleOver(store, *page));
        const QByteArray before = test::sha256Of(store);
        {
            auto service = Service::open(optionsFor(dir.path()));
            QVERIFY2(service, qPrintable(service.error())); // the damaged page is not read at open
            QSignalSpy checked(service->get(), &Service::integrityChecked);
            QTRY_COMPARE_WITH_TIMEOUT((*service)->integrity(), Service::Integrity::Damaged, checkTimeoutMs);
            QCOMPARE(checked.count(), 1);
            const QString damage = checked.at(0).at(0).toString();
            QVERIFY2(damage.startsWith(store + QLatin1String(": damaged database (")), qPrintable(damage));
            QCOMPARE((*service)->integrityProblem(), damage);

            // Every write is refused, naming the file; reads still work.
            const Expected<Account> account = signUp(**service);
            QVERIFY(!account);
            QVERIFY2(account.error().startsWith(damage), qPrintable(account.error()));
            QVERIFY2(account.error().contains(QLatin1String("nothing more is saved to it")), qPrintable(account.error()));
            QCOMPARE(account.sentences(), QStringLiteral("A data file was found damaged, so nothing more is saved. Quit TopUp Dashboard"
                                                         " and start it again: it offers to move the data folder aside and start fresh."));
            const Expected<CatchUpSummary> caught = (*service)->catchUpToNow();
            QVERIFY(!caught);
            QVERIFY2(caught.error().startsWith(damage), qPrintable(caught.error()));
            QVERIFY((*service)->allAccounts());
            QCOMPARE(test::sha256Of(store), before);
        }
        QCOMPARE(test::sha256Of(store), before);
        // Closed, the log stays beside the file: the next start (another
        // process) runs the full check at open and refuses the file.
        QVERIFY(QFile::exists(store + QLatin1String("-wal")));
        const test::ProgramRun status = test::runProgram(
            QStringLiteral(TOPUP_SIM), {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("status"), QStringLiteral("--now"),
                                        QStringLiteral("2027-03-02T00:00:00Z")});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains((store + QLatin1String(": damaged database (")).toUtf8()), status.err.constData());
        QCOMPARE(test::sha256Of(store), before);
    }

    // The files as a crash leaves them (the store's write-ahead log still
    // there): the full check runs at open, and damage is refused untouched.
    void damageAfterAnUncleanShutdownIsRefusedAtOpen()
    {
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        const QString store = QDir(dir.path()).filePath(storeName);
        const Expected<test::Page> page = test::middleLeafOf(store, QStringLiteral("usage_hours"));
        QVERIFY2(page, qPrintable(page.error()));
        QTemporaryDir crashed;
        {
            // Copied while a connection has written and is still open: the
            // bytes a SIGKILL at that moment leaves on disk.
            auto db = Database::open(store, storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY((*db)->write([&]() -> Expected<void> {
                QSqlQuery query((*db)->connection());
                return query.exec(QStringLiteral("INSERT INTO world (id, clock_ms) VALUES (1, 1803801600000)"))
                    ? Expected<void>()
                    : Expected<void>::failure(QStringLiteral("insert"));
            }));
            for (const QString &name : {storeName, storeName + QLatin1String("-wal"), journalName})
                QVERIFY(QFile::copy(QDir(dir.path()).filePath(name), crashed.filePath(name)));
        }
        {
            // Whole, the crashed world opens, checked in full at open.
            auto service = Service::open(optionsFor(dir.path()));
            QVERIFY2(service, qPrintable(service.error()));
        }
        const QString image = crashed.filePath(storeName);
        QVERIFY(test::scribbleOver(image, *page));
        const QString refusal = refusedUntouched(crashed.path(), image);
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
    }

    // A real crash: a child storming the store with top-ups is killed
    // (SIGKILL) once it has charged. Its write-ahead log is left beside the
    // store, so damage it could not have seen is found at open, and the
    // files are refused untouched.
    void damageAfterAKilledWriterIsRefusedAtOpen()
    {
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        const QString store = QDir(dir.path()).filePath(storeName);
        const Expected<test::Page> page = test::middleLeafOf(store, QStringLiteral("usage_hours"));
        QVERIFY2(page, qPrintable(page.error()));
        QProcess child;
        child.start(QStringLiteral(TOPUP_CRASH_STORM), {dir.path(), QStringLiteral("1")});
        QVERIFY2(child.waitForStarted(checkTimeoutMs), qPrintable(child.errorString()));
        QByteArray said;
        const QDeadlineTimer deadline(checkTimeoutMs);
        while (!said.split('\n').contains("charging")) {
            QVERIFY2(child.state() == QProcess::Running && !deadline.hasExpired(),
                     qPrintable(QStringLiteral("the child did not say \"charging\": %1 %2")
                                    .arg(QString::fromLocal8Bit(said), QString::fromLocal8Bit(child.readAllStandardError()))));
            child.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            said += child.readAllStandardOutput();
        }
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(checkTimeoutMs));
        QVERIFY(QFile::exists(store + QLatin1String("-wal")));

        QVERIFY(test::scribbleOver(store, *page));
        const QString refusal = refusedUntouched(dir.path(), store);
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
    }

    void aCrashedWholeWorldIsCheckedAtOpen()
    {
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        const QString store = QDir(dir.path()).filePath(storeName);
        QTemporaryDir crashed;
        {
            auto db = Database::open(store, storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY((*db)->write([] { return Expected<void>(); }));
            QVERIFY(QFile::exists(store + QLatin1String("-wal")));
            for (const QString &name : {storeName, storeName + QLatin1String("-wal"), journalName})
                QVERIFY(QFile::copy(QDir(dir.path()).filePath(name), crashed.filePath(name)));
        }
        auto service = Service::open(optionsFor(crashed.path()));
        QVERIFY2(service, qPrintable(service.error()));
        // The store was read whole at open; only the journal, closed
        // cleanly, is left to the background.
        QSignalSpy checked(service->get(), &Service::integrityChecked);
        QTRY_COMPARE_WITH_TIMEOUT((*service)->integrity(), Service::Integrity::Ok, checkTimeoutMs);
    }

    // Closing stops the check and waits for it; its connection closes
    // before the store's, so the store's folds the log away: a clean close.
    void closingStopsTheCheckAndClosesCleanly()
    {
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        {
            auto service = Service::open(optionsFor(dir.path()));
            QVERIFY2(service, qPrintable(service.error()));
            QCOMPARE((*service)->integrity(), Service::Integrity::Checking);
        }
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(storeName) + QLatin1String("-wal")));
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(journalName) + QLatin1String("-wal")));
        auto again = Service::open(optionsFor(dir.path()));
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE((*again)->integrity(), Service::Integrity::Checking); // clean: deferred again
    }
};

TOPUP_TEST_GUILESS_MAIN(TestServiceIntegrity)
} // namespace tst_serviceintegrity
#include "tst_serviceintegrity.moc"
