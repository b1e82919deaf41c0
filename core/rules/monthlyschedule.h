#pragma once

#include "domain/instant.h"
#include "domain/yearmonth.h"

namespace topup {

class ZonedCalendar;

struct MonthlyOccurrence final
{
    Instant at;
    YearMonth month; // the local month it belongs to (its chain key)
};

// When a monthly trigger fires (SPEC §5): day 1..31 clamped to the month's
// length, at a local time, in the account's zone.
class MonthlySchedule final
{
public:
    MonthlySchedule(int day, int minuteOfDay) noexcept : m_day(day), m_minuteOfDay(minuteOfDay) {}

    Instant occurrenceIn(YearMonth month, const ZonedCalendar &calendar) const;
    // The first occurrence at or after `t`.
    MonthlyOccurrence firstAtOrAfter(Instant t, const ZonedCalendar &calendar) const;

private:
    int m_day;
    int m_minuteOfDay;
};

} // namespace topup
