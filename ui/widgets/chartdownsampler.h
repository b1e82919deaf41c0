#pragma once

#include <QList>
#include <QPointF>

namespace topup {

// Thins a line series, sorted by x, to what can be seen at a width of
// `columns` pixels: in each pixel column its lowest and highest point, in
// x order. The drawn line keeps every peak and dip (as QCustomPlot's
// optimised line data does), and a chart over a million samples gets two
// points a pixel column to draw.
class ChartDownsampler final
{
public:
    [[nodiscard]] static QList<QPointF> minMaxPerColumn(const QList<QPointF> &points, int columns);
};

} // namespace topup
