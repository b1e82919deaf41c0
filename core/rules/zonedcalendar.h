#pragma once

#include "domain/instant.h"
#include "domain/yearmonth.h"

#include <QTimeZone>

namespace topup {

// The account's IANA zone at the edges of the engine: local months, local
// wall-clock times turned into instants (SPEC §5 gap and overlap rules).
// Offsets are cached between two transitions, so asking for many nearby
// instants costs a comparison, not a tzdata lookup.
class ZonedCalendar final
{
public:
    explicit ZonedCalendar(QTimeZone zone);

    const QTimeZone &zone() const noexcept { return m_zone; }
    // Seconds east of UTC in force at `t`.
    int offsetSecondsAt(Instant t) const;
    // The local month `t` falls in.
    YearMonth monthOf(Instant t) const;
    // Local wall time of `t` as minutes since local midnight.
    int localMinuteOfDay(Instant t) const;
    // The instant of local date + time. A time in a gap moves forward by the
    // gap's length; a time that occurs twice takes the earlier instant.
    Instant toInstant(int year, int month, int day, int minuteOfDay) const;
    // 00:00 on the 1st of `month`, local.
    Instant monthStart(YearMonth month) const;

private:
    QTimeZone m_zone;
    mutable qint64 m_cacheFrom = 1;
    mutable qint64 m_cacheTo = 0; // empty range: nothing cached yet
    mutable int m_cacheOffset = 0;
};

} // namespace topup
