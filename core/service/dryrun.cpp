#include "dryrun.h"

#include "engine/engine.h"
#include "linecoupling.h"
#include "partedrun.h"
#include "store/journalgateway.h"

#include <QSet>

#include <algorithm>

namespace topup {

Expected<DryRun::Result> DryRun::run(qint64 accountId, Instant clock, Instant end, const std::optional<Candidate> &candidate)
{
    Expected<Setup> setup = setUp(accountId, clock, end, candidate);
    if (!setup)
        return Expected<Result>::failure(setup);
    return run(setup.take());
}

Expected<DryRun::Setup> DryRun::setUp(qint64 accountId, Instant clock, Instant end, const std::optional<Candidate> &candidate)
{
    using Failure = Expected<Setup>;
    Expected<LoadedWorld> loaded = WorldLoader(m_store, m_provider, m_readRules).load(accountId, clock.plusMsecs(1), end);
    if (!loaded)
        return Failure::failure(loaded);
    return setUpFrom(loaded.take(), candidate);
}

Expected<DryRun::Setup> DryRun::setUpFrom(LoadedWorld loaded, const std::optional<Candidate> &candidate)
{
    using Failure = Expected<Setup>;
    const Instant end = loaded.world.end;
    Result result{std::move(loaded), {}, {}, false, {}};
    World &world = result.loaded.world;
    if (candidate) {
        const auto row = std::find(result.loaded.lineRows.begin(), result.loaded.lineRows.end(), candidate->lineId);
        if (row == result.loaded.lineRows.end())
            return Failure::failure(tr("no such line"), tr("No such line."));
        const int index = int(row - result.loaded.lineRows.begin());
        world.lines[std::size_t(index)].policy = candidate->policy;
        world.progress[std::size_t(index)].state = ThresholdState::Armed;
        world.retries.erase(std::remove_if(world.retries.begin(), world.retries.end(),
                                           [index](const PendingRetryState &r) { return r.line == index; }),
                            world.retries.end());
        LineRecord &record = result.loaded.lineRecords[std::size_t(index)];
        record.policy = candidate->policy;
        record.progress.state = ThresholdState::Armed;
        record.nextThresholdRetry.reset();
        // Saved, the rules are a write at the clock: its settle checks the
        // line at the instant after it, where step 4 may fire them.
        world.changedAtStart = {index};
    }
    // The provider's queued faults, which the next charges of each method meet.
    for (std::size_t i = 0; i < world.methods.size(); ++i) {
        const Expected<std::vector<Reason>> faults = m_provider.queuedFaults(result.loaded.methodTokens[i]);
        if (!faults)
            return Failure::failure(faults);
        if (faults->empty())
            continue;
        WorldEvent failNext;
        failNext.at = world.start;
        failNext.kind = WorldEvent::Kind::FailNext;
        failNext.method = world.methods[i].id;
        failNext.faults = *faults;
        world.events.push_back(failNext);
    }
    world.recordUsage = false;
    int kept = candidate ? int(std::find(result.loaded.lineRows.begin(), result.loaded.lineRows.end(), candidate->lineId)
                               - result.loaded.lineRows.begin())
                         : -1;
    // A preview of a line nothing ties to the others runs that line alone
    // (no account cap, no fault queued, methods that cannot run dry): what
    // happens to it does not depend on what they do.
    if (candidate && m_narrow && !world.accountCap && world.events.empty() && LineCoupling::onTheirOwn(world, false)[std::size_t(kept)]) {
        keepOnly(result.loaded, kept);
        kept = 0;
        result.narrowed = true;
    }
    Setup setup;
    setup.allStreams = world.streams;
    World working = world;
    // Usage changes what happens only through a threshold trigger: lines
    // without an active one are not drawn (most of a run's time is drawing).
    QSet<QString> watched;
    for (const Line &line : working.lines) {
        if (line.policy && line.policy->hasActiveThreshold())
            watched.insert(line.id);
    }
    working.streams.erase(std::remove_if(working.streams.begin(), working.streams.end(),
                                         [&](const UsageStream &stream) { return !watched.contains(stream.line); }),
                          working.streams.end());
    result.complete.assign(world.lines.size(), end);
    // A preview with an account cap shows the account's spend ahead: every
    // line's top-ups are counted, so none is cut short. Otherwise a line on
    // its own (LineCoupling) is drawn only until the first attempt of each
    // of its triggers is known (PartedRun).
    const bool cut = m_narrow && !(candidate && world.accountCap);
    result.cutShort = cut ? LineCoupling::onTheirOwn(working, !working.events.empty()) : std::vector<bool>(working.lines.size(), false);
    if (kept >= 0)
        result.cutShort[std::size_t(kept)] = false;
    setup.result = std::move(result);
    setup.working = std::move(working);
    return setup;
}

Expected<DryRun::Result> DryRun::run(Setup setup)
{
    using Failure = Expected<Result>;
    Result &result = setup.result;
    const World &world = result.loaded.world;
    const Instant end = world.end;
    if (!runCutShort(result, setup.working)) {
        // A top-up would take a balance past int64: it may be one a line
        // not drawn (whose balance stays higher) makes; run again drawn whole.
        World working = world;
        working.streams = setup.allStreams;
        result.complete.assign(world.lines.size(), end);
        result.cutShort.clear();
        result.outcome = Engine(working).run();
    }
    if (result.outcome.error)
        return Failure::failure(tr("the rules cannot be run ahead: %1").arg(result.outcome.error->message),
                                tr("The rules cannot be run ahead: %1.").arg(result.outcome.error->message));
    return std::move(result);
}

bool DryRun::runCutShort(Result &result, const World &working)
{
    PartedRun::Result run = PartedRun::run(working, result.cutShort);
    result.outcome = std::move(run.outcome);
    if (result.outcome.error)
        return false;
    result.complete = std::move(run.complete);
    return true;
}

void DryRun::keepOnly(LoadedWorld &loaded, int index)
{
    loaded.world = PartedRun::restrictedTo(loaded.world, {index});
    loaded.lineRows = {loaded.lineRows[std::size_t(index)]};
    loaded.lineRecords = {loaded.lineRecords[std::size_t(index)]};
}

} // namespace topup
