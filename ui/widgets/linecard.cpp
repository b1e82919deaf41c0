#include "linecard.h"

#include "text/wording.h"
#include "text/formatter.h"
#include "text/amountunits.h"
#include "statecolors.h"

#include <QApplication>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace topup {
namespace {

QLabel *wrapped(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    return label;
}

} // namespace

LineCard::LineCard(AppSettings &settings, QWidget *parent)
    : QFrame(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("lineCard"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setCursor(Qt::PointingHandCursor);
    m_name = new QLabel(this);
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    m_name->setFont(nameFont);
    m_region = new QLabel(this);
    m_region->setForegroundRole(QPalette::PlaceholderText);
    m_dataLabel = wrapped(this, "dataLeft");
    m_voiceLabel = wrapped(this, "voiceLeft");
    m_dataBar = new QProgressBar(this);
    m_voiceBar = new QProgressBar(this);
    for (QProgressBar *bar : {m_dataBar, m_voiceBar}) {
        bar->setTextVisible(false);
        bar->setFixedHeight(8);
    }
    m_state = wrapped(this, "autoTopUpState");
    m_monthly = wrapped(this, "nextMonthly");
    m_forecast = wrapped(this, "forecast");
    m_allowance = wrapped(this, "allowance");
    m_spend = wrapped(this, "spend");
    m_lowFunds = wrapped(this, "lowFunds");
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openLineButton"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(5);
    auto *header = new QHBoxLayout;
    header->addWidget(m_name, 1);
    header->addWidget(m_region);
    layout->addLayout(header);
    layout->addWidget(m_dataLabel);
    layout->addWidget(m_dataBar);
    layout->addWidget(m_voiceLabel);
    layout->addWidget(m_voiceBar);
    layout->addSpacing(4);
    layout->addWidget(m_state);
    layout->addWidget(m_monthly);
    layout->addWidget(m_forecast);
    layout->addWidget(m_allowance);
    layout->addWidget(m_spend);
    layout->addWidget(m_lowFunds);
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, [this] { emit activated(lineId()); });
    connect(&m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
        if (key == AppSettings::Key::DataUnits)
            refresh();
    });
}

void LineCard::setOutlook(const LineOutlook &outlook, const Context &context)
{
    m_outlook = outlook;
    m_context = context;
    m_zone = QTimeZone(context.timezone.toUtf8());
    refresh();
}

void LineCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit activated(lineId());
    QFrame::mouseReleaseEvent(event);
}

void LineCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        refresh();
    QFrame::changeEvent(event);
}

void LineCard::setBar(QProgressBar *bar, qint64 value, qint64 threshold, qint64 scale)
{
    // Thousandths of the scale, so 64-bit balances fit the bar's int range.
    const qint64 top = std::max<qint64>({scale, value, 1});
    bar->setRange(0, 1000);
    bar->setValue(int(std::clamp<qint64>(value * 1000 / top, 0, 1000)));
    StateColor state = StateColor::Ok;
    if (value <= 0 || (threshold > 0 && value < threshold))
        state = StateColor::Error;
    else if (threshold > 0 && value < 2 * threshold)
        state = StateColor::Warning;
    QPalette palette = bar->palette();
    palette.setColor(QPalette::Highlight, stateColor(state, QApplication::palette()));
    // The empty part: the groove is drawn in Base, the card's own colour.
    palette.setColor(QPalette::Base, trackColor(QApplication::palette()));
    bar->setPalette(palette);
}

QString LineCard::stateText() const
{
    const LineRecord &line = m_outlook.line;
    if (!line.policy)
        return tr("Auto top-up: off — no rules set for this line.");
    const Policy &policy = *line.policy;
    if (!policy.enabled)
        return tr("Auto top-up: paused — the rules are kept but nothing tops up by itself.");
    if (m_outlook.methodRemoved)
        return tr("Auto top-up: stopped — its payment method was removed. Choose another in the line's rules.");
    if (!policy.threshold)
        return tr("Auto top-up: on — monthly only.");
    const QString below = AmountUnits::text(policy.threshold->resource, policy.threshold->below, m_settings.dataUnits());
    switch (line.progress.state) {
    case ThresholdState::Armed:
        return tr("Auto top-up: on — armed, tops up when the balance falls below %1.").arg(below);
    case ThresholdState::Retrying:
        if (line.nextThresholdRetry)
            return tr("Auto top-up: on — retrying after a failed payment; next try at %1.")
                .arg(Formatter::dateTime(*line.nextThresholdRetry, m_zone));
        return tr("Auto top-up: on — retrying after a failed payment; see Alerts for the next try.");
    case ThresholdState::Suspended:
        return tr("Auto top-up: suspended — the payments failed. Fix or fund the payment method; it re-arms "
                  "after a deposit, a change to the rules, or when the balance is back above %1.")
            .arg(below);
    case ThresholdState::Blocked:
        if (m_outlook.blockedReason)
            return tr("Auto top-up: blocked until the 1st — %1.").arg(Wording::reason(*m_outlook.blockedReason));
        return tr("Auto top-up: blocked by a monthly budget (line or account cap) until the 1st.");
    }
    return {};
}

QString LineCard::monthlyText() const
{
    const PreviewItem *next = m_outlook.nextMonthly();
    if (!next)
        return tr("No monthly top-up.");
    const QString when = Formatter::dateTime(next->at, m_zone);
    if (next->blocked())
        //: The next monthly top-up: when, the time zone, why a limit will block it
        return tr("Next monthly top-up: %1 (%2) — it will be blocked: %3.")
            .arg(when, m_context.timezone, Wording::reason(next->reason));
    if (!next->paid())
        //: The next monthly top-up: when, the time zone, why its payment will fail
        return tr("Next monthly top-up: %1 (%2) — its payment will fail: %3.")
            .arg(when, m_context.timezone, Wording::reason(next->reason));
    return tr("Next monthly top-up: %1 (%2)").arg(when, m_context.timezone);
}

QString LineCard::forecastText() const
{
    const Forecast &forecast = m_outlook.forecast;
    const DataUnits units = m_settings.dataUnits();
    const std::optional<Policy> &policy = m_outlook.line.policy;
    const bool dataThreshold = policy && policy->hasActiveThreshold() && policy->threshold->resource == Resource::Data;
    const PreviewItem *next = dataThreshold ? m_outlook.nextThreshold() : nullptr;
    if (m_outlook.line.dataBytes <= 0) {
        QString text = forecast.perDay > 0 ? tr("Data has run out (the last 7 days averaged %1 a day).").arg(Formatter::data(forecast.perDay, units))
                                           : tr("Data has run out.");
        if (next) {
            const QString when = Formatter::dayMonth(next->at, m_zone);
            text += QLatin1Char(' ')
                    + (next->blocked() ? tr("The threshold top-up on %1 will be blocked: %2.").arg(when, Wording::reason(next->reason))
                       : !next->paid() ? tr("The threshold top-up on %1 will fail: %2.").arg(when, Wording::reason(next->reason))
                                       : tr("The threshold top-up comes on %1.").arg(when));
        }
        return text;
    }
    if (!forecast.runOut || forecast.perDay == 0)
        return tr("No data used in the last 7 days.");
    const QString pace = Formatter::data(forecast.perDay, units);
    const QString runOut = Formatter::dayMonth(*forecast.runOut, m_zone);
    if (next) {
        const QString when = Formatter::dayMonth(next->at, m_zone);
        if (next->blocked())
            return tr("At the last 7 days' pace (%1 a day), data runs out around %2 — the threshold top-up on %3 will be blocked: %4.")
                .arg(pace, runOut, when, Wording::reason(next->reason));
        if (!next->paid())
            return tr("At the last 7 days' pace (%1 a day), data runs out around %2 — the threshold top-up on %3 will fail: %4.")
                .arg(pace, runOut, when, Wording::reason(next->reason));
        return tr("At the last 7 days' pace (%1 a day), data runs out around %2 — the threshold top-up comes on %3.")
            .arg(pace, runOut, when);
    }
    if (m_outlook.periodEndIsMonthly && forecast.runsOutBeforePeriodEnd)
        return tr("At the last 7 days' pace (%1 a day), data runs out around %2 — before the monthly top-up on %3.")
            .arg(pace, runOut, Formatter::dayMonth(m_outlook.periodEnd, m_zone));
    return tr("At the last 7 days' pace (%1 a day), data lasts until about %2.").arg(pace, runOut);
}

QString LineCard::spendText() const
{
    const LimitUse &month = m_outlook.thisMonth;
    const QString spent = Formatter::money(month.lineSpend, m_context.currency);
    QStringList parts;
    parts << (month.lineCap ? tr("Spent this month: %1 of the %2 line cap.").arg(spent, Formatter::money(*month.lineCap, m_context.currency))
                            : tr("Spent this month: %1 (no line cap).").arg(spent));
    parts << (month.maxPerMonth ? tr("Top-ups this month: %1 of %2").arg(month.lineCount).arg(*month.maxPerMonth)
                                : tr("Top-ups this month: %1").arg(month.lineCount));
    return parts.join(QLatin1Char('\n'));
}

QString LineCard::lowFundsText() const
{
    QStringList parts;
    for (const LowFunds &low : m_outlook.lowFunds)
        //: A payment method, what it holds, and the top-up of this line it cannot pay
        parts << tr("Low funds: %1 holds %2, less than a top-up of this line costs (%3).")
                     .arg(m_context.methodLabels.value(low.methodId, tr("a payment method")),
                          Formatter::money(low.funds, m_context.currency), Formatter::money(low.needed, m_context.currency));
    return parts.join(QLatin1Char('\n'));
}

void LineCard::refresh()
{
    const LineRecord &line = m_outlook.line;
    if (line.id == 0)
        return;
    const DataUnits units = m_settings.dataUnits();
    const std::optional<Policy> &policy = line.policy;
    const bool active = policy && policy->hasActiveThreshold() && !m_outlook.methodRemoved;
    const qint64 dataBelow = active && policy->threshold->resource == Resource::Data ? policy->threshold->below : 0;
    const qint64 voiceBelow = active && policy->threshold->resource == Resource::Voice ? policy->threshold->below : 0;

    m_name->setText(line.name);
    m_region->setText(line.region);
    m_dataLabel->setText(tr("Data left: %1").arg(Formatter::data(line.dataBytes, units)));
    m_voiceLabel->setText(tr("Minutes left: %1").arg(Formatter::voice(line.voiceSeconds)));
    setBar(m_dataBar, line.dataBytes, dataBelow, std::max<qint64>(4 * dataBelow, 5'000'000'000LL));
    setBar(m_voiceBar, line.voiceSeconds, voiceBelow, std::max<qint64>(4 * voiceBelow, 300 * 60));
    m_dataBar->setAccessibleName(m_dataLabel->text());
    m_voiceBar->setAccessibleName(m_voiceLabel->text());
    m_state->setText(stateText());
    m_monthly->setText(monthlyText());
    m_forecast->setText(forecastText());
    const QString allowance = Formatter::data(m_outlook.forecast.allowancePerDay, units);
    m_allowance->setText(m_outlook.periodEndIsMonthly
                             ? tr("Daily allowance: %1 a day until the monthly top-up (days left: %2).").arg(allowance).arg(m_outlook.forecast.daysLeft)
                             : tr("Daily allowance: %1 a day until the month ends (days left: %2).").arg(allowance).arg(m_outlook.forecast.daysLeft));
    m_spend->setText(spendText());
    if (m_outlook.thisMonth.lineCapReached()) {
        QPalette palette = m_spend->palette();
        palette.setColor(QPalette::WindowText, stateColor(StateColor::Warning, QApplication::palette()));
        m_spend->setPalette(palette);
    } else {
        m_spend->setPalette(QPalette());
    }
    const QString lowFunds = lowFundsText();
    m_lowFunds->setText(lowFunds);
    m_lowFunds->setVisible(!lowFunds.isEmpty());
    QPalette warning = m_lowFunds->palette();
    warning.setColor(QPalette::WindowText, stateColor(StateColor::Warning, QApplication::palette()));
    m_lowFunds->setPalette(warning);
    m_open->setText(tr("Rules and test…"));
    m_open->setAccessibleName(tr("Open %1").arg(line.name));
    setAccessibleName(tr("Line %1").arg(line.name));
}

} // namespace topup
