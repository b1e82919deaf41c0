#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QString>

struct sqlite3;

namespace topup {

// A read or write of a world's file that failed for a reason that passes
// rather than for damage: the disk is full, or another program holds the
// file locked. Nothing was changed, and the same action can simply be tried
// again once the disk has room or the other program is closed; a program
// offers "Try again" rather than "Start fresh" (reportedIn).
//
// SQLite says a full disk as SQLITE_FULL when a write of the file or its log
// has no room, and as an I/O error whose system error is ENOSPC (or EDQUOT)
// when, for one, the log's shared-memory index cannot grow: the open after
// a crash needs that index, so a full disk used to read as a damaged file.
class TransientFailure final
{
    Q_DECLARE_TR_FUNCTIONS(TransientFailure)

public:
    // Unreachable: a PostgreSQL server that did not answer (no server on
    // the socket or port, a host that cannot be found or reached, a
    // connection timed out, a server starting up, shutting down or full).
    enum class Cause { None, DiskFull, Locked, Unreachable };

    // Why SQLite's result `code` (primary or extended) on `db` failed, as
    // far as passing causes go; `db` gives the system error (may be null).
    static Cause causeOf(sqlite3 *db, int code);
    // The message for `cause` on the file `path`, with SQLite's `detail`.
    static QString describe(Cause cause, const QString &path, const QString &detail);
    // describe() with the sentences a screen shows: what happened to which
    // file and what to do, then what SQLite said.
    static Failure failure(Cause cause, const QString &path, const QString &detail);

    // Why connecting to a PostgreSQL server failed, from libpq's message
    // (`text`): Unreachable when no server answered, or it answered that it
    // cannot take a connection now; None when a server answered and refused
    // (a role or password it does not accept, a database it does not have),
    // which trying again does not change. Read from libpq's English words
    // ("FATAL:" starts what a server said).
    static Cause causeOfConnectFailure(const QString &text);

    // The last passing failure met by a file of `folder` since forget(): for
    // the programs to say "try again" rather than "start fresh" after a
    // failed open. Kept per folder, for the whole process.
    static void report(const QString &folder, Cause cause);
    static Cause reportedIn(const QString &folder);
    static void forget(const QString &folder);
};

} // namespace topup
