#include "displayformat.h"

#include "domain/dataamount.h"
#include "service/service.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

namespace topup {

QTimeZone DisplayFormat::zoneOf(const Service &service)
{
    if (service.account()) {
        const QTimeZone zone(service.account()->timezone.toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::utc();
}

QString DisplayFormat::currencyOf(const Service &service)
{
    return service.account() ? service.account()->currency : QString();
}

QString DisplayFormat::dateTime(Instant at, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(at.msecs(), zone);
    //: QDateTime format of a date with its time, e.g. 25 Nov 2026 09:00
    return QLocale().toString(local, tr("d MMM yyyy HH:mm"));
}

QString DisplayFormat::date(QDate day)
{
    //: QDate format of a day, e.g. Wed 25 Nov 2026
    return QLocale().toString(day, tr("ddd d MMM yyyy"));
}

QString DisplayFormat::moneyNumber(Money amount)
{
    // Whole units and cents apart: money never goes through floating point.
    const qint64 cents = amount.cents();
    const qint64 whole = (cents < 0 ? -cents : cents) / 100;
    const qint64 rest = (cents < 0 ? -cents : cents) % 100;
    QString text = QString::number(whole) + QLatin1Char('.') + QStringLiteral("%1").arg(rest, 2, 10, QLatin1Char('0'));
    return cents < 0 ? QLatin1Char('-') + text : text;
}

QString DisplayFormat::money(Money amount, const QString &currency)
{
    const QLocale locale;
    const qint64 cents = amount.cents();
    const qint64 magnitude = cents < 0 ? -cents : cents;
    QString number = locale.toString(magnitude / 100) + locale.decimalPoint()
                     + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    if (cents < 0)
        number.prepend(locale.negativeSign());
    if (currency.isEmpty())
        return number;
    //: An amount of money and its ISO currency code, e.g. 4.50 EUR
    return tr("%1 %2").arg(number, currency);
}

QString DisplayFormat::voice(qint64 seconds)
{
    const qint64 hours = seconds / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    const qint64 rest = seconds % 60;
    if (hours > 0)
        return minutes > 0 ? tr("%1 h %2 min").arg(hours).arg(minutes) : tr("%1 h").arg(hours);
    if (minutes > 0)
        return rest > 0 ? tr("%1 min %2 s").arg(minutes).arg(rest) : tr("%1 min").arg(minutes);
    return tr("%1 s").arg(rest);
}

QString DisplayFormat::sentence(QString message)
{
    if (!message.isEmpty())
        message[0] = message.at(0).toUpper();
    return message;
}

QString DisplayFormat::list(const QStringList &names)
{
    //: Between the names of a list: "Home phone, EU tablet".
    return names.join(tr(", "));
}

QString DisplayFormat::trigger(const QString &name)
{
    if (name == QLatin1String("threshold"))
        return tr("Threshold");
    if (name == QLatin1String("monthly"))
        return tr("Monthly");
    if (name == QLatin1String("manual"))
        return tr("Manual");
    if (name == QLatin1String("purchase"))
        //: The charge that bought a line from the carrier's catalog
        return tr("Line bought");
    return name;
}

QString DisplayFormat::lineName(const QString &name, LineState state)
{
    switch (state) {
    case LineState::Removed:
        //: A line that was removed, as History still names it
        return tr("%1 (removed)").arg(name);
    case LineState::Refused:
        //: A line whose purchase the provider refused, as History names it
        return tr("%1 (not bought)").arg(name);
    case LineState::Buying:
    case LineState::Active:
        break;
    }
    return name;
}

QString DisplayFormat::status(const QString &name)
{
    if (name == QLatin1String("succeeded"))
        return tr("Paid");
    if (name == QLatin1String("failed"))
        return tr("Failed");
    if (name == QLatin1String("blocked"))
        return tr("Blocked");
    return name;
}

QString DisplayFormat::reason(const QString &name)
{
    if (name == QLatin1String("card_expired"))
        return tr("card expired");
    if (name == QLatin1String("declined"))
        return tr("declined by the bank");
    if (name == QLatin1String("gateway_error"))
        return tr("payment gateway error");
    if (name == QLatin1String("insufficient_funds"))
        return tr("insufficient funds");
    if (name == QLatin1String("budget_cap"))
        return tr("line's monthly budget reached");
    if (name == QLatin1String("count_cap"))
        return tr("line's top-ups per month reached");
    if (name == QLatin1String("account_budget_cap"))
        return tr("account's monthly budget reached");
    return name;
}

QString DisplayFormat::thresholdState(const QString &name)
{
    if (name == QLatin1String("armed"))
        return tr("armed");
    if (name == QLatin1String("retrying"))
        return tr("retrying");
    if (name == QLatin1String("suspended"))
        return tr("suspended");
    if (name == QLatin1String("blocked"))
        return tr("blocked until the 1st");
    return name;
}

StateColor DisplayFormat::statusState(const QString &status)
{
    if (status == QLatin1String("succeeded"))
        return StateColor::Ok;
    if (status == QLatin1String("blocked"))
        return StateColor::Warning;
    if (status == QLatin1String("failed"))
        return StateColor::Error;
    return StateColor::Info;
}

namespace {

// The state icons of one style, decoded once: a table paints an icon in
// every row it shows, and QStyle::standardIcon makes (and decodes) a new
// one each call. A child of the style, so a change of theme (a new style)
// makes them again and they go with the style.
class StateIcons final : public QObject
{
public:
    explicit StateIcons(QStyle *style)
        : QObject(style), m_ok(style->standardIcon(QStyle::SP_DialogApplyButton)),
          m_warning(style->standardIcon(QStyle::SP_MessageBoxWarning)), m_error(style->standardIcon(QStyle::SP_MessageBoxCritical)),
          m_info(style->standardIcon(QStyle::SP_MessageBoxInformation))
    {
        setObjectName(QStringLiteral("topupStateIcons"));
    }

    static const StateIcons &of(QStyle *style)
    {
        if (auto *icons = dynamic_cast<StateIcons *>(style->findChild<QObject *>(QStringLiteral("topupStateIcons"), Qt::FindDirectChildrenOnly)))
            return *icons;
        return *new StateIcons(style);
    }

    const QIcon &icon(StateColor state) const
    {
        switch (state) {
        case StateColor::Ok:
            return m_ok;
        case StateColor::Warning:
            return m_warning;
        case StateColor::Error:
            return m_error;
        case StateColor::Info:
            break;
        }
        return m_info;
    }

private:
    QIcon m_ok;
    QIcon m_warning;
    QIcon m_error;
    QIcon m_info;
};

} // namespace

QIcon DisplayFormat::stateIcon(StateColor state)
{
    return StateIcons::of(QApplication::style()).icon(state);
}

} // namespace topup
