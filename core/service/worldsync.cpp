#include "worldsync.h"

#include "chargegroup.h"
#include "domain/civil.h"
#include "domain/lineoutlook.h"
#include "engine/engine.h"
#include "recordinggateway.h"
#include "rules/thresholdstate.h"
#include "rules/zonedcalendar.h"
#include "store/journalgateway.h"
#include "store/linestore.h"
#include "store/batchedstatement.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/usagestore.h"
#include "worldloader.h"

#include <QDate>
#include <QDateTime>
#include <QThread>

#include <algorithm>
#include <map>

namespace topup {
namespace {

Expected<std::vector<qint64>> accountIds(Database &store)
{
    return Statement(store, QStringLiteral("SELECT id FROM accounts ORDER BY id")).integers();
}

// Whether the line's step-4 check acts at the next instant visited (an
// armed line a small package left below its threshold): a narrowed settle
// runs such lines (LineStore::linesToSettle).
bool checkDue(const Line &line, const LineOutcome &result)
{
    if (!line.policy || !line.policy->hasActiveThreshold())
        return false;
    const ThresholdTrigger &trigger = *line.policy->threshold;
    const qint64 balance = trigger.resource == Resource::Data ? result.dataBytes : result.voiceSeconds;
    return checkThreshold(result.progress.state, balance, trigger.below) != ThresholdCheck::Nothing;
}

} // namespace

WorldSync::WorldSync(Database &store, JournalGateway &provider) : m_store(store), m_provider(provider) {}

WorldSync::~WorldSync()
{
    static_cast<void>(finishCommitBeside()); // its error was the caller's to hear; the next start reconciles
}

Expected<void> WorldSync::finishCommitBeside()
{
    if (!m_commitBeside)
        return {};
    const Expected<void> done = m_commitBeside->finishBeside();
    m_commitBeside.reset();
    return done;
}

void CatchUpSummary::add(const CatchUpSummary &other)
{
    topUps += other.topUps;
    failures += other.failures;
    blocked += other.blocked;
    spend += other.spend;
    usageSamples += other.usageSamples;
    for (const AccountCatchUp &tally : other.accounts)
        addAccount(tally);
}

void CatchUpSummary::addAccount(const AccountCatchUp &tally)
{
    if (tally.topUps + tally.failures + tally.blocked == 0)
        return;
    auto at = std::lower_bound(accounts.begin(), accounts.end(), tally.account,
                               [](const AccountCatchUp &each, qint64 id) { return each.account < id; });
    if (at == accounts.end() || at->account != tally.account)
        at = accounts.insert(at, AccountCatchUp{tally.account, 0, 0, 0, Money()});
    at->topUps += tally.topUps;
    at->failures += tally.failures;
    at->blocked += tally.blocked;
    at->spend += tally.spend;
}

CatchUpSummary CatchUpSummary::forAccount(qint64 account) const
{
    CatchUpSummary mine{from, to, 0, 0, 0, Money(), 0, stoppedAtLimit, target, {}};
    for (const AccountCatchUp &tally : accounts) {
        if (tally.account != account)
            continue;
        mine.topUps = tally.topUps;
        mine.failures = tally.failures;
        mine.blocked = tally.blocked;
        mine.spend = tally.spend;
        mine.accounts.push_back(tally);
    }
    return mine;
}

Expected<std::optional<Instant>> WorldSync::clock()
{
    Statement select(m_store, QStringLiteral("SELECT clock_ms FROM world WHERE id = 1"));
    if (const auto ran = select.run(); !ran)
        return Expected<std::optional<Instant>>::failure(ran);
    if (!select.next())
        return std::optional<Instant>();
    const Instant clock = Instant::fromMsecs(select.integer(0));
    if (clock < Instant::earliest() || Instant::latest() < clock) {
        const QString detail = WorldSync::tr("the world's clock reads %1 ms from 1970, outside the years 0001 to 9999").arg(clock.msecs());
        return Expected<std::optional<Instant>>::failure(
            m_store.damagedRows(WorldSync::tr("%1: damaged database (%2); refused, nothing was changed").arg(m_store.path(), detail), detail));
    }
    return std::optional<Instant>(clock);
}

Expected<void> WorldSync::checkClock()
{
    const Expected<std::optional<Instant>> saved = clock();
    if (!saved)
        return Expected<void>::failure(saved);
    if (!*saved)
        return {};
    const Expected<std::optional<Instant>> usage = UsageStore::latestHour(m_store);
    if (!usage)
        return Expected<void>::failure(usage);
    // Per line through the index (line, time): no scan of the history.
    Statement latest(m_store, QStringLiteral("SELECT max((SELECT max(at_ms) FROM attempts WHERE line_id = l.id)) FROM lines l"));
    if (const auto ran = latest.run(); !ran)
        return ran;
    const bool anyAttempt = latest.next() && !latest.isNull(0);
    const qint64 lastAttemptMs = anyAttempt ? latest.integer(0) : 0;
    const QString clockText = (*saved)->toString();
    const auto behind = [&](const QString &detail) {
        return Expected<void>::failure(
            m_store.damagedRows(WorldSync::tr("%1: damaged database (%2); refused, nothing was changed").arg(m_store.path(), detail), detail));
    };
    if (*usage && **saved < **usage)
        return behind(WorldSync::tr("the world's clock reads %1, earlier than the usage recorded at %2; the clock never goes back")
                          .arg(clockText, (*usage)->toString()));
    if (anyAttempt && (*saved)->msecs() < lastAttemptMs - saveEveryMs - stepMs)
        return behind(WorldSync::tr("the world's clock reads %1, earlier than the top-up recorded at %2; the clock never goes back")
                          .arg(clockText, Instant::fromMsecs(lastAttemptMs).toString()));
    return {};
}

Expected<void> WorldSync::startClock(Instant now)
{
    return m_store.write([&]() -> Expected<void> {
        Statement insert(m_store, m_store.dialect().insertOrIgnore(QStringLiteral("world (id, clock_ms) VALUES (1, ?)")));
        insert.bind(now.msecs());
        return insert.run();
    });
}

Expected<CatchUpSummary> WorldSync::catchUp(Instant now, const Progress &progress)
{
    const Expected<std::optional<Instant>> saved = clock();
    if (!saved)
        return Expected<CatchUpSummary>::failure(saved);
    if (!*saved) {
        if (const Expected<void> started = startClock(now); !started)
            return Expected<CatchUpSummary>::failure(started);
        return CatchUpSummary{now, now, 0, 0, 0, Money(), 0, false, now, {}};
    }
    CatchUpSummary summary{**saved, **saved, 0, 0, 0, Money(), 0, false, now, {}};
    m_target = now;
    Instant reached = **saved;
    // Bounded: a clock far in the future would otherwise grind for hours
    // and grow the files without end.
    const Instant end = now.msecs() - reached.msecs() > maxSpanMs ? reached.plusMsecs(maxSpanMs) : now;
    summary.stoppedAtLimit = end < now;
    // A catch-up off the GUI thread stops between days when its thread is
    // asked to (the window closed): every finished day is saved whole.
    while (reached < end && !QThread::currentThread()->isInterruptionRequested()) {
        const Instant to = Instant::fromMsecs(std::min(end.msecs(), reached.msecs() + stepMs));
        const Expected<CatchUpSummary> done = step(reached.plusMsecs(1), to);
        if (!done)
            return done;
        summary.add(*done);
        reached = to;
        summary.to = to;
        if (progress)
            progress(reached, end);
    }
    // The days since the last weekly save, also when stopped between days.
    const Expected<void> flushed = save();
    m_loaded = false;
    m_accounts.clear();
    if (!flushed)
        return Expected<CatchUpSummary>::failure(flushed);
    return summary;
}

bool WorldSync::narrowable(Instant clock, Instant at)
{
    // Monthly occurrences, month starts and the usage grid fall on whole
    // seconds (zone offsets are whole seconds); a line's retries fall where
    // its attempts did, on any millisecond. The samples a save drops are
    // the hours before the one that holds the instant 48 hours before the
    // clock: one more hour of them only when `at` starts an hour, a whole
    // second.
    return at.msecs() == clock.msecs() + 1 && at.msecs() % 1000 != 0;
}

Expected<CatchUpSummary> WorldSync::settle(Instant at)
{
    const Expected<std::optional<Instant>> saved = clock();
    if (!saved)
        return Expected<CatchUpSummary>::failure(saved);
    if (!*saved || !narrowable(**saved, at))
        return catchUp(at);
    m_target = at;
    const Expected<std::vector<qint64>> accounts = accountIds(m_store);
    if (!accounts)
        return Expected<CatchUpSummary>::failure(accounts);
    m_accounts.clear();
    for (const qint64 account : *accounts) {
        const Expected<std::vector<qint64>> lines = LineStore(m_store).linesToSettle(account, at);
        if (!lines)
            return Expected<CatchUpSummary>::failure(lines);
        // An account none of whose lines acts still runs: its cards' and
        // funds' warnings are looked at on every run.
        Expected<LoadedWorld> loaded = WorldLoader(m_store, m_provider).load(account, at, at, &*lines);
        if (!loaded)
            return Expected<CatchUpSummary>::failure(loaded);
        m_accounts.push_back(carry(loaded.take(), true));
    }
    m_loaded = true;
    const Expected<CatchUpSummary> done = step(at, at);
    const Expected<void> flushed = done ? save() : Expected<void>();
    m_loaded = false;
    m_accounts.clear();
    if (!done)
        return done;
    if (!flushed)
        return Expected<CatchUpSummary>::failure(flushed);
    CatchUpSummary summary = *done;
    summary.from = **saved;
    return summary;
}

void WorldSync::markChanged(LoadedWorld &loaded, Instant from) const
{
    World &world = loaded.world;
    world.startVisited = false;
    world.changedAtStart.clear();
    if (!m_write || m_write->account != loaded.account.id || m_write->at != from)
        return;
    if (!m_write->lines) {
        world.startVisited = true;
        return;
    }
    for (const qint64 row : *m_write->lines) {
        const auto at = std::find(loaded.lineRows.begin(), loaded.lineRows.end(), row);
        if (at != loaded.lineRows.end())
            world.changedAtStart.push_back(int(at - loaded.lineRows.begin()));
    }
}

WorldSync::Carried WorldSync::carry(LoadedWorld loaded, bool narrowed)
{
    auto usage = std::make_unique<UsageBatch>(loaded.lineRows, ZonedCalendar(loaded.world.zone), WorldLoader::usageEveryMs);
    return Carried{std::move(loaded), std::nullopt, std::move(usage), narrowed};
}

Expected<void> WorldSync::load(Instant from, Instant to)
{
    const Expected<std::vector<qint64>> accounts = accountIds(m_store);
    if (!accounts)
        return Expected<void>::failure(accounts);
    m_accounts.clear();
    m_accounts.reserve(accounts->size());
    for (const qint64 account : *accounts) {
        Expected<LoadedWorld> loaded = WorldLoader(m_store, m_provider).load(account, from, to);
        if (!loaded)
            return Expected<void>::failure(loaded);
        m_accounts.push_back(carry(loaded.take(), false));
    }
    m_loaded = true;
    return {};
}

Expected<CatchUpSummary> WorldSync::step(Instant from, Instant to)
{
    if (const Expected<void> committed = finishCommitBeside(); !committed)
        return Expected<CatchUpSummary>::failure(committed);
    // The worlds are read once per catch-up; every later day continues from
    // the previous day's outcome.
    if (!m_loaded) {
        if (const Expected<void> loaded = load(from, to); !loaded)
            return Expected<CatchUpSummary>::failure(loaded);
    } else {
        for (Carried &carried : m_accounts) {
            if (carried.last)
                WorldLoader::carryForward(carried.loaded, *carried.last, from, to);
        }
    }

    auto charges = std::make_unique<ChargeGroup>(m_store, m_provider);
    std::vector<Outcome> outcomes;
    outcomes.reserve(m_accounts.size());
    for (Carried &carried : m_accounts) {
        markChanged(carried.loaded, from);
        const LoadedWorld &world = carried.loaded;
        const ZonedCalendar calendar(world.world.zone);
        // The run's replays (the charges of a run made again after a crash)
        // are looked up at its group's commit, a statement or two for all;
        // a group that meets one commits nothing, and the run is made again,
        // its charges asked each (ChargeGroup).
        charges->lookUpReplaysAtCommit();
        // The last account's charges commit beside the save's usage when
        // they are many (on PostgreSQL): the save waits for them before it
        // writes the lines.
        const bool last = &carried == &m_accounts.back();
        QString failure;
        for (bool again = true; again;) {
            RecordingGateway gateway(*charges, m_provider, world, calendar);
            Engine engine(world.world, gateway);
            carried.usage->beginRun();
            engine.setUsageSink(carried.usage.get());
            Outcome outcome = engine.run();
            gateway.finish(last ? RecordingGateway::Commit::Beside : RecordingGateway::Commit::Here);
            if (charges->committingBeside())
                m_commitBeside = std::move(charges);
            again = gateway.runAgain();
            if (again) {
                carried.usage->dropRun();
                continue;
            }
            failure = gateway.error();
            outcomes.push_back(std::move(outcome));
        }
        // The provider unreachable, or an amount that would leave int64:
        // this day's results are not saved (its charges are, and a replay
        // meets them); the days before it are.
        if (const std::optional<RunError> &error = outcomes.back().error; failure.isEmpty() && error)
            failure = WorldSync::tr("the world cannot move past %1: %2").arg(from.toString(), error->message);
        if (!failure.isEmpty()) {
            for (Carried &each : m_accounts)
                each.usage->dropRun(); // this day is not saved
            const Expected<void> saved = save();
            m_loaded = false;
            m_accounts.clear();
            if (!saved)
                return Expected<CatchUpSummary>::failure(saved);
            return Expected<CatchUpSummary>::failure(failure);
        }
    }

    CatchUpSummary summary{from, to, 0, 0, 0, Money(), 0, false, to, {}};
    for (std::size_t i = 0; i < m_accounts.size(); ++i) {
        if (const Expected<void> collected = collect(m_accounts[i], std::move(outcomes[i]), summary); !collected)
            return Expected<CatchUpSummary>::failure(collected);
    }
    if (!m_savedFrom)
        m_savedFrom = from;
    m_reached = to;
    std::size_t lines = 0;
    for (const Carried &carried : m_accounts)
        lines += carried.loaded.lineRows.size();
    const qint64 unsavedDays = (to.msecs() - m_savedFrom->msecs() + stepMs) / stepMs;
    if (to.msecs() - m_savedFrom->msecs() + 1 >= saveEveryMs || qint64(lines) * unsavedDays >= saveEveryLineDays) {
        if (const Expected<void> saved = save(false); !saved)
            return Expected<CatchUpSummary>::failure(saved);
    }
    return summary;
}

Expected<void> WorldSync::save(bool last)
{
    if (!m_savedFrom)
        return finishCommitBeside(); // nothing run since the last save
    // The samples the store keeps: the hours that reach into the 48 hours
    // before the clock. A weekly save leaves out those the last save would
    // drop (before the target's 48 hours) and holds the newest back, so a
    // catch-up stopped early writes its last 48 hours all the same.
    const Instant keepSamplesFrom = UsageStore::samplesKeptFrom(last ? m_reached : std::max(m_reached, m_target));
    const Expected<void> saved = m_store.write([&]() -> Expected<void> {
        // Usage: the roll-ups get every sample; the samples table keeps the
        // last 48 hours of the clock (older ones are not written, and those
        // already there are dropped). First, while the last run's charges
        // may still be committing beside.
        for (const Carried &carried : m_accounts) {
            if (const auto written = UsageStore(m_store).write(*carried.usage, keepSamplesFrom); !written)
                return written;
            if (const auto pruned = UsageStore(m_store).pruneSamples(carried.loaded.lineRows, keepSamplesFrom); !pruned)
                return pruned;
        }
        if (const Expected<void> committed = finishCommitBeside(); !committed)
            return committed;

        // A statement a row on SQLite; thousands of rows a statement on
        // PostgreSQL, where each statement is a round trip (BatchedStatement).
        const QString big = QStringLiteral("BIGINT"), text = QStringLiteral("TEXT");
        BatchedStatement line(m_store,
                              QStringLiteral("UPDATE lines SET data_bytes = ?, voice_seconds = ?, unserved_data_bytes = ?,"
                                             " unserved_voice_seconds = ?, threshold_state = ?, threshold_chains = ?,"
                                             " last_monthly_key = ?, check_due = ? WHERE id = ?"),
                              QStringLiteral("UPDATE lines SET data_bytes = v.d, voice_seconds = v.v, unserved_data_bytes = v.ud,"
                                             " unserved_voice_seconds = v.uv, threshold_state = v.s, threshold_chains = v.c,"
                                             " last_monthly_key = v.k, check_due = v.due FROM (%1) AS v (d, v, ud, uv, s, c, k, due, id)"
                                             " WHERE lines.id = v.id"),
                              {big, big, big, big, text, big, big, big, big}, BatchedStatement::Path::Fastest, 8);
        Statement dropRetries(m_store, QStringLiteral("DELETE FROM retries WHERE line_id IN (SELECT id FROM lines WHERE account_id = ?)"));
        Statement dropLineRetries(m_store, QStringLiteral("DELETE FROM retries WHERE line_id = ?"));
        // Each account's retries are dropped before its new ones are run;
        // those kept in arrays are sent after other accounts' are dropped,
        // which never touch them (an account's lines are its own).
        BatchedStatement retry(m_store, QStringLiteral("INSERT INTO retries (line_id, due_ms, seq, trigger, chain_key, attempt) VALUES (?, ?, ?, ?, ?, ?)"),
                               QStringLiteral("INSERT INTO retries (line_id, due_ms, seq, trigger, chain_key, attempt) %1"),
                               {big, big, big, text, text, big});
        for (const Carried &carried : m_accounts) {
            if (!carried.last)
                continue;
            const LoadedWorld &loaded = carried.loaded;
            for (std::size_t i = 0; i < carried.last->lines.size(); ++i) {
                const LineOutcome &result = carried.last->lines[i];
                line.set(0, result.dataBytes).set(1, result.voiceSeconds).set(2, result.unservedDataBytes);
                line.set(3, result.unservedVoiceSeconds).set(4, thresholdStateName(result.progress.state));
                line.set(5, result.progress.thresholdChains).set(6, result.progress.lastMonthlyKey);
                line.set(7, checkDue(loaded.world.lines[i], result) ? 1 : 0).set(8, loaded.lineRows[i]);
                if (const auto ran = line.run(); !ran)
                    return ran;
            }
            if (carried.narrowed) {
                for (const qint64 lineRow : loaded.lineRows) {
                    dropLineRetries.set(0, lineRow);
                    if (const auto ran = dropLineRetries.run(); !ran)
                        return ran;
                }
            } else {
                dropRetries.set(0, loaded.account.id);
                if (const auto ran = dropRetries.run(); !ran)
                    return ran;
            }
            for (std::size_t i = 0; i < carried.last->retries.size(); ++i) {
                const PendingRetryState &pending = carried.last->retries[i];
                retry.set(0, loaded.lineRows[std::size_t(pending.line)]).set(1, pending.due.msecs()).set(2, qint64(i));
                retry.set(3, triggerKindName(pending.trigger)).set(4, pending.key).set(5, pending.attempt);
                if (const auto ran = retry.run(); !ran)
                    return ran;
            }
        }
        if (const auto sent = line.flush(); !sent)
            return sent;
        if (const auto sent = retry.flush(); !sent)
            return sent;

        const QString blockedColumns = QStringLiteral("attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt, package_id,"
                                                      " amount_cents, status, reason)");
        BatchedStatement blocked(m_store, m_store.dialect().insertOrIgnore(blockedColumns + QStringLiteral(" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'blocked', ?)")),
                                 m_store.dialect().insertOrIgnore(blockedColumns + QStringLiteral(" SELECT a, l, t, m, tr, k, n, p, c, 'blocked', r"
                                                                                                  " FROM (%1) AS v (a, l, t, m, tr, k, n, p, c, r)")),
                                 {big, big, big, text, text, text, big, big, big, text});
        for (const PendingBlocked &each : m_blocked) {
            blocked.set(0, each.account).set(1, each.line).set(2, each.at.msecs()).set(3, each.month).set(4, each.trigger);
            blocked.set(5, each.key).set(6, each.attempt).set(7, each.package).set(8, each.cents).set(9, each.reason);
            if (const auto ran = blocked.run(); !ran)
                return ran;
        }
        if (const auto sent = blocked.flush(); !sent)
            return sent;
        BatchedStatement alert(m_store, QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, line_id, method_id, detail) VALUES (?, ?, ?, ?, ?, ?)"),
                               QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, line_id, method_id, detail) %1"),
                               {big, big, text, big, big, text});
        for (const PendingAlert &each : m_alerts) {
            alert.set(0, each.account).set(1, each.at.msecs()).set(2, alertKindName(each.kind)).set(3, each.line).set(4, each.method);
            alert.set(5, each.detail);
            if (const auto ran = alert.run(); !ran)
                return ran;
        }
        if (const auto sent = alert.flush(); !sent)
            return sent;

        Statement clock(m_store, QStringLiteral("UPDATE world SET clock_ms = ? WHERE id = 1"));
        clock.bind(m_reached.msecs());
        return clock.run();
    });
    // Saved or not, this batch is done: on a failure the next catch-up
    // starts again from the store.
    m_alerts.clear();
    m_blocked.clear();
    m_cardAlerts.clear();
    m_lowFunds.clear();
    m_savedFrom.reset();
    for (Carried &carried : m_accounts) {
        carried.usage->clearRollUps();
        // Those the save wrote are not written again; those before it stay
        // for a last save that stops early (within the clock's 48 hours).
        if (saved)
            carried.usage->markWritten(keepSamplesFrom, m_reached);
    }
    if (!saved)
        m_loaded = false;
    return saved;
}

} // namespace topup
