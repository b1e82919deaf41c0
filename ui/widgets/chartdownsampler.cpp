#include "chartdownsampler.h"

#include <algorithm>

namespace topup {

QList<QPointF> ChartDownsampler::minMaxPerColumn(const QList<QPointF> &points, int columns)
{
    if (columns < 1 || points.size() <= 2 * qsizetype(columns))
        return points;
    const double first = points.front().x();
    const double span = points.back().x() - first;
    if (!(span > 0))
        return points;
    QList<QPointF> thinned;
    thinned.reserve(2 * qsizetype(columns));
    const double scale = columns / span;
    const auto columnOf = [&](const QPointF &point) { return std::min(columns - 1, int((point.x() - first) * scale)); };
    // One pass: a column ends where the next point falls in another one.
    const auto flush = [&](qsizetype low, qsizetype high) {
        thinned.append(points[std::min(low, high)]);
        if (high != low)
            thinned.append(points[std::max(low, high)]);
    };
    qsizetype low = 0;
    qsizetype high = 0;
    int column = columnOf(points[0]);
    for (qsizetype i = 1; i < points.size(); ++i) {
        const int here = columnOf(points[i]);
        if (here != column) {
            flush(low, high);
            low = high = i;
            column = here;
            continue;
        }
        const double y = points[i].y();
        if (y < points[low].y())
            low = i;
        if (y > points[high].y())
            high = i;
    }
    flush(low, high);
    return thinned;
}

} // namespace topup
