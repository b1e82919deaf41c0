#include "journalbatch.h"

#include "identityarrays.h"
#include "batchedstatement.h"
#include "database.h"
#include "dialect.h"
#include "journalgateway.h"
#include "statement.h"

namespace topup {

Expected<JournalBatch::Account *> JournalBatch::account(const QString &token)
{
    using Result = Expected<Account *>;
    if (const auto known = m_accounts.find(token); known != m_accounts.end())
        return known->second ? &*known->second : nullptr;
    const Expected<std::optional<ProviderAccount>> held = JournalGateway::accountAt(m_journal, token);
    if (!held)
        return Result::failure(held);
    if (!*held) {
        m_accounts.emplace(token, std::nullopt);
        return nullptr;
    }
    Account read;
    read.fundsRead = (*held)->funds;
    read.expiresAt = (*held)->expiresAt;
    Statement faults(m_journal, QStringLiteral("SELECT id, reason FROM faults WHERE token = ? ORDER BY id"), Statement::Prepare::Reuse);
    faults.bind(token);
    if (const auto ran = faults.run(); !ran)
        return Result::failure(ran);
    while (faults.next()) {
        const std::optional<Reason> reason = parseReason(faults.text(1));
        if (!reason)
            return Result::failure(JournalGateway::tr("queued fault %1 has an unknown reason \"%2\"").arg(faults.integer(0)).arg(faults.text(1).left(32)),
                                   JournalGateway::unknownFaultSentence(m_journal.path(), faults.text(1).left(32)));
        read.faults.emplace_back(faults.integer(0), *reason);
    }
    return &*m_accounts.emplace(token, std::move(read)).first->second;
}

namespace {

const QString chargeAnsweredText = QStringLiteral("SELECT succeeded, reason FROM charges WHERE chain_key = ? AND attempt = ? AND token = ?");

} // namespace

Expected<ChargeAnswer> JournalBatch::charge(const ChargeIdentity &identity, Money price, Instant at, Replays replays)
{
    using Result = Expected<ChargeAnswer>;
    const Key key{identity.chainKey, identity.attempt, identity.method};
    if (const auto made = m_made.find(key); made != m_made.end())
        return m_charges[made->second].answer; // asked again in the batch: its first answer
    if (replays == Replays::LookedUpEach) {
        Statement seen(m_journal, chargeAnsweredText, Statement::Prepare::Reuse);
        seen.bind(identity.chainKey).bind(identity.attempt).bind(identity.method);
        if (const auto ran = seen.run(); !ran)
            return Result::failure(ran);
        if (seen.next()) // seen before: the first answer, no money moves
            return ChargeAnswer{seen.integer(0) != 0, parseReason(seen.text(1))};
        seen.finish();
    }

    const Expected<Account *> read = account(identity.method);
    if (!read)
        return Result::failure(read);
    Account *const held = *read;
    if (!held) // no account: declined and not remembered (JournalGateway::chargeToken)
        return ChargeAnswer{false, decideCharge(std::nullopt, price, at).reason};
    ProviderAccount provider{held->fundsRead - held->taken, held->expiresAt, std::nullopt};
    if (!held->faults.empty())
        provider.nextFault = held->faults.front().second;
    const ChargeDecision decision = decideCharge(provider, price, at);
    if (decision.consumesFault) {
        m_usedFaults.push_back(held->faults.front().first);
        held->faults.pop_front();
    }
    if (decision.pays) {
        held->taken = held->taken + price;
    }
    const ChargeAnswer answer{decision.pays, decision.reason};
    m_made.emplace(key, m_charges.size());
    m_charges.push_back(Charge{identity, price, at, answer});
    return answer;
}

Expected<bool> JournalBatch::anyAnsweredBefore()
{
    if (m_charges.empty())
        return false;
    if (!m_journal.dialect().hasArrays()) {
        Statement seen(m_journal, chargeAnsweredText, Statement::Prepare::Reuse);
        for (const Charge &each : m_charges) {
            seen.bind(each.identity.chainKey).bind(each.identity.attempt).bind(each.identity.method);
            if (const auto ran = seen.run(); !ran)
                return Expected<bool>::failure(ran);
            if (seen.next())
                return true;
        }
        return false;
    }
    IdentityArrays identities;
    for (const Charge &each : m_charges)
        identities.add(each.identity);
    const QString big = QStringLiteral("BIGINT"), text = QStringLiteral("TEXT");
    Statement seen(m_journal,
                   QStringLiteral("SELECT 1 FROM (%1) AS k (c, n, t) JOIN charges j ON j.chain_key = k.c AND j.attempt = k.n AND j.token = k.t LIMIT 1")
                       .arg(m_journal.dialect().rowsFromArrays({text, big, text})),
                   Statement::Prepare::Reuse);
    seen.bind(identities.keys.text()).bind(identities.attempts.text()).bind(identities.tokens.text());
    if (const auto ran = seen.run(); !ran)
        return Expected<bool>::failure(ran);
    return seen.next();
}

Expected<void> JournalBatch::flushTo(Database &journal)
{
    if (m_charges.empty() && m_usedFaults.empty()) {
        clear();
        return {};
    }
    Statement useFault(journal, QStringLiteral("DELETE FROM faults WHERE id = ?"), Statement::Prepare::Reuse);
    for (const qint64 id : m_usedFaults) {
        useFault.bind(id);
        if (const auto ran = useFault.run(); !ran)
            return ran;
    }
    Statement pay(journal, QStringLiteral("UPDATE funding SET funds_cents = funds_cents - ? WHERE token = ?"), Statement::Prepare::Reuse);
    for (const auto &[token, held] : m_accounts) {
        if (!held || held->taken.cents() == 0)
            continue;
        pay.bind(held->taken.cents()).bind(token);
        if (const auto ran = pay.run(); !ran)
            return ran;
    }
    const QString big = QStringLiteral("BIGINT"), text = QStringLiteral("TEXT");
    BatchedStatement remember(journal,
                              QStringLiteral("INSERT INTO charges (chain_key, attempt, token, amount_cents, at_ms, succeeded, reason)"
                                             " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                              QStringLiteral("INSERT INTO charges (chain_key, attempt, token, amount_cents, at_ms, succeeded, reason) %1"),
                              {text, big, text, big, big, big, text});
    for (const Charge &each : m_charges) {
        remember.set(0, each.identity.chainKey).set(1, each.identity.attempt).set(2, each.identity.method);
        remember.set(3, each.price.cents()).set(4, each.at.msecs()).set(5, each.answer.succeeded ? 1 : 0);
        remember.set(6, each.answer.reason ? QVariant(reasonName(*each.answer.reason)) : QVariant(QMetaType::fromType<QString>()));
        if (const auto ran = remember.run(); !ran)
            return ran;
    }
    if (const auto sent = remember.flush(); !sent)
        return sent;
    clear();
    return {};
}

Money JournalBatch::takenFrom(const QString &token) const
{
    const auto held = m_accounts.find(token);
    return held != m_accounts.end() && held->second ? held->second->taken : Money();
}

void JournalBatch::clear()
{
    m_accounts.clear();
    m_charges.clear();
    m_made.clear();
    m_usedFaults.clear();
}

} // namespace topup
