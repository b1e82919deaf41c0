#include "linecard.h"

#include "alerttext.h"
#include "formatter.h"
#include "rules/monthlyschedule.h"
#include "rules/zonedcalendar.h"
#include "service/forecast.h"
#include "service/service.h"
#include "statecolors.h"

#include <QApplication>
#include <QDateTime>
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

LineCard::LineCard(Service &service, AppSettings &settings, QWidget *parent)
    : QFrame(parent)
    , m_service(service)
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
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, [this] { emit activated(m_line.id); });
    connect(&m_settings, &AppSettings::changed, this, &LineCard::refresh);
}

void LineCard::setLine(const LineRecord &line, const Account &account)
{
    m_line = line;
    m_account = account;
    refresh();
}

void LineCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit activated(m_line.id);
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
    bar->setPalette(palette);
}

QString LineCard::stateText() const
{
    if (!m_line.policy)
        return tr("Auto top-up: off — no rules set for this line.");
    const Policy &policy = *m_line.policy;
    if (!policy.enabled)
        return tr("Auto top-up: paused — the rules are kept but nothing tops up by itself.");
    if (!policy.threshold)
        return tr("Auto top-up: on — monthly only.");
    const QString below = policy.threshold->resource == Resource::Data
        ? Formatter::data(policy.threshold->below, m_settings.dataUnits())
        : Formatter::voice(policy.threshold->below);
    switch (m_line.progress.state) {
    case ThresholdState::Armed:
        return tr("Auto top-up: on — armed, tops up when the balance falls below %1.").arg(below);
    case ThresholdState::Retrying:
        if (m_line.nextThresholdRetry)
            return tr("Auto top-up: on — retrying after a failed payment; next try at %1.")
                .arg(Formatter::dateTime(*m_line.nextThresholdRetry, QTimeZone(m_account.timezone.toUtf8())));
        return tr("Auto top-up: on — retrying after a failed payment; see Alerts for the next try.");
    case ThresholdState::Suspended:
        return tr("Auto top-up: suspended — the payments failed. Fix or fund the payment method; it re-arms "
                  "after a deposit, a change to the rules, or when the balance is back above %1.")
            .arg(below);
    case ThresholdState::Blocked:
        if (!m_blockedReason.isEmpty())
            return tr("Auto top-up: blocked until the 1st — %1.").arg(AlertText::reason(m_blockedReason));
        return tr("Auto top-up: blocked by a monthly budget (line or account cap) until the 1st.");
    }
    return {};
}

void LineCard::refresh()
{
    if (m_line.id == 0)
        return;
    const QTimeZone zone(m_account.timezone.toUtf8());
    const ZonedCalendar calendar(zone);
    const Instant now = m_service.now();
    const DataUnits units = m_settings.dataUnits();
    const std::optional<Policy> &policy = m_line.policy;
    const bool dataThreshold = policy && policy->hasActiveThreshold() && policy->threshold->resource == Resource::Data;
    const bool voiceThreshold = policy && policy->hasActiveThreshold() && policy->threshold->resource == Resource::Voice;

    m_name->setText(m_line.name);
    m_region->setText(m_line.region);
    m_dataLabel->setText(tr("Data left: %1").arg(Formatter::data(m_line.dataBytes, units)));
    m_voiceLabel->setText(tr("Minutes left: %1").arg(Formatter::voice(m_line.voiceSeconds)));
    const qint64 dataBelow = dataThreshold ? policy->threshold->below : 0;
    const qint64 voiceBelow = voiceThreshold ? policy->threshold->below : 0;
    setBar(m_dataBar, m_line.dataBytes, dataBelow, std::max<qint64>(4 * dataBelow, 5'000'000'000LL));
    setBar(m_voiceBar, m_line.voiceSeconds, voiceBelow, std::max<qint64>(4 * voiceBelow, 300 * 60));
    m_dataBar->setAccessibleName(m_dataLabel->text());
    m_voiceBar->setAccessibleName(m_voiceLabel->text());
    m_blockedReason.clear();
    if (m_line.progress.state == ThresholdState::Blocked) {
        if (const Expected<std::vector<AttemptRow>> recent = m_service.attempts(20, m_line.id); recent) {
            const auto blocked = std::find_if(recent->cbegin(), recent->cend(),
                                              [](const AttemptRow &a) { return a.status == QLatin1String("blocked"); });
            if (blocked != recent->cend())
                m_blockedReason = blocked->reason;
        }
    }
    m_state->setText(stateText());

    // The next refill: the monthly top-up, else the end of the local month.
    std::optional<Instant> nextMonthly;
    if (policy && policy->hasActiveMonthly())
        nextMonthly = MonthlySchedule(policy->monthly->day, policy->monthly->minuteOfDay).firstAtOrAfter(now, calendar).at;
    m_monthly->setText(nextMonthly ? tr("Next monthly top-up: %1 (%2)").arg(Formatter::dateTime(*nextMonthly, zone), m_account.timezone)
                                   : tr("No monthly top-up."));
    const Instant periodEnd = nextMonthly ? *nextMonthly : calendar.monthStart(calendar.monthOf(now).next());

    const Expected<std::vector<UsagePoint>> week = m_service.dailyUsage(m_line.id, 8);
    ForecastInput input;
    input.now = now;
    input.remaining = m_line.dataBytes;
    if (dataThreshold)
        input.thresholdBelow = policy->threshold->below;
    input.periodEnd = periodEnd;
    if (week) {
        // The last 7 full days (a day without use counts as 0): today is still under way.
        const QString today = QDateTime::fromMSecsSinceEpoch(now.msecs(), zone).date().toString(Qt::ISODate);
        input.recentDays.assign(7, 0);
        for (const UsagePoint &day : *week) {
            const qint64 back = QDate::fromString(day.label.left(10), Qt::ISODate).daysTo(QDate::fromString(today, Qt::ISODate));
            if (back >= 1 && back <= 7)
                input.recentDays[std::size_t(7 - back)] = day.dataBytes;
        }
    }
    const Forecast forecast = UsageForecast::compute(input);
    QString forecastText;
    if (!forecast.runOut || forecast.perDay == 0) {
        forecastText = tr("No data used in the last 7 days.");
    } else {
        const QString pace = Formatter::data(forecast.perDay, units);
        const QString runOut = Formatter::dayMonth(*forecast.runOut, zone);
        if (m_line.dataBytes <= 0)
            forecastText = tr("Data has run out (the last 7 days averaged %1 a day).").arg(pace);
        else if (forecast.thresholdAt && dataThreshold && !(*forecast.thresholdAt > periodEnd))
            forecastText = tr("At the last 7 days' pace (%1 a day), data runs out around %2 — the threshold top-up will fire about %3.")
                               .arg(pace, runOut, Formatter::dayMonth(*forecast.thresholdAt, zone));
        else if (nextMonthly && forecast.runsOutBeforePeriodEnd)
            forecastText = tr("At the last 7 days' pace (%1 a day), data runs out around %2 — before the monthly top-up on %3.")
                               .arg(pace, runOut, Formatter::dayMonth(*nextMonthly, zone));
        else
            forecastText = tr("At the last 7 days' pace (%1 a day), data lasts until about %2.").arg(pace, runOut);
    }
    m_forecast->setText(forecastText);
    m_allowance->setText(nextMonthly ? tr("Daily allowance: %1 a day until the monthly top-up (days left: %2).")
                                           .arg(Formatter::data(forecast.allowancePerDay, units))
                                           .arg(forecast.daysLeft)
                                     : tr("Daily allowance: %1 a day until the month ends (days left: %2).")
                                           .arg(Formatter::data(forecast.allowancePerDay, units))
                                           .arg(forecast.daysLeft));

    // This month's auto top-ups against the line's caps.
    const Expected<MonthSpend> spend = m_service.spendThisMonth(m_line.id);
    int count = 0;
    if (const Expected<std::vector<AttemptRow>> attempts = m_service.attempts(400, m_line.id); attempts) {
        const YearMonth month = calendar.monthOf(now);
        count = int(std::count_if(attempts->cbegin(), attempts->cend(), [&](const AttemptRow &a) {
            const bool automatic = a.trigger == QLatin1String("threshold") || a.trigger == QLatin1String("monthly");
            return a.status == QLatin1String("succeeded") && automatic && calendar.monthOf(a.at) == month;
        }));
    }
    const QString spent = spend ? Formatter::money(spend->autoSpend, m_account.currency) : QStringLiteral("?");
    QStringList parts;
    parts << (policy && policy->monthlyCap ? tr("Spent this month: %1 of the %2 line cap.").arg(spent, Formatter::money(*policy->monthlyCap, m_account.currency))
                                           : tr("Spent this month: %1 (no line cap).").arg(spent));
    parts << (policy && policy->maxPerMonth ? tr("Top-ups this month: %1 of %2").arg(count).arg(*policy->maxPerMonth)
                                            : tr("Top-ups this month: %1").arg(count));
    m_spend->setText(parts.join(QLatin1Char('\n')));
    if (spend && policy && policy->monthlyCap && spend->autoSpend.cents() >= policy->monthlyCap->cents()) {
        QPalette palette = m_spend->palette();
        palette.setColor(QPalette::WindowText, stateColor(StateColor::Warning, QApplication::palette()));
        m_spend->setPalette(palette);
    } else {
        m_spend->setPalette(QPalette());
    }
    m_open->setText(tr("Rules and test…"));
    m_open->setAccessibleName(tr("Open %1").arg(m_line.name));
    setAccessibleName(tr("Line %1").arg(m_line.name));
}

} // namespace topup
