#include "testmain.h"
#include "damagedfile.h"
#include "app/datafolderbackup.h"
#include "dialogs/storeproblemdialog.h"
#include "store/databaseurl.h"
#include "fulldisk.h"
#include "app/startupflow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sqlite3.h>

#include <functional>

namespace tst_startupflow {

using namespace topup;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What the store-problem dialog showed when it was answered.
struct DialogSeen
{
    QString said;              // its text; empty: no dialog came
    bool freshOffered = false; // "Start fresh" shown
    bool retryDefault = false; // "Try again" shown, and the default
};

// Answers the modal dialog that is about to open with one of its buttons,
// after `before` (when given) has run, and records what it showed.
void answerStoreProblem(const char *buttonName, DialogSeen *seen, std::function<void()> before = {})
{
    QTimer::singleShot(0, [buttonName, seen, before = std::move(before)] {
        auto *dialog = qobject_cast<StoreProblemDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen->said = dialog->findChild<QLabel *>(QStringLiteral("problemText"))->text();
        seen->freshOffered = dialog->startFreshButton()->isVisible();
        seen->retryDefault = dialog->tryAgainButton()->isVisible() && dialog->tryAgainButton()->isDefault();
        if (before)
            before();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QLatin1String(buttonName)), Qt::LeftButton);
    });
}

// Closes the message box that follows "Start fresh", whenever it comes: a
// fixed delay missed it on a loaded machine (the move and the new world's
// open took longer) and left the test waiting on the box for good.
void closeNextMessageBox()
{
    auto *watch = new QTimer(qApp);
    watch->setInterval(10);
    QObject::connect(watch, &QTimer::timeout, watch, [watch] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        watch->stop();
        watch->deleteLater();
        box->close();
    });
    watch->start();
}

} // namespace

class TestStartupFlow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QByteArray m_garbage = QByteArray("this is not a database\n").repeated(50);

    QString garbageFolder(const QString &name)
    {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        QFile file(QDir(folder).filePath(QStringLiteral("topup.sqlite")));
        if (file.open(QIODevice::WriteOnly))
            file.write(m_garbage);
        return folder;
    }

    // A new, empty world made in `folder` (closed again); the options that open it.
    static Service::Options newWorld(const QString &folder)
    {
        Service::Options options;
        options.location = WorldLocation::folder(folder);
        options.passwordIterations = 1000;
        const bool folderMade = QDir().mkpath(folder);
        const Expected<std::unique_ptr<Service>> made = Service::open(options);
        QTest::qVerify(folderMade && made.ok(), "Service::open(options)", qPrintable(made.error()), __FILE__, __LINE__);
        return options;
    }

private slots:
    void garbageStoreShowsTheDialogAndQuitLeavesItUntouched()
    {
        const QString folder = garbageFolder(QStringLiteral("garbage"));
        const QString store = QDir(folder).filePath(QStringLiteral("topup.sqlite"));
        Service::Options options;
        options.location = WorldLocation::folder(folder);
        StartupFlow flow;
        DialogSeen seen;
        answerStoreProblem("quitButton", &seen);
        const std::unique_ptr<Service> service = flow.openService(options, QDate(2027, 3, 15));
        QVERIFY(!service);
        QVERIFY2(seen.said.contains(QLatin1String("topup.sqlite")), qPrintable(seen.said));
        QVERIFY2(seen.said.contains(folder.toHtmlEscaped()), qPrintable(seen.said));
        QVERIFY(seen.freshOffered);
        QCOMPARE(readAll(store), m_garbage);
        QVERIFY(flow.backupFolder().isEmpty());
    }

    void startFreshMovesTheFolderAsideAndOpensAnEmptyOne()
    {
        const QString folder = garbageFolder(QStringLiteral("fresh"));
        Service::Options options;
        options.location = WorldLocation::folder(folder);
        options.passwordIterations = 1000;
        StartupFlow flow;
        DialogSeen seen;
        answerStoreProblem("startFreshButton", &seen);
        closeNextMessageBox();
        std::unique_ptr<Service> service = flow.openService(options, QDate(2027, 3, 15));
        QVERIFY(service);
        QCOMPARE(flow.backupFolder(), m_dir.filePath(QStringLiteral("fresh-backup-2027-03-15")));
        QCOMPARE(readAll(QDir(flow.backupFolder()).filePath(QStringLiteral("topup.sqlite"))), m_garbage);
        QVERIFY(readAll(QDir(folder).filePath(QStringLiteral("topup.sqlite"))) != m_garbage);
    }

    void aFolderInUseIsNeverMovedAside()
    {
        const QString folder = m_dir.filePath(QStringLiteral("in-use"));
        Service::Options options;
        options.location = WorldLocation::folder(folder);
        options.passwordIterations = 1000;
        Expected<std::unique_ptr<Service>> first = Service::open(options);
        QVERIFY2(first, qPrintable(first.error()));
        StartupFlow flow;
        DialogSeen seen;
        answerStoreProblem("quitButton", &seen);
        QVERIFY(!flow.openService(options, QDate(2027, 3, 15)));
        QVERIFY2(!seen.said.isEmpty(), "no dialog");
        QVERIFY(!seen.freshOffered);
        QVERIFY2(seen.said.contains(QLatin1String("Another TopUp Dashboard")), qPrintable(seen.said));
        QVERIFY(QDir(folder).exists(QStringLiteral("topup.sqlite")));
        QVERIFY(flow.backupFolder().isEmpty());
    }

    void backupsNeverOverwriteEachOther()
    {
        const QString base = m_dir.filePath(QStringLiteral("twice"));
        QDir().mkpath(base);
        const Expected<QString> first = DataFolderBackup::moveAside(base, QDate(2027, 1, 2));
        QVERIFY2(first, qPrintable(first.error()));
        QDir().mkpath(base);
        const Expected<QString> second = DataFolderBackup::moveAside(base, QDate(2027, 1, 2));
        QVERIFY2(second, qPrintable(second.error()));
        QCOMPARE(*first, m_dir.filePath(QStringLiteral("twice-backup-2027-01-02")));
        QCOMPARE(*second, m_dir.filePath(QStringLiteral("twice-backup-2027-01-02-2")));
        QVERIFY(QDir(*first).exists() && QDir(*second).exists());
        const Expected<QString> missing = DataFolderBackup::moveAside(m_dir.filePath(QStringLiteral("nope")), QDate(2027, 1, 2));
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains(QLatin1String("nope")), qPrintable(missing.error()));
    }

    // Damage the clean open did not read: the background check finds it
    // and the user is told what, where and what to do, without a modal
    // loop in the way of the catch-up.
    void damageFoundInTheBackgroundIsShown()
    {
        const QString folder = m_dir.filePath(QStringLiteral("damaged-later"));
        const Service::Options options = newWorld(folder);
        QVERIFY(!QTest::currentTestFailed());
        const QString store = QDir(folder).filePath(QStringLiteral("topup.sqlite"));
        QVERIFY(test::fillUsageTable(store, QStringLiteral("usage_hours"), 30000));
        const Expected<test::Page> page = test::middleLeafOf(store, QStringLiteral("usage_hours"));
        QVERIFY2(page, qPrintable(page.error()));
        QVERIFY(test::scribbleOver(store, *page));

        StartupFlow flow;
        const std::unique_ptr<Service> service = flow.openService(options, QDate(2027, 3, 15));
        QVERIFY(service);
        flow.watchIntegrity(*service);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) != nullptr, 60000);
        QCOMPARE(box->objectName(), QStringLiteral("integrityDamageBox"));
        QVERIFY2(box->text().contains(store + QLatin1String(": damaged database (")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QLatin1String("Nothing more is saved")), qPrintable(box->text()));
        QCOMPARE(service->integrity(), Service::Integrity::Damaged);
        box->close();
    }

    // A full disk is no damage: the dialog says so and offers Try again
    // (the default), never Start fresh; once there is room, Try again opens
    // the same world.
    void aFullDiskOffersTryAgainNotStartFresh()
    {
        const QString folder = m_dir.filePath(QStringLiteral("full-disk"));
        const Service::Options options = newWorld(folder);
        QVERIFY(!QTest::currentTestFailed());
        // As a crash leaves it: a log beside the store, which the next open
        // needs to index (a write).
        const QString store = QDir(folder).filePath(QStringLiteral("topup.sqlite"));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(store.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "UPDATE world SET clock_ms = clock_ms", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        sqlite3_close(db);
        QFile::remove(store + QLatin1String("-shm"));
        QVERIFY(QFile::exists(store + QLatin1String("-wal")));

        test::FullDisk full(folder);
        QVERIFY(full.active());
        StartupFlow flow;
        DialogSeen seen;
        answerStoreProblem("tryAgainButton", &seen, [&full] { full.release(); }); // room again
        const std::unique_ptr<Service> service = flow.openService(options, QDate(2027, 3, 15));
        QVERIFY2(!seen.said.isEmpty(), "no dialog");
        QVERIFY(!seen.freshOffered);
        QVERIFY(seen.retryDefault);
        QVERIFY2(seen.said.contains(QLatin1String("The disk that holds")) && seen.said.contains(QLatin1String(" is full; nothing was changed. Free some space"))
                     && !seen.said.contains(QLatin1String("damaged")), qPrintable(seen.said));
        // One sentence a line: what SQLite said comes on a line of its own.
        QVERIFY2(seen.said.contains(QLatin1String("try again.<br>The database says: ")), qPrintable(seen.said));
        QVERIFY2(seen.said.contains(QLatin1String("Nothing in the folder was changed")), qPrintable(seen.said));
        QVERIFY(service);
        QVERIFY(flow.backupFolder().isEmpty());
    }

    // A world on a server that does not answer (no server on the socket):
    // the dialog speaks of the database and offers to try again; it does
    // not say another TopUp Dashboard uses a folder.
    void aServerThatDoesNotAnswerOffersTryAgain()
    {
        QTemporaryDir nowhere; // a socket folder with no server in it
        const Expected<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral("postgresql://topup@/world?host=") + nowhere.path());
        QVERIFY2(url, qPrintable(url ? QString() : url.error()));
        Service::Options options;
        options.location = WorldLocation::database(*url);
        options.passwordIterations = 1000;
        StartupFlow flow;
        DialogSeen seen;
        QString title;
        answerStoreProblem("quitButton", &seen, [&title] { title = QApplication::activeModalWidget()->windowTitle(); });
        QVERIFY(!flow.openService(options, QDate(2027, 3, 15)));
        QVERIFY2(!seen.said.isEmpty(), "no dialog");
        QVERIFY(!seen.freshOffered);
        QVERIFY(seen.retryDefault);
        QCOMPARE(title, QStringLiteral("The database cannot be opened"));
        QVERIFY2(seen.said.contains(QLatin1String("Database: <tt>postgresql://topup@/world?host=")), qPrintable(seen.said));
        QVERIFY2(seen.said.contains(QLatin1String("once the server answers")), qPrintable(seen.said));
        QVERIFY2(!seen.said.contains(QLatin1String("folder")), qPrintable(seen.said));
    }

    void catchUpRunsOffTheGuiThreadAndSummarises()
    {
        const QString folder = m_dir.filePath(QStringLiteral("catchup"));
        Service::Options options;
        options.location = WorldLocation::folder(folder);
        options.passwordIterations = 1000;
        options.fixedNow = *Instant::parse(u"2027-03-15T10:00:00Z");
        {
            Expected<std::unique_ptr<Service>> first = Service::open(options);
            QVERIFY2(first, qPrintable(first.error()));
            SignUpForm form;
            form.login = QStringLiteral("ana@example.org");
            form.password = QStringLiteral("violet-harbour-42");
            QVERIFY((*first)->signUp(form));
            QVERIFY((*first)->catchUpToNow()); // starts the clock
        }
        options.fixedNow = *Instant::parse(u"2027-03-20T10:00:00Z");
        StartupFlow flow;
        std::unique_ptr<Service> service = flow.openService(options, QDate(2027, 3, 20));
        QVERIFY(service);
        const Expected<CatchUpSummary> caught = flow.catchUp(*service);
        QVERIFY2(caught, qPrintable(caught.error()));
        QCOMPARE(caught->to.toString(), QStringLiteral("2027-03-20T10:00:00Z"));
        const Expected<Instant> clock = service->worldClock();
        QVERIFY2(clock, qPrintable(clock.error()));
        QCOMPARE(clock->toString(), QStringLiteral("2027-03-20T10:00:00Z"));
        // No line: nothing happened, nothing to say.
        QVERIFY(StartupFlow::awaySummary(*caught, QStringLiteral("EUR"), QTimeZone("UTC")).isEmpty());
        CatchUpSummary busy = *caught;
        busy.topUps = 2;
        busy.failures = 1;
        busy.spend = Money::fromCents(2500);
        const QString text = StartupFlow::awaySummary(busy, QStringLiteral("EUR"), QTimeZone("UTC"));
        QVERIFY2(text.contains(QLatin1String("25.00 EUR")) && text.contains(QLatin1String("failed: 1")), qPrintable(text));
    }
};

TOPUP_TEST_MAIN(TestStartupFlow)
} // namespace tst_startupflow
#include "tst_startupflow.moc"
