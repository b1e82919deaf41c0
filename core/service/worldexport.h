#pragma once

#include "domain/expected.h"
#include "store/databaseurl.h"
#include "store/tablecopy.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace topup {

// What a world's export copied: the world, where to, and the rows of each
// table of the store and of the provider's journal (sorted by table name).
struct WorldExportReport final
{
    QString folder;
    QString worldId;
    QString store;   // the store's database, as its URL
    QString journal; // the journal's database beside it (WorldOnServer::journalOf)
    std::vector<TableRows> storeRows;
    std::vector<TableRows> journalRows;
};

// Moves a world from a data folder (SQLite) to a PostgreSQL server (issue
// 16, `topup-sim --data-dir DIR export --database URL`): the store into the
// database the URL names, the provider's journal into `DBNAME_journal`
// beside it, as WorldOnServer opens them, world identity and all, so the
// copied pair opens as the same world.
//
// The folder is claimed (no program writes it meanwhile) and opened as the
// app opens it (the pair checked, damage refused); the target world is
// claimed (ServerWorldLock) and both databases are opened the normal way,
// which gives an empty one the schema. Both must hold no row: anything else
// is refused, naming which database holds what, and left as it was. Then
// each database is copied in one transaction of its own (TableCopy), read
// back and compared table by table before anything is committed; a failure
// rolls both back, so the target is left with the schema and no row (a new,
// empty world to every program; export accepts it again). The store commits
// first, the journal last: a stop between the two leaves a store without
// its journal, which every program refuses as a pair ("different worlds")
// rather than opening half a world.
class WorldExport final
{
    Q_DECLARE_TR_FUNCTIONS(WorldExport)

public:
    static Expected<WorldExportReport> run(const QString &folder, const DatabaseUrl &store);
    // After a failed run: it failed for a passing cause (the folder or the
    // target held by another program, a full disk), and nothing was changed.
    static bool worthRetrying(const QString &folder, const DatabaseUrl &store);

private:
    WorldExport() = delete;
};

} // namespace topup
