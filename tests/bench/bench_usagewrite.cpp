// Writing a catch-up's usage (UsageStore::write of one UsageBatch: a
// line-hour row of samples, the hourly and daily roll-ups) of N lines over
// D simulated days, on SQLite and on PostgreSQL side by side in one run,
// each engine by its fast path (SQLite: the sqlite3 handle; PostgreSQL:
// thousands of rows a statement as arrays) and by a Qt Sql statement a row.
// Each write goes into a new, empty store (a file; a database on a server
// of the benchmark's own, started as the tests start theirs: initdb in a
// temporary folder, a Unix socket there, but with fsync on, as a real
// server), inside one transaction, committed and synced; the time includes
// the commit.
//
//   build/tests/bench/bench_usagewrite [lines] [days] [runs]   (default 2000 lines, 1 day, 3 runs)
//
// Beside each write's wall time: the CPU time of the thread that wrote
// (the connection's), of the whole benchmark (any thread it started), and,
// on PostgreSQL, of the server's processes. TOPUP_BENCH_PATHS=fast times
// the fast paths only (a Qt Sql statement a row takes seconds a write).
#include "postgresserver.h"
#include "benchmeasure.h"
#include "serverprofile.h"
#include "rules/zonedcalendar.h"
#include "store/database.h"
#include "store/databaseurl.h"
#include "store/statement.h"
#include "store/storeschema.h"
#include "store/usagebatch.h"
#include "store/usagestore.h"
#include "sim/xoshiro256.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace topup;
using topup::bench::cpuSeconds;
using topup::bench::loadAverage;
using topup::bench::serverCpuSeconds;
using topup::bench::threadCpuSeconds;

namespace {

constexpr qint64 dayMs = 24LL * 3600 * 1000;

Expected<void> addLines(Database &database, int lineCount)
{
    Statement account(database, QStringLiteral("INSERT INTO accounts (id, login, password_hash, currency, timezone, created_ms)"
                                                " VALUES (1, 'fleet@example.com', 'x', 'EUR', 'Europe/Berlin', 0)"));
    if (const auto ran = account.run(); !ran)
        return ran;
    Statement line(database, QStringLiteral("INSERT INTO lines (id, account_id, code, name, data_bytes, voice_seconds) VALUES (?, 1, ?, ?, 0, 0)"));
    for (int id = 1; id <= lineCount; ++id) {
        line.bind(id).bind(QStringLiteral("L%1").arg(id)).bind(QStringLiteral("Line %1").arg(id));
        if (const auto ran = line.run(); !ran)
            return ran;
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int lineCount = argc > 1 ? std::max(1, atoi(argv[1])) : 2000;
    const int days = argc > 2 ? std::max(1, atoi(argv[2])) : 1;
    const int runs = argc > 3 ? std::max(1, atoi(argv[3])) : 3;
    const ZonedCalendar calendar{QTimeZone("Europe/Berlin")};
    const Instant start = *Instant::parse(u"2028-03-14T10:00:00Z");
    const Instant end = start.plusMsecs(qint64(days) * dayMs);

    // The catch-up's batch: every line's 5-minute samples, seeded.
    std::vector<qint64> lineIds;
    for (int id = 1; id <= lineCount; ++id)
        lineIds.push_back(id);
    UsageBatch batch(lineIds, calendar, UsageStore::sampleEveryMs);
    Xoshiro256 random(16);
    batch.beginRun();
    for (int line = 0; line < lineCount; ++line) {
        for (qint64 at = start.msecs(); at < end.msecs(); at += UsageStore::sampleEveryMs)
            batch.add(UsageRecord{line, Instant::fromMsecs(at), qint64(random.below(3'000'000)), qint64(random.below(120))});
    }
    batch.keepRun();
    const Instant samplesFrom = UsageStore::samplesKeptFrom(end);
    qint64 hours = 0, daysRows = 0, recent = 0;
    batch.forEachHour([&](qint64, const UsageBatch::Sum &) { ++hours; });
    batch.forEachDay([&](qint64, const UsageBatch::Sum &) { ++daysRows; });
    for (qint64 at = std::max(start.msecs(), samplesFrom.msecs()); at < end.msecs(); at += 3600 * 1000)
        recent += lineCount;
    std::printf("%d lines x %d days: %lld hourly rows, %lld daily rows, about %lld line-hours of samples a write; load %s\n", lineCount, days,
                static_cast<long long>(hours), static_cast<long long>(daysRows), static_cast<long long>(recent), qPrintable(loadAverage()));
    std::fflush(stdout);

    test::PostgresServer server(test::PostgresServer::Place::Disk);
    server.setFsync(true); // synced commits on both engines
    if (const Expected<void> started = server.start(); !started) {
        std::fprintf(stderr, "bench_usagewrite: %s\n", qPrintable(started.error()));
        return 1;
    }
    QTemporaryDir dir;
    int made = 0;
    const bool fastOnly = qEnvironmentVariable("TOPUP_BENCH_PATHS") == QLatin1String("fast");
    for (const Dialect::Engine engine : {Dialect::Engine::Sqlite, Dialect::Engine::Postgresql}) {
        for (const UsageStore::Path path : {UsageStore::Path::Fastest, UsageStore::Path::QtSqlOnly}) {
            if (fastOnly && path == UsageStore::Path::QtSqlOnly)
                continue;
            std::vector<double> seconds, threadCpu, processCpu, serverCpu;
            for (int run = 0; run < runs; ++run) {
                Expected<std::shared_ptr<Database>> opened = Expected<std::shared_ptr<Database>>::failure(QString());
                const QString name = QStringLiteral("usage_%1").arg(++made);
                if (engine == Dialect::Engine::Sqlite) {
                    opened = Database::open(dir.filePath(name + QStringLiteral(".sqlite")), storeSchema());
                } else {
                    if (const Expected<void> created = server.createDatabase(name); !created) {
                        std::fprintf(stderr, "bench_usagewrite: %s\n", qPrintable(created.error()));
                        return 1;
                    }
                    const Expected<DatabaseUrl> url = DatabaseUrl::parse(server.url(name));
                    if (!url) {
                        std::fprintf(stderr, "bench_usagewrite: %s\n", qPrintable(url.error()));
                        return 1;
                    }
                    opened = Database::openOnServer(*url, storeSchema());
                }
                if (!opened) {
                    std::fprintf(stderr, "bench_usagewrite: %s\n", qPrintable(opened.error()));
                    return 1;
                }
                Database &database = **opened;
                if (const Expected<void> lines = database.write([&] { return addLines(database, lineCount); }); !lines) {
                    std::fprintf(stderr, "bench_usagewrite: %s\n", qPrintable(lines.error()));
                    return 1;
                }
                const double threadBefore = threadCpuSeconds(), processBefore = cpuSeconds();
                const double serverBefore = engine == Dialect::Engine::Sqlite ? 0 : serverCpuSeconds(server.serverPid());
                QElapsedTimer timer;
                timer.start();
                const Expected<void> written = database.write([&] { return UsageStore(database, path).write(batch, samplesFrom); });
                seconds.push_back(double(timer.nsecsElapsed()) / 1e9);
                threadCpu.push_back(threadCpuSeconds() - threadBefore);
                processCpu.push_back(cpuSeconds() - processBefore);
                serverCpu.push_back(engine == Dialect::Engine::Sqlite ? 0 : serverCpuSeconds(server.serverPid()) - serverBefore);
                if (!written) {
                    std::fprintf(stderr, "bench_usagewrite: %s\n", qPrintable(written.error()));
                    return 1;
                }
            }
            for (std::vector<double> *each : {&seconds, &threadCpu, &processCpu, &serverCpu})
                std::sort(each->begin(), each->end());
            std::printf("%-10s %-28s min %.3f s, median %.3f s (%d runs); CPU, median: the writing thread %.3f s, the benchmark %.3f s,"
                        " the server %.3f s; load %s\n",
                        engine == Dialect::Engine::Sqlite ? "SQLite" : "PostgreSQL",
                        path == UsageStore::Path::QtSqlOnly                ? "a Qt Sql statement a row"
                        : engine == Dialect::Engine::Sqlite ? "fast path (sqlite3 handle)"
                                                            : "fast path (arrays)",
                        seconds.front(), seconds[seconds.size() / 2], runs, threadCpu[runs / 2], processCpu[runs / 2], serverCpu[runs / 2],
                        qPrintable(loadAverage()));
            std::fflush(stdout);
        }
    }
    return 0;
}
