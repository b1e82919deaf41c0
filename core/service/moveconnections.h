#pragma once

#include "domain/expected.h"
#include "worldplace.h"

#include <QtGlobal>

#include <memory>

namespace topup {

class Database;
class JournalGateway;

// The connections a thread that moves the world works on (MoveThread): the
// store and the journal of its world, opened at its first move and kept for
// the next ones (on PostgreSQL a new connection is a new server process, on
// which every statement is prepared again; on SQLite a file opened and
// checked again), dropped after a move that failed (the next move opens
// fresh ones: the failure may have been the connection's), and closed with
// this object. All of it in the one thread that opened them (a connection
// stays in its thread).
class MoveConnections final
{
    Q_DISABLE_COPY_MOVE(MoveConnections)

public:
    explicit MoveConnections(WorldPlace place);
    ~MoveConnections();

    // Both connections open: kept ones, or opened now (neither when one
    // cannot be). Then store() and journal() are theirs.
    Expected<void> open();
    bool isOpen() const noexcept { return m_store && m_journal; }
    Database &store() { return *m_store; }
    JournalGateway &journal() { return *m_journal; }
    // Closes them: the next open() opens fresh ones.
    void drop();

    // How many times a move's thread in this process opened its
    // connections (open() that did not find them kept): for the tests.
    static quint64 opened() noexcept;

private:
    WorldPlace m_place;
    std::shared_ptr<Database> m_store;
    std::unique_ptr<JournalGateway> m_journal;
};

} // namespace topup
