// A fleet on both engines side by side (issue 16, "Speed on PostgreSQL"):
// one account with N lines, a year of history (bench::buildFleetOn: 46
// top-ups a line, a year of daily roll-ups) and D days of hourly roll-ups
// before now, written once into a data folder (SQLite) and once into a
// database on a PostgreSQL server of the benchmark's own — started as the
// tests start theirs (initdb in a temporary folder, a Unix socket there, no
// TCP), but with fsync on, as a real server. The hourly roll-ups are made
// by each engine itself (bench::writeHourly): a year of 10 000 lines is
// 87.6 million hours, a row a line-day (3.65 million rows). Then the dashboard's queries of the account, each
// alone and their sum (what DashboardPage asks the service for: the
// outlook, 30 days of usage, the latest alerts, the methods' and packages'
// names), first on the world as built, then `runs` times, in turns on the
// two worlds:
//   - one simulated day of catch-up of every line (Service::advanceBy),
//     the wall time and the benchmark's own CPU time (the server's is not
//     in it; beside a PostgreSQL day, the CPU time the server's processes
//     used), with what it charged: the same on both engines;
//   - the dashboard's queries after that day (the outlook's run kept:
//     OutlookKeeper runs again only the lines cut short whose top-ups came);
//   - a jump to the account's next top-up on the benchmark's thread
//     (Service::advanceToNextEvent, what the line test panel's "Jump to
//     next event" did on the window's thread before session 30), then the
//     dashboard's queries: the outlook built there; (until session 30 a
//     step of 4.8 hours by Service::advanceBy stood here: no window moves
//     the world on its thread any more);
//   - a jump as the panel makes it now (Service::startJumpToNextEvent:
//     the move in a thread of its own, which then makes the account's
//     outlook), waited for until jumpFinished, then the dashboard's
//     queries; the jump's own time beside it;
//   - a play step of 4.8 simulated hours as the app plays it
//     (Service::startPlaying: the step in a thread of its own, which then
//     makes the account's outlook, PreparedOutlook), waited for until it
//     says worldAdvanced, then the dashboard's queries — what the window's
//     thread waits for; the step's own time beside it (longer by the
//     outlook it now makes);
//   - a write (a line renamed), then the dashboard's queries (a rename
//     touches no input of the engine: the outlook made at that clock is
//     kept, the name read again; before 777dbc6 the run was made again).
// At the end, the min and median of each, the plans of the dashboard's
// statements on each engine, and what each world holds on disk; the
// worlds are deleted with the benchmark's temporary folders.
//
//   nice -n 10 build/tests/bench/bench_fleetengines [lines] [hourly-days] [runs]   (default 2000 lines, 30 days, 3 runs)
//
// TOPUP_BENCH_ENGINES=postgresql (or sqlite) builds and times one engine only;
// TOPUP_BENCH_PG_SETTINGS="name=value …" starts the server with those settings.
// TOPUP_BENCH_PG_STATEMENTS=1 logs every statement the server runs during a
// PostgreSQL day (log_min_duration_statement = 0; slower) and prints them
// counted by kind, with the server's time on them, and the server's
// checkpoints meanwhile: every statement is a round trip (QPSQL sends
// PREPARE, EXECUTE and DEALLOCATE as statements).
// TOPUP_BENCH_PG_STATEMENTS=2 logs and prints the same for each move too:
// the jump here with its dashboard (the outlook built on the benchmark's
// connection), the jump in its own thread and the play step (the outlook
// made on the thread's new connections), each with its dashboard.
#include "fleetworld.h"
#include "benchmeasure.h"
#include "postgresserver.h"
#include "serverprofile.h"
#include "service/service.h"
#include "service/simulationplayer.h"
#include "service/worldonserver.h"
#include "store/databaseurl.h"
#include "store/samplesrow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include <unistd.h>

using namespace topup;
using topup::bench::cpuSeconds;
using topup::bench::loadAverage;
using topup::bench::logStatements;
using topup::bench::printStatements;
using topup::bench::serverCpuSeconds;
using topup::bench::timedMs;

namespace {

constexpr qint64 dayMs = 24LL * 3600 * 1000;

qint64 folderBytes(const QString &folder)
{
    qint64 bytes = 0;
    QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        files.next();
        bytes += files.fileInfo().size();
    }
    return bytes;
}

// One engine's world and what was measured on it.
struct EngineWorld final
{
    const char *engine = "";
    QTemporaryDir dir;               // SQLite: the data folder
    std::optional<DatabaseUrl> url; // PostgreSQL: the store's database
    std::unique_ptr<Service> service;
    // The dashboard's queries: their sum and each alone, by when they ran.
    struct Dashboard final
    {
        std::vector<double> sumMs, outlookMs, usageMs, alertsMs, namesMs;
    };
    Dashboard asBuilt, afterDay, afterJumpHere, afterJump, afterStep, afterWrite;
    // A jump on this thread (advanceToNextEvent), one in its own, a play step in its own.
    std::vector<double> jumpHereMs, jumpMs, stepMs;
    // Of the jump and the step in their threads, the outlook made there (PreparedOutlook::lastCost).
    std::vector<double> jumpOutlookMs, stepOutlookMs;
    std::vector<double> daySeconds, dayCpu, serverCpu;
    QStringList charged;
};

bool fail(const QString &what)
{
    std::fprintf(stderr, "bench_fleetengines: %s\n", qPrintable(what));
    return false;
}

// A connection of the benchmark's own (named `connection`, not opened) to
// the world's store: its data folder's file, or its database on `server`.
QSqlDatabase connectionTo(const EngineWorld &world, test::PostgresServer &server, const QString &connection)
{
    QSqlDatabase db;
    if (!world.url) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(world.dir.filePath(QStringLiteral("topup.sqlite")));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(server.socketDirectory());
        db.setPort(test::PostgresServer::port);
        db.setUserName(QLatin1String(test::PostgresServer::userName));
        db.setDatabaseName(world.url->database());
    }
    return db;
}

// Opens the service on the world and builds the fleet there.
bool build(EngineWorld &world, test::PostgresServer &server, Instant now, int lineCount, int hourlyDays)
{
    Service::Options options;
    options.fixedNow = now;
    options.passwordIterations = 1000;
    const QString connection = QStringLiteral("bench_fleetengines_%1").arg(QLatin1String(world.engine));
    if (!world.url) {
        options.location = WorldLocation::folder(world.dir.path());
    } else {
        const Expected<DatabaseUrl> journal = WorldOnServer::journalOf(*world.url);
        if (!journal)
            return fail(journal.error());
        for (const QString &database : {world.url->database(), journal->database()}) {
            if (const Expected<void> created = server.createDatabase(database); !created)
                return fail(created.error());
        }
        options.location = WorldLocation::database(*world.url);
    }
    Expected<std::unique_ptr<Service>> opened = Service::open(options);
    if (!opened)
        return fail(opened.error());
    world.service = opened.take();
    QElapsedTimer timer;
    timer.start();
    bool ok = false;
    {
        QSqlDatabase db = connectionTo(world, server, connection);
        ok = db.open() && bench::buildFleetOn(*world.service, db, now, lineCount, 900000000, 1, 0);
        const double history = double(timer.nsecsElapsed()) / 1e9;
        timer.restart();
        ok = ok && bench::writeHourly(db, now, lineCount, hourlyDays);
        const double hourly = double(timer.nsecsElapsed()) / 1e9;
        timer.restart();
        if (ok && world.url) {
            // What autovacuum does on a server after a bulk load, done now
            // rather than at some point during the runs.
            QSqlQuery analyze(db);
            ok = analyze.exec(QStringLiteral("VACUUM ANALYZE"));
            if (!ok)
                fail(analyze.lastError().text());
        }
        std::printf("%-10s the lines and a year of history in %.1f s, %lld hours of roll-ups in %.1f s, VACUUM ANALYZE %.1f s; load %s\n",
                    world.engine, history, qint64(lineCount) * hourlyDays * 24, hourly, double(timer.nsecsElapsed()) / 1e9,
                    qPrintable(loadAverage()));
        std::fflush(stdout);
        if (!ok && db.lastError().isValid())
            fail(db.lastError().text());
    }
    QSqlDatabase::removeDatabase(connection);
    if (!ok)
        return fail(QStringLiteral("could not build the fleet on %1").arg(QLatin1String(world.engine)));
    // The fleet was written behind the engine's back: its lines made below
    // their threshold top up at the first usage sample (session 31: a resumed
    // run checks a line at its start only when something happens to it
    // there), so the world moves past it first; not what is measured.
    timer.restart();
    if (const Expected<CatchUpSummary> settled = world.service->advanceBy(5 * 60 * 1000); !settled)
        return fail(settled.error());
    std::printf("%-10s settled in %.1f s; load %s\n", world.engine, double(timer.nsecsElapsed()) / 1e9, qPrintable(loadAverage()));
    std::fflush(stdout);
    // The building's gigabytes of log start a checkpoint, which writes them
    // out over the next minutes, into the first measured day (its disk and
    // CPU); made now, as a server would have long before a fleet's
    // ordinary day.
    if (world.url && !bench::runOnServer(server, QStringLiteral("CHECKPOINT")))
        return false;
    return true;
}

bool measureDashboard(EngineWorld &world, EngineWorld::Dashboard &into, const char *when)
{
    Service &service = *world.service;
    const int runsBefore = service.outlookRuns();
    const int preparedBefore = service.preparedOutlooksHandedOut();
    const double outlook = timedMs([&] { return bool(service.outlook()); });
    const double usage = timedMs([&] { return bool(service.dailyUsage(0, 31)); });
    const double alerts = timedMs([&] { return bool(service.alerts(false, 5)); });
    const double names = timedMs([&] { return service.methods() && service.packages(); });
    if (outlook < 0 || usage < 0 || alerts < 0 || names < 0)
        return fail(QStringLiteral("a query of the service failed on %1").arg(QLatin1String(world.engine)));
    into.outlookMs.push_back(outlook);
    into.usageMs.push_back(usage);
    into.alertsMs.push_back(alerts);
    into.namesMs.push_back(names);
    into.sumMs.push_back(outlook + usage + alerts + names);
    const char *how = service.preparedOutlooksHandedOut() > preparedBefore ? "made by the move's thread"
                      : service.outlookRuns() > runsBefore                  ? "its run made"
                                                                            : "its run kept";
    std::printf("%-10s dashboard %s: %.1f ms (outlook %.1f ms, %s; usage %.1f, alerts %.1f, names %.1f); load %s\n", world.engine, when,
                outlook + usage + alerts + names, outlook, how, usage,
                alerts, names, qPrintable(loadAverage()));
    std::fflush(stdout);
    return true;
}

// Whether the move's thread made the outlook (`prepared`: how many it had
// made before), in how long (kept in `times`) and in how many statements
// on the thread's store (Database::statementsRun).
QString outlookMadeThere(EngineWorld &world, int prepared, std::vector<double> &times)
{
    if (world.service->outlooksPrepared() <= prepared)
        return QStringLiteral("no outlook made there");
    const double ms = world.service->lastPreparedOutlookMs();
    times.push_back(ms);
    return QStringLiteral("the outlook made there in %1 ms, %2 statements").arg(ms, 0, 'f', 1).arg(world.service->lastPreparedOutlookStatements());
}

// A jump to the next top-up on this thread (advanceToNextEvent: the
// outlook then built by the dashboard's queries), then the dashboard.
bool measureAfterJumpHere(EngineWorld &world)
{
    QElapsedTimer timer;
    timer.start();
    const Expected<std::optional<Instant>> next = world.service->advanceToNextEvent();
    if (!next)
        return fail(next.error());
    const double jumpMs = double(timer.nsecsElapsed()) / 1e6;
    world.jumpHereMs.push_back(jumpMs);
    std::printf("%-10s a jump here (advanceToNextEvent) to %s in %.1f ms; load %s\n", world.engine,
                *next ? qPrintable((*next)->toString()) : "nowhere", jumpMs, qPrintable(loadAverage()));
    return measureDashboard(world, world.afterJumpHere, "after a jump here");
}

// A jump as the line test panel makes it (startJumpToNextEvent: in a
// thread of its own, which then makes the outlook), waited for until
// jumpFinished, then the dashboard: what the window's thread waits for.
bool measureAfterJump(EngineWorld &world)
{
    Service &service = *world.service;
    const int prepared = service.outlooksPrepared();
    QEventLoop loop;
    std::optional<Expected<std::optional<Instant>>> next;
    const QMetaObject::Connection landed = QObject::connect(&service, &Service::jumpFinished, &loop,
                                                            [&](const Expected<std::optional<Instant>> &where) {
                                                                next.emplace(where);
                                                                loop.quit();
                                                            });
    QElapsedTimer timer;
    timer.start();
    if (const Expected<void> started = service.startJumpToNextEvent(); !started)
        return fail(started.error());
    loop.exec();
    const double jumpMs = double(timer.nsecsElapsed()) / 1e6;
    QObject::disconnect(landed);
    if (!next || !*next)
        return fail(next ? next->error() : QStringLiteral("the jump did not end"));
    world.jumpMs.push_back(jumpMs);
    const QString made = outlookMadeThere(world, prepared, world.jumpOutlookMs);
    std::printf("%-10s a jump (its own thread, %s) to %s in %.1f ms; load %s\n", world.engine, qPrintable(made),
                **next ? qPrintable((**next)->toString()) : "nowhere", jumpMs, qPrintable(loadAverage()));
    return measureDashboard(world, world.afterJump, "after a jump");
}

// A play step of 4.8 simulated hours as the app plays it (a day a second:
// the player's first tick after SimulationPlayer::tickMs moves it by a
// fifth of a day, in a thread of its own that then makes the outlook),
// stopped as it lands (worldAdvanced, waited for in an event loop), then
// the dashboard: what the window's thread waits for. The step's own time:
// from the tick to worldAdvanced (the start to worldAdvanced less the
// tick's 200 ms; Qt's coarse timer may fire it up to 10 ms late).
bool measureAfterStep(EngineWorld &world)
{
    Service &service = *world.service;
    const int prepared = service.outlooksPrepared();
    QEventLoop loop;
    QString error;
    const QMetaObject::Connection landed = QObject::connect(&service, &Service::worldAdvanced, &loop, [&] {
        service.stopPlaying(); // one step
        loop.quit();
    });
    const QMetaObject::Connection stopped = QObject::connect(&service, &Service::playStopped, &loop, [&](const QString &why) {
        if (!why.isEmpty()) {
            error = why;
            loop.quit();
        }
    });
    QElapsedTimer timer;
    timer.start();
    if (const Expected<void> playing = service.startPlaying(dayMs); !playing)
        return fail(playing.error());
    loop.exec();
    const double stepMs = double(timer.nsecsElapsed()) / 1e6 - SimulationPlayer::tickMs;
    QObject::disconnect(landed);
    QObject::disconnect(stopped);
    if (!error.isEmpty())
        return fail(error);
    world.stepMs.push_back(stepMs);
    const QString made = outlookMadeThere(world, prepared, world.stepOutlookMs);
    std::printf("%-10s a play step (its own thread, %s) in %.1f ms; load %s\n", world.engine, qPrintable(made), stepMs,
                qPrintable(loadAverage()));
    return measureDashboard(world, world.afterStep, "after a play step");
}

// A write (a line renamed: no input of the engine, the outlook kept), then the dashboard.
bool measureAfterWrite(EngineWorld &world, int run)
{
    if (const Expected<void> renamed = world.service->renameLine(1000, QStringLiteral("Line 1 (%1)").arg(run)); !renamed)
        return fail(renamed.error());
    return measureDashboard(world, world.afterWrite, "after a write");
}

// The plans of the dashboard's statements that read the large tables, as
// the store asks them (HistoryStore, WorldLoader), for account 1.
void printPlans(EngineWorld &world, test::PostgresServer &server, Instant now)
{
    const QString connection = QStringLiteral("bench_fleetengines_plans_%1").arg(QLatin1String(world.engine));
    {
        QSqlDatabase db = connectionTo(world, server, connection);
        if (!db.open()) {
            fail(db.lastError().text());
            return;
        }
        const QDate today = QDateTime::fromMSecsSinceEpoch(now.msecs(), QTimeZone("Europe/Berlin")).date();
        const QString month = QStringLiteral("'%1'").arg(today.toString(QStringLiteral("yyyy-MM")));
        const QString day31 = QStringLiteral("'%1'").arg(today.addDays(-30).toString(Qt::ISODate));
        const QString day7 = QStringLiteral("'%1'").arg(today.addDays(-7).toString(Qt::ISODate));
        const std::vector<std::pair<const char *, QString>> statements{
            {"30 days of usage, all lines",
             QStringLiteral("SELECT u.day, sum(u.data_bytes), sum(u.voice_seconds) FROM usage_daily u JOIN lines l ON l.id = u.line_id"
                            " WHERE l.account_id = 1 AND 0 = 0 AND u.day >= %1 GROUP BY u.day ORDER BY u.day")
                 .arg(day31)},
            {"today's usage, all lines (the chart, its past days kept)",
             QStringLiteral("SELECT u.day, sum(u.data_bytes), sum(u.voice_seconds) FROM usage_daily u JOIN lines l ON l.id = u.line_id"
                            " WHERE l.account_id = 1 AND 0 = 0 AND u.day >= '%1' GROUP BY u.day ORDER BY u.day")
                 .arg(today.toString(Qt::ISODate))},
            {"7 days of usage by line",
             QStringLiteral("SELECT u.line_id, u.day, u.data_bytes, u.voice_seconds FROM usage_daily u JOIN lines l ON l.id = u.line_id"
                            " WHERE l.account_id = 1 AND u.day >= %1 ORDER BY u.line_id, u.day")
                 .arg(day7)},
            {"this month's totals by line",
             QStringLiteral("SELECT line_id, sum(amount_cents) FROM attempts WHERE account_id = 1 AND month = %1 AND status = 'succeeded'"
                            " GROUP BY line_id")
                 .arg(month)},
            {"latest blocked by line",
             QStringLiteral("SELECT line_id, reason FROM (SELECT line_id, coalesce(reason, '') AS reason, row_number() OVER"
                            " (PARTITION BY line_id ORDER BY at_ms DESC, id DESC) AS latest FROM attempts WHERE account_id = 1"
                            " AND month = %1 AND status = 'blocked' AND trigger = 'threshold') ranked WHERE latest = 1")
                 .arg(month)},
            {"the run's spend (months)",
             QStringLiteral("SELECT line_id, month, sum(amount_cents) FROM attempts WHERE account_id = 1 AND status = 'succeeded'"
                            " AND month IN (%1) GROUP BY line_id, month")
                 .arg(month)},
            {"the lines", QStringLiteral("SELECT * FROM lines WHERE account_id = 1 AND state = 'active' ORDER BY id")},
            {"the latest 5 alerts",
             QStringLiteral("SELECT a.id FROM alerts a LEFT JOIN lines l ON l.id = a.line_id WHERE a.account_id = 1"
                            " ORDER BY a.at_ms DESC, a.id DESC LIMIT 5")},
        };
        std::printf("%s plans:\n", world.engine);
        for (const auto &[name, sql] : statements) {
            QSqlQuery query(db);
            if (!query.exec((world.url ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ")) + sql)) {
                std::printf("  %-30s (%s)\n", name, qPrintable(query.lastError().text()));
                continue;
            }
            QStringList steps;
            while (query.next())
                steps << (world.url ? query.value(0).toString().simplified() : query.value(3).toString());
            std::printf("  %-30s\n      %s\n", name, qPrintable(steps.join(QLatin1String(" | "))));
        }
    }
    QSqlDatabase::removeDatabase(connection);
}

bool measureDay(EngineWorld &world, int run, int lineCount, const test::PostgresServer &server, bool statements)
{
    const QString logPath = server.folder() + QStringLiteral("/server.log");
    const qint64 logOffset = QFileInfo(logPath).size();
    const double serverCpuBefore = world.url ? serverCpuSeconds(server.serverPid()) : 0;
    const double cpuBefore = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    const Expected<CatchUpSummary> done = world.service->advanceBy(dayMs);
    const double elapsed = double(timer.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    const double serverCpu = world.url ? serverCpuSeconds(server.serverPid()) - serverCpuBefore : 0;
    if (!done)
        return fail(done.error());
    world.daySeconds.push_back(elapsed);
    world.dayCpu.push_back(cpu);
    if (world.url)
        world.serverCpu.push_back(serverCpu);
    const QString charged = QStringLiteral("%1 top-ups, %2 failed, %3 blocked (%4)")
                                .arg(done->topUps)
                                .arg(done->failures)
                                .arg(done->blocked)
                                .arg(done->spend.toString());
    world.charged << charged;
    const QString serverPart = world.url ? QStringLiteral(", of the server %1 s").arg(serverCpu, 0, 'f', 3) : QString();
    std::printf("%-10s run %d: a day of %d lines in %.3f s (CPU of the benchmark %.3f s%s); %s; load %s\n", world.engine, run, lineCount,
                elapsed, cpu, qPrintable(serverPart), qPrintable(charged), qPrintable(loadAverage()));
    if (world.url && statements)
        printStatements(logPath, logOffset);
    std::fflush(stdout);
    return true;
}

QString minMedian(const std::vector<double> &values, const char *format)
{
    return QString::asprintf(format, *std::min_element(values.begin(), values.end()), bench::median(values));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int lineCount = argc > 1 ? std::max(1, atoi(argv[1])) : 2000;
    const int hourlyDays = argc > 2 ? std::max(0, atoi(argv[2])) : 30;
    const int runs = argc > 3 ? std::max(1, atoi(argv[3])) : 3;
    const QString only = qEnvironmentVariable("TOPUP_BENCH_ENGINES").toLower();
    if (!only.isEmpty() && only != QLatin1String("sqlite") && only != QLatin1String("postgresql")) {
        fail(QStringLiteral("TOPUP_BENCH_ENGINES is sqlite or postgresql (or unset for both), not \"%1\"").arg(only));
        return 1;
    }
    const bool statements = qEnvironmentVariableIntValue("TOPUP_BENCH_PG_STATEMENTS") != 0;
    const bool moves = qEnvironmentVariableIntValue("TOPUP_BENCH_PG_STATEMENTS") >= 2;
    const Instant now = *Instant::parse(u"2028-03-15T10:00:00Z");
    std::printf("%d lines, %d days of hourly roll-ups, %d runs; load %s\n", lineCount, hourlyDays, runs, qPrintable(loadAverage()));

    test::PostgresServer server(test::PostgresServer::Place::Disk);
    server.setFsync(true);
    // More of the server's settings, for trying them: TOPUP_BENCH_PG_SETTINGS="wal_buffers=16MB synchronous_commit=on".
    server.setSettings(qEnvironmentVariable("TOPUP_BENCH_PG_SETTINGS").split(QLatin1Char(' '), Qt::SkipEmptyParts));
    if (const Expected<void> started = server.start(); !started) {
        fail(started.error());
        return 1;
    }
    EngineWorld sqlite;
    sqlite.engine = "SQLite";
    EngineWorld postgresql;
    postgresql.engine = "PostgreSQL";
    const Expected<DatabaseUrl> url = DatabaseUrl::parse(server.url(QStringLiteral("fleet")));
    if (!url) {
        fail(url.error());
        return 1;
    }
    postgresql.url = *url;
    std::vector<EngineWorld *> worlds;
    if (only.isEmpty() || only == QLatin1String("sqlite"))
        worlds.push_back(&sqlite);
    if (only.isEmpty() || only == QLatin1String("postgresql"))
        worlds.push_back(&postgresql);
    for (EngineWorld *world : worlds) {
        if (!build(*world, server, now, lineCount, hourlyDays))
            return 1;
    }
    for (EngineWorld *world : worlds) {
        if (!measureDashboard(*world, world->asBuilt, "as built"))
            return 1;
    }
    for (int run = 1; run <= runs; ++run) {
        for (EngineWorld *world : worlds) {
            // The statements' log is on for the day only, not the dashboards after it.
            const bool logged = statements && world->url;
            if (logged && !logStatements(server, true))
                return 1;
            if (!measureDay(*world, run, lineCount, server, logged) || (logged && !logStatements(server, false)))
                return 1;
            // Each move with its statements' log on (TOPUP_BENCH_PG_STATEMENTS=2).
            const bool movesLogged = statements && moves && world->url;
            const auto profiled = [&](const char *what, bool (*measure)(EngineWorld &)) {
                if (!movesLogged)
                    return measure(*world);
                const QString logPath = server.folder() + QStringLiteral("/server.log");
                const qint64 logOffset = QFileInfo(logPath).size();
                if (!logStatements(server, true))
                    return false;
                const bool measured = measure(*world);
                if (!logStatements(server, false))
                    return false;
                std::printf("%-10s the statements of %s:\n", world->engine, what);
                printStatements(logPath, logOffset);
                std::fflush(stdout);
                return measured;
            };
            if (!measureDashboard(*world, world->afterDay, "after the day")
                || !profiled("a jump here and its dashboard", measureAfterJumpHere)
                || !profiled("a jump in its own thread and its dashboard", measureAfterJump)
                || !profiled("a play step and its dashboard", measureAfterStep) || !measureAfterWrite(*world, run))
                return 1;
        }
    }
    if (worlds.size() == 2 && sqlite.charged != postgresql.charged)
        std::printf("the two engines charged differently!\n");
    std::printf("\n%d lines, %d days of hourly roll-ups; min / median of %d runs; load %s\n", lineCount, hourlyDays, runs,
                qPrintable(loadAverage()));
    for (EngineWorld *world : worlds) {
        const QString serverCpu = world->url ? QStringLiteral(", of the server %1").arg(minMedian(world->serverCpu, "%.3f / %.3f s")) : QString();
        std::printf("%-10s a day of catch-up %s (CPU %s%s); %d outlooks ran the engine\n", world->engine,
                    qPrintable(minMedian(world->daySeconds, "%.3f / %.3f s")), qPrintable(minMedian(world->dayCpu, "%.3f / %.3f s")),
                    qPrintable(serverCpu), world->service->outlookRuns());
        std::printf("%-10s a jump here (advanceToNextEvent) %s; in its own thread, the outlook made there, %s; a play step so %s\n",
                    world->engine, qPrintable(minMedian(world->jumpHereMs, "%.1f / %.1f ms")),
                    qPrintable(minMedian(world->jumpMs, "%.1f / %.1f ms")), qPrintable(minMedian(world->stepMs, "%.1f / %.1f ms")));
        if (!world->jumpOutlookMs.empty() && !world->stepOutlookMs.empty())
            std::printf("%-10s   of which the outlook made in the thread: after the jump %s, after the play step %s\n", world->engine,
                        qPrintable(minMedian(world->jumpOutlookMs, "%.1f / %.1f ms")),
                        qPrintable(minMedian(world->stepOutlookMs, "%.1f / %.1f ms")));
        for (const auto &[when, dashboard] : {std::pair<const char *, const EngineWorld::Dashboard *>{"as built", &world->asBuilt},
                                              {"after a day", &world->afterDay},
                                              {"after a jump here", &world->afterJumpHere},
                                              {"after a jump", &world->afterJump},
                                              {"after a play step", &world->afterStep},
                                              {"after a write", &world->afterWrite}}) {
            std::printf("%-10s   dashboard %-17s %s (outlook %s, 30 days of usage %s, alerts %s, names %s)\n", world->engine, when,
                        qPrintable(minMedian(dashboard->sumMs, "%.1f / %.1f ms")), qPrintable(minMedian(dashboard->outlookMs, "%.1f / %.1f")),
                        qPrintable(minMedian(dashboard->usageMs, "%.1f / %.1f")), qPrintable(minMedian(dashboard->alertsMs, "%.1f / %.1f")),
                        qPrintable(minMedian(dashboard->namesMs, "%.1f / %.1f")));
        }
    }
    for (EngineWorld *world : worlds)
        printPlans(*world, server, now);
    QStringList onDisk;
    if (std::find(worlds.begin(), worlds.end(), &sqlite) != worlds.end())
        onDisk << QString::asprintf("SQLite's folder %.0f MB", double(folderBytes(sqlite.dir.path())) / 1e6);
    if (std::find(worlds.begin(), worlds.end(), &postgresql) != worlds.end())
        onDisk << QString::asprintf("PostgreSQL's cluster %.0f MB (both databases, the server's own and its write-ahead log)",
                                    double(folderBytes(server.folder() + QStringLiteral("/data"))) / 1e6);
    std::printf("on disk: %s\n", qPrintable(onDisk.join(QLatin1String("; "))));
    return 0;
}
