// The usage chart over a million samples: one redraw (hand the series over
// with replace(), lay out, paint into a 1200x400 image) with every point,
// and with the points thinned to the pixel width (ChartDownsampler), side
// by side in one run.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_chart [samples] [runs]
#include "widgets/chartdownsampler.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace topup;

namespace {

constexpr int width = 1200;
constexpr int height = 400;

QList<QPointF> usage(int samples)
{
    QList<QPointF> points;
    points.reserve(samples);
    quint64 state = 42;
    for (int i = 0; i < samples; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL; // a fixed LCG: same data every run
        const int hour = (i / 12) % 24;
        const double rhythm = hour < 7 ? 0.2 : hour > 17 ? 1.6 : 1.0;
        points.append(QPointF(i, rhythm * double(state >> 44)));
    }
    return points;
}

double redrawMs(QChartView &view, QLineSeries &series, const QList<QPointF> &points, bool thin)
{
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer timer;
    timer.start();
    series.replace(thin ? ChartDownsampler::minMaxPerColumn(points, width) : points);
    image.fill(Qt::white);
    QPainter painter(&image);
    view.render(&painter);
    painter.end();
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int samples = argc > 1 ? std::max(1000, atoi(argv[1])) : 1000000;
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    const QList<QPointF> points = usage(samples);

    auto *chart = new QChart;
    auto *series = new QLineSeries;
    chart->addSeries(series);
    chart->createDefaultAxes();
    chart->axes(Qt::Horizontal).front()->setRange(0, samples);
    chart->axes(Qt::Vertical).front()->setRange(0, 1.6 * double(1 << 20));
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    QChartView view(chart);
    view.resize(width, height);
    view.show();
    QApplication::processEvents();

    std::vector<double> all;
    std::vector<double> thinned;
    redrawMs(view, *series, points, true); // warm-up
    for (int run = 0; run < runs; ++run) { // alternating, so drift hits both alike
        all.push_back(redrawMs(view, *series, points, false));
        thinned.push_back(redrawMs(view, *series, points, true));
    }
    std::printf("usage chart, %d samples, %dx%d, %d runs each\n", samples, width, height, runs);
    std::printf("  every point:      min %8.1f ms  median %8.1f ms\n", *std::min_element(all.begin(), all.end()), median(all));
    std::printf("  thinned to width: min %8.1f ms  median %8.1f ms  (%lld points drawn)\n",
                *std::min_element(thinned.begin(), thinned.end()), median(thinned),
                static_cast<long long>(ChartDownsampler::minMaxPerColumn(points, width).size()));
    std::vector<double> thinning;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QList<QPointF> kept = ChartDownsampler::minMaxPerColumn(points, width);
        thinning.push_back(double(timer.nsecsElapsed()) / 1e6 + 0 * double(kept.size()));
    }
    std::printf("  of which thinning: min %8.1f ms  median %8.1f ms\n", *std::min_element(thinning.begin(), thinning.end()),
                median(thinning));
    std::printf("  ratio every/thinned (median): %.0fx\n", median(all) / median(thinned));
    return 0;
}
