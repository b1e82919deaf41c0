#include "worldmovelock.h"

#include "database.h"
#include "journalquiet.h"
#include "serverworldlock.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace topup {
namespace {

constexpr const char *lockNotAvailable = "55P03";
// How long a wait goes without a word: another program's ordinary move (a
// play step, a settle) is over by then.
constexpr int quietWaitMs = 250;

} // namespace

Failure WorldMoveLock::busy(const QString &where, const QString &holder, int waitedMs)
{
    const QString seconds = QString::number((waitedMs + 999) / 1000);
    if (holder.isEmpty())
        return Failure(tr("%1: another desktop is moving the world (waited %2 s); try again in a moment").arg(where, seconds),
                       tr("Another desktop is moving the world; try again in a moment."));
    return Failure(tr("%1: another desktop (%2) is moving the world (waited %3 s); try again in a moment").arg(where, holder, seconds),
                   tr("Another desktop (%1) is moving the world; try again in a moment.").arg(holder));
}

Expected<WorldMoveLock> WorldMoveLock::take(Database &store)
{
    if (store.dialect().engine() != Dialect::Engine::Postgresql)
        return WorldMoveLock(nullptr);
    if (store.m_worldHolds == 0) {
        if (const std::optional<Failure> why = waitFor(store))
            return Expected<WorldMoveLock>::failure(*why);
        // The world is ours; a program that died holding it may still have
        // a charge landing on the journal (JournalQuiet says why): the move
        // reads the books only once that is over.
        if (const std::shared_ptr<Database> journal = store.m_journal.lock()) {
            const int limitMs = store.m_worldWait.limitMs > 0 ? store.m_worldWait.limitMs : ServerWorldLock::openWaitMs;
            if (const std::optional<Failure> why = JournalQuiet::waitFor(*journal, store.path(), limitMs)) {
                QSqlQuery unlock(store.connection());
                unlock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(ServerWorldLock::key));
                return Expected<WorldMoveLock>::failure(*why);
            }
        }
    }
    ++store.m_worldHolds;
    return WorldMoveLock(&store);
}

std::optional<Failure> WorldMoveLock::waitFor(Database &store)
{
    const Database::WorldWait &wait = store.m_worldWait;
    QSqlQuery lock(store.connection());
    const QString take = QStringLiteral("SELECT pg_advisory_lock(%1)").arg(ServerWorldLock::key);
    const auto cannot = [&](const QSqlError &error) {
        return Failure(tr("%1: cannot wait for the world: %2").arg(store.path(), store.describe(error)),
                       FieldProblems{{QString(), tr("The PostgreSQL server of %1 did not let this desktop wait for its turn to change the"
                                                    " world; nothing was changed. Check that the server is still running, then try again.")
                                                     .arg(store.path())},
                                     {QString(), tr("The server says: %1.").arg(Database::inOneLine(error.text()))}});
    };
    if (wait.limitMs <= 0) {
        if (!lock.exec(take))
            return cannot(lock.lastError());
        return std::nullopt;
    }
    // Another program's short move (a play step, a settle) is waited for
    // without a word; a longer one is said, with who moves the world, and
    // waited for up to the limit in all, past which the server cancels the
    // wait. The limit is lifted again after.
    const auto waitUpTo = [&](int ms) {
        return lock.exec(QStringLiteral("SET lock_timeout = %1").arg(ms)) && lock.exec(take);
    };
    const auto timedOut = [&] { return lock.lastError().nativeErrorCode() == QLatin1String(lockNotAvailable); };
    const int quietMs = std::min(quietWaitMs, wait.limitMs);
    bool took = waitUpTo(quietMs);
    QString holder;
    bool said = false;
    if (!took && timedOut()) {
        holder = ServerWorldLock::holderSeenFrom(store.connection());
        if (wait.limitMs > quietMs) {
            if (wait.waiting)
                wait.waiting(holder);
            said = true;
            took = waitUpTo(wait.limitMs - quietMs);
        }
    }
    const QSqlError error = lock.lastError();
    if (store.connection().isOpen()) { // a connection lost meanwhile has nothing to reset
        QSqlQuery reset(store.connection());
        reset.exec(QStringLiteral("RESET lock_timeout"));
    }
    if (said && wait.done)
        wait.done();
    if (took)
        return std::nullopt;
    if (error.nativeErrorCode() == QLatin1String(lockNotAvailable))
        return busy(store.path(), holder, wait.limitMs);
    return cannot(error);
}

WorldMoveLock::WorldMoveLock(WorldMoveLock &&other) noexcept : m_store(other.m_store)
{
    other.m_store = nullptr;
}

WorldMoveLock::~WorldMoveLock()
{
    if (!m_store || --m_store->m_worldHolds > 0)
        return;
    // Released at once for the next program; a connection lost meanwhile
    // has released it with its session.
    QSqlQuery unlock(m_store->connection());
    unlock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(ServerWorldLock::key));
}

} // namespace topup
