#pragma once

#include "domain/instant.h"

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace topup {
class Service;
}

namespace topup::bench {

// A fleet: one account (Europe/Berlin, EUR) signed up through `service`
// with a company card holding `cardCents` and a small wallet, then
// `lineCount` lines and their year of history (46 top-ups a line, a few
// failed or blocked; a daily usage row per line and day) written straight
// into the store at `storePath` in one transaction — seconds, not thousands
// of setPolicy calls. Every line is capped; the policies follow a fixed
// pattern over the line's number; every draw is seeded. The service's clock
// starts at `now`. A line's top-ups are a week apart, the last of them
// `lastTopUpDaysAgo` days (and up to one more) before `now`: 43 ends the history
// in the month before, 1 puts four or five of them in the current month.
bool buildFleet(Service &service, const QString &storePath, Instant now, int lineCount, qint64 cardCents, int lastTopUpDaysAgo = 43);

// The same fleet through `store`, an open connection to the world's store
// on either engine (QSQLITE or QPSQL): on SQLite a prepared INSERT a row,
// on PostgreSQL 5 000 rows a statement, one array a column (as the usage's
// fast path writes them); and, with `hourlyDays`, writeHourly. The same
// rows on both engines.
bool buildFleetOn(Service &service, QSqlDatabase &store, Instant now, int lineCount, qint64 cardCents, int lastTopUpDaysAgo,
                  int hourlyDays);
// `hourlyDays` days of hourly roll-ups before `now` for every line of the
// fleet (a row of usage_hours a line's UTC day holding its hours, each
// hour a formula of the line and the hour, the same on both engines), made
// by the engine itself — PostgreSQL's generate_series and string_agg,
// SQLite's recursive count and group_concat, one INSERT … SELECT every 200
// lines, in the key's order — not through Qt's SQL layer: a year of 10 000
// lines is 87.6 million hours in 3.65 million rows.
bool writeHourly(QSqlDatabase &store, Instant now, int lineCount, int hourlyDays);

// A fleet in a temporary data folder of its own, and the service on it.
struct Fleet final
{
    QTemporaryDir dir;
    std::unique_ptr<Service> service;

    Fleet();
    ~Fleet();

    // The store's file in `dir`.
    QString storePath() const;
};

// Opens a service on a new temporary folder (its clock fixed at `now`) and
// builds the fleet there (buildFleet), printing how long that took; null,
// with the reason on standard error after `program`, when either fails.
std::unique_ptr<Fleet> openFleet(const char *program, Instant now, int lineCount, qint64 cardCents, int lastTopUpDaysAgo = 43);

// The fleet the History benchmarks read (bench_history, bench_historypage):
// its year of history ends at historyNow(), its card holds 900,000.00.
Instant historyNow();
std::unique_ptr<Fleet> openHistoryFleet(const char *program, int lineCount);

// Offscreen unless QT_QPA_PLATFORM says otherwise: before the QApplication.
void preferOffscreen();
// argv[index] as a count of at least 1, or `fallback` when it is not given.
qint64 countArgument(int argc, char **argv, int index, qint64 fallback);

// The middle of `values` once sorted (the upper one of an even count).
double median(std::vector<double> values);

} // namespace topup::bench
