#include "dryrun.h"

#include "engine/engine.h"
#include "store/journalgateway.h"

#include <QSet>

#include <algorithm>

namespace topup {

Expected<DryRun::Result> DryRun::run(qint64 accountId, Instant clock, Instant end, const std::optional<Candidate> &candidate)
{
    using Failure = Expected<Result>;
    Expected<LoadedWorld> loaded = WorldLoader(m_store, m_provider).load(accountId, clock.plusMsecs(1), end);
    if (!loaded)
        return Failure::failure(loaded.error());
    Result result{loaded.take(), {}};
    World &world = result.loaded.world;
    if (candidate) {
        const auto row = std::find(result.loaded.lineRows.begin(), result.loaded.lineRows.end(), candidate->lineId);
        if (row == result.loaded.lineRows.end())
            return Failure::failure(tr("no such line"));
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
    }
    // The provider's queued faults, which the next charges of each method meet.
    for (std::size_t i = 0; i < world.methods.size(); ++i) {
        const Expected<std::vector<Reason>> faults = m_provider.queuedFaults(result.loaded.methodTokens[i]);
        if (!faults)
            return Failure::failure(faults.error());
        if (faults->empty())
            continue;
        WorldEvent failNext;
        failNext.at = world.start;
        failNext.kind = WorldEvent::Kind::FailNext;
        failNext.method = world.methods[i].id;
        failNext.faults = *faults;
        world.events.push_back(failNext);
    }
    // Usage changes what happens only through a threshold trigger: lines
    // without an active one are not drawn (the bulk of the run's time). Their
    // balances then stay higher than they will be, which only matters to a
    // top-up that would take a balance past int64: run again drawn whole.
    QSet<QString> watched;
    for (const Line &line : world.lines) {
        if (line.policy && line.policy->hasActiveThreshold())
            watched.insert(line.id);
    }
    const std::vector<UsageStream> streams = world.streams;
    world.streams.erase(std::remove_if(world.streams.begin(), world.streams.end(),
                                       [&](const UsageStream &stream) { return !watched.contains(stream.line); }),
                        world.streams.end());
    world.recordUsage = false;
    result.outcome = Engine(world).run();
    if (result.outcome.error && world.streams.size() != streams.size()) {
        world.streams = streams;
        result.outcome = Engine(world).run();
    }
    if (result.outcome.error)
        return Failure::failure(tr("the rules cannot be run ahead: %1").arg(result.outcome.error->message));
    return result;
}

} // namespace topup
