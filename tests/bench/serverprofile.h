#pragma once

#include <QString>

namespace topup::test {
class PostgresServer;
}

namespace topup::bench {

// What a PostgreSQL server of a benchmark's own did: its CPU time, and
// the statements of its log (bench_fleetengines).

// The CPU time (user + system, seconds) of the server and its backends so far,
// those that ended included.
double serverCpuSeconds(qint64 serverPid);

// The statements of the server's log from `offset` on (log_min_duration_statement = 0),
// counted by kind: a prepared statement's EXECUTE by the statement it runs.
void printStatements(const QString &logPath, qint64 offset);

// Runs `statement` on the server's own database as its superuser (CHECKPOINT,
// ALTER SYSTEM); false, and why on stderr, when it could not.
bool runOnServer(const test::PostgresServer &server, const QString &statement);

// Turns the server's log of every statement on or off (ALTER SYSTEM, read
// again by every backend at its next statement).
bool logStatements(const test::PostgresServer &server, bool on);

} // namespace topup::bench
