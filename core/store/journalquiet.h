#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace topup {

class Database;

// A world on PostgreSQL taken over from a program that died mid-charge:
// waits, once the world's advisory lock is held (ServerWorldLock at open,
// WorldMoveLock for a move), until no other session on the provider's
// journal database has a transaction that has written.
//
// Why it is needed: the world's lock lives on the store's connection, the
// charge on the journal's, another database. A program killed mid-charge
// leaves both sessions to the server, which ends each when it sees its
// socket close: the store's (and the lock with it) at once, the journal's
// only once the statement it was running is done, perhaps the COMMIT of a
// charge still being flushed. Without this wait the next holder of the
// lock could read the journal before that commit lands, decide the charge
// never happened (reconciling forgets its intent, the books' agreement
// misses it, a move charges the identity again and meets the row), and
// the journal would then hold a charge the store does not.
//
// Why waiting for every writer is right: while we hold the world's lock no
// live program may charge (each charge is made under the lock), so a
// transaction that has written on the journal is a dead holder's, finishing
// (its COMMIT in flight: it lands) or about to be rolled back (the server
// ends it when it reads the closed socket). A dead program's statements
// are sent one at a time and each waits for its answer, so a transaction
// that can still commit has written already: it has a transaction id.
// Readers have none, and are not waited for.
//
// How it is seen: pg_locks (which PostgreSQL shows every role in full, unlike
// pg_stat_activity, which hides most of another role's sessions): a session
// holding the ExclusiveLock on its own transaction id (it has written)
// while it holds a lock on a relation of the journal's database (it works
// there). The wait polls that every `pollMs`, a server-side pg_sleep between
// looks, up to `limitMs`; past it the move or the open is refused, naming
// the cause. SQLite needs none of it: one program per data folder.
class JournalQuiet final
{
    Q_DECLARE_TR_FUNCTIONS(JournalQuiet)

public:
    static constexpr int pollMs = 10;

    // Nothing on SQLite. `where` names the world (the store's URL) in the
    // refusal; `limitMs` > 0.
    static std::optional<Failure> waitFor(Database &journal, const QString &where, int limitMs);
    // How many other sessions hold a written transaction on the database
    // `connection` is connected to, now; the server's error when it cannot
    // be asked.
    static Expected<int> writersOn(const QSqlDatabase &connection);
    // The refusal past the limit, in the command line's words and a screen's.
    static Failure stillWriting(const QString &where, const QString &journal, int waitedMs);
};

} // namespace topup
