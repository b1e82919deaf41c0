#pragma once

#include "domain/expected.h"
#include "store/databaseurl.h"
#include "worldfiles.h"

#include <QCoreApplication>

namespace topup {

// A world on a PostgreSQL server: the store in the database the URL names,
// the simulated provider's journal in a database of its own beside it on
// the same server, named after it: `DBNAME_journal` (a separate system, as
// `gateway.sqlite` is a separate file). Both databases must exist (made by
// whoever administers the server, docs/postgresql.md); empty ones become a
// new world, journal first, with the same random identity in both; a pair
// that belongs to different worlds, or whose books disagree, is refused.
// The caller claims the world first (ServerWorldLock); the open then waits
// for a charge that a program which died holding the world still has landing
// on the journal (JournalQuiet), and pairs the store with its journal so
// that every move waits the same way (Database::setJournal).
class WorldOnServer final
{
    Q_DECLARE_TR_FUNCTIONS(WorldOnServer)

public:
    // The journal's database for the store's: `DBNAME_journal` on the same
    // server, as the same user. Refused when that name would be longer than
    // PostgreSQL's names (63 bytes), which would cut it short.
    static Expected<DatabaseUrl> journalOf(const DatabaseUrl &store);
    // Opens both, making a new world in empty databases, checked as a pair.
    static Expected<WorldPair> open(const DatabaseUrl &store);
};

} // namespace topup
