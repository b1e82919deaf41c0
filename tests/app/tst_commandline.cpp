// Both programs' command lines as a hostile user writes them (issue 15):
// nothing quietly turned into something else (an empty value, an option
// given twice or where it does not apply, an argument that is not UTF-8),
// output that cannot be written is a failure, messages name the problem,
// and the screenshot tour never touches a real world.
#include "testmain.h"
#include "checked.h"
#include "programrun.h"
#include "store/datadirectory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tst_commandline {

using namespace topup;
using topup::test::runProgram;

namespace {

const QString sim = QStringLiteral(TOPUP_SIM);
const QString dashboard = QStringLiteral(TOPUP_DASHBOARD);
const QString demoNow = QStringLiteral("2027-03-01T00:00:00Z");

// Runs `program` through the shell with `redirect` applied to it
// ("> /dev/full", ">&-"): its exit code and standard error.
QPair<int, QByteArray> runRedirected(const QString &program, const QStringList &arguments, const QString &redirect)
{
    QProcess process;
    process.start(QStringLiteral("/bin/sh"),
                  QStringList{QStringLiteral("-c"), QStringLiteral("exec \"$0\" \"$@\" %1").arg(redirect), program} + arguments);
    if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit)
        return {-1, process.readAllStandardError()};
    return {process.exitCode(), process.readAllStandardError()};
}

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

} // namespace

class TestCommandLine final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_world;
    QString m_scenario;

    // A test's data: one row a program, the column "program" its path.
    static void bothPrograms()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("topup-sim") << sim;
        QTest::newRow("topup-dashboard") << dashboard;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_world = m_root.filePath(QStringLiteral("world"));
        const auto created = runProgram(sim, {QStringLiteral("--data-dir"), m_world, QStringLiteral("--demo"), QStringLiteral("--now"), demoNow});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        m_scenario = QStringLiteral(TOPUP_SCENARIO_DIR "/01_threshold_basic.json");
        QVERIFY(QFile::exists(m_scenario));
        qputenv("TOPUP_DATA_DIR", m_root.filePath(QStringLiteral("from-environment")).toUtf8());
    }

    void refusedWithAReason_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString w = QStringLiteral("WORLD");
        const QString now = QStringLiteral("2027-03-02T00:00:00Z");
        QTest::newRow("--data-dir ''") << sim << QStringList{"--data-dir", "", "status"} << 64 << "--data-dir is given an empty value";
        QTest::newRow("--data-dir '' --demo") << sim << QStringList{"--data-dir", "", "--demo"} << 64 << "--data-dir is given an empty value";
        QTest::newRow("--now ''") << sim << QStringList{"--data-dir", w, "--now", "", "status"} << 64 << "--now is given an empty value";
        QTest::newRow("--now twice") << sim << QStringList{"--data-dir", w, "--now", now, "--now", now, "status"} << 64
                                     << "--now is given more than once";
        QTest::newRow("--data-dir twice") << sim << QStringList{"--data-dir", w, "--data-dir", w, "status"} << 64
                                          << "--data-dir is given more than once";
        QTest::newRow("--now to run") << sim << QStringList{"run", "SCENARIO", "--now", now} << 64 << "--now does not apply to run";
        QTest::newRow("--data-dir to run") << sim << QStringList{"--data-dir", w, "run", "SCENARIO"} << 64 << "--data-dir does not apply to run";
        QTest::newRow("--now to check") << sim << QStringList{"--data-dir", w, "--now", now, "check"} << 64 << "--now does not apply to check";
        QTest::newRow("--seed without --demo") << sim << QStringList{"--data-dir", w, "--seed", "3", "status"} << 64
                                               << "--seed does not apply to status";
        QTest::newRow("--seed -1") << sim << QStringList{"--data-dir", "NEW", "--demo", "--seed", "-1"} << 64
                                   << "--seed takes a whole number from 0 to 18446744073709551615 (got \"-1\")";
        QTest::newRow("a file as the folder") << sim << QStringList{"--data-dir", "FILE", "status"} << 1 << "is a file, not a folder";
        QTest::newRow("a file as the folder, check") << sim << QStringList{"--data-dir", "FILE", "check"} << 1 << "is a file, not a folder";
        QTest::newRow("a symbolic link loop") << sim << QStringList{"--data-dir", "LOOP", "status"} << 1 << "loop of symbolic links";
        QTest::newRow("a path too long") << sim << QStringList{"--data-dir", "LONG", "status"} << 1 << "longer than the 480 bytes";
        QTest::newRow("dashboard --screenshots ''") << dashboard << QStringList{"--screenshots", ""} << 64
                                                    << "--screenshots is given an empty value";
        QTest::newRow("dashboard --now twice") << dashboard << QStringList{"--now", now, "--now", now, "--screenshots", "SHOTS"} << 64
                                               << "--now is given more than once";
        QTest::newRow("dashboard --data-dir ''") << dashboard << QStringList{"--data-dir", ""} << 64 << "--data-dir is given an empty value";
        // A world on PostgreSQL (issue 16): the URL is checked, then the server asked (there is none here).
        const QString pg = QStringLiteral("postgresql://alice@/world?host=/tmp/nowhere");
        QTest::newRow("--database ''") << sim << QStringList{"--database", "", "status"} << 64 << "--database is given an empty value";
        QTest::newRow("--database twice") << sim << QStringList{"--database", pg, "--database", pg, "status"} << 64
                                          << "--database is given more than once";
        QTest::newRow("--database and --data-dir") << sim << QStringList{"--database", pg, "--data-dir", w, "status"} << 64
                                                   << "--data-dir and --database name two different worlds";
        QTest::newRow("--database, status") << sim << QStringList{"--database", pg, "status"} << 75 << "topup-sim: " + pg + ": cannot connect"; // no server there: try again
        QTest::newRow("--database, --demo") << sim << QStringList{"--database", pg, "--demo"} << 64 << "--demo does not apply to --database";
        QTest::newRow("--database, check") << sim << QStringList{"--database", pg, "check"} << 64 << "--database does not apply to check";
        QTest::newRow("--database with a password") << sim << QStringList{"--database", "postgresql://alice:Hunter2@h/world", "status"} << 64
                                                    << "--database: the database URL holds a password";
        QTest::newRow("--database, unknown parameter") << sim << QStringList{"--database", "postgresql://h/world?user=bob", "status"} << 64
                                                       << "\"user\", which TopUp does not know";
        QTest::newRow("--database, a parameter twice") << sim << QStringList{"--database", "postgresql:///world?host=/a&host=/b", "status"} << 64
                                                       << "gives the parameter host twice";
        QTest::newRow("--database to run") << sim << QStringList{"--database", pg, "run", "SCENARIO"} << 64 << "--database does not apply to run";
        QTest::newRow("--database to advise") << sim << QStringList{"advise", "SCENARIO", "--line", "L1", "--database", pg} << 64
                                              << "takes no --database";
        QTest::newRow("dashboard --database and --data-dir") << dashboard << QStringList{"--database", pg, "--data-dir", "NEW"} << 64
                                                             << "--data-dir and --database name two different worlds";
        QTest::newRow("dashboard --database with a password") << dashboard << QStringList{"--database", "postgresql://alice:Hunter2@h/world"} << 64
                                                              << "~/.pgpass or PGPASSWORD";
        QTest::newRow("dashboard --database to the tour") << dashboard << QStringList{"--screenshots", "SHOTS", "--database", pg} << 64
                                                          << "--database does not apply to --screenshots";
    }

    void refusedWithAReason()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir scratch;
        QFile file(scratch.filePath(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(QFile::link(QStringLiteral("loop"), scratch.filePath(QStringLiteral("loop"))));
        for (QString &argument : arguments) {
            if (argument == QLatin1String("WORLD"))
                argument = m_world;
            else if (argument == QLatin1String("NEW") || argument == QLatin1String("SHOTS"))
                argument = scratch.filePath(QStringLiteral("new"));
            else if (argument == QLatin1String("FILE"))
                argument = file.fileName();
            else if (argument == QLatin1String("LOOP"))
                argument = scratch.filePath(QStringLiteral("loop"));
            else if (argument == QLatin1String("LONG"))
                argument = scratch.filePath(QString(500, QLatin1Char('x')));
            else if (argument == QLatin1String("SCENARIO"))
                argument = m_scenario;
        }
        const QByteArray before = hashOf(m_world + QLatin1String("/topup.sqlite"));
        const auto ran = runProgram(program, arguments);
        QVERIFY2(ran.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(ran.exitCode).arg(QString::fromUtf8(ran.err))));
        QVERIFY2(QString::fromUtf8(ran.err).contains(message), ran.err.constData());
        QVERIFY2(!ran.err.contains("Hunter2"), ran.err.constData()); // a password is never repeated
        QCOMPARE(hashOf(m_world + QLatin1String("/topup.sqlite")), before);
        // Nothing made in the default folder, nor where '' or the refused path would have led.
        QVERIFY(!QFileInfo::exists(m_root.filePath(QStringLiteral("from-environment"))));
        QVERIFY(!QFileInfo::exists(scratch.filePath(QStringLiteral("new"))));
    }

    // TOPUP_DATABASE is read like --database; an option on the command line wins (issue 16).
    void databaseFromTheEnvironment_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString pg = QStringLiteral("TOPUP_DATABASE=postgresql://alice@/world?host=/tmp/nowhere");
        QTest::newRow("sim status") << sim << QStringList{"status"} << QStringList{pg} << 75
                                    << "topup-sim: postgresql://alice@/world?host=/tmp/nowhere: cannot connect";
        QTest::newRow("sim check") << sim << QStringList{"check"} << QStringList{pg} << 64 << "TOPUP_DATABASE does not apply to check";
        QTest::newRow("both variables") << sim << QStringList{"status"} << QStringList{pg, "TOPUP_DATA_DIR=/tmp/nowhere"} << 64
                                        << "TOPUP_DATA_DIR and TOPUP_DATABASE are both set";
        QTest::newRow("a password") << sim << QStringList{"status"} << QStringList{"TOPUP_DATABASE=postgresql://a:Hunter2@h/w"} << 64
                                    << "TOPUP_DATABASE: the database URL holds a password";
        QTest::newRow("set but empty") << dashboard << QStringList{} << QStringList{"TOPUP_DATABASE="} << 64
                                       << "TOPUP_DATABASE: the database URL is empty";
        QTest::newRow("--data-dir wins") << sim << QStringList{"--data-dir", "WORLD", "status", "--now", "2027-03-02T00:00:00Z"}
                                         << QStringList{pg} << 0 << "";
    }

    void databaseFromTheEnvironment()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, environment);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        for (QString &argument : arguments) {
            if (argument == QLatin1String("WORLD"))
                argument = m_world;
        }
        QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
        variables.remove(QStringLiteral("TOPUP_DATA_DIR"));
        for (const QString &assignment : environment)
            variables.insert(assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
        QProcess process;
        process.setProcessEnvironment(variables);
        process.start(program, arguments);
        QVERIFY(process.waitForFinished(300000));
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == exitCode,
                 qPrintable(QStringLiteral("exit %1: %2").arg(process.exitCode()).arg(QString::fromUtf8(err))));
        QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
        QVERIFY2(!err.contains("Hunter2"), err.constData());
    }

    void argumentsThatAreNotUtf8AreRefused_data()
    {
        bothPrograms();
    }

    void argumentsThatAreNotUtf8AreRefused()
    {
        QFETCH(QString, program);
        QTemporaryDir scratch;
        // Through the shell, so the bytes reach the program as they are.
        QProcess process;
        process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("exec \"$0\" --data-dir \"$(printf '%s/bad\\377\\376name')\" %2")
                                                                            .arg(scratch.path(), program.endsWith(QLatin1String("sim")) ? QStringLiteral("--demo") : QString()),
                                                   program});
        QVERIFY(process.waitForFinished(300000));
        QCOMPARE(process.exitCode(), 64);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("is not valid UTF-8") && err.contains("bad\\xff\\xfename"), err.constData());
        QVERIFY2(QDir(scratch.path()).isEmpty(), qPrintable(QDir(scratch.path()).entryList().join(QLatin1Char(' '))));
    }

    // Output that cannot be written is a failure, whatever the command.
    void outputThatCannotBeWrittenIsAFailure_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("redirect");
        QTest::addColumn<QString>("message");
        QTest::newRow("run > /dev/full") << sim << QStringList{"run", "SCENARIO"} << "> /dev/full" << "cannot write to standard output";
        QTest::newRow("run >&-") << sim << QStringList{"run", "SCENARIO"} << ">&-" << "standard output is closed";
        QTest::newRow("status > /dev/full") << sim << QStringList{"--data-dir", "WORLD", "status", "--now", "2027-03-02T00:00:00Z"} << "> /dev/full"
                                            << "cannot write to standard output";
        QTest::newRow("check > /dev/full") << sim << QStringList{"--data-dir", "WORLD", "check"} << "> /dev/full" << "cannot write to standard output";
        QTest::newRow("--help > /dev/full") << sim << QStringList{"--help"} << "> /dev/full" << "cannot write to standard output";
        QTest::newRow("dashboard --help > /dev/full") << dashboard << QStringList{"--help"} << "> /dev/full" << "cannot write to standard output";
    }

    void outputThatCannotBeWrittenIsAFailure()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        QFETCH(QString, redirect);
        QFETCH(QString, message);
        arguments.replaceInStrings(QStringLiteral("WORLD"), m_world);
        arguments.replaceInStrings(QStringLiteral("SCENARIO"), m_scenario);
        const auto [code, err] = runRedirected(program, arguments, redirect);
        QVERIFY2(code == 1, qPrintable(QStringLiteral("exit %1: %2").arg(code).arg(QString::fromUtf8(err))));
        QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
    }

    void helpAllIsHelpInBoth_data()
    {
        bothPrograms();
    }

    void helpAllIsHelpInBoth()
    {
        QFETCH(QString, program);
        QTemporaryDir home;
        qputenv("TOPUP_DATA_DIR", home.filePath(QStringLiteral("default")).toUtf8());
        const auto help = runProgram(program, {QStringLiteral("--help")});
        const auto all = runProgram(program, {QStringLiteral("--help-all")});
        qputenv("TOPUP_DATA_DIR", m_root.filePath(QStringLiteral("from-environment")).toUtf8());
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QVERIFY(all.out.startsWith(help.out)); // the same help, and Qt's options where there are any
        QVERIFY(help.out.contains("--help-all"));
        QVERIFY(!QFileInfo::exists(home.filePath(QStringLiteral("default")))); // no world made
    }

    // The screenshot tour drains lines and tops them up: never in a real world.
    void theTourNeverTouchesARealWorld_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("--data-dir") << "--data-dir";
        QTest::newRow("--demo") << "--demo";
    }

    void theTourNeverTouchesARealWorld()
    {
        QFETCH(QString, option);
        QTemporaryDir shots;
        const QByteArray store = hashOf(m_world + QLatin1String("/topup.sqlite"));
        const QByteArray journal = hashOf(m_world + QLatin1String("/gateway.sqlite"));
        QStringList arguments{QStringLiteral("--screenshots"), shots.path(), option};
        if (option == QLatin1String("--data-dir"))
            arguments << m_world;
        const auto ran = runProgram(dashboard, arguments);
        QCOMPARE(ran.exitCode, 64);
        QVERIFY2(ran.err.contains("does not apply to --screenshots (the tour always builds its own throw-away world)"), ran.err.constData());
        QCOMPARE(hashOf(m_world + QLatin1String("/topup.sqlite")), store);
        QCOMPARE(hashOf(m_world + QLatin1String("/gateway.sqlite")), journal);
        QVERIFY(QDir(shots.path()).isEmpty());
    }

    // In a terminal with no display (over SSH, in a container) the window
    // cannot open, but help, the version and a wrong usage are answered, the
    // tour draws offscreen, and a window asked for says why it cannot open —
    // not Qt's "could not connect to display" and an abort.
    void answeredWithoutADisplay_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("err");
        QTest::newRow("--help") << QStringList{"--help"} << 0 << "--data-dir <DIR>" << "";
        QTest::newRow("--help-all") << QStringList{"--help-all"} << 0 << "-platform NAME" << "";
        QTest::newRow("--version") << QStringList{"--version"} << 0 << "topup-dashboard " << "";
        QTest::newRow("a window option, --help") << QStringList{"-style", "Fusion", "-reverse", "--help"} << 0 << "--screenshots <DIR>" << "";
        QTest::newRow("--theme purple") << QStringList{"--theme", "purple"} << 64 << "" << "--theme takes system, light or dark (got \"purple\")";
        QTest::newRow("--now twice") << QStringList{"--now", "2027-03-02T00:00:00Z", "--now", "2027-03-02T00:00:00Z"} << 64 << ""
                                     << "--now is given more than once";
        QTest::newRow("the window") << QStringList{"--data-dir", "NEW"} << 1 << "" << "no display to open the window on";
        QTest::newRow("the tour, offscreen") << QStringList{"--screenshots", "FILE/shots"} << 1 << ""
                                             << "screenshot tour: cannot create the folder";
    }

    void answeredWithoutADisplay()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, out);
        QFETCH(QString, err);
        QTemporaryDir scratch;
        QFile file(scratch.filePath(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        arguments.replaceInStrings(QStringLiteral("NEW"), scratch.filePath(QStringLiteral("new")));
        arguments.replaceInStrings(QStringLiteral("FILE"), file.fileName());
        QByteArray saved[3];
        const char *names[3] = {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"};
        for (int i = 0; i < 3; ++i) {
            saved[i] = qgetenv(names[i]);
            qunsetenv(names[i]);
        }
        const auto ran = runProgram(dashboard, arguments);
        for (int i = 0; i < 3; ++i) {
            if (!saved[i].isNull())
                qputenv(names[i], saved[i]);
        }
        QVERIFY2(ran.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(ran.exitCode).arg(QString::fromUtf8(ran.err))));
        QVERIFY2(QString::fromUtf8(ran.out).contains(out), ran.out.constData());
        QVERIFY2(QString::fromUtf8(ran.err).contains(err), ran.err.constData());
        QVERIFY2(!ran.err.contains("platform plugin"), ran.err.constData());
        QVERIFY(!QFileInfo::exists(scratch.filePath(QStringLiteral("new"))));
    }

    // The folder's lock is the kernel's: deleting the lock file beside a
    // running program does not let a second one in.
    void aDeletedLockFileAdmitsNoSecondWriter()
    {
        const QByteArray store = hashOf(m_world + QLatin1String("/topup.sqlite"));
        {
            auto held = DataDirectory::claim(m_world);
            QVERIFY2(held, qPrintable(held.error()));
            QVERIFY(QFile::remove(m_world + QLatin1String("/topup.lock")));
            const auto second = runProgram(sim, {QStringLiteral("--data-dir"), m_world, QStringLiteral("status"), QStringLiteral("--now"),
                                                 QStringLiteral("2027-03-05T00:00:00Z")});
            QCOMPARE(second.exitCode, 75); // try again: nothing is wrong with the data
            QVERIFY2(second.err.contains("already in use by another TopUp Dashboard"), second.err.constData());
            QVERIFY2(!second.err.contains("start fresh"), second.err.constData());
            QCOMPARE(hashOf(m_world + QLatin1String("/topup.sqlite")), store);
        }
        const auto after = runProgram(sim, {QStringLiteral("--data-dir"), m_world, QStringLiteral("check")});
        QVERIFY2(after.exitCode == 0, after.err.constData());
    }

    // A parent that made the pipe it hands over non-blocking: with nothing
    // in it yet, `run -` waits for the scenario rather than failing with
    // "Resource temporarily unavailable", and leaves the pipe's flags alone.
    void aNonBlockingStandardInputIsWaitedFor()
    {
        QFile scenario(m_scenario);
        QVERIFY(scenario.open(QIODevice::ReadOnly));
        const QByteArray json = scenario.readAll();
        const auto expected = runProgram(sim, {QStringLiteral("run"), m_scenario});
        QCOMPARE(expected.exitCode, 0);

        int pipe[2];
        QCOMPARE(::pipe2(pipe, O_NONBLOCK | O_CLOEXEC), 0);
        QProcess child;
        child.setChildProcessModifier([input = pipe[0]] { ::dup2(input, STDIN_FILENO); });
        child.start(sim, {QStringLiteral("run"), QStringLiteral("-")});
        QVERIFY(child.waitForStarted());
        ::close(pipe[0]);
        // Until the child waits in poll() for input that is not there yet
        // (or, as it used to, gives up at once).
        const auto waiting = [&child] {
            QFile syscall(QStringLiteral("/proc/%1/syscall").arg(child.processId()));
            if (!syscall.open(QIODevice::ReadOnly))
                return false;
            const QByteArray number = syscall.readAll().split(' ').value(0).trimmed();
            return number == QByteArray::number(SYS_poll) || number == QByteArray::number(SYS_ppoll);
        };
        QTRY_VERIFY_WITH_TIMEOUT(child.state() != QProcess::Running || waiting(), 60000);
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
        QCOMPARE(::fcntl(pipe[1], F_GETFL) & O_NONBLOCK, O_NONBLOCK);
        QCOMPARE(::write(pipe[1], json.constData(), std::size_t(json.size())), ssize_t(json.size()));
        ::close(pipe[1]);
        QVERIFY(child.waitForFinished(60000));
        QVERIFY2(child.exitCode() == 0, child.readAllStandardError().constData());
        QCOMPARE(child.readAllStandardOutput(), expected.out);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestCommandLine)
} // namespace tst_commandline
#include "tst_commandline.moc"
