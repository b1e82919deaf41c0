// Playing the demo world at "1 day per second": the work each 200 ms tick
// puts on the GUI thread (Service::advanceBy of 4.8 simulated hours, with
// the signals it sends), tick by tick over simulated weeks. The target is
// no tick over 50 ms.
//
//   build/tests/bench/bench_play [simulated days]
#include "service/demoworld.h"
#include "service/service.h"
#include "service/simulationplayer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace topup;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int days = argc > 1 ? std::max(1, atoi(argv[1])) : 14;
    QTemporaryDir dir;
    Service::Options options;
    options.location = WorldLocation::folder(dir.path());
    options.fixedNow = *Instant::parse(u"2027-03-15T10:00:00Z");
    options.passwordIterations = 1000; // the demo's sign-up is not what is measured
    options.tokens = DemoWorld::tokens(1);
    Expected<std::unique_ptr<Service>> opened = Service::open(options);
    if (!opened) {
        std::fprintf(stderr, "bench_play: %s\n", qPrintable(opened.error()));
        return 1;
    }
    Service &service = **opened;
    if (const Expected<void> created = DemoWorld::create(service, 1); !created) {
        std::fprintf(stderr, "bench_play: %s\n", qPrintable(created.error()));
        return 1;
    }
    constexpr qint64 dayMs = 24LL * 3600 * 1000;
    const qint64 stepMs = dayMs * SimulationPlayer::tickMs / 1000; // 1 day per second
    const int ticks = int(qint64(days) * dayMs / stepMs);
    std::vector<double> ms;
    ms.reserve(std::size_t(ticks));
    for (int i = 0; i < ticks; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Expected<CatchUpSummary> step = service.advanceBy(stepMs);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!step) {
            std::fprintf(stderr, "bench_play: %s\n", qPrintable(step.error()));
            return 1;
        }
    }
    std::sort(ms.begin(), ms.end());
    const auto over = std::count_if(ms.begin(), ms.end(), [](double v) { return v > 50; });
    std::printf("play at 1 day/s on the demo world: %d ticks of %lld min over %d simulated days\n", ticks,
                static_cast<long long>(stepMs / 60000), days);
    std::printf("  per tick: median %.1f ms, 95th %.1f ms, max %.1f ms; %lld over 50 ms\n", ms[ms.size() / 2],
                ms[ms.size() * 95 / 100], ms.back(), static_cast<long long>(over));
    return 0;
}
