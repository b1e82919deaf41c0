#include "worldwindow.h"

#include "domain/civil.h"
#include "domain/saturating.h"
#include "engine/engine.h"
#include "rules/zonedcalendar.h"

#include <algorithm>
#include <limits>
#include <map>

namespace topup {
namespace {

constexpr qint64 largest = std::numeric_limits<qint64>::max();

qint64 hourOf(qint64 ms) noexcept
{
    return civil::floorDiv(ms, civil::msPerHour) * civil::msPerHour;
}

// The World's events in the order the engine applies them: by instant,
// file order among equals.
std::vector<const WorldEvent *> inEngineOrder(const World &world)
{
    std::vector<const WorldEvent *> events;
    events.reserve(world.events.size());
    for (const WorldEvent &event : world.events)
        events.push_back(&event);
    std::stable_sort(events.begin(), events.end(), [](const WorldEvent *a, const WorldEvent *b) { return a->at < b->at; });
    return events;
}

// What the line asked for in each hour from `from` on: its `use` events and
// its generated usage. The generated usage comes from the engine, run on the
// line alone with a balance nothing can empty, so every sample is served.
std::map<qint64, std::pair<qint64, qint64>> demandByHour(const World &world, int line, Instant from, Outcome &demand)
{
    const QString &id = world.lines[std::size_t(line)].id;
    World alone;
    alone.zone = world.zone;
    alone.currency = world.currency;
    alone.start = from;
    alone.end = world.end;
    alone.lines.push_back(Line{id, DataAmount(largest), VoiceAmount(largest), std::nullopt});
    for (const UsageStream &stream : world.streams) {
        if (stream.line != id)
            continue;
        alone.streams.push_back(stream);
        if (!alone.streams.back().firstAt) // the stream keeps the grid it has from the World's start
            alone.streams.back().firstAt = world.start;
    }
    alone.recordUsage = true;
    Engine engine(alone);
    demand = engine.run();

    std::map<qint64, std::pair<qint64, qint64>> hours;
    const auto add = [&hours, from](Instant at, qint64 data, qint64 voice) {
        auto &hour = hours[std::max(hourOf(at.msecs()), from.msecs())];
        hour.first = saturatingAdd(hour.first, data);
        hour.second = saturatingAdd(hour.second, voice);
    };
    for (const UsageRecord &sample : demand.usage)
        add(sample.at, sample.dataBytes, sample.voiceSeconds);
    for (const WorldEvent &event : world.events) {
        if (event.kind == WorldEvent::Kind::Use && event.line == id && !(event.at < from) && !(world.end < event.at))
            add(event.at, event.data.bytes(), event.voice.seconds());
    }
    return hours;
}

// The line's rules as its last policy event before `end` left them; a line
// without rules gets a disabled policy (the advisor then says it has no method).
Policy rulesAtEnd(const World &world, const Line &line)
{
    std::optional<Policy> current = line.policy;
    for (const WorldEvent *event : inEngineOrder(world)) {
        if (event->kind == WorldEvent::Kind::SetPolicy && event->line == line.id)
            current = event->policy ? std::optional<Policy>(*event->policy) : std::nullopt;
    }
    if (current)
        return *current;
    Policy none;
    none.enabled = false;
    return none;
}

// As `topup-sim run` words a run that stopped: the path, then the message.
QString runProblem(const RunError &error)
{
    return error.path.isEmpty() ? error.message : QStringLiteral("%1: %2").arg(error.path, error.message);
}

} // namespace

Instant WorldWindow::windowStart(Instant start, Instant end, int days)
{
    const qint64 earliest = end.msecs() + 1 - days * civil::msPerDay;
    const qint64 firstHour = hourOf(earliest) + (hourOf(earliest) < earliest ? civil::msPerHour : 0);
    return Instant::fromMsecs(std::max(start.msecs(), std::min(firstHour, end.msecs())));
}

Expected<AdvisorInput> WorldWindow::advisorInput(const World &world, const QString &lineId, int days)
{
    const auto lineAt = std::find_if(world.lines.begin(), world.lines.end(),
                                     [&lineId](const Line &line) { return line.id == lineId; });
    if (lineAt == world.lines.end())
        return Expected<AdvisorInput>::failure(tr("no line \"%1\" in the scenario").arg(lineId));
    if (days < 1 || days > maxDays)
        return Expected<AdvisorInput>::failure(tr("the number of days must be between 1 and %1 (got %2)").arg(maxDays).arg(days));
    const int line = int(lineAt - world.lines.begin());
    const ZonedCalendar calendar(world.zone);

    AdvisorInput input;
    input.lineId = lineId;
    input.zone = world.zone;
    input.to = world.end;
    input.from = windowStart(world.start, world.end, days);
    input.packages = world.packages;
    input.accountCap = world.accountCap;
    input.current = rulesAtEnd(world, *lineAt);

    // The whole run first: a scenario `run` refuses (an amount would leave
    // int64, too many attempts) is refused here too, in the same words.
    Engine wholeRun(world);
    const Outcome whole = wholeRun.run();
    if (whole.error)
        return Expected<AdvisorInput>::failure(runProblem(*whole.error));

    // Where everything stood just before the window: the engine run up to it.
    std::vector<Money> funds;
    for (const PaymentMethod &method : world.methods)
        funds.push_back(method.funds);
    input.startDataBytes = lineAt->data.bytes();
    input.startVoiceSeconds = lineAt->voice.seconds();
    const YearMonth firstMonth = calendar.monthOf(input.from);
    if (world.start < input.from) {
        World before = world;
        before.end = input.from.plusMsecs(-1); // the engine applies nothing after `end`
        Engine engine(before);
        const Outcome outcome = engine.run();
        if (outcome.error) // the whole run stopped earlier, or at the same place
            return Expected<AdvisorInput>::failure(runProblem(*outcome.error));
        input.startDataBytes = outcome.lines[std::size_t(line)].dataBytes;
        input.startVoiceSeconds = outcome.lines[std::size_t(line)].voiceSeconds;
        funds = outcome.methodFunds;
        for (const SpendRow &row : outcome.spend) {
            if (row.line == line && row.month == firstMonth)
                input.spentBefore.push_back(AdvisorMonthSpend{row.month, row.autoSpend, row.autoCount, Money()});
        }
    }
    for (std::size_t i = 0; i < world.methods.size(); ++i) {
        if (world.methods[i].id == input.current.method || world.methods[i].id == input.current.fallback) {
            input.methods.push_back(world.methods[i]);
            input.methods.back().funds = funds[i];
        }
    }
    for (const WorldEvent &event : world.events) {
        if (event.kind == WorldEvent::Kind::Deposit && !(event.at < input.from) && input.current.paysWith(event.method))
            input.deposits.push_back(AdvisorDeposit{event.at, event.method, event.deposit});
    }
    std::stable_sort(input.deposits.begin(), input.deposits.end(),
                     [](const AdvisorDeposit &a, const AdvisorDeposit &b) { return a.at < b.at; });

    // The other lines' auto spend in each month of the window, from the full run.
    if (world.accountCap) {
        const YearMonth lastMonth = calendar.monthOf(input.to);
        for (const SpendRow &row : whole.spend) {
            if (row.line == line || row.autoSpend.isZero() || row.month < firstMonth || lastMonth < row.month)
                continue;
            const auto month = std::find_if(input.spentBefore.begin(), input.spentBefore.end(),
                                            [&row](const AdvisorMonthSpend &spent) { return spent.month == row.month; });
            if (month != input.spentBefore.end())
                month->otherLinesAuto += row.autoSpend;
            else
                input.spentBefore.push_back(AdvisorMonthSpend{row.month, Money(), 0, row.autoSpend});
        }
        std::sort(input.spentBefore.begin(), input.spentBefore.end(),
                  [](const AdvisorMonthSpend &a, const AdvisorMonthSpend &b) { return a.month < b.month; });
    }

    Outcome demand;
    for (const auto &[hour, amounts] : demandByHour(world, line, input.from, demand))
        input.usage.push_back(UsageHour{Instant::fromMsecs(hour), amounts.first, amounts.second});
    if (demand.error) // the line's usage alone: the whole run would have stopped first
        return Expected<AdvisorInput>::failure(runProblem(*demand.error));
    return input;
}

} // namespace topup
