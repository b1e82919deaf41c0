#include "money.h"

#include "asciidigits.h"

#include <QCoreApplication>

namespace topup {

Expected<Money> Money::parse(QStringView text)
{
    const QString quoted = text.left(64).toString();
    if (text.isEmpty())
        return Expected<Money>::failure(Money::tr("not an amount of money (empty)"));
    if (text.front() == QLatin1Char('-'))
        return Expected<Money>::failure(Money::tr("must not be negative (got \"%1\")").arg(quoted));
    qsizetype pos = 0;
    qint64 cents = 0;
    bool overflow = false;
    while (pos < text.size() && isAsciiDigit(text[pos])) {
        if (__builtin_mul_overflow(cents, qint64(10), &cents)
            || __builtin_add_overflow(cents, qint64(text[pos].unicode() - '0'), &cents))
            overflow = true;
        ++pos;
    }
    if (pos == 0)
        return Expected<Money>::failure(Money::tr("not an amount of money (got \"%1\")").arg(quoted));
    int decimals = 0;
    qint64 fraction = 0;
    if (pos < text.size() && text[pos] == QLatin1Char('.')) {
        ++pos;
        while (pos < text.size() && isAsciiDigit(text[pos])) {
            fraction = fraction * 10 + (text[pos].unicode() - '0');
            ++decimals;
            ++pos;
            if (decimals > 2)
                return Expected<Money>::failure(Money::tr("more than 2 decimals (got \"%1\")").arg(quoted));
        }
        if (decimals == 0)
            return Expected<Money>::failure(Money::tr("not an amount of money (got \"%1\")").arg(quoted));
    }
    if (pos != text.size())
        return Expected<Money>::failure(Money::tr("not an amount of money (got \"%1\")").arg(quoted));
    if (decimals == 1)
        fraction *= 10;
    if (overflow || __builtin_mul_overflow(cents, qint64(100), &cents) || __builtin_add_overflow(cents, fraction, &cents))
        return Expected<Money>::failure(Money::tr("too large (got \"%1\")").arg(quoted));
    return Money(cents);
}

QString Money::toString() const
{
    // Unsigned, so that the most negative value has a magnitude too.
    const quint64 magnitude = m_cents < 0 ? 0 - quint64(m_cents) : quint64(m_cents);
    return QStringLiteral("%1%2.%3")
        .arg(m_cents < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

} // namespace topup
