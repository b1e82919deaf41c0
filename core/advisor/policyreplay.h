#pragma once

#include "advisorinput.h"
#include "domain/candidateresult.h"

#include "engine/outcome.h"
#include "engine/world.h"
#include "rules/zonedcalendar.h"

#include <QtGlobal>

namespace topup {

// The advisor's window as a World the real engine runs: the line with its
// balances at the window's start, its usage hour by hour as `use` events,
// the deposits, the packages and its payment methods (funds as at the
// start, in an in-memory provider: nothing is charged anywhere), the caps
// and what they already count. Built once; each policy then costs one
// engine run.
class PolicyReplay final
{
public:
    explicit PolicyReplay(const AdvisorInput &input);
    Q_DISABLE_COPY_MOVE(PolicyReplay)

    // The engine's run of the window with `policy` as the line's rules.
    [[nodiscard]] Outcome runEngine(const Policy &policy);
    // What that run means for the advisor (the outcome of runEngine(policy)).
    [[nodiscard]] CandidateResult summarize(const Policy &policy, const Outcome &outcome) const;

    const World &world() const noexcept { return m_world; }

private:
    World m_world;
    ZonedCalendar m_calendar;
};

} // namespace topup
