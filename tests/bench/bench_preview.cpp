// The rules preview of one line in a fleet: one account with N lines
// (default 2 000) and a year of history (fleetworld), no account cap, the
// lines paying with a company card that holds more than they could all
// spend. Times Service::previewPolicy (30 days) of one line with new rules,
// run alone (nothing ties the line to the others), and in the same run the
// preview that runs every line, on the same store reopened.
//
//   build/tests/bench/bench_preview [lines] [runs]    (default 2000 lines, 7 runs)
#include "fleetworld.h"
#include "service/service.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace topup;

namespace {

// Times `runs` previews of `lineId` with `policy` on `service`; false when one fails.
bool timePreviews(Service &service, qint64 lineId, const Policy &policy, int runs, std::vector<double> &ms, int &topUps)
{
    QElapsedTimer timer;
    for (int run = 0; run < runs; ++run) {
        timer.restart();
        const Expected<LineOutlook> preview = service.previewPolicy(lineId, policy, 30);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!preview) {
            std::fprintf(stderr, "%s\n", qPrintable(preview.error()));
            return false;
        }
        topUps = int(preview->topUps.size());
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int lineCount = argc > 1 ? std::max(2, QByteArray(argv[1]).toInt()) : 2000;
    const int runs = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 7;
    const Instant now = *Instant::parse(u"2028-03-15T10:00:00Z");
    const std::unique_ptr<bench::Fleet> fleet = bench::openFleet("bench_preview", now, lineCount, 90000000);
    if (!fleet)
        return 1;
    // The second line (the first pays with the small wallet as a fallback):
    // its rules with a lower threshold and a monthly top-up added.
    const Expected<std::vector<LineRecord>> lines = fleet->service->lines();
    if (!lines || lines->size() < 2 || !(*lines)[1].policy) {
        std::fprintf(stderr, "bench_preview: no second line with rules\n");
        return 1;
    }
    const qint64 lineId = (*lines)[1].id;
    const qint64 accountId = fleet->service->account()->id;
    Policy policy = *(*lines)[1].policy;
    policy.threshold->below = policy.threshold->below / 2;
    if (!policy.monthly)
        policy.monthly = MonthlyTrigger{20, 9 * 60, policy.threshold->package};

    std::vector<double> aloneMs;
    std::vector<double> wholeMs;
    int aloneTopUps = 0;
    int wholeTopUps = 0;
    if (!timePreviews(*fleet->service, lineId, policy, runs, aloneMs, aloneTopUps))
        return 1;
    // The same store, every line run.
    fleet->service.reset();
    Service::Options options;
    options.location = WorldLocation::folder(fleet->dir.path());
    options.fixedNow = now;
    options.passwordIterations = 1000;
    options.narrowPreviews = false;
    Expected<std::unique_ptr<Service>> whole = Service::open(options);
    if (!whole || !(*whole)->actAs(accountId)) {
        std::fprintf(stderr, "bench_preview: could not reopen the store\n");
        return 1;
    }
    if (!timePreviews(**whole, lineId, policy, runs, wholeMs, wholeTopUps))
        return 1;
    std::printf("previewPolicy of one line, 30 days, %d lines, min / median of %d:\n", lineCount, runs);
    std::printf("  the line alone     %8.1f / %8.1f ms (%d top-ups)\n", *std::min_element(aloneMs.begin(), aloneMs.end()),
                bench::median(aloneMs), aloneTopUps);
    std::printf("  every line run     %8.1f / %8.1f ms (%d top-ups)\n", *std::min_element(wholeMs.begin(), wholeMs.end()),
                bench::median(wholeMs), wholeTopUps);
    return aloneTopUps == wholeTopUps ? 0 : 1;
}
