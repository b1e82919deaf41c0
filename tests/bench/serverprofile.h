#pragma once

#include <QString>

namespace topup::bench {

// What a PostgreSQL server of a benchmark's own did: its CPU time, and
// the statements of its log (bench_fleetengines).

// The CPU time (user + system, seconds) of the server and its backends so far.
double serverCpuSeconds(qint64 serverPid);

// The statements of the server's log from `offset` on (log_min_duration_statement = 0),
// counted by kind: a prepared statement's EXECUTE by the statement it runs.
void printStatements(const QString &logPath, qint64 offset);

} // namespace topup::bench
