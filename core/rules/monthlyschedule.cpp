#include "monthlyschedule.h"

#include "domain/civil.h"
#include "zonedcalendar.h"

#include <algorithm>

namespace topup {

Instant MonthlySchedule::occurrenceIn(YearMonth month, const ZonedCalendar &calendar) const
{
    const int day = std::min(m_day, civil::daysInMonth(month.year, month.month));
    return calendar.toInstant(month.year, month.month, day, m_minuteOfDay);
}

MonthlyOccurrence MonthlySchedule::firstAtOrAfter(Instant t, const ZonedCalendar &calendar) const
{
    YearMonth month = calendar.monthOf(t);
    Instant at = occurrenceIn(month, calendar);
    if (at < t) {
        month = month.next();
        at = occurrenceIn(month, calendar);
    }
    return {at, month};
}

} // namespace topup
