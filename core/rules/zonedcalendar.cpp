#include "zonedcalendar.h"

#include "domain/civil.h"

#include <QDateTime>

#include <limits>

namespace topup {

ZonedCalendar::ZonedCalendar(QTimeZone zone) : m_zone(std::move(zone)) {}

int ZonedCalendar::offsetSecondsAt(Instant t) const
{
    const qint64 ms = t.msecs();
    if (ms >= m_cacheFrom && ms < m_cacheTo)
        return m_cacheOffset;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    m_cacheOffset = m_zone.offsetFromUtc(at);
    m_cacheFrom = std::numeric_limits<qint64>::min();
    m_cacheTo = std::numeric_limits<qint64>::max();
    if (m_zone.hasTransitions()) {
        const QTimeZone::OffsetData previous = m_zone.previousTransition(at.addMSecs(1));
        if (previous.atUtc.isValid())
            m_cacheFrom = previous.atUtc.toMSecsSinceEpoch();
        const QTimeZone::OffsetData next = m_zone.nextTransition(at);
        if (next.atUtc.isValid())
            m_cacheTo = next.atUtc.toMSecsSinceEpoch();
        if (m_cacheFrom > ms || m_cacheTo <= ms) // defensive: never cache a range that excludes t
            m_cacheFrom = m_cacheTo = ms;
        if (m_cacheFrom == m_cacheTo)
            m_cacheTo = ms + 1;
    }
    return m_cacheOffset;
}

YearMonth ZonedCalendar::monthOf(Instant t) const
{
    const qint64 local = t.msecs() + qint64(offsetSecondsAt(t)) * civil::msPerSecond;
    const civil::Date date = civil::civilFromDays(civil::floorDiv(local, civil::msPerDay));
    return YearMonth{int(date.year), date.month};
}

int ZonedCalendar::localMinuteOfDay(Instant t) const
{
    const qint64 local = t.msecs() + qint64(offsetSecondsAt(t)) * civil::msPerSecond;
    const qint64 inDay = local - civil::floorDiv(local, civil::msPerDay) * civil::msPerDay;
    return int(inDay / civil::msPerMinute);
}

Instant ZonedCalendar::toInstant(int year, int month, int day, int minuteOfDay) const
{
    const qint64 local = civil::daysFromCivil(year, month, day) * civil::msPerDay + minuteOfDay * civil::msPerMinute;
    // The offsets in force a day either side cover any single transition.
    const int before = offsetSecondsAt(Instant::fromMsecs(local - civil::msPerDay));
    const int after = offsetSecondsAt(Instant::fromMsecs(local + civil::msPerDay));
    const Instant withBefore = Instant::fromMsecs(local - qint64(before) * civil::msPerSecond);
    const Instant withAfter = Instant::fromMsecs(local - qint64(after) * civil::msPerSecond);
    const bool beforeFits = offsetSecondsAt(withBefore) == before;
    const bool afterFits = offsetSecondsAt(withAfter) == after;
    if (beforeFits && afterFits)
        return std::min(withBefore, withAfter, [](Instant a, Instant b) { return a < b; }); // overlap: earlier
    if (afterFits)
        return withAfter;
    // Either the ordinary case, or a gap: read with the offset before the
    // gap, the time lands the gap's length later on the far side.
    return withBefore;
}

Instant ZonedCalendar::monthStart(YearMonth month) const
{
    return toInstant(month.year, month.month, 1, 0);
}

} // namespace topup
