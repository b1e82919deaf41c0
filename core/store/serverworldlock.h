#pragma once

#include "domain/expected.h"
#include "store/databaseurl.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace topup {

// A world on a PostgreSQL server, claimed while a program opens it (the
// schema migrated, a new world made, the books compared, the charges cut
// short reconciled) or exports into it: what DataDirectory's lock on the
// folder is for a folder of SQLite files, but only for that while. Once
// open, several programs share the world, each move of it under a
// WorldMoveLock (the same advisory lock, taken on the store's connection
// for the move's length), so an open never meets a charge that another
// program has in flight. The claim is a session-level advisory lock on the
// store's database, held by a connection of its own for as long as this
// object lives: released when it is destroyed (at once, before the
// connection closes), or by the server when that connection ends, however
// the program ends (a crash or a kill closes the socket). A claim waits up
// to `waitMs` for a program moving the world (or opening it); past that it
// is refused, naming the holder as it named itself (its connection's
// application_name, "topup-sim, process N on HOST") when the server lets
// this role see it.
class ServerWorldLock final
{
    Q_DECLARE_TR_FUNCTIONS(ServerWorldLock)

public:
    ~ServerWorldLock();
    Q_DISABLE_COPY_MOVE(ServerWorldLock)

    // How long an open waits for another program's move (a long catch-up)
    // before it says so.
    static constexpr int openWaitMs = 60'000;
    // Refused when another program still holds the world after `waitMs`
    // (0: at once); that refusal is reported as
    // TransientFailure::Cause::Locked for the store's URL (a passing cause:
    // "try again", never "start fresh").
    static Expected<std::unique_ptr<ServerWorldLock>> claim(const DatabaseUrl &store, int waitMs);
    // The advisory lock's key, TopUp's own (the ASCII of "TopUpWld"); locks
    // are per database, so one key names the world.
    static constexpr qint64 key = 0x546f705570576c64;

    const DatabaseUrl &store() const noexcept { return m_store; }

    // How this program names itself to the server (its connections'
    // application_name): "topup-sim,pid=N,host=HOST", at most 63 bytes.
    static QString applicationName();
    // Who holds the world's lock, as it named itself, seen from `db`:
    // "topup-sim, process 42 on desk-2"; empty when nobody does or the
    // server hides it (pg_stat_activity hides other roles' sessions from a
    // role that is not privileged).
    static QString holderSeenFrom(const QSqlDatabase &db);

private:
    ServerWorldLock(DatabaseUrl store, QString connectionName);

    DatabaseUrl m_store;
    QString m_connectionName;
    bool m_held = false; // the lock taken: released with the object (a refused claim holds none to release)
};

} // namespace topup
