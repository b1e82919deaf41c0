// The History page over a million attempts: the fleet of bench_outlook
// (N lines, default 2 000, a year of usage and top-ups) topped up to M
// attempts (default 1 000 000) spread over the last year, written straight
// into the store with one INSERT … SELECT (seconds, not the engine). Then:
// the page opened (built, shown at 1280×800 and painted once), scrolled a
// screen at a time through 20 000 rows (each step painted; the table fetches
// a page by key as it reaches the end), and every attempt exported as CSV
// (streamed from the store a page at a time), with the process's peak
// resident memory before and after the export.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_historypage [lines] [attempts] [runs]    (default 2000, 1000000, 3)
#include "fleetworld.h"
#include "pages/historypage.h"
#include "service/service.h"

#include <QApplication>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <ctime>
#include <limits>
#include <cstdio>
#include <vector>

using namespace topup;

namespace {

constexpr qint64 dayMs = 24LL * 3600 * 1000;

// The process's peak resident memory (VmHWM), in MB.
// CPU time of this process so far, in ms: steadier than the wall clock on a shared machine.
double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double peakMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024;
    }
    return 0;
}

// Adds attempts until the store holds `total`: the fleet's lines in turn,
// spread evenly over the year before `now` and written in the order of time
// (as the engine writes them while the clock moves), one in twenty failed
// and one in twenty blocked, each of its own chain. One statement.
bool topUpTo(const QString &storePath, qint64 accountId, int lineCount, Instant now, qint64 total)
{
    const QString connection = QStringLiteral("bench_historypage_fill");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(storePath);
        QSqlQuery fill(db);
        ok = db.open() && db.transaction()
             && fill.prepare(QStringLiteral(
                 "WITH RECURSIVE n(i) AS (SELECT (SELECT count(*) FROM attempts) UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?),"
                 " card AS (SELECT id, token FROM methods WHERE account_id = ? AND kind = 'credit_card'),"
                 " package AS (SELECT min(id) AS id FROM packages WHERE account_id = ?)"
                 " INSERT INTO attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt, method_id, method_token,"
                 " package_id, amount_cents, status, reason)"
                 " SELECT ?, 1000 + n.i % ?, ? - (? - n.i) * (? / ?), strftime('%Y-%m', (? - (? - n.i) * (? / ?)) / 1000, 'unixepoch'),"
                 " 'threshold', 'bench/' || n.i, 1, CASE WHEN n.i % 20 = 0 THEN NULL ELSE card.id END,"
                 " CASE WHEN n.i % 20 = 0 THEN NULL ELSE card.token END, package.id, 1500,"
                 " CASE n.i % 20 WHEN 0 THEN 'blocked' WHEN 1 THEN 'failed' ELSE 'succeeded' END,"
                 " CASE n.i % 20 WHEN 0 THEN 'budget_cap' WHEN 1 THEN 'declined' END"
                 " FROM n, card, package"));
        if (ok) {
            const qint64 instants = total; // the year cut into as many instants as attempts
            // buildFleet numbers its lines from 1000.
            for (const QVariant &value : {QVariant(total), QVariant(accountId), QVariant(accountId), QVariant(accountId),
                                          QVariant(lineCount), QVariant(now.msecs()), QVariant(instants), QVariant(365 * dayMs),
                                          QVariant(instants), QVariant(now.msecs()), QVariant(instants), QVariant(365 * dayMs), QVariant(instants)})
                fill.addBindValue(value);
            ok = fill.exec() && db.commit();
            if (!ok)
                std::fprintf(stderr, "%s\n", qPrintable(fill.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    bench::preferOffscreen();
    QApplication app(argc, argv);
    const int lineCount = int(bench::countArgument(argc, argv, 1, 2000));
    const qint64 attemptCount = bench::countArgument(argc, argv, 2, 1000000);
    const int runs = int(bench::countArgument(argc, argv, 3, 3));
    const Instant now = bench::historyNow();
    QElapsedTimer timer;
    timer.start();
    const std::unique_ptr<bench::Fleet> fleet = bench::openHistoryFleet("bench_historypage", lineCount);
    if (!fleet)
        return 1;
    Service *const service = fleet->service.get();
    const QTemporaryDir &dir = fleet->dir;
    const QString storePath = fleet->storePath();
    if (!topUpTo(storePath, service->account()->id, lineCount, now, attemptCount)) {
        std::fprintf(stderr, "could not build the world\n");
        return 1;
    }
    const Expected<std::vector<AttemptRow>> newest = service->attempts(1);
    if (!newest || newest->empty())
        return 1;
    std::printf("built %d lines and %lld attempts in %.2f s (%.0f MB)\n", lineCount, static_cast<long long>(attemptCount),
                double(timer.nsecsElapsed()) / 1e9, double(QFileInfo(storePath).size()) / 1e6);

    std::vector<double> builtMs, openMs, stepMedianMs, stepMaxMs, exportMs, exportCpuMs, pagedReadCpuMs, streamReadCpuMs;
    int rowsShown = 0;
    int exported = 0;
    double peakBefore = 0;
    double peakAfter = 0;
    for (int run = 0; run < runs; ++run) {
        // Opening: built, shown and painted once (the default range, the last 90 days).
        timer.restart();
        HistoryPage page(*service);
        builtMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        page.resize(1280, 800);
        page.show();
        (void)page.grab();
        openMs.push_back(double(timer.nsecsElapsed()) / 1e6);

        // Scrolling a screen at a time to 20 000 rows, each step painted.
        QTableView *table = page.table();
        std::vector<double> steps;
        while (table->model()->rowCount() < 20000 && steps.size() < 5000) {
            timer.restart();
            QScrollBar *bar = table->verticalScrollBar();
            bar->setValue(bar->value() + bar->pageStep());
            QCoreApplication::processEvents(); // the view fetches the next page here when it reached the end
            table->viewport()->repaint();
            steps.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        rowsShown = table->model()->rowCount();
        stepMedianMs.push_back(bench::median(steps));
        stepMaxMs.push_back(*std::max_element(steps.begin(), steps.end()));

        // Exporting every attempt: the range opened to the first day.
        auto *from = page.findChild<QDateEdit *>(QStringLiteral("fromDate"));
        from->setMinimumDate(QDate(2000, 1, 1));
        from->setDate(QDate(2000, 1, 1));
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        peakBefore = peakMegabytes();
        timer.restart();
        const double cpuBefore = cpuMs();
        const Expected<int> written = page.exportCsv(path);
        exportMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        exportCpuMs.push_back(cpuMs() - cpuBefore);
        peakAfter = peakMegabytes();
        if (!written) {
            std::fprintf(stderr, "%s\n", qPrintable(written.error()));
            return 1;
        }
        exported = *written;

        // Reading alone, in turns: every attempt by key pages of 5 000
        // through attempts() (the export before), and in one walk through
        // eachAttempt() (now).
        const AttemptFilter all{0, std::nullopt, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()};
        double started = cpuMs();
        qint64 pagedRows = 0;
        std::optional<HistoryKey> after;
        for (bool more = true; more;) {
            const Expected<std::vector<AttemptRow>> page = service->attempts(all, 5000, after);
            if (!page)
                return 1;
            pagedRows += qint64(page->size());
            more = page->size() == 5000;
            if (more)
                after = HistoryKey{page->back().at, page->back().id};
        }
        pagedReadCpuMs.push_back(cpuMs() - started);
        started = cpuMs();
        const Expected<int> streamed = service->eachAttempt(all, [](const AttemptRow &) { return Expected<void>(); });
        streamReadCpuMs.push_back(cpuMs() - started);
        if (!streamed || *streamed != pagedRows) {
            std::fprintf(stderr, "the two reads disagree\n");
            return 1;
        }
    }
    std::printf("History over %lld attempts, %d runs: min / median\n", static_cast<long long>(attemptCount), runs);
    std::printf("  opened and painted                      %8.1f / %8.1f ms\n", *std::min_element(openMs.begin(), openMs.end()),
                bench::median(openMs));
    std::printf("  of which built (queries, models, chart)  %8.1f / %8.1f ms\n", *std::min_element(builtMs.begin(), builtMs.end()),
                bench::median(builtMs));
    std::printf("  a screen scrolled and painted, median   %8.2f / %8.2f ms (to %d rows)\n",
                *std::min_element(stepMedianMs.begin(), stepMedianMs.end()), bench::median(stepMedianMs), rowsShown);
    std::printf("  a screen scrolled and painted, slowest  %8.2f / %8.2f ms\n", *std::min_element(stepMaxMs.begin(), stepMaxMs.end()),
                bench::median(stepMaxMs));
    std::printf("  CSV export of %d rows                %8.0f / %8.0f ms (%.0f MB; peak resident %.0f MB before, %.0f MB after)\n",
                exported, *std::min_element(exportMs.begin(), exportMs.end()), bench::median(exportMs),
                double(QFileInfo(dir.filePath(QStringLiteral("export.csv"))).size()) / 1e6, peakBefore, peakAfter);
    std::printf("  CSV export, CPU time                     %8.0f / %8.0f ms\n", *std::min_element(exportCpuMs.begin(), exportCpuMs.end()),
                bench::median(exportCpuMs));
    std::printf("  reading every attempt, CPU: pages of 5 000 (before) %8.0f / %8.0f ms, one walk (now) %8.0f / %8.0f ms\n",
                *std::min_element(pagedReadCpuMs.begin(), pagedReadCpuMs.end()), bench::median(pagedReadCpuMs),
                *std::min_element(streamReadCpuMs.begin(), streamReadCpuMs.end()), bench::median(streamReadCpuMs));
    return 0;
}
