#include "worldpair.h"

#include "store/database.h"
#include "store/journalgateway.h"

namespace topup {

Expected<WorldPair::Ids> WorldPair::worldIds() const
{
    const Expected<QString> journalWorld = journal->worldId();
    if (!journalWorld)
        return Expected<Ids>::failure(journalWorld);
    const Expected<QString> storeWorld = store->worldId();
    if (!storeWorld)
        return Expected<Ids>::failure(storeWorld);
    return Ids{*journalWorld, *storeWorld};
}

} // namespace topup
