#include "formatter.h"

#include "domain/packagerecord.h"
#include "service/service.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <cstdlib>

namespace topup {

QTimeZone Formatter::zoneOf(const Service &service)
{
    if (service.account()) {
        const QTimeZone zone(service.account()->timezone.toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::utc();
}

QString Formatter::currencyOf(const Service &service)
{
    return service.account() ? service.account()->currency : QString();
}

QString Formatter::dateTime(Instant at, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(at.msecs(), zone);
    //: QDateTime format of a date with its time, e.g. 25 Nov 2026 09:00
    return QLocale().toString(local, tr("d MMM yyyy HH:mm"));
}

QString Formatter::date(QDate day)
{
    //: QDate format of a day, e.g. Wed 25 Nov 2026
    return QLocale().toString(day, tr("ddd d MMM yyyy"));
}

QString Formatter::date(Instant at, const QTimeZone &zone)
{
    return date(QDateTime::fromMSecsSinceEpoch(at.msecs(), zone).date());
}

QString Formatter::dayMonth(Instant at, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(at.msecs(), zone);
    //: QDate format of a day in a sentence, e.g. 25 Nov
    return QLocale().toString(local.date(), tr("d MMM"));
}

QString Formatter::monthName(YearMonth month)
{
    //: QDate format of a month and its year, e.g. June 2027
    return QLocale().toString(QDate(month.year, month.month, 1), tr("MMMM yyyy"));
}

QString Formatter::money(Money amount, const QString &currency)
{
    // Whole units and cents apart: money never goes through floating point.
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

QString Formatter::moneyNumber(Money amount)
{
    const qint64 cents = amount.cents();
    const qint64 whole = (cents < 0 ? -cents : cents) / 100;
    const qint64 rest = (cents < 0 ? -cents : cents) % 100;
    QString text;
    text.reserve(24);
    if (cents < 0)
        text += QLatin1Char('-');
    text += QString::number(whole);
    text += QLatin1Char('.');
    text += QLatin1Char(char('0' + rest / 10));
    text += QLatin1Char(char('0' + rest % 10));
    return text;
}

QString Formatter::data(qint64 bytes, DataUnits units)
{
    const QLocale locale;
    const bool binary = units == DataUnits::Binary;
    const double base = binary ? 1024.0 : 1000.0;
    const double value = double(bytes);
    if (std::llabs(bytes) < qint64(base * base * base))
        return binary ? tr("%1 MiB").arg(locale.toString(value / (base * base), 'f', 0))
                      : tr("%1 MB").arg(locale.toString(value / (base * base), 'f', 0));
    // Up to two decimals, none that say nothing: "5 GB", "4.66 GiB", "1.5 GB".
    QString number = locale.toString(value / (base * base * base), 'f', 2);
    const QString point = locale.decimalPoint();
    if (number.endsWith(QLatin1Char('0')) && number.contains(point))
        number.chop(1);
    if (number.endsWith(QLatin1Char('0')) && number.contains(point))
        number.chop(1);
    if (number.endsWith(point))
        number.chop(point.size());
    return binary ? tr("%1 GiB").arg(number) : tr("%1 GB").arg(number);
}

QString Formatter::voice(qint64 seconds)
{
    const qint64 hours = seconds / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    const qint64 rest = seconds % 60;
    if (hours > 0)
        return minutes > 0 ? tr("%1 h %2 min").arg(hours).arg(minutes) : tr("%1 h").arg(hours);
    // None left reads in minutes, as a voice balance is counted ("0 min", not "0 s").
    if (minutes > 0 || rest == 0)
        return rest > 0 ? tr("%1 min %2 s").arg(minutes).arg(rest) : tr("%1 min").arg(minutes);
    return tr("%1 s").arg(rest);
}

QString Formatter::packageName(const QString &name, DataUnits units)
{
    // The catalog's names only state what a package holds ("5 GB data",
    // "5 GB + 100 minutes"): said again in the chosen unit. A name given by
    // hand is shown as given.
    static const QRegularExpression dataOnly(QStringLiteral("^(\\d+) GB data$"));
    static const QRegularExpression combo(QStringLiteral("^(\\d+) GB \\+ (\\d+) minutes$"));
    const qint64 gigabyte = 1000LL * 1000 * 1000;
    if (const QRegularExpressionMatch match = dataOnly.match(name); match.hasMatch())
        //: A package of the catalog by what it holds, e.g. "5 GB data"
        return tr("%1 data").arg(data(match.captured(1).toLongLong() * gigabyte, units));
    if (const QRegularExpressionMatch match = combo.match(name); match.hasMatch())
        //: A package of the catalog by what it holds: data and minutes, e.g. "5 GB + 100 minutes"
        return tr("%1 + %2 minutes").arg(data(match.captured(1).toLongLong() * gigabyte, units), QLocale().toString(match.captured(2).toLongLong()));
    return PackageRecord::displayName(name);
}

QString Formatter::list(const QStringList &names)
{
    //: Between the names of a list: "Home phone, EU tablet".
    return names.join(tr(", "));
}

} // namespace topup
