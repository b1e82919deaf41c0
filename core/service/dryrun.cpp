#include "dryrun.h"

#include "engine/engine.h"
#include "linecoupling.h"
#include "store/journalgateway.h"
#include "worldsync.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace topup {

Expected<DryRun::Result> DryRun::run(qint64 accountId, Instant clock, Instant end, const std::optional<Candidate> &candidate)
{
    using Failure = Expected<Result>;
    Expected<LoadedWorld> loaded = WorldLoader(m_store, m_provider).load(accountId, clock.plusMsecs(1), end);
    if (!loaded)
        return Failure::failure(loaded.error());
    Result result{loaded.take(), {}, {}, false};
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
    world.recordUsage = false;
    int kept = candidate ? int(std::find(result.loaded.lineRows.begin(), result.loaded.lineRows.end(), candidate->lineId)
                               - result.loaded.lineRows.begin())
                         : -1;
    // A preview of a line nothing ties to the others runs that line alone
    // (no account cap, no fault queued, methods that cannot run dry): what
    // happens to it does not depend on what they do.
    if (candidate && m_narrowPreview && !world.accountCap && world.events.empty() && LineCoupling::onTheirOwn(world, false)[std::size_t(kept)]) {
        keepOnly(result.loaded, kept);
        kept = 0;
        result.narrowed = true;
    }
    const std::vector<UsageStream> allStreams = world.streams;
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
    if (!runInPasses(result, working, kept)) {
        // A top-up would take a balance past int64: it may be one a line
        // not drawn (whose balance stays higher) makes; run again drawn whole.
        working = world;
        working.streams = allStreams;
        result.complete.assign(world.lines.size(), end);
        result.outcome = Engine(working).run();
    }
    if (result.outcome.error)
        return Failure::failure(tr("the rules cannot be run ahead: %1").arg(result.outcome.error->message));
    return result;
}

bool DryRun::runInPasses(Result &result, World &working, int kept)
{
    // A line on its own (LineCoupling) is drawn only until the first
    // attempt of each of its triggers is known, in passes of 1, 2, 4, …
    // days carried one into the next as a catch-up carries its days.
    std::vector<bool> alone = LineCoupling::onTheirOwn(working, !working.events.empty());
    if (kept >= 0)
        alone[std::size_t(kept)] = false;
    const Instant end = working.end;
    const bool passes = std::find(alone.begin(), alone.end(), true) != alone.end() && !working.streams.empty();
    LoadedWorld carried{result.loaded.account, working, result.loaded.lineRows, result.loaded.methodRows, {}, result.loaded.packageRows, {}};
    World &world = carried.world;
    QHash<QString, int> lineIndex;
    for (std::size_t i = 0; i < world.lines.size(); ++i)
        lineIndex.insert(world.lines[i].id, int(i));
    std::vector<char> thresholdSeen(world.lines.size(), 0);
    std::vector<char> monthlySeen(world.lines.size(), 0);
    std::vector<AttemptRecord> attempts;
    qint64 span = WorldSync::stepMs;
    while (true) {
        world.end = passes ? Instant::fromMsecs(std::min(end.msecs(), world.start.msecs() + span - 1)) : end;
        Outcome outcome = Engine(world).run();
        if (outcome.error) {
            result.outcome = std::move(outcome);
            return false;
        }
        for (const AttemptRecord &attempt : outcome.attempts) {
            (attempt.trigger == TriggerKind::Threshold ? thresholdSeen : monthlySeen)[std::size_t(attempt.line)] = 1;
            if (attempt.at <= result.complete[std::size_t(attempt.line)] || keepsMonthly(world, attempt))
                attempts.push_back(attempt);
        }
        if (world.end == end) {
            outcome.attempts = std::move(attempts);
            result.outcome = std::move(outcome);
            return true;
        }
        world.streams.erase(std::remove_if(world.streams.begin(), world.streams.end(),
                                           [&](const UsageStream &stream) {
                                               const int line = lineIndex.value(stream.line, -1);
                                               if (line < 0 || !alone[std::size_t(line)] || !thresholdSeen[std::size_t(line)])
                                                   return false;
                                               const std::optional<Policy> &policy = world.lines[std::size_t(line)].policy;
                                               if (policy->hasActiveMonthly() && !monthlySeen[std::size_t(line)]
                                                   && (policy->monthlyCap || policy->maxPerMonth))
                                                   return false; // its usage can still change its monthly top-up
                                               result.complete[std::size_t(line)] = world.end;
                                               return true;
                                           }),
                            world.streams.end());
        WorldLoader::carryForward(carried, outcome, world.end.plusMsecs(1), end);
        span = std::min(span * 2, qint64(4) * WorldSync::stepMs); // a line done early is drawn at most 4 days more
    }
}

void DryRun::keepOnly(LoadedWorld &loaded, int index)
{
    World &world = loaded.world;
    const std::size_t i = std::size_t(index);
    const QString id = world.lines[i].id;
    world.lines = {world.lines[i]};
    if (!world.progress.empty())
        world.progress = {world.progress[i]};
    std::vector<PendingRetryState> retries;
    for (PendingRetryState retry : world.retries) {
        if (retry.line == index) {
            retry.line = 0;
            retries.push_back(retry);
        }
    }
    world.retries = std::move(retries);
    // The other lines' spend counts only against an account cap, and there is none.
    std::vector<PriorSpend> spend;
    for (PriorSpend prior : world.priorSpend) {
        if (prior.line == index) {
            prior.line = 0;
            spend.push_back(prior);
        }
    }
    world.priorSpend = std::move(spend);
    world.streams.erase(std::remove_if(world.streams.begin(), world.streams.end(), [&](const UsageStream &s) { return s.line != id; }),
                        world.streams.end());
    world.events.erase(std::remove_if(world.events.begin(), world.events.end(),
                                      [&](const WorldEvent &e) { return !e.line.isEmpty() && e.line != id; }),
                       world.events.end());
    loaded.lineRows = {loaded.lineRows[i]};
    loaded.lineRecords = {loaded.lineRecords[i]};
}

bool DryRun::keepsMonthly(const World &world, const AttemptRecord &attempt)
{
    // Past a line's last drawn instant its monthly top-ups are still what
    // happens when no cap of the line can tell its usage (LineCoupling did
    // the rest); its threshold top-ups are not.
    const std::optional<Policy> &policy = world.lines[std::size_t(attempt.line)].policy;
    return attempt.trigger == TriggerKind::Monthly && policy && !policy->monthlyCap && !policy->maxPerMonth;
}

} // namespace topup
