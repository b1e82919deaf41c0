#include "usagechart.h"

#include "statecolors.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QEvent>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <memory>

namespace topup {
namespace {

constexpr int maxTimeLabels = 7;
constexpr int maxValueSteps = 5;

// The smallest of 1, 2, 5 × 10^k that is at least `least`.
double roundStep(double least)
{
    const double power = std::pow(10.0, std::floor(std::log10(least)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * power >= least * (1 - 1e-9))
            return factor * power;
    }
    return 10 * power;
}

// 0 to a round step above `largest`, at most five steps, none smaller than
// `smallestStep`; the labels show as many decimals as the step needs.
void roundAxis(QValueAxis *axis, double largest, double smallestStep)
{
    const double step = roundStep(std::max(smallestStep, largest / maxValueSteps));
    const int steps = std::max(1, int(std::ceil(largest / step - 1e-9)));
    axis->setRange(0, step * steps);
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setTickCount(steps + 1);
    const int decimals = std::max(0, -int(std::floor(std::log10(step) + 1e-9)));
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
}

QStringList ticksOf(const QValueAxis *axis)
{
    QStringList ticks;
    if (!axis->isVisible() || axis->tickCount() < 2)
        return ticks;
    const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
    for (int i = 0; i < axis->tickCount(); ++i)
        ticks << QString::asprintf(axis->labelFormat().toLatin1().constData(), axis->min() + i * step);
    return ticks;
}

QDateTime wall(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC);
}

// Whether a period starts a run of `stride` periods: labels fall on round
// hours, on Mondays of every n-th week, on months that divide the year.
bool onStride(const QDateTime &start, UsageChart::Step step, int stride)
{
    switch (step) {
    case UsageChart::Step::Hour:
        return (start.time().hour() + 24 * start.date().toJulianDay()) % stride == 0;
    case UsageChart::Step::Day:
    case UsageChart::Step::Week:
        return true; // counted back from the newest period instead
    case UsageChart::Step::Month:
        return (start.date().month() - 1) % stride == 0;
    }
    return true;
}

} // namespace

UsageChart::UsageChart(QWidget *parent) : QChartView(parent)
{
    auto *chart = new QChart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_data = new QLineSeries(chart);
    m_voice = new QLineSeries(chart);
    chart->addSeries(m_data);
    chart->addSeries(m_voice);
    m_time = new QCategoryAxis(chart);
    m_time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_dataAxis = new QValueAxis(chart);
    m_voiceAxis = new QValueAxis(chart);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_dataAxis, Qt::AlignLeft);
    chart->addAxis(m_voiceAxis, Qt::AlignRight);
    m_data->attachAxis(m_time);
    m_data->attachAxis(m_dataAxis);
    m_voice->attachAxis(m_time);
    m_voice->attachAxis(m_voiceAxis);
    // QChartView made a chart of its own and lets go of it here: ours.
    const std::unique_ptr<QChart> madeByTheView(this->chart());
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    applyTheme();
    rebuild();
}

int UsageChart::pointCount() const
{
    return int(m_data->count());
}

void UsageChart::setBuckets(const std::vector<Bucket> &buckets, Step step)
{
    m_buckets = buckets;
    m_step = step;
    rebuild();
}

void UsageChart::setDataUnits(DataUnits units)
{
    if (units == m_units)
        return;
    m_units = units;
    rebuild();
}

QString UsageChart::dataUnit() const
{
    return m_units == DataUnits::Binary ? tr("GiB") : tr("GB");
}

void UsageChart::rebuild()
{
    const double unit = m_units == DataUnits::Binary ? 1024.0 * 1024.0 * 1024.0 : 1e9;
    QList<QPointF> data;
    QList<QPointF> voice;
    data.reserve(qsizetype(m_buckets.size()));
    voice.reserve(qsizetype(m_buckets.size()));
    double maxData = 0;
    double maxVoice = 0;
    for (const Bucket &bucket : m_buckets) {
        data.append(QPointF(double(bucket.wallMs), double(bucket.dataBytes) / unit));
        voice.append(QPointF(double(bucket.wallMs), double(bucket.voiceSeconds) / 60.0));
        maxData = std::max(maxData, data.back().y());
        maxVoice = std::max(maxVoice, voice.back().y());
    }
    m_data->replace(data);
    m_voice->replace(voice);

    const bool empty = m_buckets.empty();
    for (QAbstractAxis *axis : chart()->axes())
        axis->setVisible(!empty);
    chart()->legend()->setVisible(!empty);
    chart()->setTitle(empty ? tr("No usage recorded in this period.") : QString());
    if (!empty) {
        roundAxis(m_dataAxis, maxData, 0.01); // 10 MB
        roundAxis(m_voiceAxis, maxVoice, 1);   // whole minutes
    }
    labelTime();

    switch (m_step) {
    case Step::Hour:
        m_data->setName(tr("Data per hour"));
        m_voice->setName(tr("Voice per hour"));
        break;
    case Step::Day:
        m_data->setName(tr("Data per day"));
        m_voice->setName(tr("Voice per day"));
        break;
    case Step::Week:
        m_data->setName(tr("Data per week"));
        m_voice->setName(tr("Voice per week"));
        break;
    case Step::Month:
        m_data->setName(tr("Data per month"));
        m_voice->setName(tr("Voice per month"));
        break;
    }
    m_dataAxis->setTitleText(dataUnit());
    m_voiceAxis->setTitleText(tr("min"));
    setAccessibleName(tr("Usage chart: data and voice per period"));
}

void UsageChart::labelTime()
{
    for (const QString &label : m_time->categoriesLabels())
        m_time->remove(label);
    if (m_buckets.empty())
        return;
    const qint64 first = m_buckets.front().wallMs;
    const qint64 last = m_buckets.back().wallMs;
    m_time->setStartValue(double(first));
    m_time->setRange(double(first), double(std::max(last, first + 1)));

    // The smallest stride of whole periods that leaves at most seven labels.
    static const std::vector<int> hourStrides{1, 2, 3, 6, 12, 24, 48, 72, 168};
    static const std::vector<int> dayStrides{1, 2, 7, 14, 28, 56};
    static const std::vector<int> weekStrides{1, 2, 4, 8, 13, 26, 52};
    static const std::vector<int> monthStrides{1, 2, 3, 6, 12, 24};
    const std::vector<int> &strides = m_step == Step::Hour ? hourStrides
                                      : m_step == Step::Day ? dayStrides
                                      : m_step == Step::Week ? weekStrides
                                                             : monthStrides;
    const qint64 periodMs = m_step == Step::Hour ? 3600000LL : m_step == Step::Day ? 86400000LL : 7 * 86400000LL;
    const QDate from = wall(first).date();
    const QDate to = wall(last).date();
    const qint64 periods = m_step == Step::Month ? qint64(to.year() - from.year()) * 12 + to.month() - from.month() + 1
                                                 : (last - first) / periodMs + 1;
    int stride = strides.back();
    for (const int candidate : strides) {
        if ((periods + candidate - 1) / candidate <= maxTimeLabels) {
            stride = candidate;
            break;
        }
    }
    //: QDateTime formats of the usage chart's time axis: a day, a day and hour, a month
    const QString dayFormat = tr("d MMM");
    const QString hourFormat = tr("d MMM HH:mm");
    const QString monthFormat = tr("MMM yyyy");
    const QString format = m_step == Step::Month ? monthFormat : m_step == Step::Hour && stride < 24 ? hourFormat : dayFormat;

    // Days and weeks are counted back from the newest, so that it is labelled.
    std::vector<qint64> at;
    if (m_step == Step::Day || m_step == Step::Week) {
        for (qint64 ms = last; ms >= first; ms -= stride * periodMs)
            at.push_back(ms);
        std::reverse(at.begin(), at.end());
    } else {
        for (const Bucket &bucket : m_buckets) {
            if (onStride(wall(bucket.wallMs), m_step, stride))
                at.push_back(bucket.wallMs);
        }
    }
    const QLocale locale;
    for (const qint64 ms : at) {
        const QString label = locale.toString(wall(ms), format);
        if (!m_time->categoriesLabels().contains(label)) // a category's label is its key
            m_time->append(label, double(ms));
    }
}

QStringList UsageChart::timeLabels() const
{
    return m_time->isVisible() ? m_time->categoriesLabels() : QStringList();
}

QStringList UsageChart::dataTicks() const
{
    return ticksOf(m_dataAxis);
}

QStringList UsageChart::voiceTicks() const
{
    return ticksOf(m_voiceAxis);
}

void UsageChart::applyTheme()
{
    const QPalette palette = QApplication::palette();
    QChart *chart = this->chart();
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->setTitleBrush(palette.color(QPalette::PlaceholderText));
    setBackgroundBrush(palette.color(QPalette::Base));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(palette.color(QPalette::Midlight));
    }
    // Data and voice keep their colours on every chart.
    QPen dataPen(stateColor(StateColor::Info, palette));
    dataPen.setWidthF(2.0);
    m_data->setPen(dataPen);
    QPen voicePen(stateColor(StateColor::Ok, palette));
    voicePen.setWidthF(2.0);
    voicePen.setStyle(Qt::DashLine);
    m_voice->setPen(voicePen);
}

void UsageChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
    QChartView::changeEvent(event);
}

} // namespace topup
