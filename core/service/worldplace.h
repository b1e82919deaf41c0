#pragma once

#include "domain/expected.h"
#include "store/databaseurl.h"

#include <QString>

#include <memory>
#include <optional>

namespace topup {

class Database;
class JournalGateway;

// Where an open world's two databases are, to open more connections to
// them (a catch-up's or a play step's own thread): the store and the
// provider's journal as two files of a data folder, or as two databases on a
// PostgreSQL server (WorldOnServer). Both must exist already. A catch-up in
// the background waits for another desktop's move of a shared world no
// longer than its limit (setWorldWaitMs).
class WorldPlace final
{
public:
    static WorldPlace inFolder(QString storePath, QString journalPath);
    static WorldPlace onServer(DatabaseUrl store, DatabaseUrl journal);

    // The store's connection waits for another program's move of the
    // world up to setWorldWaitMs (Database::WorldWait), then the move is
    // refused (WorldMoveLock::busy).
    Expected<std::shared_ptr<Database>> openStore() const;
    Expected<std::unique_ptr<JournalGateway>> openJournal() const;

    // How long a move on a connection of this place waits for another
    // program's (0: as long as it takes; Service::Options::backgroundWorldWaitMs).
    void setWorldWaitMs(int ms) noexcept { m_worldWaitMs = ms; }

private:
    WorldPlace() = default;

    QString m_storePath;
    QString m_journalPath;
    std::optional<DatabaseUrl> m_store;
    std::optional<DatabaseUrl> m_journal;
    int m_worldWaitMs = 0;
};

} // namespace topup
