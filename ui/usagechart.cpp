#include "usagechart.h"

#include "statecolors.h"
#include "store/historystore.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QDate>
#include <QEvent>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace topup {

UsageChart::UsageChart(AppSettings &settings, QWidget *parent)
    : QChartView(parent)
    , m_settings(settings)
{
    auto *chart = new QChart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_data = new QLineSeries(chart);
    m_voice = new QLineSeries(chart);
    chart->addSeries(m_data);
    chart->addSeries(m_voice);
    m_axisX = new QCategoryAxis(chart);
    m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisData = new QValueAxis(chart);
    m_axisVoice = new QValueAxis(chart);
    m_axisData->setLabelFormat(QStringLiteral("%.1f"));
    m_axisVoice->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisData, Qt::AlignLeft);
    chart->addAxis(m_axisVoice, Qt::AlignRight);
    m_data->attachAxis(m_axisX);
    m_data->attachAxis(m_axisData);
    m_voice->attachAxis(m_axisX);
    m_voice->attachAxis(m_axisVoice);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(240);
    connect(&m_settings, &AppSettings::changed, this, &UsageChart::rebuild);
    applyTheme();
    retranslateUi();
}

int UsageChart::pointCount() const
{
    return int(m_data->count());
}

void UsageChart::setDays(const std::vector<UsagePoint> &days)
{
    m_days = days;
    rebuild();
}

void UsageChart::rebuild()
{
    const double unit = m_settings.dataUnits() == DataUnits::Binary ? 1024.0 * 1024.0 * 1024.0 : 1e9;
    QList<QPointF> data;
    QList<QPointF> voice;
    data.reserve(qsizetype(m_days.size()));
    voice.reserve(qsizetype(m_days.size()));
    double maxData = 0;
    double maxVoice = 0;
    for (std::size_t i = 0; i < m_days.size(); ++i) {
        const double gb = double(m_days[i].dataBytes) / unit;
        const double minutes = double(m_days[i].voiceSeconds) / 60.0;
        data.append(QPointF(double(i), gb));
        voice.append(QPointF(double(i), minutes));
        maxData = std::max(maxData, gb);
        maxVoice = std::max(maxVoice, minutes);
    }
    m_data->replace(data);
    m_voice->replace(voice);

    // Category labels every week, on the day they name.
    const QStringList old = m_axisX->categoriesLabels();
    for (const QString &label : old)
        m_axisX->remove(label);
    const int count = int(m_days.size());
    // Weekly, counted back from the newest day so that it is labelled;
    // categories go in ascending order.
    for (int at = count > 0 ? (count - 1) % 7 : 0; at < count; at += 7) {
        const QDate day = QDate::fromString(m_days[std::size_t(at)].label.left(10), Qt::ISODate);
        m_axisX->append(QLocale().toString(day, tr("d MMM", "chart day label")), at);
    }
    m_axisX->setRange(0, std::max(1, count - 1));
    m_axisX->setStartValue(0);
    m_axisData->setRange(0, std::max(0.5, std::ceil(maxData * 1.15 * 2) / 2));
    m_axisVoice->setRange(0, std::max(10.0, std::ceil(maxVoice * 1.15 / 10) * 10));
    m_axisData->setTickCount(6);
    m_axisVoice->setTickCount(6);
    retranslateUi();
}

void UsageChart::applyTheme()
{
    const QPalette palette = QApplication::palette();
    QChart *chart = this->chart();
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->setTitleBrush(palette.color(QPalette::Text));
    setBackgroundBrush(palette.color(QPalette::Base));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_axisX), static_cast<QAbstractAxis *>(m_axisData),
                                static_cast<QAbstractAxis *>(m_axisVoice)}) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(palette.color(QPalette::Midlight));
    }
    QPen dataPen(stateColor(StateColor::Info, palette));
    dataPen.setWidthF(2.0);
    m_data->setPen(dataPen);
    QPen voicePen(stateColor(StateColor::Warning, palette));
    voicePen.setWidthF(2.0);
    voicePen.setStyle(Qt::DashLine);
    m_voice->setPen(voicePen);
}

void UsageChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    else if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QChartView::changeEvent(event);
}

void UsageChart::retranslateUi()
{
    const bool binary = m_settings.dataUnits() == DataUnits::Binary;
    m_data->setName(binary ? tr("Data (GiB per day)") : tr("Data (GB per day)"));
    m_voice->setName(tr("Voice (minutes per day)"));
    setAccessibleName(tr("Usage chart: data and voice per day"));
}

} // namespace topup
