#include "postgresserver.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <pwd.h>
#include <sys/un.h>
#include <unistd.h>

namespace topup::test {
namespace {

constexpr int startTimeoutMs = 60000;
constexpr int stopTimeoutMs = 60000;
// Between two asks of pg_isready while the server starts: how long to wait
// for the server to exit instead (a server that fails ends the wait at once).
constexpr int readinessPollMs = 50;

QString binary(const char *name)
{
    return QStringLiteral("%1/%2").arg(QLatin1String(PostgresServer::binDirectory), QLatin1String(name));
}

// The server's programs see none of the caller's PG* settings (PGHOST,
// PGPORT, PGDATA… would point them elsewhere) and speak English (the log
// is quoted in failures).
QProcessEnvironment serverEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(QLatin1String("PG")))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    return environment;
}

QString outputOf(QProcess &process)
{
    return QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError()).trimmed();
}

} // namespace

PostgresServer::PostgresServer(Place place) : m_dir(folderTemplate(place)) {}

QString PostgresServer::folderTemplate(Place place)
{
    const bool inMemory = place == Place::Memory && QFileInfo(QStringLiteral("/dev/shm")).isWritable();
    return (inMemory ? QStringLiteral("/dev/shm") : QDir::tempPath()) + QStringLiteral("/topup-postgres-XXXXXX");
}

PostgresServer::~PostgresServer()
{
    stop();
}

QString PostgresServer::socketPath() const
{
    return QStringLiteral("%1/.s.PGSQL.%2").arg(socketDirectory()).arg(port);
}

QString PostgresServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://%1@/%2?host=%3").arg(QLatin1String(userName), database, socketDirectory());
}

QStringList PostgresServer::asServerUser(const QString &program, const QStringList &arguments, bool dieWithParent) const
{
    QStringList command;
    if (m_asPostgresUser)
        command << QStringLiteral("--reuid=postgres") << QStringLiteral("--regid=postgres") << QStringLiteral("--init-groups");
    if (dieWithParent)
        command << QStringLiteral("--pdeathsig") << QStringLiteral("INT");
    return command << program << arguments;
}

Expected<void> PostgresServer::runAsServerUser(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(serverEnvironment());
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("setpriv"), asServerUser(program, arguments, false));
    if (!process.waitForStarted())
        return Expected<void>::failure(QStringLiteral("cannot run setpriv (util-linux) for %1: %2").arg(program, process.errorString()));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return Expected<void>::failure(QStringLiteral("%1 did not finish within %2 s: %3").arg(program).arg(timeoutMs / 1000).arg(outputOf(process)));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Expected<void>::failure(QStringLiteral("%1 %2 failed (exit %3): %4")
                                           .arg(program, arguments.join(QLatin1Char(' ')))
                                           .arg(process.exitCode())
                                           .arg(outputOf(process)));
    return {};
}

Expected<void> PostgresServer::start()
{
    using Result = Expected<void>;
    if (isRunning())
        return {};
    if (!m_dir.isValid())
        return Result::failure(QStringLiteral("cannot create a temporary folder for the PostgreSQL server: %1").arg(m_dir.errorString()));
    if (!QFile::exists(binary("initdb")))
        return Result::failure(QStringLiteral("%1 is missing: install postgresql-15 (scripts/setup does)").arg(binary("initdb")));
    // A Unix socket's path has room for sizeof(sun_path) - 1 bytes.
    if (socketPath().toLocal8Bit().size() >= int(sizeof(sockaddr_un::sun_path)))
        return Result::failure(QStringLiteral("the socket path %1 is longer than a Unix socket allows (%2 bytes): set TMPDIR to a shorter folder")
                                   .arg(socketPath())
                                   .arg(sizeof(sockaddr_un::sun_path) - 1));
    m_asPostgresUser = ::geteuid() == 0;
    if (m_asPostgresUser) {
        const passwd *postgres = ::getpwnam("postgres");
        if (!postgres)
            return Result::failure(QStringLiteral("running as root, and there is no postgres user to run the server as"
                                                  " (the postgresql-15 package creates it)"));
        if (::chown(QFile::encodeName(m_dir.path()).constData(), postgres->pw_uid, postgres->pw_gid) != 0)
            return Result::failure(QStringLiteral("cannot give %1 to the postgres user: %2").arg(m_dir.path(), QString::fromLocal8Bit(strerror(errno))));
    }
    // No fsync (unless setFsync): the tests stop or kill clients, never this
    // server, so its own durability is not what they test, and syncs are
    // slow on a shared disk.
    if (const Result made = runAsServerUser(binary("initdb"),
                                            {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-U"), QLatin1String(userName),
                                             QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                                             QStringLiteral("--no-locale"), QStringLiteral("--no-sync")},
                                            startTimeoutMs);
        !made)
        return Result::failure(m_asPostgresUser ? made.error() + QStringLiteral(" (the postgres user must be able to reach %1)").arg(m_dir.path())
                                                : made.error());

    m_server.setProcessEnvironment(serverEnvironment());
    m_server.setWorkingDirectory(m_dir.path());
    m_server.setStandardOutputFile(m_dir.filePath(QStringLiteral("server.log")));
    m_server.setStandardErrorFile(m_dir.filePath(QStringLiteral("server.log")), QIODevice::Append);
    QStringList arguments{QStringLiteral("-D"), dataDirectory(), QStringLiteral("-p"), QString::number(port), QStringLiteral("-c"),
                          QStringLiteral("listen_addresses="), QStringLiteral("-c"),
                          QStringLiteral("unix_socket_directories=%1").arg(socketDirectory()), QStringLiteral("-c"),
                          m_fsync ? QStringLiteral("fsync=on") : QStringLiteral("fsync=off")};
    for (const QString &setting : m_settings)
        arguments << QStringLiteral("-c") << setting;
    m_server.start(QStringLiteral("setpriv"), asServerUser(binary("postgres"), arguments, true));
    if (!m_server.waitForStarted())
        return Result::failure(QStringLiteral("cannot start the PostgreSQL server: %1").arg(m_server.errorString()));
    m_pid = m_server.processId();
    return waitUntilReady();
}

Expected<void> PostgresServer::waitUntilReady()
{
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        QProcess ready;
        ready.setProcessEnvironment(serverEnvironment());
        ready.start(binary("pg_isready"), {QStringLiteral("-q"), QStringLiteral("-h"), socketDirectory(), QStringLiteral("-p"),
                                           QString::number(port), QStringLiteral("-U"), QLatin1String(userName),
                                           QStringLiteral("-d"), QLatin1String(defaultDatabase)});
        if (!ready.waitForFinished(startTimeoutMs))
            return Expected<void>::failure(QStringLiteral("pg_isready did not answer: %1").arg(ready.errorString()));
        if (ready.exitStatus() == QProcess::NormalExit && ready.exitCode() == 0)
            return {};
        // Not yet: wait for the server to end instead, which a failed start does.
        if (m_server.waitForFinished(readinessPollMs) || m_server.state() == QProcess::NotRunning)
            return Expected<void>::failure(QStringLiteral("the PostgreSQL server stopped while starting (exit %1): %2")
                                               .arg(m_server.exitCode())
                                               .arg(serverLog()));
    }
    stop();
    return Expected<void>::failure(QStringLiteral("the PostgreSQL server did not accept connections within %1 s: %2")
                                       .arg(startTimeoutMs / 1000)
                                       .arg(serverLog()));
}

void PostgresServer::stop()
{
    if (!isRunning())
        return;
    const Expected<void> stopped = runAsServerUser(binary("pg_ctl"),
                                                   {QStringLiteral("stop"), QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
                                                    QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-t"),
                                                    QString::number(stopTimeoutMs / 1000)},
                                                   stopTimeoutMs + 5000);
    if (!stopped)
        qWarning("PostgresServer: %s", qPrintable(stopped.error()));
    if (!m_server.waitForFinished(stopTimeoutMs)) {
        qWarning("PostgresServer: the server did not stop; killing it");
        m_server.kill(); // our own child, by its id
        m_server.waitForFinished();
    }
}

QString PostgresServer::serverLog() const
{
    QFile log(m_dir.filePath(QStringLiteral("server.log")));
    return log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll()).trimmed() : QStringLiteral("(no server log)");
}

Expected<void> PostgresServer::createDatabase(const QString &name, const QString &copyOf)
{
    // Names of the test's own choosing, quoted as identifiers.
    const auto quoted = [](QString identifier) { return QLatin1Char('"') + identifier.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
    // FILE_COPY: the template's files copied as they are, not written
    // through the write-ahead log (PostgreSQL 15's default, WAL_LOG,
    // adds about 7.5 MB of log for each database, which tst_methodstore
    // then reads when it scans the server's files for card data).
    const QString copying = copyOf.isEmpty() ? QString() : QStringLiteral(" TEMPLATE ") + quoted(copyOf);
    const Expected<void> created =
        execute(QLatin1String(defaultDatabase), {QStringLiteral("CREATE DATABASE %1%2 STRATEGY FILE_COPY").arg(quoted(name), copying)});
    if (!created)
        return Expected<void>::failure(QStringLiteral("cannot create the database %1: %2").arg(name, created.error()));
    return {};
}

Expected<void> PostgresServer::execute(const QString &database, const QStringList &statements)
{
    static QAtomicInteger<quint64> counter;
    const QString connectionName = QStringLiteral("postgres-server-admin-%1").arg(counter.fetchAndAddRelaxed(1));
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(socketDirectory());
        db.setPort(port);
        db.setUserName(QLatin1String(userName));
        db.setDatabaseName(database);
        if (!db.open()) {
            error = QStringLiteral("cannot connect to the test server: %1").arg(db.lastError().text());
        } else {
            QSqlQuery query(db);
            for (const QString &statement : statements) {
                if (!query.exec(statement)) {
                    error = QStringLiteral("%1: %2").arg(statement, query.lastError().text());
                    break;
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    if (!error.isEmpty())
        return Expected<void>::failure(error);
    return {};
}

Expected<QByteArray> PostgresServer::dump(const QString &database) const
{
    QProcess process;
    process.setProcessEnvironment(serverEnvironment());
    process.start(binary("pg_dump"), {QStringLiteral("--host=%1").arg(socketDirectory()), QStringLiteral("--port=%1").arg(port),
                                      QStringLiteral("--username=%1").arg(QLatin1String(userName)), QStringLiteral("--no-password"),
                                      QStringLiteral("--dbname=%1").arg(database)});
    if (!process.waitForStarted())
        return Expected<QByteArray>::failure(QStringLiteral("cannot run pg_dump: %1").arg(process.errorString()));
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return Expected<QByteArray>::failure(QStringLiteral("pg_dump of %1 did not finish within 60 s").arg(database));
    }
    const QByteArray dumped = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Expected<QByteArray>::failure(QStringLiteral("pg_dump of %1 failed (exit %2): %3")
                                                 .arg(database)
                                                 .arg(process.exitCode())
                                                 .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed()));
    return dumped;
}

} // namespace topup::test
