// Speed and memory of topup-sim's work on the big scenario (README,
// "Benchmarks"): read + engine + result writing, repeated, best and median.
// Not a test: scripts/test builds it, a person runs it.
//
//   build/tests/bench/bench_engine            # 50 lines, 5 runs
//   build/tests/bench/bench_engine --write big.json   # just write the scenario
#include "bigscenario.h"
#include "engine/engine.h"
#include "scenario/resultwriter.h"
#include "scenario/scenarioreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace topup;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QByteArray json = bench::bigScenario(50);
    if (args.size() == 3 && args[1] == QLatin1String("--write")) {
        QFile out(args[2]);
        if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(args[2]));
            return 1;
        }
        return 0;
    }

    std::vector<double> seconds;
    qint64 events = 0;
    std::size_t attempts = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const ScenarioReader::Result read = ScenarioReader::read(json);
        if (!read.world) {
            std::fprintf(stderr, "scenario invalid: %s\n", qPrintable(read.problems.front().message));
            return 1;
        }
        Engine engine(*read.world);
        const Outcome outcome = engine.run();
        const QByteArray result = writeResult(*read.world, outcome);
        seconds.push_back(double(timer.nsecsElapsed()) / 1e9);
        events = outcome.usageEvents;
        attempts = outcome.attempts.size();
        if (result.isEmpty())
            return 1;
    }
    std::sort(seconds.begin(), seconds.end());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("usage events: %lld, attempts: %zu\n", static_cast<long long>(events), attempts);
    std::printf("best %.3f s, median %.3f s, %.1f M events/s (best)\n", seconds.front(), seconds[seconds.size() / 2],
                double(events) / seconds.front() / 1e6);
    std::printf("peak resident memory: %.1f MB\n", double(usage.ru_maxrss) / 1024.0);
    return 0;
}
