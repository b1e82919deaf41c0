#include "worldplace.h"

#include "store/database.h"
#include "store/journalgateway.h"
#include "store/storeschema.h"

namespace topup {

WorldPlace WorldPlace::inFolder(QString storePath, QString journalPath)
{
    WorldPlace place;
    place.m_storePath = std::move(storePath);
    place.m_journalPath = std::move(journalPath);
    return place;
}

WorldPlace WorldPlace::onServer(DatabaseUrl store, DatabaseUrl journal)
{
    WorldPlace place;
    place.m_store = std::move(store);
    place.m_journal = std::move(journal);
    return place;
}

Expected<std::shared_ptr<Database>> WorldPlace::openStore() const
{
    Expected<std::shared_ptr<Database>> store = m_store ? Database::openOnServer(*m_store, storeSchema(), Database::Presence::MustExist)
                                                        : Database::open(m_storePath, storeSchema(), Database::Presence::MustExist);
    if (store)
        (*store)->setWorldWait(Database::WorldWait{m_worldWaitMs, {}, {}});
    return store;
}

Expected<std::unique_ptr<JournalGateway>> WorldPlace::openJournal() const
{
    if (m_journal)
        return JournalGateway::openOnServer(*m_journal, true);
    return JournalGateway::open(m_journalPath, true);
}

} // namespace topup
