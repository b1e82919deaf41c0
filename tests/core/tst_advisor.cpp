// The rules advisor (core/advisor) on lines worked out by hand: which rules it
// ranks first and what it says each would have done. Every figure below is
// computed in the comments from the usage, not taken from a run.
#include "testmain.h"
#include "advisor/advisor.h"
#include "advisor/candidatepolicies.h"
#include "checked.h"

#include <QTest>

#include <algorithm>
#include <atomic>

namespace tst_advisor {

using namespace topup;
using topup::test::at;

namespace {

constexpr qint64 megabyte = 1000 * 1000;
constexpr qint64 gigabyte = 1000 * megabyte;
constexpr qint64 hourMs = 3600 * 1000;

// 2027-01-01T00:00Z .. 2027-03-31T23:59:59Z in UTC: 90 days, January (31),
// February (28) and March (31).
AdvisorInput quarter()
{
    AdvisorInput input;
    input.lineId = QStringLiteral("phone");
    input.zone = QTimeZone::utc();
    input.from = at("2027-01-01T00:00:00Z");
    input.to = at("2027-03-31T23:59:59Z");
    input.packages = {
        Package{QStringLiteral("1GB"), DataAmount(1 * gigabyte), VoiceAmount(0), Money::fromCents(500)},
        Package{QStringLiteral("5GB"), DataAmount(5 * gigabyte), VoiceAmount(0), Money::fromCents(1500)},
    };
    input.methods = {PaymentMethod{QStringLiteral("card"), MethodKind::CreditCard, Money::fromCents(100000), YearMonth{2030, 12}}};
    input.current.method = QStringLiteral("card");
    return input;
}

// The same amount of data every day at 12:00 UTC, from the window's first day.
std::vector<UsageHour> daily(const AdvisorInput &input, qint64 bytes)
{
    std::vector<UsageHour> usage;
    for (qint64 t = input.from.msecs() + 12 * hourMs; t <= input.to.msecs(); t += 24 * hourMs)
        usage.push_back(UsageHour{Instant::fromMsecs(t), bytes, 0});
    return usage;
}

// 165 MB a day: 5 115 MB in January and March, 4 620 MB in February, from
// 200 MB. One 5 GB package a month is enough (see steadyLineIsAdvisedAMonthlyDay).
AdvisorInput steadyLine()
{
    AdvisorInput input = quarter();
    input.usage = daily(input, 165 * megabyte);
    input.startDataBytes = 200 * megabyte;
    input.current.threshold = ThresholdTrigger{Resource::Data, 100 * megabyte, QStringLiteral("1GB")};
    return input;
}

Advice advise(const AdvisorInput &input)
{
    return TOPUP_VALUE(Advisor::run(input));
}

bool hasMonthlyOnly(const CandidateResult &result, int day, const char *package)
{
    return !result.policy.threshold && result.policy.monthly && result.policy.monthly->day == day
        && result.policy.monthly->package == QLatin1String(package);
}

bool hasThresholdOnly(const CandidateResult &result, qint64 below, const char *package)
{
    return !result.policy.monthly && result.policy.threshold && result.policy.threshold->below == below
        && result.policy.threshold->package == QLatin1String(package);
}

// The candidate with these triggers, or a failed test.
CandidateResult find(const Advice &advice, const std::function<bool(const CandidateResult &)> &which, int *rank = nullptr)
{
    const auto found = std::find_if(advice.ranking.begin(), advice.ranking.end(), which);
    if (!QTest::qVerify(found != advice.ranking.end(), "find", "no such candidate", __FILE__, __LINE__))
        return {};
    if (rank)
        *rank = int(found - advice.ranking.begin()) + 1;
    return *found;
}

} // namespace

class TestAdvisor final : public QObject
{
    Q_OBJECT

private slots:
    void steadyLineIsAdvisedAMonthlyDay()
    {
        // 165 MB a day from 200 MB: 14 850 MB over the quarter, so at least
        // 14 650 MB must be bought; the cheapest way is 3 × 5 GB = 45.00
        // (2 × 5 GB + 5 × 1 GB = 55.00, 15 × 1 GB = 75.00), and no way to
        // 45.00 takes fewer than 3 top-ups.
        //
        // Monthly 5 GB on day 1 at 09:00: Jan 1 09:00 → 5 200 MB; 31 days of
        // 165 MB leave 85 MB (the last before-use balance is 250 MB); Feb 1
        // 09:00 → 5 085, February uses 4 620 → 465; Mar 1 09:00 → 5 465,
        // March uses 5 115 → 350. Never short, one top-up a month: 15.00 at
        // most in a month.
        //
        // A threshold of 200 MB with 5 GB also costs 45.00 in 3 top-ups, but
        // fires twice in January: Jan 1 12:00 (200 − 165 = 35 < 200) → 5 035;
        // 30 days later, Jan 31 12:00, 85 < 200 → 5 085; then Mar 2 12:00
        // (135) → 5 135. January's spend is 30.00.
        const Advice advice = advise(steadyLine());
        QVERIFY(advice.anyKeepsServed());
        const CandidateResult &best = advice.ranking.front();
        QVERIFY2(hasMonthlyOnly(best, 1, "5GB"), qPrintable(QStringLiteral("rank 1 is not monthly 5GB on day 1")));
        QCOMPARE(best.hoursWithoutService, 0);
        QCOMPARE(best.cost, Money::fromCents(4500));
        QCOMPARE(best.topUps, 3);
        QCOMPARE(best.largestMonthSpend, Money::fromCents(1500));
        QCOMPARE(best.largestMonth, (YearMonth{2027, 1}));
        QCOMPARE(best.dataLeftBytes, 350 * megabyte);

        int rank = 0;
        const CandidateResult threshold = find(advice, [](const CandidateResult &r) { return hasThresholdOnly(r, 200 * megabyte, "5GB"); }, &rank);
        QVERIFY(rank > 1);
        QCOMPARE(threshold.hoursWithoutService, 0);
        QCOMPARE(threshold.cost, Money::fromCents(4500));
        QCOMPARE(threshold.topUps, 3);
        QCOMPARE(threshold.largestMonth, (YearMonth{2027, 1}));
        QCOMPARE(threshold.largestMonthSpend, Money::fromCents(3000));
        QCOMPARE(threshold.dataLeftBytes, (5135 - 29 * 165) * megabyte);

        // Day 2 is a day late: Jan 1 12:00 leaves 35 MB, Jan 2 09:00 → 5 035,
        // and Feb 1 12:00 finds 85 MB for 165: short, and again each month.
        const CandidateResult dayTwo = find(advice, [](const CandidateResult &r) { return hasMonthlyOnly(r, 2, "5GB"); });
        QVERIFY(dayTwo.hoursWithoutService > 0);
        QCOMPARE(dayTwo.unservedDataBytes > 0, true);
    }

    void currentRulesAreReplayedToo()
    {
        // The current rules: below 100 MB buy 1 GB. Jan 1 12:00: 35 MB → 1 035
        // (5.00). 1 035 − 6 × 165 = 45 → fires on the 7th day after, and so on:
        // every top-up of 1 GB lands when the balance is under 100 MB, which
        // is under a day's 165 MB, so the next use after a balance of 100–164
        // MB runs short. They are replayed like any candidate.
        const Advice advice = advise(steadyLine());
        QVERIFY(advice.current.policy.threshold);
        QCOMPARE(advice.current.policy.threshold->below, 100 * megabyte);
        QVERIFY(advice.current.hoursWithoutService > 0);
        QVERIFY(Advisor::ranksBefore(advice.ranking.front(), advice.current));
    }

    void packageNoLongerOfferedIsReplayedNotSuggested()
    {
        // The current rules buy a 20 GB package for 10.00 that the line is no
        // longer offered. Jan 1 12:00: 200 − 165 = 35 MB < 100 MB → 20 035 MB,
        // and the 14 685 MB used after that never bring it back under 100 MB:
        // one top-up, 10.00, never short, 20 035 − 14 685 = 5 350 MB left.
        // Better than any candidate, yet none may buy it: the best is still
        // monthly 5 GB on day 1 (45.00).
        AdvisorInput input = steadyLine();
        const Package retired{QStringLiteral("20GB"), DataAmount(20 * gigabyte), VoiceAmount(0), Money::fromCents(1000)};
        input.currentOnly = {retired};
        input.current.threshold->package = retired.id;
        const Advice advice = advise(input);
        QCOMPARE(advice.current.topUps, 1);
        QCOMPARE(advice.current.cost, Money::fromCents(1000));
        QCOMPARE(advice.current.hoursWithoutService, 0);
        QCOMPARE(advice.current.dataLeftBytes, 5350 * megabyte);
        QVERIFY(Advisor::ranksBefore(advice.current, advice.ranking.front()));
        QVERIFY(hasMonthlyOnly(advice.ranking.front(), 1, "5GB"));
        QCOMPARE(qint64(advice.ranking.size()), CandidatePolicies::count(steadyLine()));
        for (const CandidateResult &result : advice.ranking) {
            QVERIFY(!result.policy.threshold || result.policy.threshold->package != retired.id);
            QVERIFY(!result.policy.monthly || result.policy.monthly->package != retired.id);
        }
    }

    void spikyLineIsAdvisedAThreshold()
    {
        // Nothing but three spikes of 2 GB (Jan 10, Feb 25 and Mar 3, 20:00)
        // from 500 MB. A monthly top-up must buy before Jan 10 every month
        // to serve the first spike: 3 × 5 GB = 45.00 at best (1 GB a month
        // leaves 1.5 GB for 2 GB on Jan 10).
        // A threshold of 3 GB with 5 GB buys at the start (500 MB < 3 GB) →
        // 5.5 GB; Jan 10 → 3.5 GB; Feb 25 → 1.5 GB < 3 GB → 6.5 GB; Mar 3 →
        // 4.5 GB. 30.00 in 2 top-ups, never short. So does 2 GB (the steps
        // are 2, 3 and 5 GB: from the busiest hour's 2 GB to twice the
        // busiest day's): between equals the larger margin ranks first. 5 GB
        // buys on Jan 10 too: 45.00.
        AdvisorInput input = quarter();
        input.startDataBytes = 500 * megabyte;
        for (const char *spike : {"2027-01-10T20:00:00Z", "2027-02-25T20:00:00Z", "2027-03-03T20:00:00Z"})
            input.usage.push_back(UsageHour{at(spike), 2 * gigabyte, 0});
        input.current.monthly = MonthlyTrigger{1, 9 * 60, QStringLiteral("1GB")};

        const Advice advice = advise(input);
        const CandidateResult &best = advice.ranking.front();
        QVERIFY2(hasThresholdOnly(best, 3 * gigabyte, "5GB"), qPrintable(QStringLiteral("rank 1 is not below 3 GB buy 5 GB")));
        QCOMPARE(best.hoursWithoutService, 0);
        QCOMPARE(best.cost, Money::fromCents(3000));
        QCOMPARE(best.topUps, 2);
        QCOMPARE(best.dataLeftBytes, 4500 * megabyte);

        int rank = 0;
        const CandidateResult lower = find(advice, [](const CandidateResult &r) { return hasThresholdOnly(r, 2 * gigabyte, "5GB"); }, &rank);
        QCOMPARE(rank, 2);
        QCOMPARE(lower.cost, Money::fromCents(3000));
        QCOMPARE(find(advice, [](const CandidateResult &r) { return hasThresholdOnly(r, 5 * gigabyte, "5GB"); }).cost,
                 Money::fromCents(4500));
        const CandidateResult monthly = find(advice, [](const CandidateResult &r) { return hasMonthlyOnly(r, 1, "5GB"); });
        QCOMPARE(monthly.hoursWithoutService, 0);
        QCOMPARE(monthly.cost, Money::fromCents(4500));

        // The current rules (1 GB on the 1st): 1.5 GB on Jan 10 serves 1.5 of
        // 2 GB; 1 GB on Feb 25 and on Mar 3: three hours short, 2.5 GB unserved.
        QCOMPARE(advice.current.hoursWithoutService, 3);
        QCOMPARE(advice.current.hoursWithoutData, 3);
        QCOMPARE(advice.current.unservedDataBytes, 2500 * megabyte);
        QCOMPARE(advice.current.cost, Money::fromCents(1500));
    }

    void capsBlockCandidates_data()
    {
        QTest::addColumn<std::optional<Money>>("lineCap");
        QTest::addColumn<std::optional<qint64>>("maxPerMonth");
        QTest::addColumn<Reason>("reason");
        QTest::newRow("line cap 15.00") << std::optional<Money>(Money::fromCents(1500)) << std::optional<qint64>() << Reason::BudgetCap;
        QTest::newRow("one a month") << std::optional<Money>() << std::optional<qint64>(1) << Reason::CountCap;
    }

    void capsBlockCandidates()
    {
        // The steady line with a cap of one 5 GB a month. The threshold of
        // 200 MB with 5 GB: Jan 1 12:00 buys (15.00); Jan 31 12:00 (85 MB) is
        // blocked — January has had its one — and the trigger waits for Feb 1
        // 00:00, where 85 MB < 200 MB buys again; no use falls in between, so
        // it is never short. 5 085 − 30 × 165 = 135 on Mar 2 12:00 buys the
        // third. 45.00, 3 top-ups, one blocked attempt; shown, not hidden.
        QFETCH(std::optional<Money>, lineCap);
        QFETCH(std::optional<qint64>, maxPerMonth);
        QFETCH(Reason, reason);
        AdvisorInput input = steadyLine();
        input.current.monthlyCap = lineCap;
        input.current.maxPerMonth = maxPerMonth;

        const Advice advice = advise(input);
        QVERIFY(hasMonthlyOnly(advice.ranking.front(), 1, "5GB"));
        QVERIFY(!advice.ranking.front().blocked());
        const CandidateResult threshold = find(advice, [](const CandidateResult &r) { return hasThresholdOnly(r, 200 * megabyte, "5GB"); });
        QVERIFY(threshold.blocked());
        QCOMPARE(threshold.blockedAttempts, 1);
        QCOMPARE(threshold.blockedBy, std::vector<Reason>{reason});
        QCOMPARE(threshold.hoursWithoutService, 0);
        QCOMPARE(threshold.cost, Money::fromCents(4500));
        QCOMPARE(threshold.topUps, 3);
        QCOMPARE(threshold.largestMonthSpend, Money::fromCents(1500));
        // Every candidate keeps the caps of the current rules.
        for (const CandidateResult &result : advice.ranking) {
            QCOMPARE(result.policy.monthlyCap, lineCap);
            QCOMPARE(result.policy.maxPerMonth, maxPerMonth);
        }
    }

    void accountCapWithOtherLinesTurnsTheAdvice()
    {
        // The account's cap is 40.00 and its other lines spent 30.00 in
        // February. Monthly 5 GB on day 1 is blocked on Feb 1 (30 + 15 > 40):
        // 85 MB left serves no day of February (28 hours short), and March's
        // 5 000 MB from 0 runs short on Mar 31 (5 000 − 30 × 165 = 50): 29.
        // A threshold of 300 MB buys at the start (200 < 300), on Jan 30
        // (250 MB; January 30.00 ≤ 40) and on Mar 2 (135), never in
        // February: never short, and now the best. 500 MB buys at the start,
        // on Jan 29 (415 MB) and on Feb 28 (465 MB): blocked; Mar 1 00:00
        // buys before the next use, so it is never short, but 5 465 MB
        // fall below 500 MB again on Mar 31 (350): 4 top-ups, 60.00.
        AdvisorInput input = steadyLine();
        input.accountCap = Money::fromCents(4000);
        input.spentBefore = {AdvisorMonthSpend{YearMonth{2027, 2}, Money(), 0, Money::fromCents(3000)}};

        const Advice advice = advise(input);
        QVERIFY(hasThresholdOnly(advice.ranking.front(), 300 * megabyte, "5GB"));
        QCOMPARE(advice.ranking.front().hoursWithoutService, 0);
        QCOMPARE(advice.ranking.front().cost, Money::fromCents(4500));
        QCOMPARE(advice.ranking.front().largestMonthSpend, Money::fromCents(3000));
        QVERIFY(!advice.ranking.front().blocked());
        const CandidateResult higher = find(advice, [](const CandidateResult &r) { return hasThresholdOnly(r, 500 * megabyte, "5GB"); });
        QCOMPARE(higher.blockedBy, std::vector<Reason>{Reason::AccountBudgetCap});
        QCOMPARE(higher.blockedAttempts, 1);
        QCOMPARE(higher.hoursWithoutService, 0);
        QCOMPARE(higher.topUps, 4);
        QCOMPARE(higher.cost, Money::fromCents(6000));
        const CandidateResult monthly = find(advice, [](const CandidateResult &r) { return hasMonthlyOnly(r, 1, "5GB"); });
        QCOMPARE(monthly.blockedBy, std::vector<Reason>{Reason::AccountBudgetCap});
        QCOMPARE(monthly.blockedAttempts, 1);
        QCOMPARE(monthly.hoursWithoutService, 29);
        QCOMPARE(monthly.topUps, 2);
    }

    void priorSpendOfTheFirstMonthCounts()
    {
        // The line already bought one 5 GB in January before the window and
        // may buy one a month: January's monthly top-up on day 1 is blocked,
        // so 200 MB runs out on Jan 2 (35 MB for 165).
        AdvisorInput input = steadyLine();
        input.current.maxPerMonth = 1;
        input.spentBefore = {AdvisorMonthSpend{YearMonth{2027, 1}, Money::fromCents(1500), 1, Money()}};
        const Advice advice = advise(input);
        const CandidateResult monthly = find(advice, [](const CandidateResult &r) { return hasMonthlyOnly(r, 1, "5GB"); });
        QCOMPARE(monthly.blockedBy, std::vector<Reason>{Reason::CountCap});
        QCOMPARE(monthly.hoursWithoutService, 30); // Jan 2..31
        QCOMPARE(monthly.topUps, 2);
        QCOMPARE(monthly.dataLeftBytes, (5380 - 5115) * megabyte); // Feb 1: 5 000 → 380; Mar 1: 5 380
    }

    void noCandidateKeepsTheLineServed()
    {
        // The card holds 20.00 and there is no fallback: at most 6 GB can be
        // bought (5 GB + 1 GB), so 200 MB + 6 000 MB = 6 200 MB serves 37
        // days of 165 MB (6 105) and the 38th runs short: 53 hours short at
        // the least. Threshold 200 MB with 1 GB plus 5 GB monthly on day 1
        // does exactly that: 5 GB on Jan 1, 1 GB on Jan 31 (85 MB), then the
        // card is empty; 1 085 MB lasts Feb 1..6, Feb 7 is short.
        AdvisorInput input = steadyLine();
        input.methods.front().funds = Money::fromCents(2000);
        const Advice advice = advise(input);
        QVERIFY(!advice.anyKeepsServed());
        QCOMPARE(advice.ranking.front().hoursWithoutService, 90 - 37);
        for (const CandidateResult &result : advice.ranking)
            QVERIFY(result.hoursWithoutService >= 53);
        QVERIFY(std::is_sorted(advice.ranking.begin(), advice.ranking.end(), Advisor::ranksBefore));
        const CandidateResult both = find(advice, [](const CandidateResult &r) {
            return r.policy.threshold && r.policy.threshold->below == 200 * megabyte && r.policy.threshold->package == QLatin1String("1GB")
                && r.policy.monthly && r.policy.monthly->day == 1 && r.policy.monthly->package == QLatin1String("5GB");
        });
        QCOMPARE(both.hoursWithoutService, 53);
        QCOMPARE(both.cost, Money::fromCents(2000));
        QVERIFY(both.failedCharges > 0);
    }

    void rankingOrder_data()
    {
        QTest::addColumn<int>("field"); // which field b is worse in
        QTest::newRow("hours without service") << 0;
        QTest::newRow("cost") << 1;
        QTest::newRow("top-ups") << 2;
        QTest::newRow("largest month") << 3;
        QTest::newRow("blocked attempts") << 4;
        QTest::newRow("order") << 5;
    }

    void rankingOrder()
    {
        // b is worse than a in one field and better in every later one: a
        // comes first, so the earlier field decides.
        QFETCH(int, field);
        CandidateResult a;
        CandidateResult b;
        const auto set = [](CandidateResult &r, int f, int value) {
            switch (f) {
            case 0: r.hoursWithoutService = value; break;
            case 1: r.cost = Money::fromCents(value); break;
            case 2: r.topUps = value; break;
            case 3: r.largestMonthSpend = Money::fromCents(value); break;
            case 4: r.blockedAttempts = value; break;
            default: r.order = value; break;
            }
        };
        set(a, field, 1);
        set(b, field, 2);
        for (int later = field + 1; later <= 5; ++later) {
            set(a, later, 9);
            set(b, later, 0);
        }
        QVERIFY(Advisor::ranksBefore(a, b));
        QVERIFY(!Advisor::ranksBefore(b, a));
    }

    void progressAndCancel()
    {
        const AdvisorInput input = steadyLine();
        const int candidates = int(CandidatePolicies::generate(input).size());
        std::vector<std::pair<int, int>> calls;
        const Expected<Advice> advice = Advisor::run(input, nullptr, [&calls](int done, int total) { calls.emplace_back(done, total); });
        TOPUP_VERIFY_OK(advice);
        QCOMPARE(int(advice->ranking.size()), candidates);
        QVERIFY(calls.size() >= 50 && calls.size() <= 101);
        QCOMPARE(calls.back(), std::make_pair(candidates + 1, candidates + 1));
        for (std::size_t i = 1; i < calls.size(); ++i)
            QVERIFY(calls[i].first > calls[i - 1].first);

        // Cancelled from the progress callback, as another thread would.
        std::atomic_bool cancel{false};
        int lastDone = 0;
        const Expected<Advice> stopped = Advisor::run(input, &cancel, [&](int done, int) {
            lastDone = done;
            if (done >= candidates / 4)
                cancel = true;
        });
        TOPUP_VERIFY_OK(stopped);
        QVERIFY(stopped->cancelled);
        QVERIFY(stopped->ranking.empty());
        QVERIFY(lastDone < candidates / 2);
    }

    void sameInputSameRanking()
    {
        const Advice first = advise(steadyLine());
        const Advice second = advise(steadyLine());
        QCOMPARE(first.ranking.size(), second.ranking.size());
        for (std::size_t i = 0; i < first.ranking.size(); ++i) {
            QCOMPARE(first.ranking[i].order, second.ranking[i].order);
            QCOMPARE(first.ranking[i].cost, second.ranking[i].cost);
        }
    }

    void unfitInput_data()
    {
        QTest::addColumn<int>("defect");
        QTest::addColumn<QString>("words");
        QTest::newRow("no method") << 0 << QStringLiteral("no payment method");
        QTest::newRow("unknown fallback") << 1 << QStringLiteral("\"wallet\"");
        QTest::newRow("no packages") << 2 << QStringLiteral("no package");
        QTest::newRow("current package unknown") << 3 << QStringLiteral("\"10GB\"");
        QTest::newRow("usage outside") << 4 << QStringLiteral("outside the period");
        QTest::newRow("usage out of order") << 5 << QStringLiteral("not after the hour before");
        QTest::newRow("ends before it starts") << 6 << QStringLiteral("before it starts");
        QTest::newRow("package twice") << 7 << QStringLiteral("listed twice");
        QTest::newRow("deposit to unknown method") << 8 << QStringLiteral("\"bank\"");
        QTest::newRow("offered and no longer offered") << 10 << QStringLiteral("\"5GB\" is listed twice");
        // 13 data packages: 4 steps × 13 thresholds, 13 × 29 monthly days and
        // 52 × 377 pairs: 20 033 (12 packages would make 17 100).
        QTest::newRow("too many candidates") << 9 << QStringLiteral("13 packages make 20033 candidate rules, more than the 20000");
    }

    void unfitInput()
    {
        QFETCH(int, defect);
        QFETCH(QString, words);
        AdvisorInput input = steadyLine();
        switch (defect) {
        case 0: input.current.method.clear(); break;
        case 1: input.current.fallback = QStringLiteral("wallet"); break;
        case 2: input.packages.clear(); break;
        case 3: input.current.threshold->package = QStringLiteral("10GB"); break;
        case 4: input.usage.push_back(UsageHour{at("2027-04-01T12:00:00Z"), 1, 0}); break;
        case 5: std::swap(input.usage[3], input.usage[4]); break;
        case 6: input.to = at("2026-12-31T00:00:00Z"); break;
        case 7: input.packages.push_back(input.packages.front()); break;
        case 8: input.deposits.push_back(AdvisorDeposit{at("2027-01-05T00:00:00Z"), QStringLiteral("bank"), Money::fromCents(100)}); break;
        case 10: input.currentOnly.push_back(input.packages.back()); break;
        default:
            for (int i = 3; i <= 13; ++i)
                input.packages.push_back(Package{QStringLiteral("extra-%1").arg(i), DataAmount(i * gigabyte), VoiceAmount(0), Money::fromCents(i * 400)});
            break;
        }
        const Expected<Advice> advice = Advisor::run(input);
        QVERIFY(!advice);
        QVERIFY2(advice.error().contains(words), qPrintable(advice.error()));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestAdvisor)
} // namespace tst_advisor
#include "tst_advisor.moc"
