#include "formatter.h"

#include "domain/packagerecord.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QLocale>

#include <cstdlib>

namespace topup {

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

QString Formatter::voice(qint64 seconds)
{
    const QLocale locale;
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min").arg(locale.toString(minutes));
    return tr("%1 h %2 min").arg(locale.toString(minutes / 60)).arg(minutes % 60);
}

QString Formatter::money(Money amount, const QString &currency)
{
    const QLocale locale;
    const qint64 cents = amount.cents();
    const qint64 whole = std::llabs(cents / 100);
    const qint64 fraction = std::llabs(cents % 100);
    const QString number = QStringLiteral("%1%2%3%4")
                               .arg(cents < 0 ? locale.negativeSign() : QString(), locale.toString(whole),
                                    locale.decimalPoint())
                               .arg(fraction, 2, 10, QLatin1Char('0'));
    return tr("%1 %2", "amount, currency code").arg(number, currency);
}

QString Formatter::dateTime(Instant at, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(at.msecs(), zone);
    return QLocale().toString(local, tr("d MMM yyyy, HH:mm", "date and time format"));
}

QString Formatter::date(Instant at, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(at.msecs(), zone);
    return QLocale().toString(local.date(), tr("d MMM yyyy", "date format"));
}

QString Formatter::dayMonth(Instant at, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(at.msecs(), zone);
    return QLocale().toString(local.date(), tr("d MMM", "short date format"));
}

} // namespace topup
