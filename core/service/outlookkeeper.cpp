#include "outlookkeeper.h"

#include "partedrun.h"

#include <algorithm>

namespace topup {

std::optional<DryRun::Result> OutlookKeeper::follow(const Key &key, Instant clock, DryRun::Setup &setup)
{
    m_redrawn = 0;
    if (!m_kept || !(m_kept->key == key) || clock < m_kept->clock)
        return std::nullopt;
    Kept &kept = *m_kept;
    DryRun::Result &fresh = setup.result;
    // The same lines, methods and packages in the same order (the attempts
    // name them by index), and the same lines cut short.
    if (fresh.loaded.lineRows != kept.lineRows || fresh.loaded.methodRows != kept.methodRows
        || fresh.loaded.packageRows != kept.packageRows || fresh.cutShort != kept.cutShort)
        return std::nullopt;
    // A line cut short is drawn at T' to its next top-ups, past what was
    // kept, once one of them fell in (T, T'] or T' reached where its
    // drawing stopped: such lines run again, alone (nothing ties them to
    // the others), from T'.
    std::vector<char> again(kept.cutShort.size(), 0);
    for (std::size_t line = 0; line < kept.cutShort.size(); ++line)
        again[line] = kept.cutShort[line] && !(clock < kept.complete[line]);
    for (const AttemptRecord &attempt : kept.attempts) {
        if (!(clock < attempt.at) && kept.cutShort[std::size_t(attempt.line)])
            again[std::size_t(attempt.line)] = 1;
    }
    std::vector<int> redrawn;
    for (std::size_t line = 0; line < again.size(); ++line) {
        if (again[line])
            redrawn.push_back(int(line));
    }
    // A fault or deposit queued at the provider meets every line of its method.
    if (!redrawn.empty() && !setup.working.events.empty())
        return std::nullopt;
    std::vector<AttemptRecord> attempts;
    attempts.reserve(kept.attempts.size());
    for (const AttemptRecord &attempt : kept.attempts) {
        if (clock < attempt.at && !again[std::size_t(attempt.line)])
            attempts.push_back(attempt);
    }
    if (!redrawn.empty()) {
        const World part = PartedRun::restrictedTo(setup.working, redrawn);
        PartedRun::Result run = PartedRun::run(part, std::vector<bool>(redrawn.size(), true));
        if (run.outcome.error)
            return std::nullopt; // the whole run says why
        for (AttemptRecord attempt : run.outcome.attempts) {
            attempt.line = redrawn[std::size_t(attempt.line)];
            attempts.push_back(std::move(attempt));
        }
        for (std::size_t i = 0; i < redrawn.size(); ++i)
            kept.complete[std::size_t(redrawn[i])] = run.complete[i];
        // In the order of time; each line's own attempts keep theirs.
        std::stable_sort(attempts.begin(), attempts.end(), [](const AttemptRecord &x, const AttemptRecord &y) { return x.at < y.at; });
    }
    m_redrawn = int(redrawn.size());
    kept.clock = clock;
    kept.attempts = attempts;
    fresh.outcome.attempts = std::move(attempts);
    fresh.complete = kept.complete;
    return std::move(fresh);
}

void OutlookKeeper::keep(const Key &key, Instant clock, const DryRun::Result &run)
{
    m_redrawn = 0;
    if (run.cutShort.size() != run.loaded.lineRows.size() || run.narrowed) {
        m_kept.reset();
        return;
    }
    m_kept = Kept{key,
                  clock,
                  run.loaded.lineRows,
                  run.loaded.methodRows,
                  run.loaded.packageRows,
                  run.cutShort,
                  run.complete,
                  run.outcome.attempts};
}

} // namespace topup
