#include "historypage.h"

#include "text/csvwriter.h"
#include "text/isotimewriter.h"
#include "text/formatter.h"
#include "text/wording.h"
#include "models/attemptfiltermodel.h"
#include "models/attemptmodel.h"
#include "models/usagemodel.h"
#include "service/service.h"
#include "widgets/errorlabel.h"
#include "widgets/columnfitter.h"
#include "widgets/paddeddelegate.h"
#include "widgets/usagehistorychart.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace topup {

HistoryPage::HistoryPage(Service &service, QWidget *parent, int pageSize)
    : QWidget(parent), m_service(service), m_model(new AttemptModel(service, 0, pageSize, this)), m_filter(new AttemptFilterModel(this)),
      m_title(new QLabel(this)), m_lineLabel(new QLabel(this)), m_line(new QComboBox(this)), m_statusLabel(new QLabel(this)),
      m_status(new QComboBox(this)), m_fromLabel(new QLabel(this)), m_from(new QDateEdit(this)), m_toLabel(new QLabel(this)),
      m_to(new QDateEdit(this)), m_export(new QPushButton(this)), m_chart(new UsageHistoryChart(service, this)),
      m_attemptsTitle(new QLabel(this)), m_count(new QLabel(this)), m_table(new QTableView(this)), m_error(new ErrorLabel(this))
{
    m_model->setLive(false); // until shown: a page never shown reads nothing on a change
    m_line->setObjectName(QStringLiteral("lineFilter"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to->setObjectName(QStringLiteral("toDate"));
    m_export->setObjectName(QStringLiteral("exportCsv"));
    m_table->setObjectName(QStringLiteral("attempts"));
    m_error->setObjectName(QStringLiteral("historyError"));
    // Each status as its enum's value; -1: every status.
    m_status->addItem(QString(), -1);
    for (const AttemptStatus status : {AttemptStatus::Succeeded, AttemptStatus::Failed, AttemptStatus::Blocked})
        m_status->addItem(QString(), int(status));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_lineLabel->setBuddy(m_line);
    m_statusLabel->setBuddy(m_status);
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);

    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AttemptModel::Time, Qt::DescendingOrder);
    // Names give up width first: the reason stays whole. A cut name keeps
    // its both ends, so a card cut short still shows its last digits.
    PaddedDelegate::setUp(m_table)->setElasticColumns(
        {AttemptModel::Line, AttemptModel::Trigger, AttemptModel::Attempt, AttemptModel::Method, AttemptModel::Package});
    m_table->setTextElideMode(Qt::ElideMiddle);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QFont bold = m_attemptsTitle->font();
    bold.setBold(true);
    m_attemptsTitle->setFont(bold);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_lineLabel);
    filters->addWidget(m_line);
    filters->addSpacing(12);
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_status);
    filters->addSpacing(12);
    filters->addWidget(m_fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(m_toLabel);
    filters->addWidget(m_to);
    filters->addStretch(1);
    filters->addWidget(m_export);

    auto *attempts = new QWidget(this);
    auto *attemptsLayout = new QVBoxLayout(attempts);
    attemptsLayout->setContentsMargins(0, 0, 0, 0);
    auto *attemptsHeader = new QHBoxLayout;
    attemptsHeader->addWidget(m_attemptsTitle);
    attemptsHeader->addWidget(m_count, 1);
    attemptsLayout->addLayout(attemptsHeader);
    attemptsLayout->addWidget(m_table, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_chart);
    split->addWidget(attempts);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(filters);
    layout->addWidget(m_error);
    layout->addWidget(split, 1);

    connect(m_line, qOverload<int>(&QComboBox::currentIndexChanged), this, &HistoryPage::applyFilters);
    connect(m_status, qOverload<int>(&QComboBox::currentIndexChanged), this, &HistoryPage::applyFilters);
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryPage::applyFilters);
    connect(m_to, &QDateEdit::dateChanged, this, &HistoryPage::applyFilters);
    connect(m_export, &QPushButton::clicked, this, &HistoryPage::chooseExportFile);
    // The lines History names: a new, renamed, removed or refused one.
    connect(&m_service, &Service::lineAdded, this, &HistoryPage::fillLines);
    connect(&m_service, &Service::lineRemoved, this, &HistoryPage::fillLines);
    connect(&m_service, &Service::linesChanged, this, &HistoryPage::fillLines);
    connect(&m_service, &Service::attemptsAdded, this, &HistoryPage::fillLines);
    connect(&m_service, &Service::accountChanged, this, [this] {
        fillLines();
        resetDates();
    });
    connect(&m_service, &Service::worldAdvanced, this, [this] {
        // The range may reach the simulated today; an end at the old today follows it.
        const Expected<QDate> worldToday = m_service.worldToday();
        if (!worldToday)
            return;
        const QDate today = *worldToday;
        const bool followsToday = m_to->date() == m_to->maximumDate();
        m_from->setMaximumDate(today);
        m_to->setMaximumDate(today);
        if (followsToday)
            m_to->setDate(today);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &HistoryPage::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &HistoryPage::updateCount);

    setTabOrder(m_line, m_status);
    setTabOrder(m_status, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_export);
    resetDates();
    retranslateUi();
}

void HistoryPage::retranslateUi()
{
    m_title->setText(tr("History"));
    m_lineLabel->setText(tr("&Line:"));
    m_statusLabel->setText(tr("&Status:"));
    m_status->setItemText(0, tr("All"));
    m_status->setItemText(1, tr("Paid"));
    m_status->setItemText(2, tr("Failed"));
    m_status->setItemText(3, tr("Blocked"));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("&to:"));
    m_export->setText(tr("&Export CSV…"));
    m_attemptsTitle->setText(tr("Top-up attempts"));
    m_line->setAccessibleName(tr("Show the attempts of line"));
    m_status->setAccessibleName(tr("Show the attempts with status"));
    m_from->setAccessibleName(tr("From local day"));
    m_to->setAccessibleName(tr("To local day"));
    m_export->setAccessibleName(tr("Export the shown attempts as CSV"));
    m_table->setAccessibleName(tr("Top-up attempts"));
    fillLines();
    applyFilters();
}

void HistoryPage::showEvent(QShowEvent *event)
{
    m_model->setLive(true);
    QWidget::showEvent(event);
}

void HistoryPage::hideEvent(QHideEvent *event)
{
    m_model->setLive(false);
    QWidget::hideEvent(event);
}

void HistoryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HistoryPage::fillLines()
{
    std::vector<std::pair<QString, qint64>> items{{tr("All lines"), 0}};
    // Removed lines too: their attempts and usage stay here.
    if (const Expected<std::vector<LineRecord>> lines = m_service.historyLines()) {
        for (const LineRecord &line : *lines)
            items.emplace_back(Wording::lineName(line.name, line.state), line.id);
    }
    // Every clock step says linesChanged: refill only when the lines did change,
    // so that the list is not reset while the user has it open.
    bool same = int(items.size()) == m_line->count();
    for (int i = 0; same && i < m_line->count(); ++i)
        same = m_line->itemText(i) == items[std::size_t(i)].first && m_line->itemData(i).toLongLong() == items[std::size_t(i)].second;
    if (same)
        return;
    const QVariant current = m_line->currentData();
    const QSignalBlocker quiet(m_line);
    m_line->clear();
    for (const auto &[name, id] : items)
        m_line->addItem(name, id);
    m_line->setCurrentIndex(std::max(0, m_line->findData(current)));
}

void HistoryPage::resetDates()
{
    const Expected<QDate> worldToday = m_service.worldToday();
    if (!worldToday)
        return;
    const QDate today = *worldToday;
    const QSignalBlocker quietFrom(m_from);
    const QSignalBlocker quietTo(m_to);
    m_from->setMaximumDate(today);
    m_to->setMaximumDate(today);
    m_from->setDate(today.addDays(-89));
    m_to->setDate(today);
    applyFilters();
}

void HistoryPage::applyFilters()
{
    const qint64 lineId = m_line->currentData().toLongLong();
    if (lineId != m_chartLine) {
        m_chartLine = lineId;
        m_chart->setLineId(lineId);
    }
    m_filter->setLineId(lineId);
    const int chosen = m_status->currentData().toInt();
    const std::optional<AttemptStatus> status = chosen < 0 ? std::nullopt : std::optional<AttemptStatus>(AttemptStatus(chosen));
    m_filter->setStatus(status);
    m_filter->setDateRange(m_from->date(), m_to->date(), Formatter::zoneOf(m_service));
    // The store filters too: the model's pages hold only rows the table shows.
    m_model->setFilter(AttemptFilter{lineId, status, m_filter->fromMs(), m_filter->toMs()});
    updateCount();
}

void HistoryPage::updateCount()
{
    const bool more = m_model->canFetchMore({});
    m_count->setText(more ? tr("Shown: %1 (scroll for older ones)").arg(m_filter->rowCount())
                          : tr("Shown: %1").arg(m_filter->rowCount()));
    m_error->setError(m_model->error());
}

Expected<int> HistoryPage::exportCsv(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Expected<int>::failure(tr("Cannot write %1: %2.").arg(path, file.errorString()));
    CsvWriter csv(file);
    const QString currency = Formatter::currencyOf(m_service);
    IsoTimeWriter times(Formatter::zoneOf(m_service));
    // Machine-readable values (ISO times with the account's offset, plain amounts, status names).
    Expected<void> written = csv.write({QStringLiteral("time"), QStringLiteral("line"), QStringLiteral("trigger"),
                                        QStringLiteral("chain_key"), QStringLiteral("attempt"), QStringLiteral("method"),
                                        QStringLiteral("package"), QStringLiteral("amount"), QStringLiteral("currency"),
                                        QStringLiteral("status"), QStringLiteral("reason")});
    if (!written)
        return Expected<int>::failure(written);
    // Streamed from the store one row at a time, newest first: a million rows
    // are never held at once, in the model or here.
    const Expected<int> rows = m_service.eachAttempt(m_model->filter(), [&](const AttemptRow &attempt) {
        return csv.write({times.text(attempt.at), attempt.lineName, triggerKindName(attempt.trigger), attempt.key, QString::number(attempt.attempt),
                          attempt.methodId ? m_model->text(attempt, AttemptModel::Method) : QString(), attempt.package,
                          Formatter::moneyNumber(attempt.amount), currency, attemptStatusName(attempt.status),
                          attempt.reason ? reasonName(*attempt.reason) : QString()});
    });
    if (!rows)
        return rows;
    if (!file.commit())
        return Expected<int>::failure(tr("Cannot write %1: %2.").arg(path, file.errorString()));
    return rows;
}

void HistoryPage::chooseExportFile()
{
    QFileDialog dialog(this, tr("Export top-up attempts"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setOption(QFileDialog::DontUseNativeDialog, true);
    dialog.setNameFilter(tr("CSV files (*.csv)"));
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    dialog.selectFile(QStringLiteral("topup-attempts.csv"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().front();
    const Expected<int> done = exportCsv(path);
    m_error->setError(done ? QString() : done.sentences());
    if (done)
        m_count->setText(tr("Exported %n row(s) to %1", nullptr, *done).arg(path));
}

void HistoryPage::setDataUnits(DataUnits units)
{
    m_chart->setDataUnits(units);
    m_model->setDataUnits(units);
}

} // namespace topup
