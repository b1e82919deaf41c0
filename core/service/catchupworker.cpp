#include "catchupworker.h"

#include "store/journalgateway.h"
#include "store/database.h"
#include "store/storeschema.h"

namespace topup {

CatchUpWorker::CatchUpWorker(QString storePath, QString journalPath, Instant target)
    : m_storePath(std::move(storePath)), m_journalPath(std::move(journalPath)), m_target(target)
{
}

Expected<CatchUpSummary> CatchUpWorker::catchUp(const QString &storePath, const QString &journalPath, Instant target,
                                                const WorldSync::Progress &progress)
{
    const Expected<std::shared_ptr<Database>> store = Database::open(storePath, storeSchema(), Database::Presence::MustExist);
    if (!store)
        return Expected<CatchUpSummary>::failure(store.error());
    Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::open(journalPath, true);
    if (!journal)
        return Expected<CatchUpSummary>::failure(journal.error());
    return WorldSync(**store, **journal).catchUp(target, progress);
} // the connections close here, in the thread that opened them

void CatchUpWorker::run()
{
    const Expected<CatchUpSummary> summary = catchUp(m_storePath, m_journalPath, m_target, [this](Instant reached, Instant target) {
        emit progress(reached.msecs(), target.msecs());
    });
    emit finished(summary ? *summary : CatchUpSummary{}, summary ? QString() : summary.error());
}

} // namespace topup
