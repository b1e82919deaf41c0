#include "usagehistorychart.h"

#include "displayformat.h"
#include "service/service.h"
#include "models/usagemodel.h"
#include "statecolors.h"
#include "widgets/paddeddelegate.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

#include <map>

namespace topup {
namespace {

constexpr double bytesPerGb = 1e9;

// The axis shows the process's local time: give it the account's wall time as if it were local.
qint64 wallTime(const QDateTime &local)
{
    return QDateTime(local.date(), local.time()).toMSecsSinceEpoch();
}

} // namespace

UsageHistoryChart::UsageHistoryChart(Service &service, QWidget *parent)
    : QWidget(parent), m_service(service), m_title(new QLabel(this)), m_step(new QComboBox(this)), m_view(new QChartView(this)),
      m_chart(new QChart), m_data(new QLineSeries(m_chart)), m_voice(new QLineSeries(m_chart)), m_time(new QDateTimeAxis(m_chart)),
      m_dataAxis(new QValueAxis(m_chart)), m_voiceAxis(new QValueAxis(m_chart)), m_empty(new QLabel(this)),
      m_table(new UsageModel(this)), m_tableView(new QTableView(this))
{
    m_step->setObjectName(QStringLiteral("usageStep"));
    for (int i = 0; i < 4; ++i)
        m_step->addItem(QString(), i);
    m_step->setCurrentIndex(int(Granularity::Day));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->addSeries(m_data);
    m_chart->addSeries(m_voice);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_dataAxis, Qt::AlignLeft);
    m_chart->addAxis(m_voiceAxis, Qt::AlignRight);
    m_data->attachAxis(m_time);
    m_data->attachAxis(m_dataAxis);
    m_voice->attachAxis(m_time);
    m_voice->attachAxis(m_voiceAxis);
    m_dataAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_voiceAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    m_empty->setAlignment(Qt::AlignCenter);
    m_tableView->setObjectName(QStringLiteral("usageTable"));
    m_tableView->setModel(m_table);
    PaddedDelegate::setUp(m_tableView);
    m_tableView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_step);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    auto *body = new QHBoxLayout;
    body->addWidget(m_view, 3);
    body->addWidget(m_tableView, 1);
    layout->addLayout(body, 1);
    layout->addWidget(m_empty);

    // The header sizes the columns to their cells again when they change
    // (a new language, a new font): the table follows.
    connect(m_tableView->horizontalHeader(), &QHeaderView::sectionResized, this, &UsageHistoryChart::fitTableWidth);
    connect(m_step, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { setGranularity(Granularity(index)); });
    m_reloadLater.setSingleShot(true);
    m_reloadLater.setInterval(0);
    connect(&m_reloadLater, &QTimer::timeout, this, &UsageHistoryChart::reload);
    for (auto signal : {&Service::historyChanged, &Service::linesChanged, &Service::accountChanged})
        connect(&m_service, signal, &m_reloadLater, qOverload<>(&QTimer::start));
    retranslateUi();
    applyTheme();
}

void UsageHistoryChart::retranslateUi()
{
    m_title->setText(tr("Usage"));
    m_step->setItemText(0, tr("By hour (7 days)"));
    m_step->setItemText(1, tr("By day (90 days)"));
    m_step->setItemText(2, tr("By week (1 year)"));
    m_step->setItemText(3, tr("By month (2 years)"));
    m_step->setAccessibleName(tr("Usage chart step"));
    m_view->setAccessibleName(tr("Usage chart"));
    m_tableView->setAccessibleName(tr("Usage per period"));
    m_data->setName(tr("Data (GB)"));
    m_voice->setName(tr("Voice (minutes)"));
    m_empty->setText(tr("No usage recorded in this period."));
    reload();
}

void UsageHistoryChart::fitTableWidth()
{
    // Each column as wide as its widest cell, and the table as wide as its
    // columns: it never clips a period or an amount. From what the cells
    // need, not from the columns' widths, which follow the table's (the
    // last one stretches) and lag behind a change of language.
    // The stretched last column is never narrower than the header's default
    // section size.
    const auto *view = static_cast<const QAbstractItemView *>(m_tableView);
    const QHeaderView *header = m_tableView->horizontalHeader();
    int width = 2 * m_tableView->frameWidth() + m_tableView->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < m_table->columnCount(); ++column) {
        const int needed = std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        width += column + 1 == m_table->columnCount() ? std::max(needed, header->defaultSectionSize()) : needed;
    }
    m_tableView->setMinimumWidth(width + 8);
}

void UsageHistoryChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void UsageHistoryChart::applyTheme()
{
    const QPalette colours = palette();
    m_chart->setBackgroundBrush(colours.brush(QPalette::Base));
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->setLabelColor(colours.color(QPalette::Text));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_time), static_cast<QAbstractAxis *>(m_dataAxis),
                                static_cast<QAbstractAxis *>(m_voiceAxis)}) {
        axis->setLabelsColor(colours.color(QPalette::Text));
        axis->setTitleBrush(colours.brush(QPalette::Text));
        axis->setGridLineColor(colours.color(QPalette::Mid));
        axis->setLinePenColor(colours.color(QPalette::Mid));
    }
    QPen data(stateColor(StateColor::Info, colours), 2);
    QPen voice(stateColor(StateColor::Ok, colours), 2, Qt::DashLine);
    m_data->setPen(data);
    m_voice->setPen(voice);
}

void UsageHistoryChart::setLineId(qint64 lineId)
{
    m_lineId = lineId;
    reload();
}

void UsageHistoryChart::setGranularity(Granularity granularity)
{
    m_granularity = granularity;
    if (m_step->currentIndex() != int(granularity))
        m_step->setCurrentIndex(int(granularity));
    reload();
}

int UsageHistoryChart::pointCount() const
{
    return int(m_data->count());
}

std::vector<std::pair<qint64, std::pair<qint64, qint64>>> UsageHistoryChart::buckets() const
{
    const QTimeZone zone = DisplayFormat::zoneOf(m_service);
    std::vector<qint64> lines;
    if (m_lineId != 0) {
        lines.push_back(m_lineId);
    } else if (const Expected<std::vector<LineRecord>> all = m_service.historyLines()) { // removed lines' usage too
        for (const LineRecord &line : *all)
            lines.push_back(line.id);
    }
    std::map<qint64, std::pair<qint64, qint64>> sums;
    for (qint64 line : lines) {
        if (m_granularity == Granularity::Hour) {
            const Expected<std::vector<UsagePoint>> points = m_service.hourlyUsage(line, 7 * 24);
            for (const UsagePoint &point : points ? *points : std::vector<UsagePoint>()) {
                const Expected<Instant> at = Instant::parse(point.label);
                if (!at)
                    continue;
                auto &sum = sums[wallTime(QDateTime::fromMSecsSinceEpoch(at->msecs(), zone))];
                sum.first += point.dataBytes;
                sum.second += point.voiceSeconds;
            }
            continue;
        }
        const int days = m_granularity == Granularity::Day ? 90 : m_granularity == Granularity::Week ? 364 : 730;
        const Expected<std::vector<UsagePoint>> points = m_service.dailyUsage(line, days);
        for (const UsagePoint &point : points ? *points : std::vector<UsagePoint>()) {
            QDate day = QDate::fromString(point.label, Qt::ISODate);
            if (m_granularity == Granularity::Week)
                day = day.addDays(1 - day.dayOfWeek());
            else if (m_granularity == Granularity::Month)
                day = QDate(day.year(), day.month(), 1);
            auto &sum = sums[wallTime(QDateTime(day, QTime(0, 0)))];
            sum.first += point.dataBytes;
            sum.second += point.voiceSeconds;
        }
    }
    return {sums.begin(), sums.end()};
}

void UsageHistoryChart::reload()
{
    const auto points = buckets();
    QList<QPointF> data;
    QList<QPointF> voice;
    data.reserve(qsizetype(points.size()));
    voice.reserve(qsizetype(points.size()));
    double maxData = 0;
    double maxVoice = 0;
    for (const auto &[ms, sum] : points) {
        data.append(QPointF(double(ms), double(sum.first) / bytesPerGb));
        voice.append(QPointF(double(ms), double(sum.second) / 60.0));
        maxData = std::max(maxData, data.back().y());
        maxVoice = std::max(maxVoice, voice.back().y());
    }
    m_data->replace(data);
    m_voice->replace(voice);
    std::vector<UsageModel::Bucket> rows;
    rows.reserve(points.size());
    for (const auto &[ms, sum] : points)
        rows.push_back(UsageModel::Bucket{ms, sum.first, sum.second});
    m_table->setBuckets(rows, UsageModel::Step(int(m_granularity)));
    fitTableWidth();
    const bool empty = points.empty();
    m_empty->setVisible(empty);
    if (!empty) {
        m_time->setRange(QDateTime::fromMSecsSinceEpoch(points.front().first), QDateTime::fromMSecsSinceEpoch(points.back().first));
        m_dataAxis->setRange(0, std::max(0.1, maxData * 1.1));
        m_voiceAxis->setRange(0, std::max(1.0, maxVoice * 1.1));
        m_dataAxis->applyNiceNumbers();
        m_voiceAxis->applyNiceNumbers();
    }
    //: QDateTime formats of the usage chart's time axis
    m_time->setFormat(m_granularity == Granularity::Hour ? tr("d MMM HH:mm") : m_granularity == Granularity::Month ? tr("MMM yyyy") : tr("d MMM"));
    m_time->setTickCount(m_granularity == Granularity::Month ? 7 : 6);
    m_dataAxis->setTitleText(tr("GB"));
    m_voiceAxis->setTitleText(tr("min"));
}

} // namespace topup
