#pragma once

#include "domain/expected.h"

#include <QString>

#include <memory>

namespace topup {

class Database;
class JournalGateway;

// The two databases of a world, opened as a pair (WorldFiles, WorldOnServer):
// the store and the provider's journal.
struct WorldPair final
{
    // The world identity each of them holds (empty where none is written yet).
    struct Ids final
    {
        QString journal;
        QString store;
    };

    std::shared_ptr<Database> store;
    std::unique_ptr<JournalGateway> journal;

    // Both identities, the journal's read first.
    Expected<Ids> worldIds() const;
};

} // namespace topup
