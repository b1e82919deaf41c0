// The opening figures of bench_store: see benchopening.h.
#include "benchopening.h"

#include "service/service.h"
#include "service/worldfiles.h"
#include "store/database.h"
#include "store/integritycheck.h"
#include "store/journalgateway.h"
#include "store/storeschema.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace topup;

namespace {

void report(const char *what, const QString &error)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(error));
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Min and median of a set of timings, in ms.
struct Spread
{
    double min = 0;
    double median = 0;
};

Spread spreadOf(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    if (ms.empty())
        return {};
    const std::size_t n = ms.size();
    return {ms.front(), n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2};
}

void printSpread(const char *what, const std::vector<double> &ms)
{
    const Spread spread = spreadOf(ms);
    std::printf("  %-62s min %8.1f ms  median %8.1f ms  first %8.1f ms  (%zu runs)\n", what, spread.min, spread.median,
                ms.empty() ? 0.0 : ms.front(), ms.size());
}

double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').value(0).toDouble() : -1;
}

} // namespace

// Opening the store at `path` (closed, no write-ahead log beside it), in
// turns: cleanly closed (header, schema and marker checks; the full check
// deferred), after an unclean shutdown (a log beside the file, here kept by
// a second connection: the full check at open, as every open did before),
// the full check alone (what the background thread reads), and the whole
// Service::open of a world folder holding that store.
int timeOpening(const QString &path, int runs)
{
    if (QFile::exists(path + QLatin1String("-wal"))) {
        std::fprintf(stderr, "%s: a write-ahead log is beside it; close what holds it first\n", qPrintable(path));
        return 1;
    }
    // The first open of a process also lists the schema's tables in memory.
    double firstOpenMs = 0;
    {
        QElapsedTimer timer;
        timer.start();
        const Expected<std::shared_ptr<Database>> db = Database::open(path, storeSchema());
        firstOpenMs = msSince(timer);
        if (!db) {
            report("first open", db.error());
            return 1;
        }
    }
    QTemporaryDir worldDir;
    const QString world = worldDir.filePath(QStringLiteral("world"));
    if (!QDir().mkpath(world) || !QFile::copy(path, QDir(world).filePath(QStringLiteral("topup.sqlite")))) {
        std::fprintf(stderr, "cannot copy %s into a world folder\n", qPrintable(path));
        return 1;
    }
    {
        // The copy gets a journal with the same identity: a world the service opens.
        const QString store = QDir(world).filePath(QStringLiteral("topup.sqlite"));
        Expected<std::shared_ptr<Database>> db = Database::open(store, storeSchema());
        Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::open(QDir(world).filePath(QStringLiteral("gateway.sqlite")));
        if (!db || !journal) {
            report("world", db ? journal.error() : db.error());
            return 1;
        }
        const Expected<QString> known = (*db)->worldId();
        if (!known) {
            report("world id", known.error());
            return 1;
        }
        const QString id = known->isEmpty() ? WorldFiles::newWorldId() : *known;
        if (known->isEmpty()) {
            if (const Expected<void> set = (*db)->setWorldId(id); !set) {
                report("world id", set.error());
                return 1;
            }
        }
        if (const Expected<void> set = (*journal)->setWorldId(id); !set) {
            report("journal id", set.error());
            return 1;
        }
    }

    std::printf("opening %s (%.1f MB, closed cleanly), %d runs in turns, load average %.2f at the start:\n", qPrintable(path),
                double(QFile(path).size()) / 1e6, runs, loadAverage());
    std::vector<double> clean, unclean, full, service, serviceClose, stop;
    for (int run = 0; run < runs; ++run) {
        {
            QElapsedTimer timer;
            timer.start();
            Expected<std::shared_ptr<Database>> db = Database::open(path, storeSchema());
            clean.push_back(msSince(timer));
            if (!db || (*db)->vouched() != Database::Vouched::Deferred) {
                report("clean open", db ? QStringLiteral("the full check ran") : db.error());
                return 1;
            }
        }
        {
            // Another connection that has read the file keeps its log there
            // (read-write: closing last, it folds the log away again).
            sqlite3 *other = nullptr;
            sqlite3_open_v2(path.toUtf8().constData(), &other, SQLITE_OPEN_READWRITE, nullptr);
            sqlite3_exec(other, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
            const bool logged = QFile::exists(path + QLatin1String("-wal"));
            QElapsedTimer timer;
            timer.start();
            Expected<std::shared_ptr<Database>> db = Database::open(path, storeSchema());
            unclean.push_back(msSince(timer));
            const bool checked = db && (*db)->vouched() == Database::Vouched::Full;
            db = Expected<std::shared_ptr<Database>>::failure(QString());
            sqlite3_close(other);
            if (!logged || !checked) {
                report("unclean open", QStringLiteral("no log beside the file, or the full check did not run"));
                return 1;
            }
        }
        {
            QElapsedTimer timer;
            timer.start();
            const IntegrityCheck::Result result = IntegrityCheck::run(path);
            full.push_back(msSince(timer));
            if (result.verdict != IntegrityCheck::Verdict::Ok) {
                report("full check", result.problem);
                return 1;
            }
        }
        {
            Service::Options options;
            options.location = WorldLocation::folder(world);
            QElapsedTimer timer;
            timer.start();
            Expected<std::unique_ptr<Service>> opened = Service::open(options);
            service.push_back(msSince(timer));
            if (!opened) {
                report("Service::open", opened.error());
                return 1;
            }
            const bool checking = (*opened)->integrity() == Service::Integrity::Checking;
            timer.restart();
            opened = Expected<std::unique_ptr<Service>>::failure(QString()); // stops the background check
            serviceClose.push_back(msSince(timer));
            if (!checking) {
                report("Service::open", QStringLiteral("no background check"));
                return 1;
            }
        }
        {
            // How soon stop() ends a check that is under way (sqlite3_interrupt).
            IntegrityCheck check({path});
            check.start();
            QThread::msleep(50);
            QElapsedTimer timer;
            timer.start();
            check.stop();
            stop.push_back(msSince(timer));
        }
    }
    std::printf("  %-62s %8.1f ms\n", "the process's first Database::open, closed cleanly", firstOpenMs);
    printSpread("Database::open, closed cleanly (header, schema, marker)", clean);
    printSpread("Database::open after an unclean shutdown (full quick_check) = before", unclean);
    printSpread("the full check alone (IntegrityCheck::run, background)", full);
    printSpread("Service::open of the world folder, closed cleanly", service);
    printSpread("~Service right after, stopping its background check", serviceClose);
    printSpread("IntegrityCheck::stop 50 ms into the check", stop);
    std::printf("  load average at the end: %.2f\n", loadAverage());
    return 0;
}
