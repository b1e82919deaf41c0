#include "catchupworker.h"

#include "store/journalgateway.h"
#include "store/database.h"
#include "store/storeschema.h"
#include "store/worldmovelock.h"

#include <QThread>

namespace topup {

CatchUpWorker::CatchUpWorker(WorldPlace place, Instant target, AfterMove afterMove)
    : m_place(std::move(place)), m_target(target), m_afterMove(std::move(afterMove))
{
}

Expected<CatchUpSummary> CatchUpWorker::catchUp(const WorldPlace &place, Instant target, const WorldSync::Progress &progress,
                                                const AfterMove &afterMove)
{
    const Expected<std::shared_ptr<Database>> store = place.openStore();
    if (!store)
        return Expected<CatchUpSummary>::failure(store);
    Expected<std::unique_ptr<JournalGateway>> journal = place.openJournal();
    if (!journal)
        return Expected<CatchUpSummary>::failure(journal);
    (*store)->setJournal((*journal)->sharedDatabase()); // its move waits for a dead program's charge (JournalQuiet)
    const Expected<CatchUpSummary> summary = [&]() -> Expected<CatchUpSummary> {
        // The world is this thread's while it moves it (other programs sharing
        // it on PostgreSQL wait), from the clock the store has then.
        const Expected<WorldMoveLock> held = WorldMoveLock::take(**store);
        if (!held)
            return Expected<CatchUpSummary>::failure(held.whyFailed());
        return WorldSync(**store, **journal).catchUp(target, progress);
    }();
    // Released: what follows only reads, as a screen's queries do.
    if (summary && afterMove && !QThread::currentThread()->isInterruptionRequested())
        afterMove(**store, **journal);
    return summary;
} // the connections close here, in the thread that opened them

void CatchUpWorker::afterMoveElsewhere(const WorldPlace &place, const AfterMove &afterMove)
{
    const Expected<std::shared_ptr<Database>> store = place.openStore();
    Expected<std::unique_ptr<JournalGateway>> journal = place.openJournal();
    if (store && journal)
        afterMove(**store, **journal);
    // (Connections that cannot be opened: nothing prepared, the screens read as before.)
}

void CatchUpWorker::run()
{
    const Expected<CatchUpSummary> summary = catchUp(
        m_place, m_target, [this](Instant reached, Instant target) { emit progress(reached.msecs(), target.msecs()); }, m_afterMove);
    emit finished(summary ? *summary : CatchUpSummary{}, summary ? QString() : summary.error());
}

} // namespace topup
