#include "startvisit.h"

#include "domain/civil.h"
#include "rules/monthlyschedule.h"
#include "rules/zonedcalendar.h"

namespace topup {

bool StartVisit::visited(const World &world)
{
    if (world.progress.empty() || world.startVisited)
        return true;
    const qint64 startMs = world.start.msecs();
    // A fault queued at a resumed run's start is the provider's queue carried
    // in (DryRun), not something that happens then.
    for (const WorldEvent &event : world.events) {
        if (event.at.msecs() == startMs && event.kind != WorldEvent::Kind::FailNext)
            return true;
    }
    for (const PendingRetryState &retry : world.retries) {
        if (retry.due.msecs() == startMs && retry.line >= 0 && std::size_t(retry.line) < world.lines.size())
            return true;
    }
    for (const UsageStream &stream : world.streams) {
        const qint64 every = stream.everySeconds * civil::msPerSecond;
        const qint64 first = stream.firstAt ? stream.firstAt->msecs() : startMs;
        if (first == startMs || (first < startMs && every > 0 && (startMs - first) % every == 0))
            return true;
    }
    // Month starts and monthly occurrences fall on whole seconds (local
    // minutes, zone offsets in whole seconds); a resumed run starts 1 ms
    // after a clock, seldom on one.
    if (startMs % civil::msPerSecond != 0)
        return false;
    const ZonedCalendar calendar(world.zone);
    if (calendar.monthStart(calendar.monthOf(world.start)) == world.start)
        return true;
    for (const Line &line : world.lines) {
        if (line.policy && line.policy->hasActiveMonthly()
            && MonthlySchedule(line.policy->monthly->day, line.policy->monthly->minuteOfDay).firstAtOrAfter(world.start, calendar).at
                   == world.start)
            return true;
    }
    return false;
}

} // namespace topup
