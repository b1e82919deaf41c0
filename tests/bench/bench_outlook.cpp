// The outlook of a fleet: one account with N lines (default 2 000) and a
// year of history (46 top-ups a line, a daily usage row per line and day),
// written straight into the store in one transaction (a few seconds, not
// thousands of setPolicy calls), then Service::outlook() timed: every line's
// balances, state, next top-ups (one run of the engine on a copy of the
// world), forecast, limits and low funds, in wall time and in the calling
// thread's CPU time (the outlook runs on it; other programs on a busy
// machine lengthen the wall time far more than the CPU time). For comparison, in the same run,
// what the dashboard's cards asked before (each card: attempts(400, line),
// dailyUsage(line, 8), spendThisMonth(line)) on the first 100 cards.
// The outlooks after it asks at the same clock with nothing written are the
// one kept (OutlookKeeper::keptOutlook; before 777dbc6 they took the run
// kept and read the store again); then the outlook after a line renamed,
// after a line's rules saved again and after a deposit to the card every
// line pays with, each write before each outlook.
//
//   build/tests/bench/bench_outlook [lines] [runs] [--tight]    (default 2000 lines, 7 runs)
//
// The fleet's lines are capped and pay with a company card that holds more
// than they could spend (450.00 a line: 900 000.00 at 2 000 lines; before
// session 29 it held 900 000.00 at any size, which 10 000 lines could run
// dry), so no line's future depends on another's and each is drawn only
// until its first top-ups are known (DryRun). --tight gives the card 100.00
// a line (200 000.00 at 2 000): then every line is drawn to the horizon.
#include "fleetworld.h"
#include "domain/engineid.h"
#include "service/service.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <ctime>
#include <vector>

using namespace topup;

namespace {

double cpuMs(clockid_t clock)
{
    timespec spent{};
    clock_gettime(clock, &spent);
    return double(spent.tv_sec) * 1e3 + double(spent.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int lineCount = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 2000;
    const int runs = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 7;
    // --tight: a card the fleet could run dry, so every line's future may
    // depend on every other's and the run draws them all to the horizon.
    const bool tight = app.arguments().contains(QStringLiteral("--tight"));
    const Instant now = *Instant::parse(u"2028-03-15T10:00:00Z");
    const std::unique_ptr<bench::Fleet> fleet = bench::openFleet("bench_outlook", now, lineCount, qint64(lineCount) * (tight ? 10000 : 45000));
    if (!fleet)
        return 1;
    Service &service = *fleet->service;

    QElapsedTimer timer;
    std::vector<double> outlookMs;
    std::vector<double> outlookCpuMs; // the program's CPU time, every thread: what the outlook costs whatever else runs
    std::vector<double> callerCpuMs;  // the calling thread's alone (a second engine runs half of the lines on its own thread)
    int topUps = 0;
    int drawnWhole = 0;
    for (int run = 0; run < runs; ++run) {
        const double cpuBefore = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
        const double callerBefore = cpuMs(CLOCK_THREAD_CPUTIME_ID);
        timer.restart();
        const Expected<Outlook> outlook = service.outlook();
        outlookMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        outlookCpuMs.push_back(cpuMs(CLOCK_PROCESS_CPUTIME_ID) - cpuBefore);
        callerCpuMs.push_back(cpuMs(CLOCK_THREAD_CPUTIME_ID) - callerBefore);
        if (!outlook) {
            std::fprintf(stderr, "%s\n", qPrintable(outlook.error()));
            return 1;
        }
        topUps = 0;
        drawnWhole = 0;
        for (const LineOutlook &line : outlook->lines) {
            topUps += int(line.topUps.size());
            drawnWhole += line.complete == outlook->horizon ? 1 : 0;
        }
    }
    // The first outlook makes the engine's run; the ones asked after it at
    // the same clock, nothing written, are the one kept.
    const std::vector<double> againMs(outlookMs.begin() + 1, outlookMs.end());
    const std::vector<double> againCallerMs(callerCpuMs.begin() + 1, callerCpuMs.end());
    std::printf("Service::outlook(), %d lines%s, the first (the run made): wall %.1f ms, CPU %.1f ms (the calling thread's %.1f ms)"
                " (%d top-ups ahead, to %s; %d lines complete to it)\n",
                lineCount, tight ? " (--tight)" : "", outlookMs.front(), outlookCpuMs.front(), callerCpuMs.front(), topUps,
                qPrintable(service.outlook()->horizon.toString()), drawnWhole);
    if (!againMs.empty())
        std::printf("asked again at the same clock, nothing written (the outlook kept): wall min %.1f ms, median %.1f ms;"
                    " the calling thread's CPU median %.1f ms (%d runs)\n",
                    *std::min_element(againMs.begin(), againMs.end()), bench::median(againMs), bench::median(againCallerMs), runs - 1);

    // After a write: each run writes once, then asks the outlook. A line
    // renamed touches no input of the engine (the same clock: the whole
    // outlook is kept, the name read again); a line's rules saved again
    // touch that line alone, on its own: it runs again alone from the clock
    // (the write's settle moved it by a millisecond), the rest of the run is
    // kept and every line read again (OutlookKeeper); the lines' outlooks
    // whose inputs are the same are taken from the last outlook, the line
    // written built again (OutlookBuilder::assemble). Before, either made
    // the whole run again.
    const Expected<Outlook> seen = service.outlook();
    if (!seen || seen->lines.empty())
        return 1;
    const LineOutlook &first = seen->lines.front();
    const auto afterWrites = [&](const char *what, const std::function<Expected<void>(int)> &write) {
        std::vector<double> wall;
        std::vector<double> caller;
        const int runsBefore = service.outlookRuns();
        const int takingBefore = service.outlooksTakingLines();
        for (int run = 0; run < runs; ++run) {
            if (const Expected<void> written = write(run); !written) {
                std::fprintf(stderr, "%s\n", qPrintable(written.error()));
                return false;
            }
            const double callerBefore = cpuMs(CLOCK_THREAD_CPUTIME_ID);
            timer.restart();
            const Expected<Outlook> outlook = service.outlook();
            wall.push_back(double(timer.nsecsElapsed()) / 1e6);
            caller.push_back(cpuMs(CLOCK_THREAD_CPUTIME_ID) - callerBefore);
            if (!outlook) {
                std::fprintf(stderr, "%s\n", qPrintable(outlook.error()));
                return false;
            }
        }
        std::printf("after %s: wall min %.1f ms, median %.1f ms; the calling thread's CPU median %.1f ms (%d runs, %d ran the engine,"
                    " %d built some lines only)\n",
                    what, *std::min_element(wall.begin(), wall.end()), bench::median(wall), bench::median(caller), runs,
                    service.outlookRuns() - runsBefore, service.outlooksTakingLines() - takingBefore);
        return true;
    };
    // A deposit to the card every line pays with: its funds change, and the
    // lines paying with it, on their own before and after, run as they did.
    const qint64 card = first.line.policy ? EngineId::methodRow(first.line.policy->method).value_or(0) : 0;
    if (!afterWrites("a line renamed", [&](int run) { return service.renameLine(first.line.id, QStringLiteral("Renamed %1").arg(run)); })
        || !afterWrites("a line's rules saved again", [&](int) { return service.setPolicy(first.line.id, first.line.policy); })
        || !afterWrites("a deposit to the card", [&](int) { return service.deposit(card, Money::fromCents(100)); }))
        return 1;

    // Before: each card asked the store on its own.
    const Expected<std::vector<LineRecord>> lines = service.lines();
    if (!lines)
        return 1;
    const int sample = std::min<int>(100, int(lines->size()));
    timer.restart();
    for (int i = 0; i < sample; ++i) {
        const qint64 id = (*lines)[std::size_t(i)].id;
        if (!service.attempts(400, id) || !service.dailyUsage(id, 8) || !service.spendThisMonth(id))
            return 1;
    }
    const double perCard = double(timer.nsecsElapsed()) / 1e6 / sample;
    std::printf("before, each card's own queries: %.2f ms a card (%d cards: about %.1f s)\n", perCard, lineCount,
                perCard * lineCount / 1000);
    return 0;
}
