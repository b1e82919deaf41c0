#include "usagehistorychart.h"

#include "text/formatter.h"
#include "service/service.h"
#include "models/usagemodel.h"
#include "usagechart.h"
#include "widgets/paddeddelegate.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <map>

namespace topup {
namespace {

// The account's wall time written as if it were UTC (UsageModel::Bucket::wallMs):
// no zone of the process shifts or folds it.
qint64 wallTime(const QDateTime &local)
{
    return QDateTime(local.date(), local.time(), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

UsageHistoryChart::UsageHistoryChart(Service &service, QWidget *parent)
    : QWidget(parent), m_service(service), m_title(new QLabel(this)), m_step(new QComboBox(this)), m_chart(new UsageChart(this)),
      m_table(new UsageModel(this)), m_tableView(new QTableView(this))
{
    m_step->setObjectName(QStringLiteral("usageStep"));
    for (int i = 0; i < 4; ++i)
        m_step->addItem(QString(), i);
    m_step->setCurrentIndex(int(Granularity::Day));
    m_chart->setObjectName(QStringLiteral("usageChart"));
    m_tableView->setObjectName(QStringLiteral("usageTable"));
    m_tableView->setModel(m_table);
    PaddedDelegate::setUp(m_tableView);
    m_tableView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

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
    body->addWidget(m_chart, 3);
    body->addWidget(m_tableView, 1);
    layout->addLayout(body, 1);

    // The header sizes the columns to their cells again when they change
    // (a new language, a new font): the table follows.
    connect(m_tableView->horizontalHeader(), &QHeaderView::sectionResized, this, &UsageHistoryChart::fitTableWidth);
    connect(m_step, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { setGranularity(Granularity(index)); });
    m_reloadLater.setSingleShot(true);
    m_reloadLater.setInterval(0);
    connect(&m_reloadLater, &QTimer::timeout, this, &UsageHistoryChart::reload);
    // Usage moves with the world; a line's own change (drained) names it.
    const auto later = [this] { reloadSoon(); };
    connect(&m_service, &Service::accountChanged, this, later);
    connect(&m_service, &Service::worldAdvanced, this, later);
    connect(&m_service, &Service::linesChanged, this, [this](const QList<qint64> &lineIds) {
        if (m_lineId == 0 || lineIds.contains(m_lineId))
            reloadSoon();
    });
    retranslateUi();
}

void UsageHistoryChart::reloadSoon()
{
    if (isVisible())
        m_reloadLater.start();
    else
        m_stale = true;
}

void UsageHistoryChart::showEvent(QShowEvent *event)
{
    if (m_stale) {
        m_stale = false;
        reload();
    }
    QWidget::showEvent(event);
}

void UsageHistoryChart::retranslateUi()
{
    m_title->setText(tr("Usage"));
    m_step->setItemText(0, tr("By hour (7 days)"));
    m_step->setItemText(1, tr("By day (90 days)"));
    m_step->setItemText(2, tr("By week (1 year)"));
    m_step->setItemText(3, tr("By month (2 years)"));
    m_step->setAccessibleName(tr("Usage chart step"));
    m_tableView->setAccessibleName(tr("Usage per period"));
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
    QWidget::changeEvent(event);
}

void UsageHistoryChart::setDataUnits(DataUnits units)
{
    m_chart->setDataUnits(units);
    m_table->setDataUnits(units);
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
    return m_chart->pointCount();
}

std::vector<std::pair<qint64, std::pair<qint64, qint64>>> UsageHistoryChart::buckets() const
{
    const QTimeZone zone = Formatter::zoneOf(m_service);
    std::vector<qint64> lines;
    if (m_lineId != 0 || m_granularity != Granularity::Hour) {
        // By day, week or month, line 0 is every line's usage (removed lines' too) added up in one query.
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
    std::vector<UsageModel::Bucket> rows;
    for (const auto &[ms, sum] : buckets())
        rows.push_back(UsageModel::Bucket{ms, sum.first, sum.second});
    m_chart->setBuckets(rows, UsageModel::Step(int(m_granularity)));
    m_table->setBuckets(rows, UsageModel::Step(int(m_granularity)));
    fitTableWidth();
}

} // namespace topup
