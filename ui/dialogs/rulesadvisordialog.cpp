#include "rulesadvisordialog.h"

#include "text/formatter.h"
#include "models/advicemodel.h"
#include "service/service.h"
#include "widgets/errorlabel.h"
#include "widgets/paddeddelegate.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace topup {

RulesAdvisorDialog::RulesAdvisorDialog(Service &service, qint64 lineId, QHash<QString, QString> packageNames, DataUnits units,
                                       QWidget *parent)
    : QDialog(parent), m_service(service), m_lineId(lineId), m_packageNames(std::move(packageNames)), m_units(units),
      m_intro(new QLabel(this)), m_periodLabel(new QLabel(this)), m_period(new QComboBox(this)), m_progress(new QProgressBar(this)),
      m_stop(new QPushButton(this)), m_status(new QLabel(this)), m_error(new ErrorLabel(QStringLiteral("adviceError"), this)),
      m_model(new AdviceModel(this)), m_table(new QTableView(this)), m_note(new QLabel(this)), m_use(new QPushButton(this)),
      m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("rulesAdvisor"));
    m_intro->setWordWrap(true);
    m_period->setObjectName(QStringLiteral("advicePeriod"));
    for (const int days : {30, 60, 90})
        m_period->addItem(QString(), days);
    m_period->setCurrentIndex(m_period->findData(defaultDays));
    m_periodLabel->setBuddy(m_period);
    m_progress->setObjectName(QStringLiteral("adviceProgress"));
    m_progress->setRange(0, 0);
    m_stop->setObjectName(QStringLiteral("stopAdvice"));
    m_status->setObjectName(QStringLiteral("adviceStatus"));
    m_status->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("advice"));
    m_table->setModel(m_model);
    PaddedDelegate::setUp(m_table);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // wrapped rows, as tall as they need
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AdviceModel::Rules, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(true);
    m_note->setObjectName(QStringLiteral("adviceNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_use->setObjectName(QStringLiteral("useRules"));
    m_use->setDefault(true);
    m_close->setObjectName(QStringLiteral("closeAdvice"));

    auto *period = new QHBoxLayout;
    period->addWidget(m_periodLabel);
    period->addWidget(m_period);
    period->addWidget(m_stop);
    period->addWidget(m_progress, 1);
    period->addStretch(); // holds the place of the progress bar when it is hidden
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    buttons->addWidget(m_use);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(period);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);

    connect(m_period, qOverload<int>(&QComboBox::currentIndexChanged), this, &RulesAdvisorDialog::run);
    connect(m_stop, &QPushButton::clicked, this, &RulesAdvisorDialog::stopOrRunAgain);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RulesAdvisorDialog::selectionChanged);
    connect(m_table, &QTableView::doubleClicked, this, &RulesAdvisorDialog::useSelected);
    // Rules in words wrap: the rows follow the width of their column.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table, &QTableView::resizeRowsToContents);
    connect(m_use, &QPushButton::clicked, this, &RulesAdvisorDialog::useSelected);
    connect(m_close, &QPushButton::clicked, this, &RulesAdvisorDialog::close);
    resize(980, 580);
    setRunning(false);
    retranslateUi();
}

RulesAdvisorDialog::~RulesAdvisorDialog() = default; // the task stops and is waited for

void RulesAdvisorDialog::retranslateUi()
{
    QString lineName;
    if (const Expected<std::vector<LineRecord>> lines = m_service.lines()) {
        for (const LineRecord &line : *lines) {
            if (line.id == m_lineId)
                lineName = line.name;
        }
    }
    setWindowTitle(tr("Suggest rules for %1").arg(lineName));
    m_intro->setText(tr("Replays this line's usage, hour by hour, under many auto top-up rules — every threshold step and "
                        "package, with or without a monthly top-up on each day — and shows the ones that would have kept "
                        "it in data and minutes for the least money. The method, fallback and limits stay as saved."));
    m_periodLabel->setText(tr("&Usage of the last:"));
    for (int i = 0; i < m_period->count(); ++i)
        m_period->setItemText(i, tr("%n day(s)", nullptr, m_period->itemData(i).toInt()));
    m_period->setAccessibleName(tr("Period of usage to replay"));
    m_progress->setAccessibleName(tr("Progress of the replay"));
    m_stop->setText(isRunning() ? tr("&Stop") : tr("&Run again"));
    m_stop->setAccessibleName(isRunning() ? tr("Stop the replay") : tr("Run the replay again"));
    m_table->setAccessibleName(tr("Saved rules and suggested rules"));
    m_note->setText(tr("The history keeps what the line was served: hours it had already run out count as no use. "
                       "Funds are as they are now."));
    m_use->setText(tr("Use &these rules"));
    m_use->setAccessibleName(tr("Use the selected rules in the form"));
    m_close->setText(tr("&Close"));
    if (m_advice) {
        m_model->setAdvice(*m_advice, m_packageNames, Formatter::currencyOf(m_service), m_units);
        m_table->resizeRowsToContents();
        m_status->setText(summary(*m_advice));
    } else if (!m_stoppedText.isEmpty()) {
        m_status->setText(m_stoppedText);
    } else if (isRunning()) {
        m_status->setText(tr("Replaying the last %n day(s)…", nullptr, m_period->currentData().toInt()));
    }
}

void RulesAdvisorDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void RulesAdvisorDialog::closeEvent(QCloseEvent *event)
{
    m_task.reset(); // stops a run that is still going
    QDialog::closeEvent(event);
}

bool RulesAdvisorDialog::isRunning() const
{
    // Until the run's answer is shown, not until its thread ends: the answer
    // is still on its way (queued) when the thread has ended.
    return m_task != nullptr;
}

void RulesAdvisorDialog::run()
{
    m_task.reset();
    m_advice.reset();
    m_stoppedText.clear();
    m_model->clear();
    m_error->setError(QString());
    const int days = m_period->currentData().toInt();
    Expected<std::unique_ptr<AdviceTask>> task = m_service.adviseRules(m_lineId, days);
    if (!task) {
        m_error->setError(task.sentences());
        m_status->clear();
        setRunning(false);
        emit runEnded();
        return;
    }
    m_task = task.take();
    // Answers of an earlier run still on their way are not this run's.
    const AdviceTask *current = m_task.get();
    const int thisRun = ++m_runs;
    const auto fromThisRun = [this, thisRun] { return m_task && thisRun == m_runs; };
    connect(current, &AdviceTask::progressed, this, [this, fromThisRun](int done, int total) {
        if (!fromThisRun())
            return;
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(current, &AdviceTask::finished, this, [this, fromThisRun](const RulesAdvice &advice) {
        if (fromThisRun())
            showAdvice(advice);
    });
    connect(current, &AdviceTask::failed, this, [this, fromThisRun](const QString &error) {
        if (!fromThisRun())
            return;
        m_error->setError(error);
        showStopped(QString());
    });
    connect(current, &AdviceTask::cancelled, this, [this, fromThisRun] {
        if (fromThisRun())
            showStopped(tr("Stopped. Choose a period or run it again."));
    });
    m_progress->setRange(0, 0);
    m_task->start();
    setRunning(true);
    m_status->setText(tr("Replaying the last %n day(s)…", nullptr, days));
}

void RulesAdvisorDialog::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_stop->setText(running ? tr("&Stop") : tr("&Run again"));
    m_stop->setAccessibleName(running ? tr("Stop the replay") : tr("Run the replay again"));
    selectionChanged();
}

void RulesAdvisorDialog::stopOrRunAgain()
{
    if (isRunning())
        m_task->cancel();
    else
        run();
}

void RulesAdvisorDialog::showAdvice(const RulesAdvice &advice)
{
    m_advice = std::make_unique<RulesAdvice>(advice);
    m_task.reset();
    m_model->setAdvice(advice, m_packageNames, Formatter::currencyOf(m_service), m_units);
    m_table->resizeRowsToContents();
    if (m_model->isSuggestion(1))
        m_table->selectRow(1);
    m_status->setText(summary(advice));
    setRunning(false);
    emit runEnded();
}

void RulesAdvisorDialog::showStopped(const QString &text)
{
    m_task.reset();
    m_stoppedText = text;
    m_status->setText(text);
    setRunning(false);
    emit runEnded();
}

QString RulesAdvisorDialog::summary(const RulesAdvice &advice) const
{
    const QTimeZone zone = Formatter::zoneOf(m_service);
    const QString period = tr("%1 to %2").arg(Formatter::date(advice.from, zone), Formatter::date(advice.to, zone));
    if (advice.hoursWithUsage == 0)
        return tr("This line used nothing from %1: there is no usage to learn from.").arg(period);
    const QLocale locale;
    if (!advice.anyKeepsServed && !advice.best.empty())
        return tr("No rules would have kept this line in data and minutes from %1: the best still leaves it without for %2 h. "
                  "They are listed with the fewest hours first.")
            .arg(period, locale.toString(advice.best.front().hoursWithoutService));
    //: %Ln rules (the count in the language's digits), over %1 hours (with usage), in the period %2
    return tr("%Ln rule(s) replayed over %1 hours of usage, %2; the cheapest that keep the line in data and minutes come first.",
              nullptr, int(advice.candidates))
        .arg(locale.toString(advice.hoursWithUsage), period);
}

void RulesAdvisorDialog::selectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_use->setEnabled(!isRunning() && rows.size() == 1 && m_model->isSuggestion(rows.front().row()));
}

void RulesAdvisorDialog::useSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (isRunning() || rows.size() != 1 || !m_model->isSuggestion(rows.front().row()))
        return;
    const CandidateResult *chosen = m_model->result(rows.front().row());
    emit rulesChosen(chosen->policy);
    close();
}

} // namespace topup
