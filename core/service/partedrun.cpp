#include "partedrun.h"

#include "engine/engine.h"
#include "engine/startvisit.h"
#include "linecoupling.h"
#include "rules/monthlyschedule.h"
#include "rules/zonedcalendar.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <thread>

namespace topup {

PartedRun::Result PartedRun::run(const World &world, const std::vector<bool> &alone, std::size_t minimumPart)
{
    const std::vector<int> second = secondPart(world, alone, minimumPart);
    if (second.empty())
        return runWhole(world, alone);
    std::vector<int> first;
    first.reserve(world.lines.size() - second.size());
    for (std::size_t i = 0, j = 0; i < world.lines.size(); ++i) {
        if (j < second.size() && second[j] == int(i))
            ++j;
        else
            first.push_back(int(i));
    }
    const auto aloneIn = [&alone](const std::vector<int> &lines) {
        std::vector<bool> flags(lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i)
            flags[i] = alone[std::size_t(lines[i])];
        return flags;
    };
    const World firstWorld = restrictedTo(world, first);
    World secondWorld = restrictedTo(world, second);
    // A zone of its own: the two engines share no cached transitions.
    secondWorld.zone = QTimeZone(world.zone.id());
    const std::vector<bool> firstAlone = aloneIn(first);
    const std::vector<bool> secondAlone = aloneIn(second);

    Result secondResult;
    std::thread secondEngine([&] { secondResult = runWhole(secondWorld, secondAlone); });
    Result firstResult = runWhole(firstWorld, firstAlone);
    secondEngine.join();

    Result result;
    if (firstResult.outcome.error || secondResult.outcome.error) {
        result.outcome.error = firstResult.outcome.error ? firstResult.outcome.error : secondResult.outcome.error;
        return result;
    }
    std::vector<AttemptRecord> &a = firstResult.outcome.attempts;
    std::vector<AttemptRecord> &b = secondResult.outcome.attempts;
    if (a.size() + b.size() > world.attemptLimit) {
        result.outcome.error = RunError{QString(), QStringLiteral("more attempts than the limit")};
        return result;
    }
    for (AttemptRecord &attempt : a)
        attempt.line = first[std::size_t(attempt.line)];
    for (AttemptRecord &attempt : b)
        attempt.line = second[std::size_t(attempt.line)];
    result.outcome.attempts.reserve(a.size() + b.size());
    std::merge(std::make_move_iterator(a.begin()), std::make_move_iterator(a.end()), std::make_move_iterator(b.begin()),
               std::make_move_iterator(b.end()), std::back_inserter(result.outcome.attempts),
               [](const AttemptRecord &x, const AttemptRecord &y) { return x.at < y.at; });
    result.complete.assign(world.lines.size(), world.end);
    for (std::size_t i = 0; i < first.size(); ++i)
        result.complete[std::size_t(first[i])] = firstResult.complete[i];
    for (std::size_t i = 0; i < second.size(); ++i)
        result.complete[std::size_t(second[i])] = secondResult.complete[i];
    return result;
}

std::vector<int> PartedRun::secondPart(const World &world, const std::vector<bool> &alone, std::size_t minimumPart)
{
    // Events are the provider's (a queued fault, a deposit): they meet every
    // line of their method, so such a world runs whole.
    if (!world.events.empty() || std::thread::hardware_concurrency() < 2)
        return {};
    std::size_t onTheirOwn = std::size_t(std::count(alone.begin(), alone.end(), true));
    if (onTheirOwn < 2 * minimumPart)
        return {};
    // A line that acts again at the next instant its engine visits (a top-up
    // may leave it below its threshold) must meet every instant one engine
    // would visit: the second part then takes only lines whose own instants
    // (monthly occurrences, pending retries) fall on the usage grid, which
    // the first part's lines visit too.
    std::vector<bool> movable = alone;
    const std::vector<bool> acting = LineCoupling::actingAtAnyVisit(world);
    if (std::find(acting.begin(), acting.end(), true) != acting.end()) {
        const std::vector<bool> onGrid = onTheGrid(world);
        for (std::size_t i = 0; i < movable.size(); ++i)
            movable[i] = movable[i] && onGrid[i];
        onTheirOwn = std::size_t(std::count(movable.begin(), movable.end(), true));
        if (onTheirOwn < minimumPart)
            return {};
    }
    // Half of the lines in each engine, as far as the lines on their own
    // allow: the second part takes the last of them.
    const std::size_t wanted = std::min(onTheirOwn, world.lines.size() / 2);
    std::vector<int> second;
    second.reserve(wanted);
    for (std::size_t i = world.lines.size(); i-- > 0 && second.size() < wanted;) {
        if (movable[i])
            second.push_back(int(i));
    }
    std::reverse(second.begin(), second.end());
    return second;
}

std::vector<bool> PartedRun::onTheGrid(const World &world)
{
    // The usage grids (first sample modulo the period, the period): an
    // instant on all of them is visited by every engine that draws usage.
    std::vector<std::pair<qint64, qint64>> grids;
    for (const UsageStream &stream : world.streams) {
        const qint64 every = stream.everySeconds * 1000;
        const qint64 first = stream.firstAt ? stream.firstAt->msecs() : world.start.msecs();
        if (every > 0)
            grids.emplace_back(((first % every) + every) % every, every);
    }
    std::sort(grids.begin(), grids.end());
    grids.erase(std::unique(grids.begin(), grids.end()), grids.end());
    const auto visited = [&grids](Instant at) {
        return !grids.empty() && std::all_of(grids.begin(), grids.end(), [at](const std::pair<qint64, qint64> &grid) {
            return ((at.msecs() % grid.second) + grid.second) % grid.second == grid.first;
        });
    };
    std::vector<bool> on(world.lines.size(), true);
    for (const PendingRetryState &retry : world.retries) {
        if (retry.line >= 0 && std::size_t(retry.line) < on.size() && !(world.end < retry.due) && !visited(retry.due))
            on[std::size_t(retry.line)] = false;
    }
    const ZonedCalendar calendar(world.zone);
    for (std::size_t i = 0; i < world.lines.size(); ++i) {
        const std::optional<Policy> &policy = world.lines[i].policy;
        if (!on[i] || !policy || !policy->hasActiveMonthly())
            continue;
        const MonthlySchedule schedule(policy->monthly->day, policy->monthly->minuteOfDay);
        for (YearMonth month = calendar.monthOf(world.start); !(calendar.monthOf(world.end) < month); month = month.next()) {
            const Instant at = schedule.occurrenceIn(month, calendar);
            if (!(at < world.start) && !(world.end < at) && !visited(at))
                on[i] = false;
        }
    }
    return on;
}

World PartedRun::restrictedTo(const World &world, const std::vector<int> &kept)
{
    World part;
    part.zone = world.zone;
    part.currency = world.currency;
    part.start = world.start;
    part.end = world.end;
    part.accountCap = world.accountCap;
    part.packages = world.packages;
    part.methods = world.methods;
    part.recordUsage = world.recordUsage;
    part.attemptLimit = world.attemptLimit;
    // The other lines' retries, samples and events at `start` visit it too.
    part.startVisited = StartVisit::visited(world);
    std::vector<int> renumbered(world.lines.size(), -1);
    QSet<QString> ids;
    part.lines.reserve(kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const std::size_t line = std::size_t(kept[i]);
        renumbered[line] = int(i);
        part.lines.push_back(world.lines[line]);
        ids.insert(world.lines[line].id);
        if (!world.progress.empty())
            part.progress.push_back(world.progress[line]);
    }
    for (const int changed : world.changedAtStart) {
        if (changed >= 0 && std::size_t(changed) < renumbered.size() && renumbered[std::size_t(changed)] >= 0)
            part.changedAtStart.push_back(renumbered[std::size_t(changed)]);
    }
    for (PendingRetryState retry : world.retries) {
        if (retry.line < 0 || std::size_t(retry.line) >= renumbered.size() || renumbered[std::size_t(retry.line)] < 0)
            continue;
        retry.line = renumbered[std::size_t(retry.line)];
        part.retries.push_back(retry);
    }
    for (PriorSpend prior : world.priorSpend) {
        const bool inPart = prior.line >= 0 && std::size_t(prior.line) < renumbered.size() && renumbered[std::size_t(prior.line)] >= 0;
        prior.line = inPart ? renumbered[std::size_t(prior.line)] : PriorSpend::otherLines;
        part.priorSpend.push_back(prior);
    }
    for (const UsageStream &stream : world.streams) {
        if (ids.contains(stream.line))
            part.streams.push_back(stream);
    }
    for (const WorldEvent &event : world.events) {
        if (event.line.isEmpty() || ids.contains(event.line))
            part.events.push_back(event);
    }
    return part;
}

PartedRun::Result PartedRun::runWhole(const World &world, const std::vector<bool> &alone)
{
    Result result;
    result.complete.assign(world.lines.size(), world.end);
    std::vector<char> thresholdSeen(world.lines.size(), 0);
    // A monthly top-up paid or failed: a blocked one (by a cap of the line)
    // may be followed by next month's, the refill the outlook's daily
    // allowance counts to; a failed one is never followed by a paid one on
    // such a line (its methods fail only when they expire).
    std::vector<char> monthlyKnown(world.lines.size(), 0);
    Engine engine(world);
    if (std::find(alone.begin(), alone.end(), true) != alone.end() && !world.streams.empty()) {
        engine.setDrawingStop([&](const AttemptRecord &attempt) {
            const std::size_t line = std::size_t(attempt.line);
            if (attempt.trigger == TriggerKind::Threshold)
                thresholdSeen[line] = 1;
            else if (attempt.trigger == TriggerKind::Monthly && attempt.status != AttemptStatus::Blocked)
                monthlyKnown[line] = 1;
            if (!alone[line] || !thresholdSeen[line] || result.complete[line] < world.end)
                return false;
            const std::optional<Policy> &policy = world.lines[line].policy;
            if (policy->hasActiveMonthly() && !monthlyKnown[line] && (policy->monthlyCap || policy->maxPerMonth))
                return false; // its usage can still change its monthly top-up
            result.complete[line] = attempt.at;
            return true;
        });
    }
    result.outcome = engine.run();
    if (result.outcome.error)
        return result;
    std::vector<AttemptRecord> &attempts = result.outcome.attempts;
    attempts.erase(std::remove_if(attempts.begin(), attempts.end(),
                                  [&](const AttemptRecord &attempt) {
                                      return result.complete[std::size_t(attempt.line)] < attempt.at
                                             && !keepsMonthly(world, attempt);
                                  }),
                   attempts.end());
    return result;
}

bool PartedRun::keepsMonthly(const World &world, const AttemptRecord &attempt)
{
    // Past a line's last drawn instant its monthly top-ups are still what
    // happens when no cap of the line can tell its usage (LineCoupling did
    // the rest); its threshold top-ups are not.
    const std::optional<Policy> &policy = world.lines[std::size_t(attempt.line)].policy;
    return attempt.trigger == TriggerKind::Monthly && policy && !policy->monthlyCap && !policy->maxPerMonth;
}

} // namespace topup
