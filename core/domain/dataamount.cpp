#include "dataamount.h"

#include "quantityparser.h"

namespace topup {

Expected<DataAmount> DataAmount::parse(QStringView text)
{
    constexpr qint64 kib = 1024;
    const Expected<qint64> bytes = parseQuantity(text, {{"B", 1},
                                                        {"KB", 1000},
                                                        {"MB", 1000 * 1000},
                                                        {"GB", 1000 * 1000 * 1000},
                                                        {"TB", qint64(1000) * 1000 * 1000 * 1000},
                                                        {"KiB", kib},
                                                        {"MiB", kib * kib},
                                                        {"GiB", kib * kib * kib},
                                                        {"TiB", kib * kib * kib * kib}});
    if (!bytes)
        return Expected<DataAmount>::failure(bytes);
    return DataAmount(*bytes);
}

QString DataAmount::toString() const
{
    static const char *const units[] = {"B", "KB", "MB", "GB", "TB"};
    qint64 scale = 1;
    int unit = 0;
    // One decimal at most, rounded half-up; a value that rounds up to 1000
    // of a unit is shown in the next unit ("1 MB", not "1000 KB").
    const auto tenthsIn = [this](qint64 unitScale) {
        return m_bytes / unitScale * 10 + ((m_bytes % unitScale) * 10 + unitScale / 2) / unitScale;
    };
    while (unit < 4 && (m_bytes / scale >= 1000 || tenthsIn(scale) >= 10000)) {
        scale *= 1000;
        ++unit;
    }
    const qint64 tenths = tenthsIn(scale);
    QString number = QString::number(tenths / 10);
    if (tenths % 10 != 0)
        number += QLatin1Char('.') + QString::number(tenths % 10);
    return number + QLatin1Char(' ') + QLatin1String(units[unit]);
}

} // namespace topup
