#include "chargerecorder.h"

#include "store/journalgateway.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storedname.h"

#include <QCoreApplication>

namespace topup {
// Writes the attempt for a charge the journal answered, credits the package
// when it succeeded, and removes the intent. The caller holds the transaction.
Expected<void> ChargeRecorder::writeDown(Database &store, const ChargeIdentity &identity, const ChargeIntent &intent, Money amount,
                                         const ChargeAnswer &answer, bool reconciled)
{
    // A replay after a crash may meet a charge already written down; then it
    // is neither written nor credited again. Looked up through the index by
    // line and time as well as by the unique index (OR IGNORE below): one
    // damaged index never makes a second row or a second credit.
    const Dialect &dialect = store.dialect();
    Statement written(store,
                      QStringLiteral("SELECT 1 FROM attempts%1 WHERE line_id = ? AND at_ms = ? AND chain_key = ? AND attempt = ? AND method_token = ?")
                          .arg(dialect.indexedBy(QStringLiteral("attempts_line_time"))),
                      Statement::Prepare::Reuse);
    written.bind(intent.lineId).bind(intent.atMs).bind(identity.chainKey).bind(identity.attempt).bind(identity.method);
    if (const auto ran = written.run(); !ran)
        return ran;
    const bool already = written.next();
    written.finish();
    if (already) {
        Statement done(store, QStringLiteral("DELETE FROM charge_intents WHERE chain_key = ? AND attempt = ? AND method_token = ?"),
                       Statement::Prepare::Reuse);
        done.bind(identity.chainKey).bind(identity.attempt).bind(identity.method);
        return done.run();
    }
    Statement insert(store,
                     dialect.insertOrIgnore(QStringLiteral("attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt, method_id,"
                                                           " method_token, package_id, amount_cents, status, reason, reconciled)"
                                                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                     Statement::Prepare::Reuse);
    insert.bind(intent.accountId).bind(intent.lineId).bind(intent.atMs).bind(intent.month).bind(triggerKindName(intent.trigger));
    insert.bind(identity.chainKey).bind(identity.attempt).bind(intent.methodId).bind(identity.method);
    insert.bind(intent.packageId).bind(amount.cents());
    insert.bind(attemptStatusName(answer.succeeded ? AttemptStatus::Succeeded : AttemptStatus::Failed));
    insert.bindNullable(answer.reason.has_value(), answer.reason ? reasonName(*answer.reason) : QString());
    insert.bind(reconciled ? 1 : 0);
    if (const auto ran = insert.run(); !ran)
        return ran;
    if (answer.succeeded && insert.rowsAffected() == 1) {
        Statement credit(store,
                         QStringLiteral("UPDATE lines SET check_due = 1, data_bytes = %1, voice_seconds = %2 WHERE id = ?")
                             .arg(dialect.cappedSum(QStringLiteral("data_bytes"), QStringLiteral("(SELECT data_bytes FROM packages WHERE id = ?)")),
                                  dialect.cappedSum(QStringLiteral("voice_seconds"), QStringLiteral("(SELECT voice_seconds FROM packages WHERE id = ?)"))),
                         Statement::Prepare::Reuse);
        credit.bind(intent.packageId).bind(intent.packageId).bind(intent.lineId);
        if (const auto ran = credit.run(); !ran)
            return ran;
    }
    Statement done(store, QStringLiteral("DELETE FROM charge_intents WHERE chain_key = ? AND attempt = ? AND method_token = ?"),
                   Statement::Prepare::Reuse);
    done.bind(identity.chainKey).bind(identity.attempt).bind(identity.method);
    return done.run();
}


Expected<ChargeAnswer> ChargeRecorder::charge(const ChargeRequest &request)
{
    const RecordedCharge recorded = chargeAndRecord(request);
    if (recorded.error)
        return Expected<ChargeAnswer>::failure(*recorded.error);
    return *recorded.answer;
}

ChargeIntent ChargeRecorder::intentOf(const ChargeRequest &request)
{
    return ChargeIntent{request.accountId, request.lineId, request.methodId, request.packageId,
                        request.trigger, request.at.msecs(), request.month};
}

Expected<ChargeRecorder::Priced> ChargeRecorder::priceOf(Database &store, const ChargeRequest &request)
{
    using Result = Expected<Priced>;
    Statement find(store, QStringLiteral("SELECT m.token, p.price_cents FROM methods m, packages p"
                                         " WHERE m.id = ? AND p.id = ? AND m.account_id = ? AND p.account_id = ?"),
                   Statement::Prepare::Reuse);
    find.bind(request.methodId).bind(request.packageId).bind(request.accountId).bind(request.accountId);
    if (const auto ran = find.run(); !ran)
        return Result::failure(ran);
    if (!find.next())
        return Result::failure(ChargeRecorder::tr("no such payment method or package"), ChargeRecorder::tr("No such payment method or package."));
    Priced priced{find.text(0), Money::fromCents(find.integer(1))};
    find.finish();
    return priced;
}

Expected<std::optional<ChargeAnswer>> ChargeRecorder::recordedAnswer(Database &store, const ChargeRequest &request, const ChargeIdentity &identity)
{
    using Result = Expected<std::optional<ChargeAnswer>>;
    // A charge made before (a replay after a crash asks again) is known
    // to both files, each through an index of its own: the store's answer
    // stands without asking the provider, so a damaged index in one file
    // alone never lets the same charge through twice.
    Statement made(store,
                   QStringLiteral("SELECT status, reason FROM attempts WHERE chain_key = ? AND attempt = ? AND method_token = ?"
                                  " AND status <> ? UNION ALL"
                                  " SELECT status, reason FROM attempts%1 WHERE line_id = ? AND at_ms = ?"
                                  " AND chain_key = ? AND attempt = ? AND method_token = ? AND status <> ?")
                       .arg(store.dialect().indexedBy(QStringLiteral("attempts_line_time"))),
                   Statement::Prepare::Reuse);
    const QString blocked = attemptStatusName(AttemptStatus::Blocked);
    made.bind(identity.chainKey).bind(identity.attempt).bind(identity.method).bind(blocked);
    made.bind(request.lineId).bind(request.at.msecs()).bind(identity.chainKey).bind(identity.attempt).bind(identity.method).bind(blocked);
    if (const auto ran = made.run(); !ran)
        return Result::failure(ran);
    if (!made.next())
        return std::optional<ChargeAnswer>();
    const ChargeAnswer recorded{made.text(0) == attemptStatusName(AttemptStatus::Succeeded), parseReason(made.text(1))};
    made.finish();
    return std::optional<ChargeAnswer>(recorded);
}

Expected<void> ChargeRecorder::writeIntentRow(Database &store, const ChargeRequest &request, const ChargeIdentity &identity)
{
    Statement intend(store,
                     store.dialect().insertOrIgnore(QStringLiteral("charge_intents (chain_key, attempt, method_token, line_id, method_id,"
                                                                   " package_id, trigger, at_ms, month) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                     Statement::Prepare::Reuse);
    intend.bind(identity.chainKey).bind(identity.attempt).bind(identity.method).bind(request.lineId);
    intend.bind(request.methodId).bind(request.packageId).bind(triggerKindName(request.trigger));
    intend.bind(request.at.msecs()).bind(request.month);
    return intend.run();
}

Expected<ChargeRecorder::Intended> ChargeRecorder::writeIntent(Database &store, const ChargeRequest &request)
{
    using Result = Expected<Intended>;
    const Expected<Priced> priced = priceOf(store, request);
    if (!priced)
        return Result::failure(priced);
    Intended intended{ChargeIdentity{request.chainKey, request.attempt, priced->token}, priced->price, std::nullopt};
    Expected<std::optional<ChargeAnswer>> recorded = recordedAnswer(store, request, intended.identity);
    if (!recorded)
        return Result::failure(recorded);
    if (*recorded) {
        intended.recorded = *recorded;
        return intended;
    }
    if (const Expected<void> written = writeIntentRow(store, request, intended.identity); !written)
        return Result::failure(written);
    return intended;
}

RecordedCharge ChargeRecorder::chargeAndRecord(const ChargeRequest &request)
{
    std::optional<Intended> intended;
    const Expected<void> wrote = m_store.write([&]() -> Expected<void> {
        Expected<Intended> written = writeIntent(m_store, request);
        if (!written)
            return Expected<void>::failure(written);
        intended = written.take();
        return {};
    });
    if (!wrote)
        return RecordedCharge{std::nullopt, wrote.whyFailed()};
    if (intended->recorded)
        return RecordedCharge{intended->recorded, std::nullopt};

    const Expected<ChargeAnswer> answer = m_journal.chargeToken(intended->identity, intended->price, request.at);
    if (!answer)
        return RecordedCharge{std::nullopt, answer.whyFailed()};

    const ChargeIntent intent = intentOf(request);
    // Not synced on its own: were it lost to a power cut, the intent above
    // (synced) still stands and reconcile() writes the charge down from the
    // journal (synced) at the next start. The next synced commit on the store
    // carries it to the disk anyway; this saves a third of a charge's syncs.
    const Expected<void> written = m_store.write(
        [&] { return writeDown(m_store, intended->identity, intent, intended->price, *answer, false); }, Database::Sync::Deferred);
    if (!written)
        return RecordedCharge{*answer, Failure(ChargeRecorder::tr("the payment went through but could not be written down yet (%1); it will be at"
                                                                  " the next start")
                                                   .arg(written.error()),
                                               ChargeRecorder::tr("The payment went through but could not be written down yet; it will be at"
                                                                  " the next start."),
                                               written.whyFailed())};
    return RecordedCharge{*answer, std::nullopt};
}

Expected<int> ChargeRecorder::reconcile()
{
    // A charge the store lacks has its intent still there: the intent is
    // written before charging and removed in the transaction that writes the
    // attempt down. So only the pending intents (none after a clean stop)
    // are looked up in the journal, never its whole history.
    struct Pending
    {
        ChargeIdentity identity;
        ChargeIntent intent;
    };
    std::vector<Pending> pending;
    {
        Statement select(m_store, QStringLiteral("SELECT i.chain_key, i.attempt, i.method_token, l.account_id, i.line_id, i.method_id,"
                                                 " i.package_id, i.trigger, i.at_ms, i.month"
                                                 " FROM charge_intents i JOIN lines l ON l.id = i.line_id"));
        if (const auto ran = select.run(); !ran)
            return Expected<int>::failure(ran);
        while (select.next()) {
            const Expected<TriggerKind> trigger =
                StoredName::read(select.text(7), parseTriggerKind, "charge intent of line", select.integer(4), "trigger");
            if (!trigger)
                return Expected<int>::failure(trigger);
            pending.push_back(Pending{ChargeIdentity{select.text(0), int(select.integer(1)), select.text(2)},
                                      ChargeIntent{select.integer(3), select.integer(4), select.integer(5), select.integer(6), *trigger,
                                                   select.integer(8), select.text(9)}});
        }
    }
    int writtenDown = 0;
    for (const Pending &each : pending) {
        const Expected<std::optional<JournalCharge>> charge = m_journal.chargeOf(each.identity);
        if (!charge)
            return Expected<int>::failure(charge);
        if (!*charge) // the journal never saw it: never charged
            continue;
        const Expected<void> done = m_store.write([&]() -> Expected<void> {
            return writeDown(m_store, each.identity, each.intent, (*charge)->amount, (*charge)->answer, true);
        });
        if (!done)
            return Expected<int>::failure(done);
        ++writtenDown;
    }
    // Intents the journal never saw were never charged: forget them.
    const Expected<void> cleared = m_store.write([&] {
        return Statement(m_store, QStringLiteral("DELETE FROM charge_intents")).run();
    });
    if (!cleared)
        return Expected<int>::failure(cleared);
    return writtenDown;
}

} // namespace topup
