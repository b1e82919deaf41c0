// History and Alerts of a fleet: one account with N lines (default 2 000)
// and a year of history (bench::buildFleet: 46 top-ups a line, a few failed
// or blocked), an alert for each failed or blocked one, then, in turns in
// each run, the queries History and Alerts open with, by key (now) and as
// they were asked before (one statement for every line or one, sorted in a
// temporary B-tree; the next page by asking again with a limit 500 larger),
// and the two models built (their first page worded). "Before" runs on a
// copy of the store without the indexes keyset paging added. The query
// plans are printed: each now walks an index in order.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_history [lines] [runs]    (default 2000 lines, 7 runs)
#include "fleetworld.h"
#include "models/alertmodel.h"
#include "models/attemptmodel.h"
#include "service/service.h"
#include "store/historystore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <vector>

using namespace topup;

namespace {

const char *const connection = "bench_history";
// A copy of the store without the indexes keyset paging added: the schema before.
const char *const beforeConnection = "bench_history_before";

// History's statement before keyset paging: one for every line or one, so
// no index serves its ORDER BY.
const char *const attemptsBefore = "SELECT a.id, a.at_ms, a.line_id, l.name, a.trigger, a.chain_key, a.attempt,"
                                   " coalesce(a.method_id, 0), p.name, a.amount_cents, a.status, coalesce(a.reason, ''), l.state"
                                   " FROM attempts a JOIN lines l ON l.id = a.line_id JOIN packages p ON p.id = a.package_id"
                                   " WHERE a.account_id = ? AND (? = 0 OR a.line_id = ?) ORDER BY a.at_ms DESC, a.id DESC LIMIT ?";
const char *const alertsBefore = "SELECT a.id, a.at_ms, a.kind, coalesce(a.line_id, 0), coalesce(l.name, ''), coalesce(a.method_id, 0),"
                                 " a.detail, a.read, coalesce(l.state, 'active') FROM alerts a LEFT JOIN lines l ON l.id = a.line_id"
                                 " WHERE a.account_id = ? AND (? = 0 OR a.read = 0) ORDER BY a.at_ms DESC, a.id DESC";

// Runs `sql` with `values` on `database` and reads every row (as the store reads them): the row count.
int rowsOf(const QString &sql, const std::vector<QVariant> &values, const char *database = connection)
{
    QSqlQuery query(QSqlDatabase::database(QLatin1String(database)));
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        std::fprintf(stderr, "%s\n", qPrintable(query.lastError().text()));
        return -1;
    }
    int rows = 0;
    while (query.next()) {
        for (int column = 0; column < query.record().count(); ++column)
            (void)query.value(column);
        ++rows;
    }
    return rows;
}

void printPlan(const char *name, const QString &sql, int parameters, const char *database = connection)
{
    QSqlQuery query(QSqlDatabase::database(QLatin1String(database)));
    query.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
    for (int i = 0; i < parameters; ++i)
        query.addBindValue(qint64(1000));
    if (!query.exec())
        return;
    QStringList steps;
    while (query.next())
        steps << query.value(3).toString();
    std::printf("  %-28s %s\n", name, qPrintable(steps.join(QLatin1String(" | "))));
}

struct Measure
{
    const char *name;
    std::function<int()> run; // the rows it read; < 0: failed
    std::vector<double> ms;
    int rows = 0;
};

} // namespace

int main(int argc, char **argv)
{
    bench::preferOffscreen();
    QApplication app(argc, argv);
    const int lineCount = int(bench::countArgument(argc, argv, 1, 2000));
    const int runs = int(bench::countArgument(argc, argv, 2, 7));
    const std::unique_ptr<bench::Fleet> fleet = bench::openHistoryFleet("bench_history", lineCount);
    if (!fleet)
        return 1;
    Service *const service = fleet->service.get();
    const QTemporaryDir &dir = fleet->dir;
    const QString storePath = fleet->storePath();
    QElapsedTimer timer;
    timer.start();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QLatin1String(connection));
        db.setDatabaseName(storePath);
        QSqlQuery alerts(db);
        // An alert for each failed or blocked top-up, as the engine writes them; a third of them read.
        if (!db.open()
            || !alerts.exec(QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, line_id, method_id, detail, read)"
                                           " SELECT account_id, at_ms, CASE status WHEN 'failed' THEN 'topup_failed' ELSE 'topup_blocked' END,"
                                           " line_id, method_id, coalesce(reason, ''), id % 3 = 0 FROM attempts WHERE status <> 'succeeded'"))) {
            std::fprintf(stderr, "could not write the alerts: %s\n", qPrintable(alerts.lastError().text()));
            return 1;
        }
        const QString beforePath = dir.filePath(QStringLiteral("before.sqlite"));
        QSqlQuery copy(db);
        if (!copy.exec(QStringLiteral("VACUUM INTO '%1'").arg(beforePath))) {
            std::fprintf(stderr, "could not copy the store: %s\n", qPrintable(copy.lastError().text()));
            return 1;
        }
        QSqlDatabase before = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QLatin1String(beforeConnection));
        before.setDatabaseName(beforePath);
        QSqlQuery drop(before);
        if (!before.open() || !drop.exec(QStringLiteral("DROP INDEX attempts_account_time"))
            || !drop.exec(QStringLiteral("DROP INDEX alerts_account_time"))) {
            std::fprintf(stderr, "could not make the store as before\n");
            return 1;
        }
    }
    const qint64 accountId = service->account()->id;
    const qint64 lineId = 1000; // the fleet's first line
    const int attemptCount = rowsOf(QStringLiteral("SELECT id FROM attempts"), {});
    const int alertCount = rowsOf(QStringLiteral("SELECT id FROM alerts"), {});
    std::printf("%d lines: %d attempts, %d alerts (the alerts and the copy without the indexes written in %.2f s)\n", lineCount,
                attemptCount, alertCount, double(timer.nsecsElapsed()) / 1e9);

    std::printf("query plans (now):\n");
    printPlan("attempts, every line", HistoryStore::attemptsSql(false, false), 6);
    printPlan("attempts, every line, by key", HistoryStore::attemptsSql(false, true), 9);
    printPlan("attempts, one line", HistoryStore::attemptsSql(true, false), 7);
    printPlan("alerts", HistoryStore::alertsSql(false, false), 2);
    printPlan("alerts, by key", HistoryStore::alertsSql(false, true), 5);
    std::printf("query plans (before):\n");
    printPlan("attempts", QLatin1String(attemptsBefore), 4, beforeConnection);
    printPlan("alerts", QLatin1String(alertsBefore), 2, beforeConnection);

    // The key of the 10 000th attempt: page 21 follows it.
    const Expected<std::vector<AttemptRow>> deep = service->attempts(10000);
    if (!deep || deep->size() < 10000) {
        std::fprintf(stderr, "fewer than 10 000 attempts: give more lines\n");
        return 1;
    }
    const HistoryKey pageKey{deep->back().at, deep->back().id};
    auto sizeOf = [](const auto &rows) { return rows ? int(rows->size()) : -1; };
    std::vector<Measure> measures{
        {"History's first page, before (500 rows)",
         [&] { return rowsOf(QLatin1String(attemptsBefore), {accountId, 0, 0, 500}, beforeConnection); }, {}},
        {"History's first page, now", [&] { return sizeOf(service->attempts(500)); }, {}},
        {"one line's first page, before", [&] { return rowsOf(QLatin1String(attemptsBefore), {accountId, lineId, lineId, 500}, beforeConnection); }, {}},
        {"one line's first page, now", [&] { return sizeOf(service->attempts(500, lineId)); }, {}},
        {"page 21, before (a limit of 10 500)", [&] { return rowsOf(QLatin1String(attemptsBefore), {accountId, 0, 0, 10500}, beforeConnection); }, {}},
        {"page 21, now (by key)", [&] { return sizeOf(service->attempts(500, 0, pageKey)); }, {}},
        {"Alerts, before (every alert)", [&] { return rowsOf(QLatin1String(alertsBefore), {accountId, 0}, beforeConnection); }, {}},
        {"Alerts' first page + unread count, now",
         [&] {
             return service->unreadAlertCount() ? sizeOf(service->alerts(false, 200)) : -1;
         },
         {}},
        {"AttemptModel built (first page)", [&] { return AttemptModel(*service, 0, 500).rowCount(); }, {}},
        {"AlertModel built (first page worded)", [&] { return AlertModel(*service, 200).rowCount(); }, {}},
    };
    for (int run = 0; run < runs; ++run) {
        for (Measure &measure : measures) {
            timer.restart();
            measure.rows = measure.run();
            measure.ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (measure.rows < 0)
                return 1;
        }
    }
    std::printf("%d lines, %d runs in turns: min / median\n", lineCount, runs);
    for (const Measure &measure : measures)
        std::printf("  %-44s %8.2f / %8.2f ms  (%d rows)\n", measure.name, *std::min_element(measure.ms.begin(), measure.ms.end()),
                    bench::median(measure.ms), measure.rows);
    return 0;
}
