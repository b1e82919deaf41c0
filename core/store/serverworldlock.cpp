#include "serverworldlock.h"

#include "database.h"
#include "transientfailure.h"

#include <QAtomicInteger>
#include <QSysInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace topup {
namespace {

QString nextLockConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("topup-world-lock-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

// For a second program's message: "topup-sim, process N on HOST" (libpq
// takes at most 63 bytes, and the connection options are split at ';' and
// spaces: no spaces here).
QString ServerWorldLock::applicationName()
{
    QString host = QSysInfo::machineHostName();
    host.remove(QLatin1Char(' ')).remove(QLatin1Char(';')).remove(QLatin1Char('\'')).remove(QLatin1Char('\\'));
    QString name = QStringLiteral("%1,pid=%2,host=%3")
                       .arg(QCoreApplication::applicationName().isEmpty() ? QStringLiteral("topup") : QCoreApplication::applicationName())
                       .arg(QCoreApplication::applicationPid())
                       .arg(host);
    name.remove(QLatin1Char(' ')).remove(QLatin1Char(';')).remove(QLatin1Char('\'')).remove(QLatin1Char('\\'));
    return name.left(63);
}

namespace {

// "topup-sim, process 42 on desk-2" from what the holder named itself; empty when unknown.
QString holderFrom(const QString &applicationName)
{
    const QStringList parts = applicationName.split(QLatin1Char(','));
    if (parts.size() != 3 || !parts[1].startsWith(QLatin1String("pid=")) || !parts[2].startsWith(QLatin1String("host=")))
        return QString();
    return ServerWorldLock::tr("%1, process %2 on %3").arg(parts[0], parts[1].mid(4), parts[2].mid(5));
}

} // namespace

ServerWorldLock::ServerWorldLock(DatabaseUrl store, QString connectionName)
    : m_store(std::move(store)), m_connectionName(std::move(connectionName))
{
}

ServerWorldLock::~ServerWorldLock()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        // Released by the server before this returns: a claim made at once
        // after (the world closed and opened again) finds it free. Closing
        // alone would release it only once the server has noticed the
        // closed connection and ended its session, a moment later.
        // A refused claim holds nothing: unlocking there would only make
        // the server warn ("you don't own a lock of type ExclusiveLock").
        if (m_held && db.isOpen()) {
            QSqlQuery unlock(db);
            unlock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key));
        }
        db.close(); // the session ends (and the lock with it, had the unlock failed)
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Expected<std::unique_ptr<ServerWorldLock>> ServerWorldLock::claim(const DatabaseUrl &store, int waitMs)
{
    using Result = Expected<std::unique_ptr<ServerWorldLock>>;
    const QString where = store.toString();
    // Owned from here: the connection is removed with it on every path.
    std::unique_ptr<ServerWorldLock> lock(new ServerWorldLock(store, nextLockConnectionName()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), lock->m_connectionName);
    db.setHostName(store.host());
    if (store.port() != 0)
        db.setPort(store.port());
    db.setUserName(store.user());
    db.setDatabaseName(store.database());
    QStringList options{QStringLiteral("connect_timeout=10"), QStringLiteral("application_name=") + applicationName()};
    if (!store.sslMode().isEmpty())
        options << QStringLiteral("sslmode=") + store.sslMode();
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        // The first connection to the world: a server that is not there is "try again".
        const TransientFailure::Cause cause = TransientFailure::causeOfConnectFailure(db.lastError().text());
        if (cause != TransientFailure::Cause::None)
            TransientFailure::report(where, cause);
        return Result::failure(Database::unreachable(tr("%1: cannot connect: %2").arg(where, db.lastError().text()), where, db.lastError().text()));
    }
    QSqlQuery query(db);
    if (waitMs > 0) {
        // The wait is this connection's alone (it does nothing else): past
        // it the server cancels the statement with lock_not_available.
        if (!query.exec(QStringLiteral("SET lock_timeout = %1").arg(waitMs)))
            return Result::failure(tr("%1: cannot claim the world: %2").arg(where, query.lastError().text()));
        if (query.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key))) {
            lock->m_held = true;
            return lock;
        }
        if (query.lastError().nativeErrorCode() != QLatin1String("55P03")) // lock_not_available
            return Result::failure(tr("%1: cannot claim the world: %2").arg(where, query.lastError().text()));
    } else {
        if (!query.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(key)) || !query.next())
            return Result::failure(tr("%1: cannot claim the world: %2").arg(where, query.lastError().text()));
        if (query.value(0).toBool()) {
            lock->m_held = true;
            return lock;
        }
    }
    query.finish();
    const QString holder = holderSeenFrom(db);
    TransientFailure::report(where, TransientFailure::Cause::Locked);
    if (holder.isEmpty())
        return Result::failure(tr("%1: another TopUp Dashboard is moving the world on; try again when it has finished").arg(where));
    return Result::failure(tr("%1: another TopUp Dashboard (%2) is moving the world on; try again when it has finished").arg(where, holder));
}

QString ServerWorldLock::holderSeenFrom(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                                  " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database"
                                  " WHERE datname = current_database()) AND ((l.classid::bigint << 32) | l.objid::bigint) = %1")
                       .arg(key))
        && query.next())
        return holderFrom(query.value(0).toString());
    return QString();
}

} // namespace topup
