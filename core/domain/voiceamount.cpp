#include "voiceamount.h"

#include "quantityparser.h"

#include <QStringList>

namespace topup {

Expected<VoiceAmount> VoiceAmount::parse(QStringView text)
{
    const Expected<qint64> seconds = parseQuantity(text, {{"s", 1}, {"min", 60}, {"h", 3600}});
    if (!seconds)
        return Expected<VoiceAmount>::failure(seconds);
    return VoiceAmount(*seconds);
}

QString VoiceAmount::toString() const
{
    const qint64 hours = m_seconds / 3600;
    const qint64 minutes = m_seconds % 3600 / 60;
    const qint64 seconds = m_seconds % 60;
    QStringList parts;
    if (hours)
        parts << QStringLiteral("%1 h").arg(hours);
    if (minutes)
        parts << QStringLiteral("%1 min").arg(minutes);
    if (seconds || parts.isEmpty())
        parts << QStringLiteral("%1 s").arg(seconds);
    return parts.join(QLatin1Char(' '));
}

} // namespace topup
