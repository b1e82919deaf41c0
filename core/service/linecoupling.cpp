#include "linecoupling.h"

#include "engine/startvisit.h"
#include "rules/monthlyschedule.h"
#include "rules/thresholdstate.h"
#include "rules/zonedcalendar.h"
#include "sim/usagegenerator.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace topup {
namespace {

__extension__ typedef __int128 int128;

constexpr int128 moneyMax = std::numeric_limits<qint64>::max();

const Package *packageOf(const World &world, const QString &id)
{
    const auto found = std::find_if(world.packages.begin(), world.packages.end(), [&](const Package &p) { return p.id == id; });
    return found == world.packages.end() ? nullptr : &*found;
}

} // namespace

Money LineCoupling::mostSpent(const World &world, int line, const UsageStream *stream)
{
    return mostSpent(world, line, stream, monthsReached(world, ZonedCalendar(world.zone)));
}

int LineCoupling::monthsReached(const World &world, const ZonedCalendar &calendar)
{
    return calendar.monthOf(world.end).index() - calendar.monthOf(world.start).index() + 1;
}

Money LineCoupling::mostSpent(const World &world, int line, const UsageStream *stream, int monthsReached)
{
    const std::optional<Policy> &policy = world.lines[std::size_t(line)].policy;
    if (!policy || !policy->enabled)
        return Money();
    const int128 months = monthsReached;
    int128 charges = 0;
    int128 price = 0;
    if (policy->monthly) {
        if (const Package *package = packageOf(world, policy->monthly->package)) {
            charges += months;
            price = std::max<int128>(price, package->price.cents());
        }
    }
    if (policy->threshold) {
        const Package *package = packageOf(world, policy->threshold->package);
        if (package) {
            const bool data = policy->threshold->resource == Resource::Data;
            const int128 adds = data ? package->data.bytes() : package->voice.seconds();
            int128 used = 0;
            if (stream) {
                const UsageSample most = UsageGenerator::maxSample(stream->profile, stream->everySeconds);
                const int128 samples = (world.end.msecs() - world.start.msecs()) / (std::max<qint64>(stream->everySeconds, 1) * 1000) + 2;
                used = int128(data ? most.dataBytes : most.voiceSeconds) * samples;
            }
            // Before the k-th paid top-up the balance is below the threshold,
            // so (k - 1) packages were used up past it: k <= (below + used) / adds + 1.
            charges += adds > 0 ? (int128(policy->threshold->below) + used) / adds + 1 : moneyMax;
            price = std::max<int128>(price, package->price.cents());
        }
    }
    if (policy->maxPerMonth)
        charges = std::min<int128>(charges, int128(*policy->maxPerMonth) * months);
    int128 spent = std::min<int128>(charges, moneyMax) * price;
    if (policy->monthlyCap)
        spent = std::min<int128>(spent, int128(policy->monthlyCap->cents()) * months);
    return Money::fromCents(qint64(std::min<int128>(spent, moneyMax)));
}

std::vector<bool> LineCoupling::waitingForAVisit(const World &world)
{
    std::vector<bool> waiting(world.lines.size(), false);
    if (world.progress.size() != world.lines.size() || StartVisit::visited(world))
        return waiting; // every line is checked at the start
    for (std::size_t i = 0; i < world.lines.size(); ++i) {
        const std::optional<Policy> &policy = world.lines[i].policy;
        if (!policy || !policy->hasActiveThreshold())
            continue;
        const ThresholdTrigger &trigger = *policy->threshold;
        const qint64 balance = trigger.resource == Resource::Data ? world.lines[i].data.bytes() : world.lines[i].voice.seconds();
        waiting[i] = checkThreshold(world.progress[i].state, balance, trigger.below) != ThresholdCheck::Nothing;
    }
    for (const int changed : world.changedAtStart) {
        if (changed >= 0 && std::size_t(changed) < waiting.size())
            waiting[std::size_t(changed)] = false; // checked at the start
    }
    if (std::find(waiting.begin(), waiting.end(), true) == waiting.end())
        return waiting;
    // Such a line acts at the first instant visited: in an engine of its
    // own, its next usage sample, retry, monthly occurrence or month start.
    // It depends on the other lines only when one of theirs comes sooner.
    const qint64 startMs = world.start.msecs();
    const ZonedCalendar calendar(world.zone);
    std::vector<std::pair<qint64, int>> instants; // (at, line; -1: no line's)
    for (const PendingRetryState &retry : world.retries) {
        if (startMs <= retry.due.msecs())
            instants.emplace_back(retry.due.msecs(), retry.line);
    }
    for (std::size_t i = 0; i < world.lines.size(); ++i) {
        const std::optional<Policy> &policy = world.lines[i].policy;
        if (policy && policy->hasActiveMonthly())
            instants.emplace_back(MonthlySchedule(policy->monthly->day, policy->monthly->minuteOfDay).firstAtOrAfter(world.start, calendar).at.msecs(),
                                  int(i));
    }
    QHash<QString, int> lineIndex;
    for (std::size_t i = 0; i < world.lines.size(); ++i)
        lineIndex.insert(world.lines[i].id, int(i));
    for (const WorldEvent &event : world.events) {
        if (event.kind != WorldEvent::Kind::FailNext && startMs <= event.at.msecs())
            instants.emplace_back(event.at.msecs(), event.line.isEmpty() ? -1 : lineIndex.value(event.line, -1));
    }
    qint64 shared = calendar.monthStart(calendar.monthOf(world.start)).msecs(); // visited by every engine
    if (shared < startMs)
        shared = calendar.monthStart(calendar.monthOf(world.start).next()).msecs();
    for (std::size_t i = 0; i < waiting.size(); ++i) {
        if (!waiting[i])
            continue;
        qint64 own = shared;
        for (const UsageStream &stream : world.streams) {
            const qint64 every = stream.everySeconds * 1000;
            if (stream.line != world.lines[i].id || every <= 0)
                continue;
            qint64 first = stream.firstAt ? stream.firstAt->msecs() : startMs;
            if (first < startMs)
                first += (startMs - first + every - 1) / every * every;
            own = std::min(own, first);
        }
        for (const auto &[at, line] : instants) {
            if (line == int(i))
                own = std::min(own, at);
        }
        waiting[i] = std::any_of(instants.begin(), instants.end(),
                                 [&](const std::pair<qint64, int> &other) { return other.second != int(i) && other.first < own; });
    }
    return waiting;
}

std::vector<bool> LineCoupling::actingAtAnyVisit(const World &world)
{
    std::vector<bool> acting = waitingForAVisit(world);
    for (std::size_t i = 0; i < world.lines.size(); ++i) {
        const std::optional<Policy> &policy = world.lines[i].policy;
        if (!policy || !policy->hasActiveThreshold())
            continue;
        const Package *package = packageOf(world, policy->threshold->package);
        const bool data = policy->threshold->resource == Resource::Data;
        const qint64 adds = !package ? 0 : data ? package->data.bytes() : package->voice.seconds();
        if (adds < policy->threshold->below)
            acting[i] = true;
    }
    return acting;
}

std::vector<bool> LineCoupling::onTheirOwn(const World &world, bool faultsQueued)
{
    std::vector<bool> alone(world.lines.size(), false);
    if (faultsQueued)
        return alone;
    QHash<QString, const UsageStream *> streams;
    for (const UsageStream &stream : world.streams)
        streams.insert(stream.line, &stream);
    const ZonedCalendar calendar(world.zone);
    const int months = monthsReached(world, calendar);
    std::vector<Money> most(world.lines.size());
    int128 all = 0;
    for (std::size_t i = 0; i < world.lines.size(); ++i) {
        most[i] = mostSpent(world, int(i), streams.value(world.lines[i].id), months);
        all += most[i].cents();
    }
    if (world.accountCap) {
        // Every month the run reaches, with what it has spent already.
        for (YearMonth month = calendar.monthOf(world.start); !(calendar.monthOf(world.end) < month); month = month.next()) {
            int128 spent = all;
            for (const PriorSpend &prior : world.priorSpend)
                spent += prior.month == month ? prior.autoSpend.cents() : 0;
            if (spent > world.accountCap->cents())
                return alone;
        }
    }
    // The methods each line's rules may charge: the method, and the
    // fallback only when a charge on the method may fail — it expires
    // within the run, or it may not hold enough (no fault is queued). A
    // method holds enough (ample) when the most every line that may charge
    // it could spend fits in its funds; telling a fallback it will not be
    // charged can make another method ample, so this is repeated until
    // nothing changes, each step only dropping charges that cannot happen.
    QHash<QString, int> methodIndex;
    for (std::size_t m = 0; m < world.methods.size(); ++m)
        methodIndex.insert(world.methods[m].id, int(m));
    std::vector<bool> mayExpire(world.methods.size());
    for (std::size_t m = 0; m < world.methods.size(); ++m) {
        const std::optional<YearMonth> &expires = world.methods[m].expires;
        mayExpire[m] = expires && !(world.end < calendar.monthStart(expires->next())); // as the engine's provider says
    }
    std::vector<int> method(world.lines.size(), -1);
    std::vector<int> fallback(world.lines.size(), -1);
    std::vector<bool> fallbackCharged(world.lines.size(), false);
    for (std::size_t i = 0; i < world.lines.size(); ++i) {
        const std::optional<Policy> &policy = world.lines[i].policy;
        if (!policy || !policy->enabled)
            continue;
        method[i] = policy->method.isEmpty() ? -1 : methodIndex.value(policy->method, -1);
        fallback[i] = policy->fallback.isEmpty() ? -1 : methodIndex.value(policy->fallback, -1);
        fallbackCharged[i] = fallback[i] >= 0;
    }
    std::vector<bool> ample(world.methods.size());
    for (bool changed = true; changed;) {
        std::vector<int128> owed(world.methods.size(), 0);
        for (std::size_t i = 0; i < world.lines.size(); ++i) {
            if (method[i] >= 0)
                owed[std::size_t(method[i])] += most[i].cents();
            if (fallbackCharged[i] && fallback[i] != method[i])
                owed[std::size_t(fallback[i])] += most[i].cents();
        }
        for (std::size_t m = 0; m < world.methods.size(); ++m)
            ample[m] = owed[m] <= world.methods[m].funds.cents();
        changed = false;
        for (std::size_t i = 0; i < world.lines.size(); ++i) {
            if (fallbackCharged[i] && method[i] >= 0 && ample[std::size_t(method[i])] && !mayExpire[std::size_t(method[i])]) {
                fallbackCharged[i] = false; // the method always pays
                changed = true;
            }
        }
    }
    const std::vector<bool> waiting = waitingForAVisit(world);
    // A balance far from int64's end: its top-ups never meet the overflow check.
    int128 biggest = 0;
    for (const Package &package : world.packages)
        biggest = std::max<int128>({biggest, package.data.bytes(), package.voice.seconds()});
    for (std::size_t i = 0; i < world.lines.size(); ++i) {
        const int128 room = std::numeric_limits<qint64>::max() / 2;
        alone[i] = int128(world.lines[i].data.bytes()) + int128(months) * biggest * 4 < room
                   && int128(world.lines[i].voice.seconds()) + int128(months) * biggest * 4 < room;
        if ((method[i] >= 0 && !ample[std::size_t(method[i])]) || (fallbackCharged[i] && !ample[std::size_t(fallback[i])]))
            alone[i] = false;
        if (waiting[i])
            alone[i] = false;
    }
    return alone;
}

} // namespace topup
