#include "linetestpanel.h"

#include "text/wording.h"
#include "forms/paymentchoices.h"
#include "domain/reason.h"
#include "text/formatter.h"
#include "models/attemptmodel.h"
#include "domain/lineprogress.h"
#include "service/service.h"
#include "widgets/errorlabel.h"
#include "widgets/paddeddelegate.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace topup {
namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;

} // namespace

LineTestPanel::LineTestPanel(Service &service, QWidget *parent)
    : QWidget(parent), m_service(service), m_balanceTitle(new QLabel(this)), m_data(new QLabel(this)), m_voice(new QLabel(this)),
      m_state(new QLabel(this)), m_clockGroup(new QGroupBox(this)), m_clock(new QLabel(m_clockGroup)),
      m_play(new QPushButton(m_clockGroup)), m_speedLabel(new QLabel(m_clockGroup)), m_speed(new QComboBox(m_clockGroup)),
      m_next(new QPushButton(m_clockGroup)), m_actionsGroup(new QGroupBox(this)), m_drain(new QPushButton(m_actionsGroup)),
      m_faultLabel(new QLabel(m_actionsGroup)), m_faultMethod(new QComboBox(m_actionsGroup)),
      m_faultReason(new QComboBox(m_actionsGroup)), m_inject(new QPushButton(m_actionsGroup)),
      m_manualLabel(new QLabel(m_actionsGroup)), m_manualPackage(new QComboBox(m_actionsGroup)),
      m_manualMethod(new QComboBox(m_actionsGroup)), m_manual(new QPushButton(m_actionsGroup)), m_status(new QLabel(this)),
      m_error(new ErrorLabel(this)), m_attemptsTitle(new QLabel(this)), m_attempts(new QTableView(this)),
      m_attemptModel(new AttemptModel(service, -1, 50, this))
{
    m_data->setObjectName(QStringLiteral("dataBalance"));
    m_voice->setObjectName(QStringLiteral("voiceBalance"));
    m_state->setObjectName(QStringLiteral("thresholdState"));
    m_clock->setObjectName(QStringLiteral("clock"));
    m_play->setObjectName(QStringLiteral("play"));
    m_play->setCheckable(true);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_speed->addItem(QString(), minuteMs);
    m_speed->addItem(QString(), hourMs);
    m_speed->addItem(QString(), dayMs);
    m_speed->setCurrentIndex(1);
    m_next->setObjectName(QStringLiteral("nextEvent"));
    m_drain->setObjectName(QStringLiteral("drain"));
    m_faultMethod->setObjectName(QStringLiteral("faultMethod"));
    m_faultReason->setObjectName(QStringLiteral("faultReason"));
    for (const char *reason : {"declined", "gateway_error", "insufficient_funds"})
        m_faultReason->addItem(QString(), QLatin1String(reason));
    m_inject->setObjectName(QStringLiteral("inject"));
    m_manualPackage->setObjectName(QStringLiteral("manualPackage"));
    m_manualMethod->setObjectName(QStringLiteral("manualMethod"));
    m_manual->setObjectName(QStringLiteral("manualTopUp"));
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_status->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("testError"));
    m_attempts->setObjectName(QStringLiteral("latestAttempts"));
    m_attemptModel->setFetchesMore(false);
    m_attempts->setModel(m_attemptModel);
    PaddedDelegate::setUp(m_attempts);
    m_attempts->setColumnHidden(AttemptModel::Line, true);

    QFont big = m_data->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    for (QLabel *label : {m_data, m_voice, m_state})
        label->setFont(big);
    QFont bold = m_balanceTitle->font();
    bold.setBold(true);
    m_balanceTitle->setFont(bold);
    m_attemptsTitle->setFont(bold);

    auto *balance = new QHBoxLayout;
    balance->addWidget(m_data);
    balance->addSpacing(24);
    balance->addWidget(m_voice);
    balance->addSpacing(24);
    balance->addWidget(m_state);
    balance->addStretch(1);

    auto *clock = new QHBoxLayout(m_clockGroup);
    clock->addWidget(m_clock, 1);
    clock->addWidget(m_play);
    clock->addWidget(m_speedLabel);
    clock->addWidget(m_speed);
    clock->addWidget(m_next);

    auto *actions = new QGridLayout(m_actionsGroup);
    actions->addWidget(m_drain, 0, 0, 1, 2, Qt::AlignLeft);
    actions->addWidget(m_faultLabel, 1, 0);
    actions->addWidget(m_faultMethod, 1, 1);
    actions->addWidget(m_faultReason, 1, 2);
    actions->addWidget(m_inject, 1, 3);
    actions->addWidget(m_manualLabel, 2, 0);
    actions->addWidget(m_manualPackage, 2, 1);
    actions->addWidget(m_manualMethod, 2, 2);
    actions->addWidget(m_manual, 2, 3);
    actions->setColumnStretch(1, 1);
    actions->setColumnStretch(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_balanceTitle);
    layout->addLayout(balance);
    layout->addWidget(m_clockGroup);
    layout->addWidget(m_actionsGroup);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_attemptsTitle);
    layout->addWidget(m_attempts, 1);

    connect(m_drain, &QPushButton::clicked, this, &LineTestPanel::drain);
    connect(m_inject, &QPushButton::clicked, this, &LineTestPanel::inject);
    connect(m_manual, &QPushButton::clicked, this, &LineTestPanel::manualTopUp);
    connect(m_play, &QPushButton::clicked, this, &LineTestPanel::togglePlay);
    connect(m_next, &QPushButton::clicked, this, &LineTestPanel::nextEvent);
    connect(m_speed, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        if (m_service.isPlaying())
            (void)m_service.startPlaying(m_speed->currentData().toLongLong());
    });
    connect(&m_service, &Service::linesChanged, this, [this](const QList<qint64> &lineIds) {
        if (lineIds.contains(m_lineId))
            refreshLine();
    });
    connect(&m_service, &Service::worldAdvanced, this, [this] {
        refreshLine();
        refreshClock();
    });
    const auto followMethods = [this] {
        // Refilling unchanged combo boxes would close an open one under the user.
        if (PaymentChoices::every(m_service) != m_methodChoices)
            fillChoices();
    };
    connect(&m_service, &Service::methodAdded, this, followMethods);
    connect(&m_service, &Service::methodRemoved, this, followMethods);
    connect(&m_service, &Service::methodsChanged, this, followMethods);
    connect(&m_service, &Service::worldAdvanced, this, followMethods); // a card expires
    connect(&m_service, &Service::jumpFinished, this, &LineTestPanel::jumped);
    connect(&m_service, &Service::playStopped, this, [this](const QString &error) {
        m_play->setChecked(false);
        retranslateUi();
        if (!error.isEmpty())
            report(QString(), tr("The clock stopped: %1").arg(error));
    });

    QWidget *order[] = {m_play, m_speed, m_next, m_drain, m_faultMethod, m_faultReason, m_inject,
                        m_manualPackage, m_manualMethod, m_manual, m_attempts};
    for (std::size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
    retranslateUi();
}

void LineTestPanel::retranslateUi()
{
    m_balanceTitle->setText(tr("Balance now"));
    m_clockGroup->setTitle(tr("Simulated clock"));
    m_play->setText(m_play->isChecked() ? tr("&Pause") : tr("&Play"));
    m_speedLabel->setText(tr("Speed:"));
    m_speed->setItemText(0, tr("1 minute per second"));
    m_speed->setItemText(1, tr("1 hour per second"));
    m_speed->setItemText(2, tr("1 day per second"));
    m_next->setText(tr("Jump to &next event"));
    m_actionsGroup->setTitle(tr("Try the rules"));
    m_drain->setText(tr("&Drain the line's data"));
    m_faultLabel->setText(tr("Next charge of:"));
    m_faultReason->setItemText(0, tr("is declined"));
    m_faultReason->setItemText(1, tr("hits a gateway error"));
    m_faultReason->setItemText(2, tr("has insufficient funds"));
    m_inject->setText(tr("&Inject failure"));
    m_manualLabel->setText(tr("Top up now:"));
    m_manual->setText(tr("Top &up"));
    m_attemptsTitle->setText(tr("Latest attempts of this line"));
    m_play->setAccessibleName(m_play->isChecked() ? tr("Pause the simulated clock") : tr("Play the simulated clock"));
    m_speed->setAccessibleName(tr("Simulation speed"));
    m_next->setAccessibleName(tr("Jump to the next top-up"));
    m_drain->setAccessibleName(tr("Use up all data of the line"));
    m_faultMethod->setAccessibleName(tr("Method whose next charge fails"));
    m_faultReason->setAccessibleName(tr("Failure to inject"));
    m_inject->setAccessibleName(tr("Inject the failure"));
    m_manualPackage->setAccessibleName(tr("Package to buy now"));
    m_manualMethod->setAccessibleName(tr("Method to pay with now"));
    m_manual->setAccessibleName(tr("Top up now"));
    m_attempts->setAccessibleName(tr("Latest attempts of this line"));
    if (m_jumping)
        report(tr("Jumping to the next top-up…"));
    fillChoices();
    refreshLine();
    refreshClock();
}

void LineTestPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LineTestPanel::setLine(qint64 lineId)
{
    m_lineId = lineId;
    m_attemptModel->setLineId(lineId);
    m_status->clear();
    m_error->setError(QString());
    if (m_jumping)
        showJumping(true); // still running: says so again
    fillChoices();
    refreshLine();
    refreshClock();
}

void LineTestPanel::fillChoices()
{
    const QString currency = Formatter::currencyOf(m_service);
    m_methodChoices = PaymentChoices::every(m_service);
    const QVariant faultMethod = m_faultMethod->currentData();
    const QVariant manualMethod = m_manualMethod->currentData();
    const QVariant package = m_manualPackage->currentData();
    m_faultMethod->clear();
    m_manualMethod->clear();
    m_manualPackage->clear();
    for (const auto &[id, label] : m_methodChoices) {
        m_faultMethod->addItem(label, id);
        m_manualMethod->addItem(label, id);
    }
    // The line's own region's packages: all it may buy.
    if (const Expected<std::vector<PackageRecord>> packages = m_lineId ? m_service.packages(m_lineId) : Expected<std::vector<PackageRecord>>(std::vector<PackageRecord>())) {
        for (const PackageRecord &record : *packages)
            m_manualPackage->addItem(tr("%1 — %2").arg(Formatter::packageName(record.name, m_units), Formatter::money(record.package.price, currency)), record.id);
    }
    m_faultMethod->setCurrentIndex(std::max(0, m_faultMethod->findData(faultMethod)));
    m_manualMethod->setCurrentIndex(std::max(0, m_manualMethod->findData(manualMethod)));
    m_manualPackage->setCurrentIndex(std::max(0, m_manualPackage->findData(package)));
    for (QWidget *needsMethod : {static_cast<QWidget *>(m_inject), static_cast<QWidget *>(m_manual)})
        needsMethod->setEnabled(m_faultMethod->count() > 0);
}

void LineTestPanel::setDataUnits(DataUnits units)
{
    m_units = units;
    m_attemptModel->setDataUnits(units);
    fillChoices();
    refreshLine();
}

void LineTestPanel::refreshLine()
{
    if (const Expected<std::vector<LineRecord>> lines = m_service.lines()) {
        for (const LineRecord &line : *lines) {
            if (line.id != m_lineId)
                continue;
            m_data->setText(tr("Data: %1").arg(Formatter::data(line.dataBytes, m_units)));
            m_voice->setText(tr("Voice: %1").arg(Formatter::voice(line.voiceSeconds)));
            const bool threshold = line.policy && line.policy->hasActiveThreshold();
            m_state->setText(threshold ? tr("Threshold top-up: %1").arg(Wording::thresholdState(line.progress.state))
                                       : tr("No threshold top-up"));
            return;
        }
    }
    m_data->clear();
    m_voice->clear();
    m_state->clear();
}

void LineTestPanel::refreshClock()
{
    const Expected<Instant> clock = m_service.worldClock();
    m_clock->setText(clock ? tr("Simulated time: %1").arg(Formatter::dateTime(*clock, Formatter::zoneOf(m_service)))
                           : clock.sentences());
}

void LineTestPanel::report(const QString &message, const QString &error)
{
    m_status->setText(message);
    m_error->setError(error);
}

void LineTestPanel::drain()
{
    const Expected<void> drained = m_service.drainLine(m_lineId);
    drained ? report(tr("The line's data is used up; the rules reacted at once (see the attempts below)."))
            : report(QString(), drained.sentences());
}

void LineTestPanel::inject()
{
    const std::optional<Reason> reason = parseInjectableReason(m_faultReason->currentData().toString());
    if (!reason || m_faultMethod->count() == 0)
        return;
    const Expected<void> injected = m_service.injectFault(m_faultMethod->currentData().toLongLong(), {*reason});
    injected ? report(tr("The next charge of %1 will fail: %2.")
                          .arg(m_faultMethod->currentText(), Wording::reason(m_faultReason->currentData().toString())))
             : report(QString(), injected.sentences());
}

void LineTestPanel::manualTopUp()
{
    const Expected<ChargeAnswer> answer = m_service.manualTopUp(m_lineId, m_manualPackage->currentData().toLongLong(),
                                                                m_manualMethod->currentData().toLongLong());
    if (!answer)
        report(QString(), answer.sentences());
    else if (answer->succeeded)
        report(tr("Topped up with %1.").arg(m_manualPackage->currentText()));
    else
        report(QString(), tr("The top-up failed: %1.").arg(Wording::reason(answer->reason)));
}

void LineTestPanel::togglePlay()
{
    if (m_service.isPlaying()) {
        m_service.stopPlaying();
    } else if (const Expected<void> playing = m_service.startPlaying(m_speed->currentData().toLongLong()); !playing) {
        report(QString(), playing.sentences());
    }
    m_play->setChecked(m_service.isPlaying());
    retranslateUi();
}

void LineTestPanel::nextEvent()
{
    if (m_jumping)
        return; // one at a time (the button waits too)
    // Off the window's thread: the move, then the dashboard's outlook
    // (jumpFinished, after worldAdvanced, says where it went).
    if (const Expected<void> started = m_service.startJumpToNextEvent(); !started) {
        report(QString(), started.sentences());
        return;
    }
    showJumping(true);
}

void LineTestPanel::showJumping(bool jumping)
{
    m_jumping = jumping;
    m_clockGroup->setEnabled(!jumping);
    m_actionsGroup->setEnabled(!jumping);
    if (jumping)
        report(tr("Jumping to the next top-up…"));
}

void LineTestPanel::jumped(const Expected<std::optional<Instant>> &next)
{
    if (!m_jumping)
        return; // another panel's
    showJumping(false);
    if (!next)
        report(QString(), next.sentences());
    else if (!*next)
        report(tr("No top-up in the next 35 days; the clock stays."));
    else
        report(tr("Jumped to the next top-up: %1.").arg(Formatter::dateTime(**next, Formatter::zoneOf(m_service))));
}

} // namespace topup
