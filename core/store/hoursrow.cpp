#include "hoursrow.h"

#include <algorithm>
#include <charconv>

namespace topup {

qint64 HoursRow::dayOf(qint64 hour) noexcept
{
    return hour >= 0 ? hour / hoursPerDay : -((-hour + hoursPerDay - 1) / hoursPerDay);
}

void HoursRow::add(int hour, qint64 dataBytes, qint64 voiceSeconds)
{
    // A catch-up adds them in order: the end is where they go, or the last
    // hour again (a run that ended inside it).
    if (m_hours.empty() || m_hours.back().hour < hour) {
        m_hours.push_back(Hour{hour, dataBytes, voiceSeconds});
        return;
    }
    const auto at = std::lower_bound(m_hours.begin(), m_hours.end(), hour, [](const Hour &held, int h) { return held.hour < h; });
    if (at != m_hours.end() && at->hour == hour) {
        at->dataBytes += dataBytes;
        at->voiceSeconds += voiceSeconds;
        return;
    }
    m_hours.insert(at, Hour{hour, dataBytes, voiceSeconds});
}

void HoursRow::add(const HoursRow &other)
{
    for (const Hour &hour : other.m_hours)
        add(hour.hour, hour.dataBytes, hour.voiceSeconds);
}

QByteArray HoursRow::text() const
{
    QByteArray text;
    writeText(text);
    return text;
}

void HoursRow::writeText(QByteArray &text) const
{
    // At most 2 characters for the hour, 20 a number (the sign and 19
    // digits), a separator after each: written in place, then cut.
    constexpr qsizetype mostPerHour = 3 + 2 * 21;
    text.resize(qsizetype(m_hours.size()) * mostPerHour);
    char *const begin = text.data();
    char *const end = begin + text.size();
    char *at = begin;
    for (const Hour &hour : m_hours) {
        if (at != begin)
            *at++ = ';';
        at = std::to_chars(at, end, hour.hour).ptr;
        *at++ = ',';
        at = std::to_chars(at, end, hour.dataBytes).ptr;
        *at++ = ',';
        at = std::to_chars(at, end, hour.voiceSeconds).ptr;
    }
    text.resize(at - begin);
}

Expected<HoursRow> HoursRow::parse(const QByteArray &text)
{
    HoursRow row;
    if (text.isEmpty())
        return Expected<HoursRow>::failure(tr("the row holds no hours"));
    row.m_hours.reserve(std::size_t(hoursPerDay));
    const char *at = text.constData();
    const char *const end = at + text.size();
    int index = 0;
    while (at < end) {
        ++index;
        qint64 fields[3] = {0, 0, 0};
        for (int field = 0; field < 3; ++field) {
            const auto read = std::from_chars(at, end, fields[field]);
            const char expected = field < 2 ? ',' : ';';
            const bool ended = read.ptr == end && field == 2;
            if (read.ec != std::errc() || (!ended && (read.ptr == end || *read.ptr != expected)))
                return Expected<HoursRow>::failure(tr("hour %1 of the row is not \"hour,bytes,seconds\" (the text reads \"%2\")")
                                                       .arg(index)
                                                       .arg(QString::fromLatin1(text.left(80))));
            at = read.ptr + (ended ? 0 : 1);
        }
        if (fields[0] < 0 || fields[0] >= hoursPerDay)
            return Expected<HoursRow>::failure(tr("hour %1 of the row is hour %2 of its day, not one of 0 to 23").arg(index).arg(fields[0]));
        if (!row.m_hours.empty() && row.m_hours.back().hour >= fields[0])
            return Expected<HoursRow>::failure(
                tr("hour %1 of the row is hour %2 of its day, not after the one before it").arg(index).arg(fields[0]));
        row.m_hours.push_back(Hour{int(fields[0]), fields[1], fields[2]});
        if (at == end && text.endsWith(';'))
            return Expected<HoursRow>::failure(tr("the row's hours end with \";\""));
    }
    return row;
}

} // namespace topup
