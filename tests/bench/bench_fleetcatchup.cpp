// Catching up a fleet: one account with N lines and a year of history
// (bench::buildFleet, straight into the store in one transaction), then
// the world moved on by `days` simulated days in one catch-up
// (Service::advanceBy, what a start after an absence or a play step runs),
// `runs` times in a row, each from where the last one ended. Each run
// prints its time and the CPU time the process used meanwhile (user +
// system: on a loaded machine the wall time is mostly waiting), the part of
// it on the thread that ran the catch-up (the rest: the store's checkpoint
// on a thread of its own), what it charged, and the process's peak resident memory
// during that run (VmHWM, reset before the run through
// /proc/self/clear_refs); at the end the min and median.
//
//   build/tests/bench/bench_fleetcatchup [lines] [days] [runs]     (default 2000 lines, 1 day, 5 runs)
//   build/tests/bench/bench_fleetcatchup 10000 1 5                 one simulated day of 10 000 lines
//   build/tests/bench/bench_fleetcatchup 10000 30 1                memory: 30 days of 10 000 lines
//   /usr/bin/time -f %M build/tests/bench/bench_fleetcatchup 10000 30 1   the whole process's peak (KB)
#include "fleetworld.h"
#include "benchmeasure.h"
#include "service/service.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace topup;
using topup::bench::cpuSeconds;
using topup::bench::threadCpuSeconds;

namespace {

constexpr qint64 dayMs = 24LL * 3600 * 1000;

// The peak resident memory since the last reset, in MB (VmHWM).
double peakResidentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return double(line.mid(6).trimmed().split(' ').front().toLongLong()) / 1024.0;
    }
    return -1;
}

// Sets the peak resident memory back to what the process holds now.
void resetPeakResident()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int lineCount = argc > 1 ? std::max(1, atoi(argv[1])) : 2000;
    const int days = argc > 2 ? std::max(1, atoi(argv[2])) : 1;
    const int runs = argc > 3 ? std::max(1, atoi(argv[3])) : 5;
    const Instant now = *Instant::parse(u"2028-03-15T10:00:00Z");
    // The card holds more than the fleet can spend: every top-up that is
    // not capped goes through.
    const std::unique_ptr<bench::Fleet> fleet = bench::openFleet("bench_fleetcatchup", now, lineCount, 900000000, 1);
    if (!fleet)
        return 1;
    Service &service = *fleet->service;
    // The first write after the fleet was written behind the engine's back
    // settles it; not what is measured. The lines it made below their
    // threshold top up at the first usage sample (since session 31 a resumed
    // run checks a line at its first millisecond only when something happens
    // to it there): the world is moved past it.
    if (const Expected<CatchUpSummary> settled = service.advanceBy(5 * 60 * 1000); !settled) {
        std::fprintf(stderr, "bench_fleetcatchup: %s\n", qPrintable(settled.error()));
        return 1;
    }
    std::vector<double> seconds;
    double peakMb = 0;
    for (int run = 0; run < runs; ++run) {
        resetPeakResident();
        const double cpuBefore = cpuSeconds();
        const double threadCpuBefore = threadCpuSeconds();
        QElapsedTimer timer;
        timer.start();
        const Expected<CatchUpSummary> done = service.advanceBy(qint64(days) * dayMs);
        const double elapsed = double(timer.nsecsElapsed()) / 1e9;
        const double runPeakMb = peakResidentMb();
        const double cpu = cpuSeconds() - cpuBefore;
        const double threadCpu = threadCpuSeconds() - threadCpuBefore;
        if (!done) {
            std::fprintf(stderr, "bench_fleetcatchup: %s\n", qPrintable(done.error()));
            return 1;
        }
        seconds.push_back(elapsed);
        peakMb = std::max(peakMb, runPeakMb);
        std::printf("run %d: %d lines x %d days caught up in %.3f s (CPU %.3f s, %.3f s of it on this thread); %lld usage samples, %d top-ups, %d failed, %d blocked (%s);"
                    " peak resident %.0f MB\n",
                    run + 1, lineCount, days, elapsed, cpu, threadCpu, static_cast<long long>(done->usageSamples), done->topUps, done->failures,
                    done->blocked, qPrintable(done->spend.toString()), runPeakMb);
        std::fflush(stdout);
    }
    std::printf("catch-up of %d lines x %d days, %d runs: min %.3f s, median %.3f s; peak resident during the runs %.0f MB\n", lineCount,
                days, runs, *std::min_element(seconds.begin(), seconds.end()), bench::median(seconds), peakMb);
    return 0;
}
