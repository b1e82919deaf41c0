#include "chargerecorder.h"

#include "sim/journalgateway.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace topup {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("topup::ChargeRecorder", text);
}

struct Intent
{
    qint64 accountId = 0;
    qint64 lineId = 0;
    qint64 methodId = 0;
    qint64 packageId = 0;
    QString trigger;
    qint64 atMs = 0;
    QString month;
};

// Writes the attempt for a charge the journal answered, credits the package
// when it succeeded, and removes the intent. The caller holds the transaction.
Expected<bool> writeDown(Database &store, const ChargeIdentity &identity, const Intent &intent, Money amount,
                         const ChargeAnswer &answer, bool reconciled)
{
    QSqlQuery query(store.connection());
    const auto failed = [&] { return Expected<bool>::failure(store.describe(query.lastError().text())); };
    // OR IGNORE: a replay after a crash may meet a charge already written
    // down; then it is neither written nor credited again.
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt,"
                                 " method_id, method_token, package_id, amount_cents, status, reason, reconciled)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(intent.accountId);
    query.addBindValue(intent.lineId);
    query.addBindValue(intent.atMs);
    query.addBindValue(intent.month);
    query.addBindValue(intent.trigger);
    query.addBindValue(identity.chainKey);
    query.addBindValue(identity.attempt);
    query.addBindValue(intent.methodId);
    query.addBindValue(identity.method);
    query.addBindValue(intent.packageId);
    query.addBindValue(amount.cents());
    query.addBindValue(attemptStatusName(answer.succeeded ? AttemptStatus::Succeeded : AttemptStatus::Failed));
    query.addBindValue(answer.reason ? QVariant(reasonName(*answer.reason)) : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(reconciled ? 1 : 0);
    if (!query.exec())
        return failed();
    if (answer.succeeded && query.numRowsAffected() == 1) {
        query.prepare(QStringLiteral("UPDATE lines SET"
                                     " data_bytes = min(data_bytes + (SELECT data_bytes FROM packages WHERE id = ?), 9223372036854775807),"
                                     " voice_seconds = min(voice_seconds + (SELECT voice_seconds FROM packages WHERE id = ?), 9223372036854775807)"
                                     " WHERE id = ?"));
        query.addBindValue(intent.packageId);
        query.addBindValue(intent.packageId);
        query.addBindValue(intent.lineId);
        if (!query.exec())
            return failed();
    }
    query.prepare(QStringLiteral("DELETE FROM charge_intents WHERE chain_key = ? AND attempt = ? AND method_token = ?"));
    query.addBindValue(identity.chainKey);
    query.addBindValue(identity.attempt);
    query.addBindValue(identity.method);
    if (!query.exec())
        return failed();
    return true;
}

} // namespace

Expected<ChargeAnswer> ChargeRecorder::charge(const ChargeRequest &request)
{
    const RecordedCharge recorded = chargeAndRecord(request);
    if (!recorded.error.isEmpty())
        return Expected<ChargeAnswer>::failure(recorded.error);
    return *recorded.answer;
}

RecordedCharge ChargeRecorder::chargeAndRecord(const ChargeRequest &request)
{
    ChargeIdentity identity{request.chainKey, request.attempt, QString()};
    Money price;
    const Expected<bool> intended = m_store.write([&]() -> Expected<bool> {
        QSqlQuery query(m_store.connection());
        query.prepare(QStringLiteral("SELECT m.token, p.price_cents FROM methods m, packages p"
                                     " WHERE m.id = ? AND p.id = ? AND m.account_id = ? AND p.account_id = ?"));
        query.addBindValue(request.methodId);
        query.addBindValue(request.packageId);
        query.addBindValue(request.accountId);
        query.addBindValue(request.accountId);
        if (!query.exec())
            return Expected<bool>::failure(m_store.describe(query.lastError().text()));
        if (!query.next())
            return Expected<bool>::failure(tr("no such payment method or package"));
        identity.method = query.value(0).toString();
        price = Money::fromCents(query.value(1).toLongLong());
        query.finish();
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO charge_intents (chain_key, attempt, method_token, line_id,"
                                     " method_id, package_id, trigger, at_ms, month) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(identity.chainKey);
        query.addBindValue(identity.attempt);
        query.addBindValue(identity.method);
        query.addBindValue(request.lineId);
        query.addBindValue(request.methodId);
        query.addBindValue(request.packageId);
        query.addBindValue(triggerKindName(request.trigger));
        query.addBindValue(request.at.msecs());
        query.addBindValue(request.month);
        if (!query.exec())
            return Expected<bool>::failure(m_store.describe(query.lastError().text()));
        return true;
    });
    if (!intended)
        return RecordedCharge{std::nullopt, intended.error()};

    const Expected<ChargeAnswer> answer = m_journal.chargeToken(identity, price, request.at);
    if (!answer)
        return RecordedCharge{std::nullopt, answer.error()};

    const Intent intent{request.accountId, request.lineId, request.methodId, request.packageId,
                        triggerKindName(request.trigger), request.at.msecs(), request.month};
    const Expected<bool> written =
        m_store.write([&] { return writeDown(m_store, identity, intent, price, *answer, false); });
    if (!written)
        return RecordedCharge{*answer, tr("the payment went through but could not be written down yet (%1); it will be at the next start")
                                           .arg(written.error())};
    return RecordedCharge{*answer, QString()};
}

Expected<int> ChargeRecorder::reconcile()
{
    const Expected<std::vector<JournalCharge>> charges = m_journal.charges();
    if (!charges)
        return Expected<int>::failure(charges.error());
    // One read of what the store has; a write only for what it lacks.
    QSet<QString> recorded;
    {
        QSqlQuery query(m_store.connection());
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT chain_key, attempt, method_token FROM attempts WHERE method_token IS NOT NULL")))
            return Expected<int>::failure(m_store.describe(query.lastError().text()));
        while (query.next())
            recorded.insert(chargeIdentityKey(
                ChargeIdentity{query.value(0).toString(), query.value(1).toInt(), query.value(2).toString()}));
    }
    int writtenDown = 0;
    for (const JournalCharge &charge : *charges) {
        if (recorded.contains(chargeIdentityKey(charge.identity)))
            continue;
        const Expected<bool> done = m_store.write([&]() -> Expected<bool> {
            QSqlQuery query(m_store.connection());
            query.prepare(QStringLiteral("SELECT l.account_id, i.line_id, i.method_id, i.package_id, i.trigger, i.at_ms, i.month"
                                         " FROM charge_intents i JOIN lines l ON l.id = i.line_id"
                                         " WHERE i.chain_key = ? AND i.attempt = ? AND i.method_token = ?"));
            query.addBindValue(charge.identity.chainKey);
            query.addBindValue(charge.identity.attempt);
            query.addBindValue(charge.identity.method);
            if (!query.exec())
                return Expected<bool>::failure(m_store.describe(query.lastError().text()));
            if (!query.next()) // a charge of another store, or of a line since deleted
                return true;
            const Intent intent{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                                query.value(3).toLongLong(), query.value(4).toString(), query.value(5).toLongLong(),
                                query.value(6).toString()};
            query.finish();
            ++writtenDown;
            return writeDown(m_store, charge.identity, intent, charge.amount, charge.answer, true);
        });
        if (!done)
            return Expected<int>::failure(done.error());
    }
    // Intents the journal never saw were never charged: forget them.
    const Expected<bool> cleared = m_store.write([&]() -> Expected<bool> {
        QSqlQuery query(m_store.connection());
        if (!query.exec(QStringLiteral("DELETE FROM charge_intents")))
            return Expected<bool>::failure(m_store.describe(query.lastError().text()));
        return true;
    });
    if (!cleared)
        return Expected<int>::failure(cleared.error());
    return writtenDown;
}

} // namespace topup
