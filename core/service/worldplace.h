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
// PostgreSQL server (WorldOnServer). Both must exist already.
class WorldPlace final
{
public:
    static WorldPlace inFolder(QString storePath, QString journalPath);
    static WorldPlace onServer(DatabaseUrl store, DatabaseUrl journal);

    Expected<std::shared_ptr<Database>> openStore() const;
    Expected<std::unique_ptr<JournalGateway>> openJournal() const;

private:
    WorldPlace() = default;

    QString m_storePath;
    QString m_journalPath;
    std::optional<DatabaseUrl> m_store;
    std::optional<DatabaseUrl> m_journal;
};

} // namespace topup
