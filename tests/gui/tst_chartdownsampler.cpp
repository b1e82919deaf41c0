#include "testmain.h"
#include "widgets/chartdownsampler.h"

#include <QTest>

#include <algorithm>

namespace tst_chartdownsampler {

using namespace topup;

namespace {

QList<QPointF> sawtooth(int count)
{
    QList<QPointF> points;
    for (int i = 0; i < count; ++i)
        points.append(QPointF(i, double((qint64(i) * 7919) % 1000))); // deterministic, jagged; in 64 bits (i * 7919 leaves int past 271 000)
    return points;
}

} // namespace

class TestChartDownsampler final : public QObject
{
    Q_OBJECT

private slots:
    void shortSeriesAreKeptWhole()
    {
        const QList<QPointF> points = sawtooth(40);
        QCOMPARE(ChartDownsampler::minMaxPerColumn(points, 20), points);
        QCOMPARE(ChartDownsampler::minMaxPerColumn(points, 0), points);
    }

    void aMillionPointsBecomeAtMostTwoPerColumn()
    {
        const QList<QPointF> points = sawtooth(1000000);
        const QList<QPointF> thinned = ChartDownsampler::minMaxPerColumn(points, 1200);
        QVERIFY2(thinned.size() <= 2 * 1200, qPrintable(QString::number(thinned.size())));
        QVERIFY(thinned.size() >= 1200);
        QVERIFY(std::is_sorted(thinned.begin(), thinned.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
        QVERIFY(thinned.front().x() < 1000000.0 / 1200); // the first column and the last are drawn
        QVERIFY(thinned.back().x() >= 1000000.0 - 1000000.0 / 1200 - 1);
    }

    void everyColumnKeepsItsPeakAndDip()
    {
        QList<QPointF> points;
        for (int i = 0; i < 10000; ++i)
            points.append(QPointF(i, 50));
        points[4321].setY(1000); // one spike
        points[8765].setY(-3);   // one dip
        const QList<QPointF> thinned = ChartDownsampler::minMaxPerColumn(points, 100);
        QVERIFY(thinned.contains(QPointF(4321, 1000)));
        QVERIFY(thinned.contains(QPointF(8765, -3)));
        const auto [low, high] = std::minmax_element(thinned.begin(), thinned.end(),
                                                     [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        QCOMPARE(low->y(), -3.0);
        QCOMPARE(high->y(), 1000.0);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestChartDownsampler)
} // namespace tst_chartdownsampler
#include "tst_chartdownsampler.moc"
