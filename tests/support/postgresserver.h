#pragma once

#include "domain/expected.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace topup::test {

// A PostgreSQL server of a test's own: a new cluster (`initdb`) in a
// temporary folder, listening only on a Unix socket in that folder (no TCP
// port at all), stopped (`pg_ctl stop -m fast`) and removed with the object,
// whether the test passed or failed.
//
// initdb refuses to run as root, and the CI runs as root: then every server
// command runs as the `postgres` system user (made by Debian's postgresql
// package) through setpriv, with the folder given to that user; otherwise as
// the current user. The server is started as a child of the thread that
// calls start() with a parent-death signal (SIGINT, PostgreSQL's fast
// shutdown), so even a test that crashes or is killed leaves no server
// running behind it; only its folder stays.
//
// The cluster's one role is `topup`, a superuser that the socket lets in
// without a password (trust, on a socket only its owner's folder reaches).
class PostgresServer final
{
public:
    // Where the cluster lives: in memory where the machine has it
    // (/dev/shm, for the tests: the server is thrown away with the test,
    // and the databases they make and copy by the hundred are hundreds of
    // small files each, which a disk's file system spends most of their
    // time creating), or in the temporary folder on disk (the benchmarks,
    // which time a server as it runs for real).
    enum class Place { Memory, Disk };
    explicit PostgresServer(Place place = Place::Memory);
    ~PostgresServer();
    // The QTemporaryDir template of the cluster's folder at `place`.
    static QString folderTemplate(Place place);
    Q_DISABLE_COPY_MOVE(PostgresServer)

    // Where Debian's postgresql-15 puts the server's programs.
    static constexpr const char *binDirectory = "/usr/lib/postgresql/15/bin";
    static constexpr int port = 5432; // names the socket file only: there is no TCP
    static constexpr const char *userName = "topup";
    static constexpr const char *defaultDatabase = "postgres";

    // The tests' server runs with fsync off (its own durability is not what
    // they test); a benchmark that compares it with SQLite's synced commits
    // turns it on, as on a real server. Before start().
    void setFsync(bool on) noexcept { m_fsync = on; }
    // More of the server's settings, each `name=value` (given as `-c`), for
    // a benchmark that counts statements (pg_stat_statements). Before start().
    void setSettings(const QStringList &settings) { m_settings = settings; }

    // Makes the cluster and starts the server; returns once it accepts
    // connections. The error says what failed and why (the command, its
    // output, the server's log), for the test to fail with.
    [[nodiscard]] Expected<void> start();
    // Fast shutdown, waited for; nothing when not running.
    void stop();

    bool isRunning() const { return m_server.state() != QProcess::NotRunning; }
    // The postmaster's process id (0 before start).
    qint64 serverPid() const noexcept { return m_pid; }
    // The folder of the socket (and of the cluster, in data/).
    QString socketDirectory() const { return m_dir.path(); }
    QString socketPath() const;
    // postgresql://topup@/DATABASE?host=SOCKET-DIRECTORY
    QString url(const QString &database = QLatin1String(defaultDatabase)) const;

    // A new, empty database on this server, for a test that needs one of
    // its own; the error says why it could not be made. With `copyOf`, a copy
    // of that database instead (nobody may be connected to it meanwhile).
    [[nodiscard]] Expected<void> createDatabase(const QString &name, const QString &copyOf = QString());
    // Runs `statements` in turn on `database` as the cluster's role (a test
    // setting a database up behind the program's back); the error names the
    // statement that failed.
    [[nodiscard]] Expected<void> execute(const QString &database, const QStringList &statements);

    // Everything the server writes: the cluster (data/: tables, indexes,
    // write-ahead log) and its log (server.log), beside the socket.
    QString folder() const { return m_dir.path(); }
    // What the server has written to its log so far (warnings included:
    // what a client did that the server warned about); "(no server log)"
    // when there is none.
    QString serverLog() const;
    // `database` as pg_dump writes it (plain SQL, every row as text).
    [[nodiscard]] Expected<QByteArray> dump(const QString &database) const;

private:
    // `program` of binDirectory with `arguments`, as the server's user;
    // its output on failure.
    Expected<void> runAsServerUser(const QString &program, const QStringList &arguments, int timeoutMs);
    QStringList asServerUser(const QString &program, const QStringList &arguments, bool dieWithParent) const;
    Expected<void> waitUntilReady();
    QString dataDirectory() const { return m_dir.filePath(QStringLiteral("data")); }

    QTemporaryDir m_dir;
    QProcess m_server;
    qint64 m_pid = 0;
    bool m_asPostgresUser = false;
    bool m_fsync = false;
    QStringList m_settings;
};

} // namespace topup::test
