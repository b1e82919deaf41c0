#pragma once

#include "domain/instant.h"
#include "engine/outcome.h"
#include "engine/world.h"

#include <cstddef>
#include <vector>

namespace topup {

// One run ahead of a world (DryRun), in two engines at once when its lines
// fall apart: lines on their own (LineCoupling) meet no other line — the
// account cap cannot be reached, their methods cannot run dry, no fault is
// queued — so half of them run in a second engine on a second thread, and
// each line's attempts are the ones a single run makes (its usage is drawn
// from its own seed). Lines on their own are drawn only until their first
// top-ups are known (Engine::setDrawingStop).
class PartedRun final
{
public:
    // Fewer lines on their own than twice this: one engine (a thread costs
    // more than it saves).
    static constexpr std::size_t defaultMinimumPart = 32;

    struct Result final
    {
        // Every attempt in the order of time (of the world's line order
        // within an instant of two parts); only `error` and `attempts` are
        // kept: balances, funds and spend at the end are not.
        Outcome outcome;
        // Up to where each line's attempts are all there (DryRun::Result).
        std::vector<Instant> complete;
    };

    // `alone`: one flag per line of `world`, the lines drawn only until
    // their first top-ups are known. A run that stops on an error has
    // outcome.error set, and so has a parted run whose parts together make
    // more than World::attemptLimit attempts (a single run then tells).
    static Result run(const World &world, const std::vector<bool> &alone, std::size_t minimumPart = defaultMinimumPart);

    // `world` with only the lines `kept` (indices in ascending order),
    // renumbered in that order: their progress, retries, spend, usage and
    // events (an event of a method stays); the other lines' spend so far
    // counts against the account cap as the account's other lines.
    static World restrictedTo(const World &world, const std::vector<int> &kept);

private:
    PartedRun() = delete;
    static Result runWhole(const World &world, const std::vector<bool> &alone);
    // The lines of the second part: none when one engine should run it all.
    static std::vector<int> secondPart(const World &world, const std::vector<bool> &alone, std::size_t minimumPart);
    static bool keepsMonthly(const World &world, const AttemptRecord &attempt);
    // One flag per line: its monthly occurrences and pending retries in the
    // run fall on every usage grid of the world.
    static std::vector<bool> onTheGrid(const World &world);
};

} // namespace topup
