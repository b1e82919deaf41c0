// Speed of the rules advisor (README, "Benchmarks"): one line's 90 days of
// hourly usage replayed under every candidate policy, and the engine's share
// of that time. Not a test: scripts/test builds it, a person runs it.
//
//   build/tests/bench/bench_advisor              # 5 runs of each, in turns
//   build/tests/bench/bench_advisor 9 heavy      # runs, usage profile
//
// In turns in one process: the whole advisor (Advisor::run: generating the
// candidates, building the replay, every engine run, summing up, ranking)
// and the engine runs alone (PolicyReplay::runEngine for the same
// candidates), so the share holds when the machine's speed drifts.
#include "advisor/advisor.h"
#include "advisor/candidatepolicies.h"
#include "advisor/policyreplay.h"
#include "domain/usageprofile.h"
#include "rules/zonedcalendar.h"
#include "sim/usagegenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace topup;

namespace {

constexpr qint64 hourMs = 3600 * 1000;
constexpr qint64 gigabyte = 1000 * 1000 * 1000;

// The home phone of the demo: Europe/Berlin, the five catalogue packages, a
// card and a wallet as fallback, a line cap and an account cap with the
// other lines' spend in it; 90 days of the profile's usage, hour by hour.
AdvisorInput homePhone(UsageProfile profile)
{
    AdvisorInput input;
    input.lineId = QStringLiteral("home");
    input.zone = QTimeZone(QByteArrayLiteral("Europe/Berlin"));
    input.from = Instant::fromMsecs(1798761600000); // 2027-01-01T00:00:00Z
    input.to = input.from.plusMsecs(90 * 24 * hourMs - 1000);
    const ZonedCalendar calendar(input.zone);
    UsageGenerator generator(profile, 17, 3600);
    for (qint64 at = input.from.msecs(); at <= input.to.msecs(); at += hourMs) {
        const UsageSample sample = generator.next(calendar.localMinuteOfDay(Instant::fromMsecs(at)) / 60);
        input.usage.push_back(UsageHour{Instant::fromMsecs(at), sample.dataBytes, sample.voiceSeconds});
    }
    input.startDataBytes = 2 * gigabyte;
    input.startVoiceSeconds = 60 * 60;
    input.packages = {
        Package{QStringLiteral("data-1gb"), DataAmount(1 * gigabyte), VoiceAmount(0), Money::fromCents(500)},
        Package{QStringLiteral("data-5gb"), DataAmount(5 * gigabyte), VoiceAmount(0), Money::fromCents(1500)},
        Package{QStringLiteral("data-20gb"), DataAmount(20 * gigabyte), VoiceAmount(0), Money::fromCents(3500)},
        Package{QStringLiteral("voice-100"), DataAmount(0), VoiceAmount(100 * 60), Money::fromCents(500)},
        Package{QStringLiteral("combo-10gb"), DataAmount(10 * gigabyte), VoiceAmount(300 * 60), Money::fromCents(2500)},
    };
    input.current.threshold = ThresholdTrigger{Resource::Data, 1 * gigabyte, QStringLiteral("data-5gb")};
    input.current.monthly = MonthlyTrigger{1, 9 * 60, QStringLiteral("voice-100")};
    input.current.monthlyCap = Money::fromCents(6000);
    input.current.method = QStringLiteral("visa");
    input.current.fallback = QStringLiteral("wallet");
    input.methods = {
        PaymentMethod{QStringLiteral("visa"), MethodKind::CreditCard, Money::fromCents(50000), YearMonth{2027, 2}},
        PaymentMethod{QStringLiteral("wallet"), MethodKind::PayPal, Money::fromCents(20000), std::nullopt},
    };
    input.accountCap = Money::fromCents(20000);
    input.spentBefore = {AdvisorMonthSpend{YearMonth{2027, 1}, Money(), 0, Money::fromCents(4500)},
                         AdvisorMonthSpend{YearMonth{2027, 2}, Money(), 0, Money::fromCents(6000)},
                         AdvisorMonthSpend{YearMonth{2027, 3}, Money(), 0, Money::fromCents(3000)}};
    return input;
}

// This thread's CPU time: on a shared machine the wall clock also counts the
// time other programs had the core.
double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int runs = args.size() > 1 ? std::max(1, args[1].toInt()) : 5;
    const std::optional<UsageProfile> profile = parseUsageProfile(args.size() > 2 ? args[2] : QStringLiteral("regular"));
    if (!profile) {
        std::fprintf(stderr, "unknown profile (light, regular, heavy, traveller)\n");
        return 1;
    }
    const AdvisorInput input = homePhone(*profile);
    const std::vector<Policy> candidates = CandidatePolicies::generate(input);

    std::vector<double> whole;
    std::vector<double> wholeCpu;
    std::vector<double> engineOnly;
    std::vector<double> engineOnlyCpu;
    std::size_t ranked = 0;
    qint64 attempts = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        double cpu = cpuSeconds();
        timer.start();
        const Expected<Advice> advice = Advisor::run(input);
        whole.push_back(double(timer.nsecsElapsed()) / 1e9);
        wholeCpu.push_back(cpuSeconds() - cpu);
        if (!advice) {
            std::fprintf(stderr, "advisor: %s\n", qPrintable(advice.error()));
            return 1;
        }
        ranked = advice->ranking.size();

        PolicyReplay replay(input);
        attempts = 0;
        cpu = cpuSeconds();
        timer.restart();
        for (const Policy &policy : candidates)
            attempts += qint64(replay.runEngine(policy).attempts.size());
        engineOnly.push_back(double(timer.nsecsElapsed()) / 1e9);
        engineOnlyCpu.push_back(cpuSeconds() - cpu);
    }
    std::printf("one line, %zu hours of usage (%s), %zu candidate policies (+ the current rules), %lld attempts in all\n",
                input.usage.size(), qPrintable(usageProfileName(*profile)), ranked, static_cast<long long>(attempts));
    const double best = *std::min_element(whole.begin(), whole.end());
    const double bestCpu = *std::min_element(wholeCpu.begin(), wholeCpu.end());
    std::printf("advisor, wall clock: best %.3f s, median %.3f s: %.0f candidates/s (best)\n", best, median(whole),
                double(ranked) / best);
    std::printf("advisor, CPU time: best %.3f s, median %.3f s: %.0f candidates/s (best)\n", bestCpu, median(wholeCpu),
                double(ranked) / bestCpu);
    std::printf("engine runs alone, wall clock: best %.3f s, median %.3f s; CPU time: best %.3f s, median %.3f s\n",
                *std::min_element(engineOnly.begin(), engineOnly.end()), median(engineOnly),
                *std::min_element(engineOnlyCpu.begin(), engineOnlyCpu.end()), median(engineOnlyCpu));
    std::printf("the engine's share of the advisor's time: %.0f %% (CPU time, medians)\n",
                100.0 * median(engineOnlyCpu) / median(wholeCpu));
    return 0;
}
