#include "dashboardpage.h"

#include "text/wording.h"
#include "text/formatter.h"
#include "widgets/linecard.h"
#include "widgets/linetablepanel.h"
#include "service/service.h"
#include "widgets/statecolors.h"
#include "widgets/usagechart.h"
#include "widgets/sectionheading.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>


namespace topup {
namespace {

QFrame *panel(QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::Base);
    return frame;
}

} // namespace

DashboardPage::DashboardPage(Service &service, AppSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    m_title = new QLabel(content);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    m_title->setFont(titleFont);
    m_clock = new QLabel(content);
    m_clock->setObjectName(QStringLiteral("clockLabel"));
    m_clock->setForegroundRole(QPalette::PlaceholderText);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_clock);
    layout->addLayout(header);

    m_cardGrid = new QGridLayout;
    m_cardGrid->setSpacing(12);
    for (int column = 0; column < 3; ++column)
        m_cardGrid->setColumnStretch(column, 1);
    layout->addLayout(m_cardGrid);
    m_lineTable = new LineTablePanel(settings, content);
    m_lineTable->hide();
    layout->addWidget(m_lineTable, 2);
    connect(m_lineTable, &LineTablePanel::lineActivated, this, &DashboardPage::lineActivated);
    // A new account's first step: the sentence and the button that takes it.
    m_noLines = panel(content);
    m_noLines->setObjectName(QStringLiteral("noLines"));
    m_noLinesText = new QLabel(m_noLines);
    m_noLinesText->setWordWrap(true);
    m_addLine = new QPushButton(m_noLines);
    m_addLine->setObjectName(QStringLiteral("addLineButton"));
    m_addLine->setDefault(true);
    auto *noLines = new QHBoxLayout(m_noLines);
    noLines->setContentsMargins(16, 14, 16, 14);
    noLines->addWidget(m_noLinesText, 1);
    noLines->addWidget(m_addLine);
    layout->addWidget(m_noLines);
    connect(m_addLine, &QPushButton::clicked, this, &DashboardPage::addLineRequested);

    auto *lower = new QHBoxLayout;
    lower->setSpacing(12);
    auto *chartPanel = panel(content);
    auto *chartLayout = new QVBoxLayout(chartPanel);
    m_chartTitle = makeSectionHeading(chartPanel);
    m_chartLine = new QComboBox(chartPanel);
    m_chartLine->setObjectName(QStringLiteral("chartLine"));
    auto *chartHeader = new QHBoxLayout;
    chartHeader->addWidget(m_chartTitle, 1);
    chartHeader->addWidget(m_chartLine);
    chartLayout->addLayout(chartHeader);
    m_chart = new UsageChart(chartPanel);
    m_chart->setDataUnits(settings.dataUnits());
    m_chart->setObjectName(QStringLiteral("usageChart"));
    chartLayout->addWidget(m_chart, 1);
    lower->addWidget(chartPanel, 3);

    auto *side = new QVBoxLayout;
    // With the table of lines: the selected line's card above the month.
    side->addWidget(m_lineTable->card());
    side->addWidget(m_lineTable->noSelectionLabel());
    auto *spendPanel = panel(content);
    auto *spendLayout = new QVBoxLayout(spendPanel);
    m_spendTitle = makeSectionHeading(spendPanel);
    m_spend = new QLabel(spendPanel);
    m_spend->setObjectName(QStringLiteral("accountSpend"));
    m_spend->setWordWrap(true);
    spendLayout->addWidget(m_spendTitle);
    spendLayout->addWidget(m_spend);
    side->addWidget(spendPanel);
    auto *alertsPanel = panel(content);
    auto *alertsLayout = new QVBoxLayout(alertsPanel);
    m_alertsTitle = makeSectionHeading(alertsPanel);
    m_alerts = new QListWidget(alertsPanel);
    m_alerts->setObjectName(QStringLiteral("latestAlerts"));
    m_alerts->setFrameShape(QFrame::NoFrame);
    m_alerts->setWordWrap(true);
    m_alerts->setFocusPolicy(Qt::NoFocus);
    alertsLayout->addWidget(m_alertsTitle);
    alertsLayout->addWidget(m_alerts, 1);
    side->addWidget(alertsPanel, 1);
    lower->addLayout(side, 2);
    layout->addLayout(lower, 1);

    connect(m_chartLine, qOverload<int>(&QComboBox::currentIndexChanged), this, &DashboardPage::refreshChart);
    // Whatever the cards, the table, the month, the chart or the latest
    // alerts show; not an alert being read, nor a setting they do not show.
    connect(&m_service, &Service::accountChanged, this, &DashboardPage::scheduleRefresh);
    connect(&m_service, &Service::worldAdvanced, this, &DashboardPage::scheduleRefresh);
    connect(&m_service, &Service::lineAdded, this, &DashboardPage::scheduleRefresh);
    connect(&m_service, &Service::lineRemoved, this, &DashboardPage::scheduleRefresh);
    connect(&m_service, &Service::linesChanged, this, &DashboardPage::scheduleRefresh);
    connect(&m_service, &Service::methodAdded, this, &DashboardPage::scheduleRefresh);
    connect(&m_service, &Service::methodRemoved, this, &DashboardPage::scheduleRefresh);
    connect(&m_service, &Service::methodsChanged, this, &DashboardPage::scheduleRefresh);
    connect(&m_service, &Service::attemptsAdded, this, &DashboardPage::scheduleRefresh);
    connect(&m_service, &Service::alertsAdded, this, &DashboardPage::scheduleRefresh);
    connect(&m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
        if (key == AppSettings::Key::DataUnits)
            scheduleRefresh();
    });
    retranslateUi();
}

void DashboardPage::scheduleRefresh()
{
    // Signals come in bursts (a catch-up changes lines, history and the
    // clock); one refresh after the burst, and none while hidden.
    if (m_dirty)
        return;
    m_dirty = true;
    if (isVisible())
        QTimer::singleShot(0, this, &DashboardPage::refresh);
}

bool DashboardPage::showsTable() const
{
    return !m_lineTable->isHidden();
}

void DashboardPage::setMostLinesAsCards(int lines)
{
    m_mostLinesAsCards = lines;
    m_dirty = false;
    scheduleRefresh();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void DashboardPage::refresh()
{
    m_dirty = false;
    if (!m_service.account())
        return;
    // Everything the page says about the lines and the month, at the
    // world's simulated clock: one query for all the cards.
    const Expected<Outlook> outlook = m_service.outlook();
    if (!outlook) {
        m_clock->setText(outlook.sentences());
        return;
    }
    const QTimeZone zone(outlook->timezone.toUtf8());
    m_clock->setText(tr("Simulated clock: %1 (%2)").arg(Formatter::dateTime(outlook->clock, zone), outlook->timezone));

    LineCard::Context context{outlook->timezone, outlook->currency, {}};
    if (const Expected<std::vector<MethodRecord>> methods = m_service.methods()) {
        for (const MethodRecord &method : *methods)
            context.methodLabels.insert(method.id, method.label());
    }
    const std::size_t count = outlook->lines.size();
    const bool asTable = int(count) > m_mostLinesAsCards;
    m_lineTable->setVisible(asTable);
    if (!asTable) {
        m_lineTable->card()->hide();
        m_lineTable->noSelectionLabel()->hide();
    }
    if (asTable) {
        LineTableModel::Context tableContext{outlook->timezone, outlook->currency, {}};
        if (const Expected<std::vector<PackageRecord>> packages = m_service.packages()) {
            for (const PackageRecord &record : *packages)
                tableContext.packageNames.insert(record.package.id, Formatter::packageName(record.name, m_settings.dataUnits()));
        }
        m_lineTable->setOutlook(*outlook, tableContext, context);
    }
    const std::size_t cards = asTable ? 0 : count;
    while (m_cards.size() > cards) {
        m_cards.back()->deleteLater();
        m_cards.pop_back();
    }
    while (m_cards.size() < cards) {
        auto *card = new LineCard(m_settings, this);
        connect(card, &LineCard::activated, this, &DashboardPage::lineActivated);
        m_cardGrid->addWidget(card, int(m_cards.size()) / 3, int(m_cards.size()) % 3);
        m_cards.push_back(card);
    }
    for (std::size_t i = 0; i < cards; ++i)
        m_cards[i]->setOutlook(outlook->lines[i], context);
    m_noLines->setVisible(count == 0);

    // The chart's line choice: all lines, or one.
    const qint64 chosen = m_chartLine->currentData().toLongLong();
    {
        const QSignalBlocker block(m_chartLine);
        m_chartLine->clear();
        m_chartLine->addItem(tr("All lines"), qint64(0));
        for (const LineOutlook &line : outlook->lines)
            m_chartLine->addItem(line.line.name, line.line.id);
        const int index = m_chartLine->findData(chosen);
        m_chartLine->setCurrentIndex(index < 0 ? 0 : index);
    }

    const QString autoSpend = Formatter::money(outlook->accountAutoSpend, outlook->currency);
    QString text = outlook->accountCap
        ? tr("Auto top-ups: %1 of the %2 account cap.").arg(autoSpend, Formatter::money(*outlook->accountCap, outlook->currency))
        : tr("Auto top-ups: %1 (no account cap).").arg(autoSpend);
    text += QLatin1Char('\n') + tr("Manual top-ups: %1.").arg(Formatter::money(outlook->accountManualSpend, outlook->currency));
    m_spend->setText(text);
    m_today = QDateTime::fromMSecsSinceEpoch(outlook->clock.msecs(), zone).date();
    refreshChart();
    refreshAlerts();
    emit refreshed();
}

void DashboardPage::refreshChart()
{
    if (!m_service.account())
        return;
    // The 30 full days before the world's today: today's half day would look like a fall.
    const qint64 chosen = m_chartLine->currentData().toLongLong();
    const Expected<std::vector<UsagePoint>> days = m_service.dailyUsage(chosen, 31);
    std::vector<UsageChart::Bucket> series;
    if (days) {
        for (const UsagePoint &day : *days) {
            const QDate date = QDate::fromString(day.label.left(10), Qt::ISODate);
            if (date.isValid() && date != m_today)
                series.push_back(UsageChart::Bucket{QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(), day.dataBytes,
                                                    day.voiceSeconds});
        }
    }
    m_chart->setDataUnits(m_settings.dataUnits());
    m_chart->setBuckets(series, UsageChart::Step::Day);
}

void DashboardPage::refreshAlerts()
{
    m_alerts->clear();
    // The five latest (the Alerts page holds the rest).
    const Expected<std::vector<AlertRow>> alerts = m_service.alerts(false, 5);
    if (!alerts)
        return;
    const QTimeZone zone(m_service.account()->timezone.toUtf8());
    const QPalette palette = QApplication::palette();
    const AlertContext context = AlertContext::of(m_service);
    for (const AlertRow &alert : *alerts) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 — %2").arg(Formatter::dateTime(alert.at, zone), Wording::headline(alert, context)), m_alerts);
        item->setForeground(stateColor(Wording::severity(alert), palette));
        item->setIcon(QApplication::style()->standardIcon(Wording::severity(alert) == StateColor::Error
                                                              ? QStyle::SP_MessageBoxCritical
                                                              : QStyle::SP_MessageBoxWarning));
    }
    if (alerts->empty())
        new QListWidgetItem(tr("No alerts. Everything ran as planned."), m_alerts);
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_service.account())
            refresh();
    } else if (event->type() == QEvent::PaletteChange) {
        m_dirty = false;
        scheduleRefresh();
    }
    QWidget::changeEvent(event);
}

void DashboardPage::retranslateUi()
{
    m_title->setText(tr("Dashboard"));
    m_noLinesText->setText(tr("No lines yet. Buy an eSIM line from the carrier's catalog to see its balance here and "
                              "top it up by your rules."));
    m_addLine->setText(tr("A&dd eSIM line…"));
    m_addLine->setAccessibleName(tr("Add an eSIM line"));
    m_spendTitle->setText(tr("This month"));
    m_chartTitle->setText(tr("Usage, last 30 days"));
    m_chartLine->setAccessibleName(tr("Line shown in the chart"));
    m_alertsTitle->setText(tr("Latest alerts"));
    m_alerts->setAccessibleName(tr("Latest alerts"));
}

} // namespace topup
