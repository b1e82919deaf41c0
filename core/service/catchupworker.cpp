#include "catchupworker.h"

#include "store/journalgateway.h"
#include "store/database.h"
#include "store/storeschema.h"

namespace topup {

CatchUpWorker::CatchUpWorker(QString storePath, QString journalPath, Instant target)
    : m_storePath(std::move(storePath)), m_journalPath(std::move(journalPath)), m_target(target)
{
}

void CatchUpWorker::run()
{
    Expected<CatchUpSummary> summary = CatchUpSummary{};
    {
        const Expected<std::shared_ptr<Database>> store = Database::open(m_storePath, storeSchema(), Database::Presence::MustExist);
        Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::open(m_journalPath, true);
        if (!store)
            summary = Expected<CatchUpSummary>::failure(store.error());
        else if (!journal)
            summary = Expected<CatchUpSummary>::failure(journal.error());
        else
            summary = WorldSync(**store, **journal).catchUp(m_target, [this](Instant reached, Instant target) {
                emit progress(reached.msecs(), target.msecs());
            });
    } // the connections close here, in the thread that opened them
    emit finished(summary ? *summary : CatchUpSummary{}, summary ? QString() : summary.error());
}

} // namespace topup
