#include "engineid.h"

namespace topup {

std::optional<qint64> EngineId::rowOf(char16_t letter, QStringView id)
{
    if (id.size() < 2 || id.front() != QChar(letter))
        return std::nullopt;
    const QStringView digits = id.mid(1);
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt; // no sign, no space: only what make() writes
    }
    bool ok = false;
    const qint64 row = digits.toLongLong(&ok);
    if (!ok || row <= 0)
        return std::nullopt;
    return row;
}

} // namespace topup
