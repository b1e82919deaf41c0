#include "journalquiet.h"

#include "database.h"

#include <QDeadlineTimer>
#include <QSqlError>
#include <QSqlQuery>

namespace topup {

Expected<int> JournalQuiet::writersOn(const QSqlDatabase &connection)
{
    // One look at the lock table (MATERIALIZED: both sides read the same
    // snapshot of it). A writer's transaction id lock and its relation
    // locks are released together once its commit is visible.
    QSqlQuery look(connection);
    if (!look.exec(QStringLiteral("WITH l AS MATERIALIZED (SELECT locktype, database, mode, granted, pid FROM pg_locks)"
                                  " SELECT count(DISTINCT x.pid) FROM l x"
                                  " WHERE x.locktype = 'transactionid' AND x.mode = 'ExclusiveLock' AND x.granted"
                                  " AND x.pid <> pg_backend_pid()"
                                  " AND EXISTS (SELECT 1 FROM l r WHERE r.pid = x.pid AND r.locktype = 'relation'"
                                  " AND r.database = (SELECT oid FROM pg_database WHERE datname = current_database()))"))
        || !look.next())
        return Expected<int>::failure(look.lastError().text());
    return int(look.value(0).toLongLong());
}

Failure JournalQuiet::stillWriting(const QString &where, const QString &journal, int waitedMs)
{
    const QString seconds = QString::number((waitedMs + 999) / 1000);
    return Failure(tr("%1: a desktop that stopped while charging still has a payment being written to the provider's journal %2"
                      " (waited %3 s); try again in a moment")
                       .arg(where, journal, seconds),
                   tr("A desktop that stopped while charging still has a payment being written to the provider's journal; nothing"
                      " was changed. Try again in a moment."));
}

std::optional<Failure> JournalQuiet::waitFor(Database &journal, const QString &where, int limitMs)
{
    if (journal.dialect().engine() != Dialect::Engine::Postgresql)
        return std::nullopt;
    const QDeadlineTimer deadline(limitMs);
    for (;;) {
        const Expected<int> writers = writersOn(journal.connection());
        if (!writers)
            return journal.failureOf(writers.error());
        if (*writers == 0)
            return std::nullopt;
        if (deadline.hasExpired())
            return stillWriting(where, journal.path(), limitMs);
        // A pause on the server: the wait shows there as this session's (pg_stat_activity, wait_event PgSleep).
        QSqlQuery pause(journal.connection());
        if (!pause.exec(QStringLiteral("SELECT pg_sleep(%1)").arg(pollMs / 1000.0)))
            return journal.failureOf(pause.lastError());
    }
}

} // namespace topup
