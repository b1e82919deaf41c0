#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace topup {

class Database;

// One move of a world at a time, across every program that has it open: held
// for each write that can charge or change what the rules decide (a
// catch-up, a play step, a settle, a write of the Service) and released
// after it; between moves a program holds nothing. Everything the move
// decides is read from the store once it holds the lock, so a program
// always acts on the world another one left.
//
// On PostgreSQL a session-level advisory lock (pg_advisory_lock, the key
// ServerWorldLock claims the world with at open) on the store's own
// connection, waited for while another program moves the world, and
// released before the next statement; taken again on the same connection
// while held (a write that then settles), it is only counted. On SQLite
// nothing: the data folder's lock already admits one program per world.
// Once taken (not when only counted), a move of a store paired with its
// journal (Database::setJournal) waits for a charge that a program which
// died holding the world still has in flight on the journal (JournalQuiet),
// up to the connection's limit (ServerWorldLock::openWaitMs without one),
// past which the move is refused and the world released.
//
// The wait follows the connection's Database::WorldWait: when it has a
// limit, a world held by another program is said (who holds it, as far as
// the server tells) before the wait, and past the limit the move is refused
// naming that program, nothing of it done.
class WorldMoveLock final
{
    Q_DECLARE_TR_FUNCTIONS(WorldMoveLock)

public:
    // Waits for the world to be free, then holds it; refused when the
    // server cannot be asked (the connection lost) or when another program
    // still holds it past the connection's limit, nothing held then.
    static Expected<WorldMoveLock> take(Database &store);
    // The refusal past the limit: "Another desktop (topup-dashboard,
    // process 42 on desk-2) is moving the world; try again in a moment."
    static Failure busy(const QString &where, const QString &holder, int waitedMs);

    WorldMoveLock(WorldMoveLock &&other) noexcept;
    WorldMoveLock &operator=(WorldMoveLock &&) = delete;
    WorldMoveLock(const WorldMoveLock &) = delete;
    WorldMoveLock &operator=(const WorldMoveLock &) = delete;
    ~WorldMoveLock();

private:
    explicit WorldMoveLock(Database *store) : m_store(store) {}
    // Takes the advisory lock as the store's WorldWait says; why not.
    static std::optional<Failure> waitFor(Database &store);

    Database *m_store = nullptr; // null: nothing held (SQLite, or moved from)
};

} // namespace topup
