#include "worldsync.h"

#include "chargerecorder.h"
#include "domain/cardexpiry.h"
#include "domain/civil.h"
#include "engine/engine.h"
#include "recordinggateway.h"
#include "rules/zonedcalendar.h"
#include "store/journalgateway.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/usagestore.h"
#include "worldloader.h"

#include <QDate>
#include <QDateTime>
#include <QThread>

#include <map>

namespace topup {
namespace {

Expected<std::vector<qint64>> accountIds(Database &store)
{
    Statement select(store, QStringLiteral("SELECT id FROM accounts ORDER BY id"));
    if (const auto ran = select.run(); !ran)
        return Expected<std::vector<qint64>>::failure(ran.error());
    std::vector<qint64> ids;
    while (select.next())
        ids.push_back(select.integer(0));
    return ids;
}

Expected<bool> addAlert(Database &store, qint64 account, Instant at, const QString &kind, QVariant line, QVariant method,
                        const QString &detail)
{
    Statement insert(store, QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, line_id, method_id, detail)"
                                           " VALUES (?, ?, ?, ?, ?, ?)"));
    insert.bind(account).bind(at.msecs()).bind(kind).bind(line).bind(method).bind(detail);
    return insert.run();
}

} // namespace

void CatchUpSummary::add(const CatchUpSummary &other)
{
    topUps += other.topUps;
    failures += other.failures;
    blocked += other.blocked;
    spend += other.spend;
    usageSamples += other.usageSamples;
}

Expected<std::optional<Instant>> WorldSync::clock()
{
    Statement select(m_store, QStringLiteral("SELECT clock_ms FROM world WHERE id = 1"));
    if (const auto ran = select.run(); !ran)
        return Expected<std::optional<Instant>>::failure(ran.error());
    if (!select.next())
        return std::optional<Instant>();
    return std::optional<Instant>(Instant::fromMsecs(select.integer(0)));
}

Expected<bool> WorldSync::startClock(Instant now)
{
    return m_store.write([&]() -> Expected<bool> {
        Statement insert(m_store, QStringLiteral("INSERT OR IGNORE INTO world (id, clock_ms) VALUES (1, ?)"));
        insert.bind(now.msecs());
        return insert.run();
    });
}

Expected<CatchUpSummary> WorldSync::catchUp(Instant now, const Progress &progress)
{
    const Expected<std::optional<Instant>> saved = clock();
    if (!saved)
        return Expected<CatchUpSummary>::failure(saved.error());
    if (!*saved) {
        if (const Expected<bool> started = startClock(now); !started)
            return Expected<CatchUpSummary>::failure(started.error());
        return CatchUpSummary{now, now, 0, 0, 0, Money(), 0, false, now};
    }
    CatchUpSummary summary{**saved, **saved, 0, 0, 0, Money(), 0, false, now};
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
    return summary;
}

Expected<CatchUpSummary> WorldSync::step(Instant from, Instant to)
{
    const Expected<std::vector<qint64>> accounts = accountIds(m_store);
    if (!accounts)
        return Expected<CatchUpSummary>::failure(accounts.error());

    ChargeRecorder recorder(m_store, m_provider);
    std::vector<LoadedWorld> worlds;
    std::vector<Outcome> outcomes;
    worlds.reserve(accounts->size());
    for (const qint64 account : *accounts) {
        Expected<LoadedWorld> loaded = WorldLoader(m_store, m_provider).load(account, from, to);
        if (!loaded)
            return Expected<CatchUpSummary>::failure(loaded.error());
        worlds.push_back(*loaded);
        const LoadedWorld &world = worlds.back();
        const ZonedCalendar calendar(world.world.zone);
        RecordingGateway gateway(recorder, m_provider, world, calendar);
        Engine engine(world.world, gateway);
        outcomes.push_back(engine.run());
        if (!gateway.error().isEmpty())
            return Expected<CatchUpSummary>::failure(gateway.error());
        // An amount that would leave int64: nothing of the day is saved (the
        // charges already made stay recorded and are met again on replay).
        if (const std::optional<RunError> &error = outcomes.back().error)
            return Expected<CatchUpSummary>::failure(WorldSync::tr("the world cannot move past %1: %2")
                                                         .arg(from.toString(), error->message));
    }

    CatchUpSummary summary{from, to, 0, 0, 0, Money(), 0, false, to};
    const Expected<bool> saved = m_store.write([&]() -> Expected<bool> {
        for (std::size_t i = 0; i < worlds.size(); ++i) {
            if (const Expected<bool> done = save(worlds[i], outcomes[i], summary); !done)
                return done;
        }
        Statement clock(m_store, QStringLiteral("UPDATE world SET clock_ms = ? WHERE id = 1"));
        clock.bind(to.msecs());
        return clock.run();
    });
    if (!saved)
        return Expected<CatchUpSummary>::failure(saved.error());
    return summary;
}

Expected<bool> WorldSync::save(const LoadedWorld &loaded, const Outcome &outcome, CatchUpSummary &summary)
{
    const ZonedCalendar calendar(loaded.world.zone);
    const qint64 account = loaded.account.id;

    Statement line(m_store, QStringLiteral("UPDATE lines SET data_bytes = ?, voice_seconds = ?, unserved_data_bytes = ?,"
                                           " unserved_voice_seconds = ?, threshold_state = ?, threshold_chains = ?,"
                                           " last_monthly_key = ? WHERE id = ?"));
    for (std::size_t i = 0; i < outcome.lines.size(); ++i) {
        const LineOutcome &result = outcome.lines[i];
        const ThresholdState before = loaded.world.progress[i].state;
        line.set(0, result.dataBytes).set(1, result.voiceSeconds).set(2, result.unservedDataBytes);
        line.set(3, result.unservedVoiceSeconds).set(4, thresholdStateName(result.progress.state));
        line.set(5, result.progress.thresholdChains).set(6, result.progress.lastMonthlyKey).set(7, loaded.lineRows[i]);
        if (const auto ran = line.run(); !ran)
            return ran;
        if (result.thresholdState == ThresholdState::Suspended && before != ThresholdState::Suspended) {
            if (const auto added = addAlert(m_store, account, loaded.world.end, QStringLiteral("threshold_suspended"),
                                            loaded.lineRows[i], QVariant(QMetaType::fromType<qint64>()), QString());
                !added)
                return added;
        }
    }

    Statement dropRetries(m_store, QStringLiteral("DELETE FROM retries WHERE line_id IN (SELECT id FROM lines WHERE account_id = ?)"));
    dropRetries.bind(account);
    if (const auto ran = dropRetries.run(); !ran)
        return ran;
    Statement retry(m_store, QStringLiteral("INSERT INTO retries (line_id, due_ms, seq, trigger, chain_key, attempt) VALUES (?, ?, ?, ?, ?, ?)"));
    for (std::size_t i = 0; i < outcome.retries.size(); ++i) {
        const PendingRetryState &pending = outcome.retries[i];
        retry.set(0, loaded.lineRows[std::size_t(pending.line)]).set(1, pending.due.msecs()).set(2, qint64(i));
        retry.set(3, triggerKindName(pending.trigger)).set(4, pending.key).set(5, pending.attempt);
        if (const auto ran = retry.run(); !ran)
            return ran;
    }

    // Charges were written down as they happened; blocked attempts and
    // alerts are written here.
    Statement blocked(m_store, QStringLiteral("INSERT OR IGNORE INTO attempts (account_id, line_id, at_ms, month, trigger, chain_key,"
                                              " attempt, package_id, amount_cents, status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'blocked', ?)"));
    std::map<std::pair<QString, int>, bool> paid; // (key, attempt) → some method paid
    for (const AttemptRecord &attempt : outcome.attempts) {
        if (attempt.status == AttemptStatus::Succeeded) {
            paid[{attempt.key, attempt.attempt}] = true;
            ++summary.topUps;
            summary.spend += attempt.amount;
        } else {
            paid.emplace(std::pair{attempt.key, attempt.attempt}, false);
        }
        if (attempt.status != AttemptStatus::Blocked)
            continue;
        ++summary.blocked;
        blocked.set(0, account).set(1, loaded.lineRows[std::size_t(attempt.line)]).set(2, attempt.at.msecs());
        blocked.set(3, calendar.monthOf(attempt.at).toString()).set(4, triggerKindName(attempt.trigger));
        blocked.set(5, attempt.key).set(6, attempt.attempt).set(7, loaded.packageRows[std::size_t(attempt.package)]);
        blocked.set(8, attempt.amount.cents()).set(9, reasonName(*attempt.reason));
        if (const auto ran = blocked.run(); !ran)
            return ran;
        if (const auto added = addAlert(m_store, account, attempt.at, QStringLiteral("topup_blocked"),
                                        loaded.lineRows[std::size_t(attempt.line)], QVariant(QMetaType::fromType<qint64>()),
                                        reasonName(*attempt.reason));
            !added)
            return added;
    }
    for (const AttemptRecord &attempt : outcome.attempts) {
        if (attempt.status != AttemptStatus::Failed || paid[{attempt.key, attempt.attempt}])
            continue;
        paid[{attempt.key, attempt.attempt}] = true; // one alert per failed attempt, not per method
        ++summary.failures;
        if (const auto added = addAlert(m_store, account, attempt.at, QStringLiteral("topup_failed"),
                                        loaded.lineRows[std::size_t(attempt.line)],
                                        loaded.methodRows[std::size_t(attempt.method)], reasonName(*attempt.reason));
            !added)
            return added;
    }

    // Usage: samples, and hourly and daily roll-ups for the charts.
    std::vector<UsageRow> usage;
    usage.reserve(outcome.usage.size());
    for (const UsageRecord &record : outcome.usage)
        usage.push_back(UsageRow{loaded.lineRows[std::size_t(record.line)], record.at, record.dataBytes, record.voiceSeconds});
    if (const auto written = UsageStore(m_store).write(usage, calendar); !written)
        return written;
    summary.usageSamples += qint64(usage.size());

    // Cards that run out within 30 days of the local date: one alert each.
    const QDate today = QDateTime::fromMSecsSinceEpoch(loaded.world.end.msecs(), loaded.world.zone).date();
    for (std::size_t i = 0; i < loaded.world.methods.size(); ++i) {
        const PaymentMethod &method = loaded.world.methods[i];
        if (!method.expires || !expiresWithin(*method.expires, today, 30))
            continue;
        Statement seen(m_store, QStringLiteral("SELECT 1 FROM alerts WHERE kind = 'card_expiring' AND method_id = ? AND detail = ?"));
        seen.bind(loaded.methodRows[i]).bind(method.expires->toString());
        if (const auto ran = seen.run(); !ran)
            return ran;
        if (seen.next())
            continue;
        seen.finish();
        if (const auto added = addAlert(m_store, account, loaded.world.end, QStringLiteral("card_expiring"),
                                        QVariant(QMetaType::fromType<qint64>()), loaded.methodRows[i], method.expires->toString());
            !added)
            return added;
    }
    return true;
}

} // namespace topup
