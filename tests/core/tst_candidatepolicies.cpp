// The candidate policies the rules advisor tries (core/advisor/candidatepolicies).
#include "testmain.h"
#include "advisor/candidatepolicies.h"
#include "checked.h"

#include <QTest>

#include <algorithm>
#include <set>

namespace tst_candidatepolicies {

using namespace topup;
using topup::test::at;

namespace {

constexpr qint64 megabyte = 1000 * 1000;
constexpr qint64 hourMs = 3600 * 1000;

std::vector<UsageHour> hours(std::initializer_list<std::pair<qint64, qint64>> offsetsAndBytes)
{
    std::vector<UsageHour> usage;
    for (const auto &[hour, bytes] : offsetsAndBytes)
        usage.push_back(UsageHour{Instant::fromMsecs(hour * hourMs), bytes, 0});
    return usage;
}

AdvisorInput input()
{
    AdvisorInput input;
    input.zone = QTimeZone::utc();
    input.from = Instant::fromMsecs(0);
    input.to = Instant::fromMsecs(30 * 24 * hourMs);
    input.packages = {
        Package{QStringLiteral("data"), DataAmount(1000 * megabyte), VoiceAmount(0), Money::fromCents(500)},
        Package{QStringLiteral("voice"), DataAmount(0), VoiceAmount(6000), Money::fromCents(500)},
        Package{QStringLiteral("combo"), DataAmount(5000 * megabyte), VoiceAmount(18000), Money::fromCents(2500)},
    };
    input.current.method = QStringLiteral("card");
    input.current.fallback = QStringLiteral("wallet");
    input.current.monthlyCap = Money::fromCents(3000);
    input.current.maxPerMonth = 4;
    input.current.monthly = MonthlyTrigger{15, 18 * 60 + 30, QStringLiteral("data")};
    return input;
}

} // namespace

class TestCandidatePolicies final : public QObject
{
    Q_OBJECT

private slots:
    void thresholdSteps_data()
    {
        QTest::addColumn<std::vector<UsageHour>>("usage");
        QTest::addColumn<std::vector<qint64>>("steps");
        // Busiest hour 160 MB: from 100 MB; busiest 24 hours 160 MB: to the
        // first step not below 320 MB.
        QTest::newRow("one use a day") << hours({{12, 160 * megabyte}, {36, 160 * megabyte}})
                                       << std::vector<qint64>{100 * megabyte, 200 * megabyte, 300 * megabyte, 500 * megabyte};
        // Two uses 23 hours apart are one day's 400 MB; 24 hours apart are not.
        QTest::newRow("23 hours apart") << hours({{0, 200 * megabyte}, {23, 200 * megabyte}})
                                        << std::vector<qint64>{200 * megabyte, 300 * megabyte, 500 * megabyte, 750 * megabyte,
                                                               1000 * megabyte};
        QTest::newRow("24 hours apart") << hours({{0, 200 * megabyte}, {24, 200 * megabyte}})
                                        << std::vector<qint64>{200 * megabyte, 300 * megabyte, 500 * megabyte};
        // An exact step is its own lower end.
        QTest::newRow("exactly 2 GB") << hours({{5, 2000 * megabyte}})
                                      << std::vector<qint64>{2000 * megabyte, 3000 * megabyte, 5000 * megabyte};
        // Below the smallest step and above the largest: the ends of the ladder.
        QTest::newRow("tiny") << hours({{5, 1}}) << std::vector<qint64>{10 * megabyte};
        QTest::newRow("nothing") << hours({}) << std::vector<qint64>{10 * megabyte};
        QTest::newRow("huge") << hours({{5, 400'000 * megabyte}}) << std::vector<qint64>{100'000 * megabyte};
    }

    void thresholdSteps()
    {
        QFETCH(std::vector<UsageHour>, usage);
        QFETCH(std::vector<qint64>, steps);
        QCOMPARE(CandidatePolicies::thresholdSteps(Resource::Data, usage), steps);
    }

    void voiceSteps()
    {
        // 4 minutes in one hour and 5 in the next: the busiest hour's 5 min
        // is a step, so from 5 min; 9 in a day: to the first step not below
        // 18 min, 20 min.
        std::vector<UsageHour> usage{UsageHour{Instant::fromMsecs(0), 0, 240}, UsageHour{Instant::fromMsecs(hourMs), 0, 300}};
        QCOMPARE(CandidatePolicies::thresholdSteps(Resource::Voice, usage),
                 (std::vector<qint64>{300, 600, 900, 1200}));
    }

    void monthlyDays()
    {
        const std::vector<int> days = CandidatePolicies::monthlyDays();
        QCOMPARE(days.size(), std::size_t(29));
        QCOMPARE(days.front(), 1);
        QCOMPARE(days[27], 28);
        QCOMPARE(days.back(), 31);
    }

    void dataOnlyLine()
    {
        // Data only, busiest hour and day 160 MB: 4 steps × the 2 packages
        // with data; monthly: the 2 packages with data × 29 days; and every
        // pair of the two.
        AdvisorInput line = input();
        line.usage = hours({{12, 160 * megabyte}});
        const std::vector<Policy> policies = CandidatePolicies::generate(line);
        const std::size_t thresholds = 4 * 2;
        const std::size_t monthlies = 2 * 29;
        QCOMPARE(policies.size(), thresholds + monthlies + thresholds * monthlies);

        std::set<QString> seen;
        for (std::size_t i = 0; i < policies.size(); ++i) {
            const Policy &policy = policies[i];
            QVERIFY(policy.enabled);
            QCOMPARE(policy.method, QStringLiteral("card"));
            QCOMPARE(policy.fallback, QStringLiteral("wallet"));
            QCOMPARE(policy.monthlyCap, std::optional<Money>(Money::fromCents(3000)));
            QCOMPARE(policy.maxPerMonth, std::optional<qint64>(4));
            QCOMPARE(i < thresholds + monthlies, !(policy.threshold && policy.monthly));
            if (policy.threshold) {
                QCOMPARE(policy.threshold->resource, Resource::Data);
                QVERIFY(policy.threshold->package != QLatin1String("voice"));
            }
            if (policy.monthly) {
                QCOMPARE(policy.monthly->minuteOfDay, 18 * 60 + 30); // the current rules' time
                QVERIFY(policy.monthly->package != QLatin1String("voice"));
            }
            const QString key = QStringLiteral("%1/%2/%3/%4")
                                    .arg(policy.threshold ? policy.threshold->below : -1)
                                    .arg(policy.threshold ? policy.threshold->package : QString())
                                    .arg(policy.monthly ? policy.monthly->day : -1)
                                    .arg(policy.monthly ? policy.monthly->package : QString());
            QVERIFY2(seen.insert(key).second, qPrintable(key));
        }
    }

    void bothResourcesAndTheCurrentThreshold()
    {
        // Data and voice used: thresholds on each, with the packages that add
        // it; the current threshold's 150 MB joins the data steps.
        AdvisorInput line = input();
        line.usage = hours({{12, 160 * megabyte}});
        line.usage.push_back(UsageHour{Instant::fromMsecs(13 * hourMs), 0, 240});
        line.current.threshold = ThresholdTrigger{Resource::Data, 150 * megabyte, QStringLiteral("data")};
        const std::vector<Policy> policies = CandidatePolicies::generate(line);
        std::set<qint64> dataBelow;
        std::set<QString> voicePackages;
        std::size_t thresholdsOnly = 0;
        for (const Policy &policy : policies) {
            if (policy.threshold && !policy.monthly) {
                ++thresholdsOnly;
                if (policy.threshold->resource == Resource::Data)
                    dataBelow.insert(policy.threshold->below);
                else
                    voicePackages.insert(policy.threshold->package);
            }
        }
        QCOMPARE(dataBelow, (std::set<qint64>{100 * megabyte, 150 * megabyte, 200 * megabyte, 300 * megabyte, 500 * megabyte}));
        QCOMPARE(voicePackages, (std::set<QString>{QStringLiteral("voice"), QStringLiteral("combo")}));
        // 5 data steps × 2 packages; voice 4 min in an hour and in a day:
        // from 2 min to the first step not below 8 min (2, 5, 10 min) × 2.
        QCOMPARE(thresholdsOnly, std::size_t(5 * 2 + 3 * 2));
        const std::size_t monthlies = 3 * 29;
        QCOMPARE(policies.size(), thresholdsOnly + monthlies + thresholdsOnly * monthlies);
    }

    void unusedLineWatchesData()
    {
        AdvisorInput line = input();
        line.current.monthly.reset();
        const std::vector<Policy> policies = CandidatePolicies::generate(line);
        QVERIFY(!policies.empty());
        for (const Policy &policy : policies) {
            if (policy.threshold)
                QCOMPARE(policy.threshold->resource, Resource::Data);
            if (policy.monthly)
                QCOMPARE(policy.monthly->minuteOfDay, 9 * 60); // no current monthly: 09:00
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestCandidatePolicies)
} // namespace tst_candidatepolicies
#include "tst_candidatepolicies.moc"
