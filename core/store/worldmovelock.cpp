#include "worldmovelock.h"

#include "database.h"
#include "serverworldlock.h"

#include <QSqlQuery>

namespace topup {

Expected<WorldMoveLock> WorldMoveLock::take(Database &store)
{
    if (store.dialect().engine() != Dialect::Engine::Postgresql)
        return WorldMoveLock(nullptr);
    if (store.m_worldHolds == 0) {
        QSqlQuery lock(store.connection());
        if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(ServerWorldLock::key)))
            return Expected<WorldMoveLock>::failure(tr("%1: cannot wait for the world: %2").arg(store.path(), store.describe(lock.lastError())));
    }
    ++store.m_worldHolds;
    return WorldMoveLock(&store);
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
