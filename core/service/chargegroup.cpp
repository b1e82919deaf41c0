#include "chargegroup.h"

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
    Expected<ChargeRecorder::Intended> intended = ChargeRecorder::writeIntent(m_store, request);
    if (!intended) {
        m_failed = true;
        return RecordedCharge{std::nullopt, intended.whyFailed()};
    }
    if (intended->recorded)
        return RecordedCharge{intended->recorded, std::nullopt};
    // 2. The charge, in the journal's transaction held open for the group:
    // the provider's answer, standing once that transaction commits.
    Database &journal = m_journal.database();
    if (!journal.inTransaction()) {
        if (const Expected<void> begun = journal.begin(); !begun) {
            m_failed = true;
            return RecordedCharge{std::nullopt, begun.whyFailed()};
        }
    }
    const Expected<ChargeAnswer> answer = m_journal.chargeToken(intended->identity, intended->price, request.at);
    if (!answer) {
        m_failed = true;
        return RecordedCharge{std::nullopt, answer.whyFailed()};
    }
    m_pending.push_back(Pending{intended->identity, ChargeRecorder::intentOf(request), intended->price, *answer});
    return RecordedCharge{*answer, std::nullopt};
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
        if (const Expected<void> committed = m_store.commit(Database::Sync::Synced); !committed) {
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
        if (const Expected<void> committed = journal.commit(Database::Sync::Synced); !committed) {
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
    m_pending.clear();
    m_at.reset();
    m_failed = false;
}

} // namespace topup
