#include "moveconnections.h"

#include "store/database.h"
#include "store/journalgateway.h"

#include <atomic>

namespace topup {
namespace {

std::atomic<quint64> moveConnectionsOpened{0};

} // namespace

MoveConnections::MoveConnections(WorldPlace place) : m_place(std::move(place)) {}

MoveConnections::~MoveConnections()
{
    drop();
}

Expected<void> MoveConnections::open()
{
    if (isOpen())
        return {};
    drop();
    Expected<std::shared_ptr<Database>> store = m_place.openStore();
    if (!store)
        return Expected<void>::failure(store);
    Expected<std::unique_ptr<JournalGateway>> journal = m_place.openJournal();
    if (!journal)
        return Expected<void>::failure(journal);
    m_store = store.take();
    m_journal = journal.take();
    m_store->setJournal(m_journal->sharedDatabase()); // its move waits for a dead program's charge (JournalQuiet)
    moveConnectionsOpened.fetch_add(1, std::memory_order_relaxed);
    return {};
}

void MoveConnections::drop()
{
    // The store first: it only points at the journal's connection.
    m_store.reset();
    m_journal.reset();
}

quint64 MoveConnections::opened() noexcept
{
    return moveConnectionsOpened.load(std::memory_order_relaxed);
}

} // namespace topup
