#include "chargegroup.h"

#include "store/batchedstatement.h"
#include "store/database.h"
#include "store/journalgateway.h"

namespace topup {
namespace {

ChargeGroup::StageHook stageHook = nullptr;

} // namespace

void ChargeGroup::setStageHook(StageHook hook) noexcept
{
    stageHook = hook;
}

ChargeGroup::ChargeGroup(Database &store, JournalGateway &journal) : m_store(store), m_journal(journal), m_batch(journal.database())
{
}

ChargeGroup::~ChargeGroup()
{
    rollback();
}

RecordedCharge ChargeGroup::charge(const ChargeRequest &request)
{
    if (m_failed)
        return RecordedCharge{std::nullopt, Failure(ChargeGroup::tr("an earlier charge of the same instant could not be made"))};
    // 1. The intent, in the store's transaction held open for the group.
    if (!m_store.inTransaction()) {
        if (const Expected<void> begun = m_store.begin(); !begun) {
            m_failed = true;
            return RecordedCharge{std::nullopt, begun.whyFailed()};
        }
    }
    m_at = request.at;
    const Expected<ChargeRecorder::Priced> priced = priceOf(request);
    if (!priced) {
        m_failed = true;
        return RecordedCharge{std::nullopt, priced.whyFailed()};
    }
    const ChargeIdentity identity{request.chainKey, request.attempt, priced->token};
    const Expected<std::optional<ChargeAnswer>> recorded = ChargeRecorder::recordedAnswer(m_store, request, identity);
    if (!recorded) {
        m_failed = true;
        return RecordedCharge{std::nullopt, recorded.whyFailed()};
    }
    if (*recorded)
        return RecordedCharge{*recorded, std::nullopt};
    m_intents.emplace_back(request, identity);
    // 2. The charge, in the journal's transaction held open for the group:
    // the provider's answer, standing once that transaction commits.
    Database &journal = m_journal.database();
    if (!journal.inTransaction()) {
        if (const Expected<void> begun = journal.begin(); !begun) {
            m_failed = true;
            return RecordedCharge{std::nullopt, begun.whyFailed()};
        }
    }
    const Expected<ChargeAnswer> answer = m_batch.charge(identity, priced->price, request.at);
    if (!answer) {
        m_failed = true;
        return RecordedCharge{std::nullopt, answer.whyFailed()};
    }
    m_pending.push_back(Pending{identity, ChargeRecorder::intentOf(request), priced->price, *answer});
    return RecordedCharge{*answer, std::nullopt};
}

Expected<ChargeRecorder::Priced> ChargeGroup::priceOf(const ChargeRequest &request)
{
    const auto key = std::make_tuple(request.accountId, request.methodId, request.packageId);
    if (const auto known = m_prices.find(key); known != m_prices.end())
        return known->second;
    const Expected<ChargeRecorder::Priced> priced = ChargeRecorder::priceOf(m_store, request);
    if (priced)
        m_prices.emplace(key, *priced);
    return priced;
}

Expected<void> ChargeGroup::writeIntents()
{
    if (m_intents.empty())
        return {};
    const QString columns = QStringLiteral("charge_intents (chain_key, attempt, method_token, line_id, method_id, package_id, trigger, at_ms, month)");
    const QString big = QStringLiteral("BIGINT"), text = QStringLiteral("TEXT");
    BatchedStatement intend(m_store, m_store.dialect().insertOrIgnore(columns + QStringLiteral(" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                            m_store.dialect().insertOrIgnore(columns + QStringLiteral(" %1")), {text, big, text, big, big, big, text, big, text});
    for (const auto &[request, identity] : m_intents) {
        intend.set(0, identity.chainKey).set(1, identity.attempt).set(2, identity.method).set(3, request.lineId);
        intend.set(4, request.methodId).set(5, request.packageId).set(6, triggerKindName(request.trigger));
        intend.set(7, request.at.msecs()).set(8, request.month);
        if (const auto ran = intend.run(); !ran)
            return ran;
    }
    m_intents.clear();
    return intend.flush();
}

Expected<void> ChargeGroup::commit()
{
    if (m_failed) {
        rollback();
        return Expected<void>::failure(ChargeGroup::tr("the charges of %1 were not made").arg(m_at ? m_at->toString() : QString()));
    }
    const int charges = int(m_pending.size());
    // 1. The intents reach the disk before the journal's charges do.
    if (m_store.inTransaction()) {
        Expected<void> committed = writeIntents();
        if (committed)
            committed = m_store.commit(Database::Sync::Synced);
        if (!committed) {
            rollback();
            return committed;
        }
    }
    if (stageHook && charges > 0)
        stageHook(Stage::IntentsCommitted, charges);
    // 2. The charges. Should this fail, the intents the journal never saw
    // are forgotten at the next start (ChargeRecorder::reconcile).
    Database &journal = m_journal.database();
    if (journal.inTransaction()) {
        Expected<void> committed = m_batch.flush();
        if (committed)
            committed = journal.commit(Database::Sync::Synced);
        if (!committed) {
            rollback();
            return committed;
        }
    }
    if (stageHook && charges > 0)
        stageHook(Stage::JournalCommitted, charges);
    // 3. Every attempt written down in one transaction, not synced on its
    // own (as a single charge's): a power cut leaves the intents, which
    // reconcile writes down from the journal.
    std::vector<Pending> pending;
    pending.swap(m_pending);
    m_at.reset();
    if (pending.empty())
        return {};
    const Expected<void> written = m_store.write(
        [&]() -> Expected<void> {
            for (const Pending &each : pending) {
                if (const Expected<void> down = ChargeRecorder::writeDown(m_store, each.identity, each.intent, each.price, each.answer, false);
                    !down)
                    return down;
            }
            return {};
        },
        Database::Sync::Deferred);
    if (!written)
        return Expected<void>::failure(Failure(
            ChargeGroup::tr("%n payment(s) went through but could not be written down yet (%1); they will be at the next start", "", charges)
                .arg(written.error()),
            ChargeGroup::tr("%n payment(s) went through but could not be written down yet; they will be at the next start.", "", charges),
            written.whyFailed()));
    return {};
}

void ChargeGroup::rollback()
{
    if (m_store.inTransaction())
        m_store.rollback();
    if (m_journal.database().inTransaction())
        m_journal.database().rollback();
    m_batch.clear();
    m_prices.clear();
    m_intents.clear();
    m_pending.clear();
    m_at.reset();
    m_failed = false;
}

} // namespace topup
