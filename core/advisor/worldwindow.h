#pragma once

#include "advisorinput.h"

#include "domain/expected.h"
#include "engine/world.h"

#include <QCoreApplication>
#include <QString>

namespace topup {

// The last days of a scenario's World as the rules advisor's input for one
// of its lines (what `topup-sim advise` replays):
// - the window: the last `days` days up to the World's `end`, from the first
//   whole hour (UTC) in them, or from `start` when the World is shorter;
// - usage: what the line asked for in each hour of it (its `use` events and
//   generated usage), served or not: the advisor asks what rules would have
//   served it, so a line that ran dry is judged by what it needed;
// - where the line stood at the window's start (the engine run up to it):
//   balances, the funds of its method and fallback, its auto spend that
//   month; the deposits to those methods during the window;
// - its current rules (as the last policy event before `end` left them),
//   every package, the account cap and the other lines' auto spend in each
//   month of the window (from the full run).
// Manual top-ups and injected faults are not replayed: the advisor compares
// automatic rules on usage alone.
class WorldWindow final
{
    Q_DECLARE_TR_FUNCTIONS(WorldWindow)

public:
    static constexpr int maxDays = 366;

    [[nodiscard]] static Expected<AdvisorInput> advisorInput(const World &world, const QString &lineId, int days);
    // Where the window of the last `days` days up to `end` starts: the first
    // whole hour (UTC) in them, or `start` when that is later.
    [[nodiscard]] static Instant windowStart(Instant start, Instant end, int days);

private:
    WorldWindow() = delete;
};

} // namespace topup
