#include "testmain.h"
#include "service/forecast.h"

#include <QTest>

namespace tst_forecast {

using namespace topup;

namespace {

constexpr qint64 day = UsageForecast::dayMs;
constexpr qint64 mb = 1000 * 1000;
const Instant t0 = Instant::fromMsecs(1'800'000'000'000);

} // namespace

class TestForecast final : public QObject
{
    Q_OBJECT

private slots:
    void compute_data()
    {
        QTest::addColumn<qint64>("remaining");
        QTest::addColumn<QList<qint64>>("recent");
        QTest::addColumn<qint64>("below"); // -1: no threshold
        QTest::addColumn<qint64>("periodDays");
        QTest::addColumn<qint64>("perDay");
        QTest::addColumn<qint64>("runOutMs");    // -1: none
        QTest::addColumn<qint64>("thresholdMs"); // -1: none
        QTest::addColumn<qint64>("allowance");
        QTest::addColumn<bool>("beforePeriodEnd");

        // 700 MB over 7 days = 100 MB/day; 1 GB left lasts 10 days; below 500 MB after 5 days + one byte.
        QTest::newRow("steady pace") << 1000 * mb << QList<qint64>{100 * mb, 100 * mb, 100 * mb, 100 * mb, 100 * mb, 100 * mb, 100 * mb}
                                     << 500 * mb << qint64(20) << 100 * mb << 10 * day << (5 * day + 1 * day / (100 * mb))
                                     << 50 * mb << true;
        QTest::newRow("uneven days average") << 300 * mb << QList<qint64>{0, 0, 0, 0, 0, 0, 700 * mb} << qint64(-1)
                                             << qint64(2) << 100 * mb << 3 * day << qint64(-1) << 150 * mb << false;
        QTest::newRow("no use: no run-out") << 300 * mb << QList<qint64>{0, 0, 0} << 100 * mb << qint64(3) << qint64(0)
                                            << qint64(-1) << qint64(-1) << 100 * mb << false;
        QTest::newRow("already below the threshold") << 50 * mb << QList<qint64>{70 * mb} << 100 * mb << qint64(1)
                                                     << 70 * mb << (50 * day / 70) << qint64(0) << 50 * mb << true;
        QTest::newRow("empty runs out now") << qint64(0) << QList<qint64>{} << qint64(-1) << qint64(5) << qint64(0)
                                            << qint64(0) << qint64(-1) << qint64(0) << true;
        QTest::newRow("far future capped at the horizon") << qint64(1) << QList<qint64>{} << qint64(-1) << qint64(5)
                                                          << qint64(0) << qint64(-1) << qint64(-1) << qint64(0) << false;
    }

    void compute()
    {
        QFETCH(qint64, remaining);
        QFETCH(QList<qint64>, recent);
        QFETCH(qint64, below);
        QFETCH(qint64, periodDays);
        QFETCH(qint64, perDay);
        QFETCH(qint64, runOutMs);
        QFETCH(qint64, thresholdMs);
        QFETCH(qint64, allowance);
        QFETCH(bool, beforePeriodEnd);

        ForecastInput input;
        input.now = t0;
        input.remaining = remaining;
        input.recentDays.assign(recent.cbegin(), recent.cend());
        if (below >= 0)
            input.thresholdBelow = below;
        input.periodEnd = t0.plusMsecs(periodDays * day);
        const Forecast f = UsageForecast::compute(input);
        QCOMPARE(f.perDay, perDay);
        QCOMPARE(f.runOut.has_value(), runOutMs >= 0);
        if (f.runOut)
            QCOMPARE(f.runOut->msecs() - t0.msecs(), runOutMs);
        QCOMPARE(f.thresholdAt.has_value(), thresholdMs >= 0);
        if (f.thresholdAt)
            QCOMPARE(f.thresholdAt->msecs() - t0.msecs(), thresholdMs);
        QCOMPARE(f.allowancePerDay, allowance);
        QCOMPARE(f.daysLeft, int(periodDays));
        QCOMPARE(f.runsOutBeforePeriodEnd, beforePeriodEnd);
    }

    void hugeAmountsDoNotOverflow()
    {
        const qint64 big = std::numeric_limits<qint64>::max() / 2;
        QVERIFY(UsageForecast::msToUse(big, big / 3) > 2 * day);
        QCOMPARE(UsageForecast::msToUse(big, 1), UsageForecast::horizonDays * day);
    }

    void partialDayRoundsUp()
    {
        ForecastInput input;
        input.now = t0;
        input.remaining = 10;
        input.periodEnd = t0.plusMsecs(day + 1);
        QCOMPARE(UsageForecast::compute(input).daysLeft, 2);
        QCOMPARE(UsageForecast::compute(input).allowancePerDay, qint64(5));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestForecast)
} // namespace tst_forecast
#include "tst_forecast.moc"
