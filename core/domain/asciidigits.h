#pragma once

#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace topup {

// '0' to '9' and nothing else: QChar::isDigit() also takes every other
// script's digits ("٣", "३"), which no amount, quantity or login here may
// hold.
constexpr bool isAsciiDigit(QChar c) noexcept
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// The value of `text` when it is 1 to 18 ASCII digits (no sign, no spaces,
// no other scripts' digits); none otherwise. 18 digits always fit in int64.
inline std::optional<qint64> asciiNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

} // namespace topup
