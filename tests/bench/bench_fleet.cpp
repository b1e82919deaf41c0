// A fleet on one machine: one account with N lines and a year of history
// (bench::buildFleet: straight into the store in one transaction), then
// what grows with the number of lines, timed in one run:
//  - status: what `topup-sim status` does with nothing to catch up
//    (catchUpToNow, the lines, each line's spend this month), with every
//    line's spend in one query (as status asks now) and, side by side, one
//    spendThisMonth(line) a line (as status asked before);
//  - a single write: setPolicy of one line, deposit onto the card;
//  - a play step: advanceBy of 4.8 simulated hours (what each 200 ms tick
//    of "1 day per second" asks; it runs in a thread of its own), then
//    playing for 5 s: how long the GUI thread is held at a time;
//  - creating the lines one by one (addLine + setPolicy) in a new world:
//    a line's time in the first tenth against the last (--skip-one-by-one).
//
//   build/tests/bench/bench_fleet [lines] [runs]     (default 2000 lines, 5 runs)
//   build/tests/bench/bench_fleet 10000 3 --skip-per-line   (the per-line status takes minutes there)
#include "fleetworld.h"
#include "service/service.h"
#include "service/simulationplayer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace topup;

namespace {

struct Timing final
{
    double min = 0;
    double median = 0;
    double max = 0;
};

// Runs `step` `runs` times; false when a run failed (its message printed).
bool timeRuns(int runs, const std::function<QString()> &step, Timing &timing)
{
    std::vector<double> ms;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QString error = step();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "bench_fleet: %s\n", qPrintable(error));
            return false;
        }
    }
    timing = Timing{*std::min_element(ms.begin(), ms.end()), bench::median(ms), *std::max_element(ms.begin(), ms.end())};
    return true;
}

void report(const char *what, int lineCount, int runs, const Timing &timing)
{
    std::printf("%-52s %6d lines: min %9.1f ms, median %9.1f ms, max %9.1f ms (%d runs)\n", what, lineCount, timing.min, timing.median,
                timing.max, runs);
}

// What status prints for each line: its auto and manual spend. The sum of
// all lines' cents, so both ways can be checked to agree.
template<typename SpendOf>
QString statusPass(Service &service, qint64 &totalCents, SpendOf spendOf)
{
    const Expected<CatchUpSummary> away = service.catchUpToNow();
    if (!away)
        return away.error();
    const Expected<std::vector<LineRecord>> lines = service.lines();
    if (!lines)
        return lines.error();
    totalCents = 0;
    return spendOf(*lines, totalCents);
}

// Playing at 1 day per second for five seconds of real time, as the
// window does: how long the event loop (the GUI thread) was held at a
// time, from a heartbeat every 5 ms (the gaps between beats, less the 5
// ms), how much simulated time passed, and how long stopping took (it
// waits for the running step).
bool playing(Service &service, int lineCount)
{
    constexpr qint64 dayMs = 24LL * 3600 * 1000;
    const Expected<Instant> from = service.worldClock();
    if (!from)
        return false;
    std::vector<double> gaps;
    QElapsedTimer beat;
    QTimer heart;
    heart.setInterval(5);
    heart.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heart, &QTimer::timeout, [&] {
        gaps.push_back(std::max(0.0, double(beat.nsecsElapsed()) / 1e6 - 5));
        beat.restart();
    });
    QString error;
    QObject::connect(&service, &Service::playStopped, [&](const QString &why) { error = why; });
    QEventLoop loop;
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    QElapsedTimer real;
    real.start();
    if (const Expected<void> started = service.startPlaying(dayMs); !started) {
        std::fprintf(stderr, "bench_fleet: %s\n", qPrintable(started.error()));
        return false;
    }
    beat.start();
    heart.start();
    loop.exec();
    heart.stop();
    QElapsedTimer stopping;
    stopping.start();
    service.stopPlaying();
    const double stopMs = double(stopping.nsecsElapsed()) / 1e6;
    const double seconds = double(real.nsecsElapsed()) / 1e9;
    const Expected<Instant> to = service.worldClock();
    if (!to || !error.isEmpty() || gaps.empty()) {
        std::fprintf(stderr, "bench_fleet: playing stopped: %s\n", qPrintable(error));
        return false;
    }
    std::sort(gaps.begin(), gaps.end());
    std::printf("%-52s %6d lines: event loop held median %.1f ms, 99th percentile %.1f ms, at most %.1f ms;"
                " %.2f simulated days a second (asked 1); stopping took %.0f ms\n",
                "playing at 1 day a second for 5 s", lineCount, gaps[gaps.size() / 2], gaps[gaps.size() * 99 / 100], gaps.back(),
                double(to->msecs() - from->msecs()) / double(dayMs) / seconds, stopMs);
    return true;
}

// A fleet created the way a person (or a script through the service) does
// it: `lineCount` lines one by one, each added and given its rules (a
// settle), in a new world. The time a line takes, first tenth against last
// tenth: equal when creating them is linear, ten times more when quadratic.
bool oneByOne(int lineCount, Instant now)
{
    QTemporaryDir dir;
    Service::Options options;
    options.location = WorldLocation::folder(dir.path());
    options.fixedNow = now;
    options.passwordIterations = 1000;
    Expected<std::unique_ptr<Service>> opened = Service::open(options);
    if (!opened || !(*opened)->startClockAt(now)
        || !(*opened)->signUp(SignUpForm{QStringLiteral("one@example.com"), QStringLiteral("Fleet-Bench-2028"), QStringLiteral("EUR"),
                                         QStringLiteral("Europe/Berlin"), std::nullopt}))
        return false;
    Service &service = **opened;
    const Expected<MethodRecord> card = service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Fleet Owner"),
                                                                 QStringLiteral("4111 1111 1111 1111"), QStringLiteral("09/31"),
                                                                 QStringLiteral("123"), Money::fromCents(90000000)});
    const Expected<std::vector<PackageRecord>> packages = service.packages();
    if (!card || !packages || packages->empty())
        return false;
    QString dataPackage;
    for (const PackageRecord &record : *packages) {
        if (record.package.data.bytes() > 0 && dataPackage.isEmpty())
            dataPackage = record.package.id;
    }
    const int tenth = std::max(1, lineCount / 10);
    std::vector<double> firstTenth;
    std::vector<double> lastTenth;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < lineCount; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Line %1").arg(i + 1), {}, UsageProfile::Regular,
                                                                   quint64(i), DataAmount(5000LL * 1000 * 1000), VoiceAmount()});
        if (!line)
            return false;
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, 1000LL * 1000 * 1000, dataPackage};
        policy.monthlyCap = Money::fromCents(9000);
        policy.method = card->engineId();
        if (const Expected<void> saved = service.setPolicy(line->id, policy); !saved) {
            std::fprintf(stderr, "bench_fleet: %s\n", qPrintable(saved.error()));
            return false;
        }
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (i < tenth)
            firstTenth.push_back(ms);
        else if (i >= lineCount - tenth)
            lastTenth.push_back(ms);
    }
    std::printf("%-52s %6d lines: %.1f s in all; a line (addLine + setPolicy) takes %.2f ms in the first tenth, %.2f ms in the last"
                " (medians)\n",
                "creating the lines one by one", lineCount, double(total.nsecsElapsed()) / 1e9, bench::median(firstTenth),
                bench::median(lastTenth));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int lineCount = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 2000;
    const int runs = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 5;
    const bool skipPerLine = app.arguments().contains(QStringLiteral("--skip-per-line"));
    const Instant now = *Instant::parse(u"2028-03-15T10:00:00Z");
    const std::unique_ptr<bench::Fleet> fleet = bench::openFleet("bench_fleet", now, lineCount, 90000000, 1);
    if (!fleet)
        return 1;
    Service &service = *fleet->service;
    const Expected<std::vector<LineRecord>> lines = service.lines();
    const Expected<std::vector<MethodRecord>> methods = service.methods();
    if (!lines || !methods || lines->empty() || methods->empty())
        return 1;
    const LineRecord first = lines->front();
    const qint64 cardId = methods->front().id;
    // The first write settles the world the bench wrote behind the engine's
    // back (the lines already below their threshold top up): not timed.
    if (const Expected<void> settled = service.deposit(cardId, Money::fromCents(1)); !settled) {
        std::fprintf(stderr, "bench_fleet: %s\n", qPrintable(settled.error()));
        return 1;
    }

    Timing timing;
    qint64 groupedCents = 0;
    const auto grouped = [&](const std::vector<LineRecord> &all, qint64 &cents) {
        const Expected<std::map<qint64, MonthSpend>> spend = service.spendThisMonthByLine();
        if (!spend)
            return spend.error();
        for (const LineRecord &line : all) {
            if (const auto found = spend->find(line.id); found != spend->end())
                cents += (found->second.autoSpend + found->second.manualSpend).cents();
        }
        return QString();
    };
    if (!timeRuns(runs, [&] { return statusPass(service, groupedCents, grouped); }, timing))
        return 1;
    report("status, every line's spend in one query", lineCount, runs, timing);
    if (!skipPerLine) {
        qint64 perLineCents = 0;
        const auto perLine = [&](const std::vector<LineRecord> &all, qint64 &cents) {
            for (const LineRecord &line : all) {
                const Expected<MonthSpend> spend = service.spendThisMonth(line.id);
                if (!spend)
                    return spend.error();
                cents += (spend->autoSpend + spend->manualSpend).cents();
            }
            return QString();
        };
        if (!timeRuns(runs, [&] { return statusPass(service, perLineCents, perLine); }, timing))
            return 1;
        report("status, one spendThisMonth a line (before)", lineCount, runs, timing);
        if (perLineCents != groupedCents) {
            std::fprintf(stderr, "bench_fleet: the spend differs: %lld cents in one query, %lld line by line\n",
                         static_cast<long long>(groupedCents), static_cast<long long>(perLineCents));
            return 1;
        }
    }
    std::printf("  (this month's auto and manual spend of all lines: %lld cents)\n", static_cast<long long>(groupedCents));

    // One line's cap moved back and forth.
    int flip = 0;
    if (!timeRuns(runs, [&] {
            Policy policy = *first.policy;
            policy.monthlyCap = Money::fromCents(++flip % 2 ? 9100 : 9000);
            const Expected<void> saved = service.setPolicy(first.id, policy);
            return saved ? QString() : saved.error();
        }, timing))
        return 1;
    report("setPolicy of one line", lineCount, runs, timing);
    if (!timeRuns(runs, [&] {
            const Expected<void> paid = service.deposit(cardId, Money::fromCents(100));
            return paid ? QString() : paid.error();
        }, timing))
        return 1;
    report("deposit onto the card", lineCount, runs, timing);

    constexpr qint64 dayMs = 24LL * 3600 * 1000;
    const qint64 stepMs = dayMs * SimulationPlayer::tickMs / 1000; // 1 day per second
    if (!timeRuns(runs, [&] {
            const Expected<CatchUpSummary> step = service.advanceBy(stepMs);
            return step ? QString() : step.error();
        }, timing))
        return 1;
    report("a play step's work (advanceBy 4.8 simulated hours)", lineCount, runs, timing);
    if (!playing(service, lineCount))
        return 1;
    if (!app.arguments().contains(QStringLiteral("--skip-one-by-one")) && !oneByOne(lineCount, now))
        return 1;
    return 0;
}
