#include "engine.h"

#include "domain/civil.h"
#include "domain/saturating.h"
#include "rules/limits.h"
#include "rules/retryschedule.h"
#include "startvisit.h"
#include "streamschedule.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace topup {
namespace {

constexpr qint64 never = std::numeric_limits<qint64>::max();

QString chainKey(const QString &line, const char *trigger, const QString &suffix)
{
    return line + QLatin1Char('/') + QLatin1String(trigger) + QLatin1Char('/') + suffix;
}

constexpr qint64 largest = std::numeric_limits<qint64>::max();

} // namespace

QString Engine::Where::path() const
{
    QString text = QStringLiteral("%1[%2]").arg(QLatin1String(array)).arg(index);
    if (field)
        text += QLatin1Char('.') + QLatin1String(field);
    return text;
}

void Engine::stop(const QString &where, const QString &message)
{
    if (!m_outcome.error)
        m_outcome.error = RunError{where, message};
}

Engine::Engine(const World &world) : Engine(world, m_ownGateway) {}

Engine::Engine(const World &world, Gateway &gateway) : m_world(world), m_calendar(world.zone), m_gateway(gateway)
{
    for (std::size_t i = 0; i < world.packages.size(); ++i)
        m_packageIndex.insert(world.packages[i].id, int(i));
    for (std::size_t i = 0; i < world.methods.size(); ++i) {
        const PaymentMethod &method = world.methods[i];
        std::optional<Instant> expiresAt;
        if (method.expires) // valid through the last local day of the month
            expiresAt = m_calendar.monthStart(method.expires->next());
        if (&m_gateway == &m_ownGateway)
            m_ownGateway.addMethod(method.id, method.funds, expiresAt, method.atProvider);
        m_methodIndex.insert(method.id, int(i));
    }
    m_lines.resize(world.lines.size());
    m_dirtyLines.reserve(world.lines.size());
    m_stillDue.reserve(world.lines.size());
    for (std::size_t i = 0; i < world.lines.size(); ++i) {
        m_lineIndex.insert(world.lines[i].id, int(i));
        m_lines[i].data = world.lines[i].data.bytes();
        m_lines[i].voice = world.lines[i].voice.seconds();
    }
    m_generators.reserve(world.streams.size());
    for (const UsageStream &stream : world.streams)
        m_generators.emplace_back(stream.profile, stream.seed, stream.everySeconds);
    for (const PriorSpend &prior : world.priorSpend)
        m_spend.addPrior(prior.line, prior.month, prior.autoSpend, prior.manualSpend, prior.autoCount);
}

void Engine::resumeProgress()
{
    for (std::size_t i = 0; i < m_world.progress.size() && i < m_lines.size(); ++i) {
        const LineProgress &progress = m_world.progress[i];
        LineState &line = m_lines[i];
        line.state = progress.state;
        line.thresholdChains = progress.thresholdChains;
        line.manualTopUps = progress.manualTopUps;
        line.lastMonthlyKey = progress.lastMonthlyKey;
        line.unservedData = progress.unservedDataBytes;
        line.unservedVoice = progress.unservedVoiceSeconds;
        if (line.state == ThresholdState::Blocked)
            m_blockedLines.push_back(int(i));
    }
    for (const PendingRetryState &retry : m_world.retries) {
        // One due after `end` stays pending and is handed on in the outcome
        // with the rest (a resumed run that ends before a retry is due must
        // not lose it); one due before `start` was a run's to make.
        if (retry.due < m_world.start || retry.line < 0 || std::size_t(retry.line) >= m_lines.size())
            continue;
        m_retries.push_back(PendingRetry{retry.due.msecs(), m_retryOrder++, Chain{retry.line, retry.trigger, retry.key, retry.attempt}});
    }
}

Outcome Engine::run()
{
    const qint64 startMs = m_world.start.msecs();
    const qint64 endMs = m_world.end.msecs();

    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const Line &line = m_world.lines[i];
        applyPolicy(int(i), line.policy ? &*line.policy : nullptr, m_world.start);
    }
    resumeProgress();

    std::vector<int> eventOrder(m_world.events.size());
    std::iota(eventOrder.begin(), eventOrder.end(), 0);
    const auto earlier = [this](int a, int b) {
        return m_world.events[std::size_t(a)].at < m_world.events[std::size_t(b)].at;
    };
    if (!std::is_sorted(eventOrder.begin(), eventOrder.end(), earlier)) // most Worlds list them in order already
        std::stable_sort(eventOrder.begin(), eventOrder.end(), earlier);
    std::size_t nextEvent = 0;
    while (nextEvent < eventOrder.size() && m_world.events[std::size_t(eventOrder[nextEvent])].at.msecs() < startMs)
        ++nextEvent; // outside the run; the reader refuses such files

    std::vector<StreamCursor> streams(m_world.streams.size());
    StreamSchedule schedule;
    for (std::size_t i = 0; i < m_world.streams.size(); ++i) {
        const UsageStream &stream = m_world.streams[i];
        const qint64 every = stream.everySeconds * civil::msPerSecond;
        qint64 first = stream.firstAt ? stream.firstAt->msecs() : startMs;
        qint64 index = stream.firstIndex;
        if (first < startMs) { // continue the stream's grid inside this run
            const qint64 skipped = (startMs - first + every - 1) / every;
            first += skipped * every;
            index += skipped;
        }
        m_generators[i] = UsageGenerator(stream.profile, stream.seed, stream.everySeconds, index);
        streams[i] = StreamCursor{first, every, int(i), m_lineIndex.value(stream.line, -1)};
        if (first <= endMs)
            schedule.add(first, int(i));
    }

    // A resumed run may start on a month start: its blocked lines are armed there.
    qint64 nextMonthStart = m_calendar.monthStart(m_calendar.monthOf(m_world.start)).msecs();
    if (nextMonthStart < startMs)
        nextMonthStart = m_calendar.monthStart(m_calendar.monthOf(m_world.start).next()).msecs();

    // Lines whose usage is no longer drawn (setDrawingStop).
    std::vector<char> drawingStopped(m_drawingStop ? m_lines.size() : 0, 0);
    const auto nextInstant = [&]() {
        qint64 next = std::min({nextMonthStart, nextRetryDue(), m_nextMonthly});
        if (nextEvent < eventOrder.size())
            next = std::min(next, m_world.events[std::size_t(eventOrder[nextEvent])].at.msecs());
        if (!schedule.empty())
            next = std::min(next, schedule.nextDue());
        return next;
    };
    // Asks about the attempts made at this instant (setDrawingStop).
    const auto stopDrawing = [&](std::size_t attemptsBefore) {
        for (std::size_t i = attemptsBefore; !drawingStopped.empty() && i < m_outcome.attempts.size(); ++i) {
            const AttemptRecord &attempt = m_outcome.attempts[i];
            if (m_drawingStop(attempt))
                drawingStopped[std::size_t(attempt.line)] = 1;
        }
    };
    const bool startVisited = StartVisit::visited(m_world);
    qint64 now = startMs;
    while (now <= endMs) {
        const std::size_t attemptsBefore = m_outcome.attempts.size();
        const Instant t = Instant::fromMsecs(now);
        if (now == startMs && !startVisited) {
            // A resumed run's start, where nothing is due: faults carried in
            // are queued, and only the lines changed there are checked. Every
            // line stays dirty: all are checked at the next instant visited.
            while (nextEvent < eventOrder.size() && m_world.events[std::size_t(eventOrder[nextEvent])].at.msecs() == startMs)
                applyEvent(eventOrder[nextEvent++], t);
            std::vector<int> changed = m_world.changedAtStart;
            std::sort(changed.begin(), changed.end());
            changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
            for (const int index : changed) {
                if (!stopped() && index >= 0 && std::size_t(index) < m_lines.size())
                    checkLine(index, t);
            }
            if (stopped())
                break;
            stopDrawing(attemptsBefore);
            now = nextInstant();
            continue;
        }
        if (now == nextMonthStart) {
            for (const int i : m_blockedLines) { // may list a line twice, or one no longer blocked
                if (m_lines[std::size_t(i)].state == ThresholdState::Blocked) {
                    m_lines[std::size_t(i)].state = ThresholdState::Armed;
                    markDirty(i);
                }
            }
            m_blockedLines.clear();
            nextMonthStart = m_calendar.monthStart(m_calendar.monthOf(t).next()).msecs();
        }

        // 1. Events: the file's first, in file order, then generated usage.
        while (!stopped() && nextEvent < eventOrder.size()
               && m_world.events[std::size_t(eventOrder[nextEvent])].at.msecs() == now)
            applyEvent(eventOrder[nextEvent++], t);
        if (!stopped() && !schedule.empty() && schedule.nextDue() == now) {
            const int localHour = m_calendar.localMinuteOfDay(t) / 60;
            for (const int due : schedule.takeNext()) {
                StreamCursor &cursor = streams[std::size_t(due)];
                if (!drawingStopped.empty() && cursor.line >= 0 && drawingStopped[std::size_t(cursor.line)])
                    continue; // taken off the schedule for good
                const UsageSample sample = m_generators[std::size_t(cursor.stream)].next(localHour);
                if (cursor.line >= 0) {
                    const LineState &line = m_lines[std::size_t(cursor.line)];
                    if (m_world.recordUsage) {
                        const UsageRecord record{cursor.line, t, std::min(sample.dataBytes, line.data),
                                                 std::min(sample.voiceSeconds, line.voice)};
                        if (m_usageSink)
                            m_usageSink->add(record);
                        else
                            m_outcome.usage.push_back(record);
                    }
                    applyUsage(cursor.line, sample.dataBytes, sample.voiceSeconds, Where{"generate", cursor.stream});
                }
                ++m_outcome.usageEvents;
                if (now <= endMs - cursor.everyMs) {
                    cursor.next = now + cursor.everyMs;
                    schedule.add(cursor.next, due);
                }
            }
        }
        // 2. Due retries. 3. Monthly occurrences. 4. Threshold checks.
        if (!stopped() && nextRetryDue() == now)
            runDueRetries(t);
        if (!stopped() && m_nextMonthly == now)
            runMonthly(t);
        if (!stopped())
            checkThresholds(t);
        if (stopped())
            break;
        stopDrawing(attemptsBefore);
        now = nextInstant();
    }

    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const LineState &line = m_lines[i];
        LineOutcome result{line.data, line.voice, line.unservedData, line.unservedVoice, std::nullopt,
                           line.usesShortOfData, line.usesShortOfVoice, line.usesShort,
                           LineProgress{line.state, line.thresholdChains, line.manualTopUps, line.lastMonthlyKey,
                                        line.unservedData, line.unservedVoice}};
        if (line.policy && line.policy->hasActiveThreshold())
            result.thresholdState = line.state;
        m_outcome.lines.push_back(result);
    }
    for (std::size_t i = 0; i < m_world.methods.size(); ++i)
        m_outcome.methodFunds.push_back(m_gateway.funds(int(i)));
    for (const auto &[key, entry] : m_spend.entries()) {
        if (key.first == PriorSpend::otherLines)
            continue; // not a line of this World
        m_outcome.spend.push_back(
            SpendRow{key.first, YearMonth::fromIndex(key.second), entry.autoSpend, entry.manualSpend, entry.autoCount});
    }
    for (const PendingRetry &retry : m_retries)
        m_outcome.retries.push_back(PendingRetryState{retry.chain.line, retry.chain.trigger, retry.chain.key,
                                                      retry.chain.attempt, Instant::fromMsecs(retry.due)});
    return std::move(m_outcome);
}

void Engine::applyPolicy(int lineIndex, const Policy *policy, Instant now)
{
    LineState &line = m_lines[std::size_t(lineIndex)];
    line.policy = policy;
    line.threshold = policy && policy->hasActiveThreshold() ? &*policy->threshold : nullptr;
    line.method = policy ? m_methodIndex.value(policy->method, -1) : -1;
    line.fallback = policy && !policy->fallback.isEmpty() ? m_methodIndex.value(policy->fallback, -1) : -1;
    line.thresholdPackage = policy && policy->threshold ? m_packageIndex.value(policy->threshold->package, -1) : -1;
    line.monthlyPackage = policy && policy->monthly ? m_packageIndex.value(policy->monthly->package, -1) : -1;
    line.state = ThresholdState::Armed;
    line.schedule.reset();
    if (policy && policy->hasActiveMonthly())
        line.schedule.emplace(policy->monthly->day, policy->monthly->minuteOfDay);
    m_retries.erase(std::remove_if(m_retries.begin(), m_retries.end(),
                                   [lineIndex](const PendingRetry &r) { return r.chain.line == lineIndex; }),
                    m_retries.end());
    scheduleNextMonthly(lineIndex, now);
    markDirty(lineIndex);
}

void Engine::scheduleNextMonthly(int lineIndex, Instant from)
{
    LineState &line = m_lines[std::size_t(lineIndex)];
    if (line.queuedMonthly != never)
        m_monthlyQueue.erase({line.queuedMonthly, lineIndex});
    line.queuedMonthly = never;
    if (line.schedule) {
        line.nextMonthly = line.schedule->firstAtOrAfter(from, m_calendar);
        line.queuedMonthly = line.nextMonthly.at.msecs();
        m_monthlyQueue.insert({line.queuedMonthly, lineIndex});
    }
    m_nextMonthly = m_monthlyQueue.empty() ? never : m_monthlyQueue.begin()->first;
}

void Engine::applyEvent(int eventIndex, Instant now)
{
    const WorldEvent &event = m_world.events[std::size_t(eventIndex)];
    switch (event.kind) {
    case WorldEvent::Kind::Use:
        applyUsage(lineOf(event.line), event.data.bytes(), event.voice.seconds(),
                   Where{"events", eventIndex, "use"});
        break;
    case WorldEvent::Kind::TopUp:
        manualTopUp(lineOf(event.line), m_methodIndex.value(event.method),
                    m_packageIndex.value(event.package), now, Where{"events", eventIndex, "topup"});
        break;
    case WorldEvent::Kind::SetPolicy:
        applyPolicy(lineOf(event.line), event.policy.get(), now);
        break;
    case WorldEvent::Kind::Deposit: {
        const int method = m_methodIndex.value(event.method);
        if (sumOverflows(m_gateway.funds(method).cents(), event.deposit.cents())) {
            stop(Where{"events", eventIndex, "deposit"}.path(),
                 Engine::tr("funds of method \"%1\" would exceed the largest amount (%2)")
                     .arg(event.method, Money::fromCents(largest).toString()));
            return;
        }
        m_gateway.deposit(method, event.deposit, now);
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            LineState &line = m_lines[i];
            if (line.state == ThresholdState::Suspended && (line.method == method || line.fallback == method)) {
                line.state = ThresholdState::Armed;
                markDirty(int(i));
            }
        }
        break;
    }
    case WorldEvent::Kind::FailNext:
        m_gateway.injectFaults(m_methodIndex.value(event.method), event.faults);
        break;
    }
}

int Engine::lineOf(const QString &id)
{
    // A line's events come in runs (its usage, hour after hour): the last
    // answer is checked first, by comparing the ids, before hashing one.
    if (m_lastLine < 0 || id != m_lastLineId) {
        m_lastLineId = id;
        m_lastLine = m_lineIndex.value(id);
    }
    return m_lastLine;
}

void Engine::applyUsage(int lineIndex, qint64 dataBytes, qint64 voiceSeconds, const Where &where)
{
    LineState &line = m_lines[std::size_t(lineIndex)];
    const qint64 data = std::min(dataBytes, line.data);
    const qint64 voice = std::min(voiceSeconds, line.voice);
    const bool dataOverflows = sumOverflows(line.unservedData, dataBytes - data);
    if (dataOverflows || sumOverflows(line.unservedVoice, voiceSeconds - voice)) {
        const QString &id = m_world.lines[std::size_t(lineIndex)].id;
        stop(where.path(), dataOverflows
                 ? Engine::tr("unserved data of line \"%1\" would exceed the largest amount (%2 B)").arg(id).arg(largest)
                 : Engine::tr("unserved voice of line \"%1\" would exceed the largest amount (%2 s)").arg(id).arg(largest));
        return;
    }
    line.data -= data;
    line.unservedData += dataBytes - data;
    line.voice -= voice;
    line.unservedVoice += voiceSeconds - voice;
    if (data < dataBytes || voice < voiceSeconds) {
        line.usesShortOfData += data < dataBytes ? 1 : 0;
        line.usesShortOfVoice += voice < voiceSeconds ? 1 : 0;
        ++line.usesShort;
    }
    markDirty(lineIndex);
}

void Engine::manualTopUp(int lineIndex, int method, int package, Instant now, const Where &where)
{
    LineState &line = m_lines[std::size_t(lineIndex)];
    if (wouldOverflow(lineIndex, package, QString(), now, where))
        return;
    const Chain chain{lineIndex, TriggerKind::Manual,
                      chainKey(m_world.lines[std::size_t(lineIndex)].id, "manual", QString::number(++line.manualTopUps)),
                      1};
    if (chargeAndRecord(chain, method, package, now)) {
        creditPackage(line, package);
        m_spend.addManual(lineIndex, m_calendar.monthOf(now), m_world.packages[std::size_t(package)].price);
    }
    markDirty(lineIndex);
}

qint64 Engine::nextRetryDue() const
{
    qint64 due = never;
    for (const PendingRetry &retry : m_retries)
        due = std::min(due, retry.due);
    return due;
}

void Engine::runDueRetries(Instant now)
{
    std::vector<PendingRetry> due;
    for (auto it = m_retries.begin(); it != m_retries.end();) {
        if (it->due == now.msecs()) {
            due.push_back(std::move(*it));
            it = m_retries.erase(it);
        } else {
            ++it;
        }
    }
    std::sort(due.begin(), due.end(), [](const PendingRetry &a, const PendingRetry &b) {
        return a.chain.line != b.chain.line ? a.chain.line < b.chain.line : a.order < b.order;
    });
    for (PendingRetry &retry : due) {
        LineState &line = m_lines[std::size_t(retry.chain.line)];
        markDirty(retry.chain.line);
        if (retry.chain.trigger == TriggerKind::Threshold) {
            const ThresholdTrigger &trigger = *line.policy->threshold;
            const qint64 balance = trigger.resource == Resource::Data ? line.data : line.voice;
            if (balance >= trigger.below) { // dropped silently, before the limits
                line.state = ThresholdState::Armed;
                continue;
            }
        }
        runAttempt(std::move(retry.chain), now);
    }
}

void Engine::runMonthly(Instant now)
{
    // The queue is ordered by (instant, line): the lines due now come out in file order.
    while (!stopped() && !m_monthlyQueue.empty() && m_monthlyQueue.begin()->first == now.msecs()) {
        const int i = m_monthlyQueue.begin()->second;
        LineState &line = m_lines[std::size_t(i)];
        const YearMonth month = line.nextMonthly.month;
        if (month.index() > line.lastMonthlyKey) { // one monthly chain per local month
            line.lastMonthlyKey = month.index();
            markDirty(i);
            runAttempt(Chain{i, TriggerKind::Monthly, chainKey(m_world.lines[std::size_t(i)].id, "monthly", month.toString()), 1},
                       now);
        }
        scheduleNextMonthly(i, now.plusMsecs(1));
    }
}

void Engine::markDirty(int lineIndex)
{
    LineState &line = m_lines[std::size_t(lineIndex)];
    if (!line.dirty) {
        line.dirty = true;
        m_dirtyLines.push_back(lineIndex);
    }
}

void Engine::checkThresholds(Instant now)
{
    // SPEC §3 step 4 checks every line at every instant visited. A check acts
    // only on an armed line below its threshold or a suspended one at or above
    // it, and what it sees (balance, state, policy) changes only where
    // markDirty() is called. So checking the dirty lines, plus the lines whose
    // check will still act at the next instant (kept dirty below: an armed
    // line that a package smaller than `below` left below it), is checking
    // them all, at the cost of the lines that moved.
    if (m_dirtyLines.size() * 8 > m_lines.size()) {
        m_dirtyLines.clear();
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            if (m_lines[i].dirty)
                m_dirtyLines.push_back(int(i));
        }
    } else {
        std::sort(m_dirtyLines.begin(), m_dirtyLines.end());
    }
    m_stillDue.clear();
    for (const int index : m_dirtyLines) {
        m_lines[std::size_t(index)].dirty = false;
        if (checkLine(index, now))
            m_stillDue.push_back(index);
    }
    m_dirtyLines.clear();
    for (const int index : m_stillDue)
        markDirty(index);
}

bool Engine::checkLine(int index, Instant now)
{
    LineState &line = m_lines[std::size_t(index)];
    if (!line.threshold)
        return false;
    const ThresholdTrigger &trigger = *line.threshold;
    const qint64 &balance = trigger.resource == Resource::Data ? line.data : line.voice;
    switch (checkThreshold(line.state, balance, trigger.below)) {
    case ThresholdCheck::StartChain:
        runAttempt(Chain{index, TriggerKind::Threshold,
                         chainKey(m_world.lines[std::size_t(index)].id, "threshold", QString::number(++line.thresholdChains)), 1},
                   now);
        break;
    case ThresholdCheck::Rearm:
        line.state = ThresholdState::Armed;
        break;
    case ThresholdCheck::Nothing:
        break;
    }
    return checkThreshold(line.state, balance, trigger.below) != ThresholdCheck::Nothing;
}

} // namespace topup
