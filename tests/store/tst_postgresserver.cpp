// The PostgreSQL server the tests start themselves (issue 16): it starts
// (as the postgres user when the tests run as root), Qt's QPSQL driver
// reaches it over the Unix socket in its folder and nothing else (no TCP),
// and it is gone once the fixture is — even when the test process is killed.
// A server that cannot start fails the test with the reason: nothing skips.
#include "postgresserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdio>

using topup::test::PostgresServer;

namespace {

// Set in the environment of the child that crashtestLeavesNoServer kills.
constexpr const char *crashChildVariable = "TOPUP_POSTGRES_CRASH_CHILD";

// Connects `name` to `server` the way the program will: QPSQL, the socket's folder as the host.
QSqlDatabase connectTo(const PostgresServer &server, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(server.socketDirectory());
    db.setPort(PostgresServer::port);
    db.setUserName(QLatin1String(PostgresServer::userName));
    db.setDatabaseName(QLatin1String(PostgresServer::defaultDatabase));
    db.open();
    return db;
}

// Waits until process `pid` (not a child of ours) has ended, up to `timeoutMs`.
bool waitForExit(qint64 pid, int timeoutMs)
{
    const int pidfd = int(::syscall(SYS_pidfd_open, pid_t(pid), 0));
    if (pidfd < 0)
        return errno == ESRCH; // already gone
    pollfd ended{pidfd, POLLIN, 0};
    const int ready = ::poll(&ended, 1, timeoutMs);
    ::close(pidfd);
    return ready == 1;
}

// The child: starts a server, says where, and is killed before its
// destructors can stop anything.
int runCrashChild()
{
    PostgresServer server;
    const auto started = server.start();
    if (!started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error()));
        return 1;
    }
    std::printf("%lld\n%s\n", static_cast<long long>(server.serverPid()), qPrintable(server.socketDirectory()));
    std::fflush(stdout);
    ::raise(SIGKILL);
    return 2;
}

} // namespace

class TestPostgresServer final : public QObject
{
    Q_OBJECT

private slots:
    void connectsOverItsSocketOnly()
    {
        PostgresServer server;
        const auto started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
        QVERIFY(QFile::exists(server.socketPath()));
        {
            QSqlDatabase db = connectTo(server, QStringLiteral("socket"));
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            // A socket connection has no server address; the server listens on no TCP address.
            QVERIFY2(query.exec(QStringLiteral("SELECT current_user, inet_server_addr() IS NULL, current_setting('listen_addresses'),"
                                               " current_setting('server_version_num')::int / 10000")),
                     qPrintable(query.lastError().text()));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("topup"));
            QCOMPARE(query.value(1).toBool(), true);
            QCOMPARE(query.value(2).toString(), QString());
            QCOMPARE(query.value(3).toInt(), 15);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("socket"));
        QVERIFY(server.url().startsWith(QStringLiteral("postgresql://topup@/postgres?host=/")));
    }

    void createsDatabasesOfItsOwn()
    {
        PostgresServer server;
        const auto started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
        const auto created = server.createDatabase(QStringLiteral("world_one"));
        QVERIFY2(created.ok(), qPrintable(created.error()));
        const auto again = server.createDatabase(QStringLiteral("world_one"));
        QVERIFY(!again.ok());
        QVERIFY2(again.error().contains(QStringLiteral("already exists")), qPrintable(again.error()));
    }

    void goneOnceTheFixtureIs()
    {
        qint64 pid = 0;
        QString folder;
        QString socket;
        {
            PostgresServer server;
            const auto started = server.start();
            QVERIFY2(started.ok(), qPrintable(started.error()));
            pid = server.serverPid();
            folder = server.socketDirectory();
            socket = server.socketPath();
            QVERIFY(pid > 0);
            QVERIFY(server.isRunning());
        }
        QVERIFY(waitForExit(pid, 0));
        QVERIFY(!QFile::exists(socket));
        QVERIFY(!QDir(folder).exists());
    }

    void stoppedEvenWhenTheTestProcessIsKilled()
    {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QLatin1String(crashChildVariable), QStringLiteral("1"));
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(120000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QStringList said = QString::fromLocal8Bit(child.readAllStandardOutput()).split(QLatin1Char('\n'));
        QVERIFY2(said.size() >= 2, child.readAllStandardError().constData());
        const qint64 pid = said.at(0).toLongLong();
        const QString folder = said.at(1);
        QVERIFY(pid > 0);
        // The server's own folder, before it is removed below.
        QVERIFY2(folder.startsWith(PostgresServer::folderTemplate(PostgresServer::Place::Memory).chopped(6)), qPrintable(folder));
        // The parent-death signal is PostgreSQL's fast shutdown.
        const bool ended = waitForExit(pid, 60000);
        QDir(folder).removeRecursively(); // a killed process leaves its temporary folder
        QVERIFY2(ended, "the server of a killed test process is still running");
    }
};

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(crashChildVariable)) {
        QCoreApplication app(argc, argv);
        return runCrashChild();
    }
    QCoreApplication app(argc, argv);
    TestPostgresServer test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_postgresserver.moc"
