// The usage chart of the dashboard and History: an empty chart says so,
// labels never repeat, ticks are round with their unit, small voice
// values still read (issue 14).
#include "testmain.h"
#include "widgets/usagechart.h"

#include <QChart>
#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace tst_usagechart {

using namespace topup;

namespace {

qint64 wallMs(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toMSecsSinceEpoch();
}

std::vector<UsageChart::Bucket> series(qint64 from, qint64 stepMs, int count, qint64 bytes, qint64 seconds)
{
    std::vector<UsageChart::Bucket> buckets;
    for (int i = 0; i < count; ++i)
        buckets.push_back(UsageChart::Bucket{from + i * stepMs, bytes + i % 3 * bytes / 10, seconds * (i % 4) / 3});
    return buckets;
}

bool distinct(const QStringList &labels)
{
    return QSet<QString>(labels.begin(), labels.end()).size() == labels.size();
}

// Ticks from 0, a step of 1, 2 or 5 × 10^k apart.
void verifyRound(const QStringList &ticks)
{
    QVERIFY2(ticks.size() >= 2 && ticks.size() <= 6, qPrintable(ticks.join(QLatin1Char(','))));
    QVERIFY2(distinct(ticks), qPrintable(ticks.join(QLatin1Char(','))));
    QCOMPARE(ticks.front().toDouble(), 0.0);
    const double step = ticks[1].toDouble();
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
    QVERIFY2(qFuzzyCompare(mantissa, 1.0) || qFuzzyCompare(mantissa, 2.0) || qFuzzyCompare(mantissa, 5.0),
             qPrintable(ticks.join(QLatin1Char(','))));
    for (int i = 1; i < ticks.size(); ++i)
        QVERIFY2(qFuzzyCompare(ticks[i].toDouble(), i * step), qPrintable(ticks.join(QLatin1Char(','))));
}

} // namespace

class TestUsageChart final : public QObject
{
    Q_OBJECT

private slots:
    void anEmptyChartSaysSo()
    {
        UsageChart chart;
        chart.resize(600, 300);
        chart.setBuckets({}, UsageChart::Step::Day);
        QVERIFY(chart.isEmpty());
        QVERIFY(chart.timeLabels().isEmpty());
        QVERIFY(chart.dataTicks().isEmpty());
        QVERIFY(chart.voiceTicks().isEmpty());
        QCOMPARE(chart.chart()->title(), QStringLiteral("No usage recorded in this period."));
        chart.setBuckets(series(wallMs("2026-09-01T00:00:00"), 86400000, 3, 500000000, 600), UsageChart::Step::Day);
        QVERIFY(chart.chart()->title().isEmpty());
        QCOMPARE(chart.timeLabels().size(), 3);
    }

    void labelsNeverRepeat_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("count");
        QTest::addColumn<qint64>("stepMs");
        QTest::addColumn<QString>("pattern");
        const qint64 hour = 3600000;
        const qint64 day = 24 * hour;
        QTest::newRow("hours, 7 days") << int(UsageChart::Step::Hour) << 7 * 24 << hour << "^\\d+ \\w+$";
        QTest::newRow("hours, 30") << int(UsageChart::Step::Hour) << 30 << hour << "^\\d+ \\w+ (00|06|12|18):00$";
        QTest::newRow("days, 90") << int(UsageChart::Step::Day) << 90 << day << "^\\d+ \\w+$";
        QTest::newRow("days, 30") << int(UsageChart::Step::Day) << 30 << day << "^\\d+ \\w+$";
        QTest::newRow("weeks, 52") << int(UsageChart::Step::Week) << 52 << 7 * day << "^\\d+ \\w+$";
        QTest::newRow("months, 5") << int(UsageChart::Step::Month) << 5 << qint64(0) << "^\\w+ 20\\d\\d$";
        QTest::newRow("months, 24") << int(UsageChart::Step::Month) << 24 << qint64(0) << "^(Jan|Jul) 20\\d\\d$";
    }

    void labelsNeverRepeat()
    {
        QFETCH(int, step);
        QFETCH(int, count);
        QFETCH(qint64, stepMs);
        QFETCH(QString, pattern);
        std::vector<UsageChart::Bucket> buckets;
        const QDateTime start(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC);
        for (int i = 0; i < count; ++i) {
            const qint64 at = stepMs == 0 ? start.addMonths(i).toMSecsSinceEpoch() : start.toMSecsSinceEpoch() + i * stepMs;
            buckets.push_back(UsageChart::Bucket{at, 1200000000, 300});
        }
        UsageChart chart;
        chart.resize(600, 300);
        chart.setBuckets(buckets, UsageChart::Step(step));
        const QStringList labels = chart.timeLabels();
        QVERIFY2(labels.size() >= 2 && labels.size() <= 7, qPrintable(labels.join(QLatin1Char('|'))));
        QVERIFY2(distinct(labels), qPrintable(labels.join(QLatin1Char('|'))));
        const QRegularExpression shape(pattern);
        for (const QString &label : labels)
            QVERIFY2(shape.match(label).hasMatch(), qPrintable(label));
        if (step == int(UsageChart::Step::Month) && count == 5)
            QCOMPARE(labels, (QStringList{"Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026", "Jan 2027"}));
    }

    void roundTicksWithUnits_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("a day's use") << qint64(1370000000) << qint64(900);
        QTest::newRow("small voice") << qint64(250000000) << qint64(75);
        QTest::newRow("a few MB") << qint64(4000000) << qint64(20);
        QTest::newRow("a lot") << qint64(93000000000) << qint64(50000);
    }

    void roundTicksWithUnits()
    {
        QFETCH(qint64, bytes);
        QFETCH(qint64, seconds);
        UsageChart chart;
        chart.resize(600, 300);
        chart.setBuckets(series(wallMs("2026-09-01T00:00:00"), 86400000, 30, bytes, seconds), UsageChart::Step::Day);
        verifyRound(chart.dataTicks());
        verifyRound(chart.voiceTicks());
        QVERIFY(chart.voiceTicks()[1].toDouble() >= 1.0); // whole minutes
        QCOMPARE(chart.dataUnit(), QStringLiteral("GB"));
        chart.setDataUnits(DataUnits::Binary);
        QCOMPARE(chart.dataUnit(), QStringLiteral("GiB"));
        verifyRound(chart.dataTicks());
    }
};

TOPUP_TEST_MAIN(TestUsageChart)
} // namespace tst_usagechart
#include "tst_usagechart.moc"
