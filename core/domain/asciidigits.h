#pragma once

#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace topup {

// The value of `text` when it is 1 to 18 ASCII digits (no sign, no spaces,
// no other scripts' digits); none otherwise. 18 digits always fit in int64.
inline std::optional<qint64> asciiNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

} // namespace topup
