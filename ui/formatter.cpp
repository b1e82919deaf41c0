#include "formatter.h"

#include <QDateTime>
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
    return binary ? tr("%1 GiB").arg(locale.toString(value / (base * base * base), 'f', 2))
                  : tr("%1 GB").arg(locale.toString(value / (base * base * base), 'f', 2));
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
