#include "cardexpiry.h"

#include "asciidigits.h"

#include <QCoreApplication>

#include <optional>

namespace topup {
namespace {

class CardExpiry final
{
    Q_DECLARE_TR_FUNCTIONS(CardExpiry)
};

std::optional<int> twoDigits(QStringView text)
{
    const std::optional<qint64> value = text.size() == 2 ? asciiNumber(text) : std::nullopt;
    return value ? std::optional<int>(int(*value)) : std::nullopt;
}

QString formatExpiry(YearMonth month)
{
    return QStringLiteral("%1/%2").arg(month.month, 2, 10, QLatin1Char('0')).arg(month.year % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

Expected<YearMonth> parseCardExpiry(QStringView text, YearMonth currentMonth)
{
    const Failure badFormat(CardExpiry::tr("enter the expiry date as MM/YY, e.g. 08/27"),
                            CardExpiry::tr("Enter the expiry date as MM/YY, e.g. 08/27."));
    const QStringView trimmed = text.trimmed();
    const qsizetype slash = trimmed.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return Expected<YearMonth>::failure(badFormat);
    // Spaces around the slash only, never inside the numbers.
    const std::optional<int> month = twoDigits(trimmed.left(slash).trimmed());
    const std::optional<int> year = twoDigits(trimmed.mid(slash + 1).trimmed());
    if (!month || !year)
        return Expected<YearMonth>::failure(badFormat);
    if (*month < 1 || *month > 12)
        return Expected<YearMonth>::failure(
            CardExpiry::tr("the expiry month must be 01 to 12 (got %1)").arg(*month, 2, 10, QLatin1Char('0')),
            CardExpiry::tr("The expiry month must be 01 to 12 (got %1).").arg(*month, 2, 10, QLatin1Char('0')));
    const YearMonth expiry{2000 + *year, *month};
    if (expiry < currentMonth)
        return Expected<YearMonth>::failure(CardExpiry::tr("card expired (%1)").arg(formatExpiry(expiry)),
                                            CardExpiry::tr("Card expired (%1).").arg(formatExpiry(expiry)));
    return expiry;
}

bool expiresWithin(YearMonth expiry, QDate today, int days)
{
    const QDate first(expiry.year, expiry.month, 1);
    if (!today.isValid() || !first.isValid() || days < 0)
        return false;
    const qint64 daysLeft = today.daysTo(first.addDays(first.daysInMonth() - 1));
    return daysLeft >= 0 && daysLeft <= days;
}

} // namespace topup
