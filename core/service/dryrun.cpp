#include "dryrun.h"

#include "engine/engine.h"
#include "linecoupling.h"
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
    if (candidate && m_narrow && !world.accountCap && world.events.empty() && LineCoupling::onTheirOwn(world, false)[std::size_t(kept)]) {
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
    // A preview with an account cap shows the account's spend ahead: every
    // line's top-ups are counted, so none is cut short.
    if (!runCutShort(result, working, kept, m_narrow && !(candidate && world.accountCap))) {
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

bool DryRun::runCutShort(Result &result, const World &working, int kept, bool cutShort)
{
    // A line on its own (LineCoupling) is drawn only until the first
    // attempt of each of its triggers is known: the engine stops drawing
    // its usage at the end of that instant (Engine::setDrawingStop).
    std::vector<bool> alone = cutShort ? LineCoupling::onTheirOwn(working, !working.events.empty())
                                       : std::vector<bool>(working.lines.size(), false);
    if (kept >= 0)
        alone[std::size_t(kept)] = false;
    std::vector<char> thresholdSeen(working.lines.size(), 0);
    // A monthly top-up paid or failed: a blocked one (by a cap of the line)
    // may be followed by next month's, the refill the outlook's daily
    // allowance counts to; a failed one is never followed by a paid one on
    // such a line (its methods fail only when they expire).
    std::vector<char> monthlyKnown(working.lines.size(), 0);
    Engine engine(working);
    if (std::find(alone.begin(), alone.end(), true) != alone.end() && !working.streams.empty()) {
        engine.setDrawingStop([&](const AttemptRecord &attempt) {
            const std::size_t line = std::size_t(attempt.line);
            if (attempt.trigger == TriggerKind::Threshold)
                thresholdSeen[line] = 1;
            else if (attempt.trigger == TriggerKind::Monthly && attempt.status != AttemptStatus::Blocked)
                monthlyKnown[line] = 1;
            if (!alone[line] || !thresholdSeen[line] || result.complete[line] < working.end)
                return false;
            const std::optional<Policy> &policy = working.lines[line].policy;
            if (policy->hasActiveMonthly() && !monthlyKnown[line] && (policy->monthlyCap || policy->maxPerMonth))
                return false; // its usage can still change its monthly top-up
            result.complete[line] = attempt.at;
            return true;
        });
    }
    Outcome outcome = engine.run();
    if (outcome.error) {
        result.outcome = std::move(outcome);
        return false;
    }
    outcome.attempts.erase(std::remove_if(outcome.attempts.begin(), outcome.attempts.end(),
                                          [&](const AttemptRecord &attempt) {
                                              return result.complete[std::size_t(attempt.line)] < attempt.at
                                                     && !keepsMonthly(working, attempt);
                                          }),
                           outcome.attempts.end());
    result.outcome = std::move(outcome);
    return true;
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
