#pragma once

#include "world.h"

namespace topup {

// Whether a run of a World visits its `start` (SPEC §3 visits `start`
// itself): a fresh run always does; a run that resumes an earlier one at the
// instant after its end (World::progress) only when something happens there
// — an event (a fault queued at the provider and carried in is not one), a
// usage sample, a due retry, a monthly occurrence, a month start — or when
// World::startVisited says so. The same answer for a run of some of its
// lines (PartedRun::restrictedTo).
class StartVisit final
{
public:
    static bool visited(const World &world);

private:
    StartVisit() = delete;
};

} // namespace topup
