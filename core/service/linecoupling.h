#pragma once

#include "domain/instant.h"
#include "domain/money.h"
#include "engine/world.h"

#include <vector>

namespace topup {

class ZonedCalendar;

// Which lines no other line's future depends on, in a run of `world` from
// its start to its end. Lines meet only through what they share: the
// account cap, the funds of a method and the faults queued at the provider.
// A line is on its own when no fault is queued, the account cap (if any)
// cannot be reached whatever the lines do, and every method it may charge
// holds more than all the lines that may charge it could spend. A fallback
// is charged only when a charge on the line's method may fail: the method
// expires within the run or may not hold enough. Such a line's usage need
// only be drawn until its first top-ups are known (DryRun).
class LineCoupling final
{
public:
    // One flag per line of `world`.
    static std::vector<bool> onTheirOwn(const World &world, bool faultsQueued);
    // The most the line's rules can spend in the run: each monthly occurrence
    // paid, and a threshold top-up every time the most its profile can use
    // takes the balance below the threshold; within its caps.
    // `stream`: the line's usage, if it is drawn.
    static Money mostSpent(const World &world, int line, const UsageStream *stream);
    // One flag per line: its threshold check would act at the run's start
    // but is not made there (a resumed run whose start is not visited, the
    // line not changed there), so it acts at the first instant the run
    // visits, and another line's instant (a retry, a monthly occurrence, an
    // event) comes before the line's own first one. Such a line is not on
    // its own.
    static std::vector<bool> waitingForAVisit(const World &world);
    // One flag per line: a top-up may leave it below its threshold (its
    // package adds less than `below`), or it waits for a visit: it acts
    // again at the next instant its engine visits (PartedRun).
    static std::vector<bool> actingAtAnyVisit(const World &world);

private:
    LineCoupling() = delete;
    // The local months a run of `world` reaches, first and last included.
    static int monthsReached(const World &world, const ZonedCalendar &calendar);
    static Money mostSpent(const World &world, int line, const UsageStream *stream, int monthsReached);
};

} // namespace topup
