#include "amountunits.h"

namespace topup {
namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
constexpr qint64 megabyte = 1000 * 1000;
constexpr qint64 gibibyte = 1024LL * 1024 * 1024;

// Bytes in megabytes, with the decimals needed (at most six: 1 B = 0.000001 MB).
QString inMegabytes(qint64 bytes)
{
    QString text = QString::number(bytes / megabyte);
    if (bytes % megabyte == 0)
        return text;
    text += QLatin1Char('.') + QStringLiteral("%1").arg(bytes % megabyte, 6, 10, QLatin1Char('0'));
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    return text;
}

} // namespace

AmountInUnits AmountUnits::split(Resource resource, qint64 amount)
{
    if (resource == Resource::Data) {
        if (amount > 0 && amount % gigabyte == 0)
            return {QString::number(amount / gigabyte), QStringLiteral("GB")};
        if (amount > 0 && amount % gibibyte == 0)
            return {QString::number(amount / gibibyte), QStringLiteral("GiB")};
        return {inMegabytes(amount), QStringLiteral("MB")};
    }
    if (amount > 0 && amount % 3600 == 0)
        return {QString::number(amount / 3600), QStringLiteral("h")};
    if (amount % 60 == 0)
        return {QString::number(amount / 60), QStringLiteral("min")};
    return {QString::number(amount), QStringLiteral("s")};
}

} // namespace topup
