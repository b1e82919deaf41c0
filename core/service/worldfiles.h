#pragma once

#include "domain/expected.h"
#include "worldpair.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

namespace topup {

class DataDirectory;

// The store (`topup.sqlite`) and the provider's journal (`gateway.sqlite`)
// belong together: each world has a random 128-bit identity written into
// both when it is created. Only a folder with neither file is a new world;
// a world is built in a staging folder (`.topup-building`) and moved in,
// the journal first and the store last, so an interrupted creation leaves
// nothing, or a lone journal whose store is still staged (finished at the
// next open, the identity proving they belong together).
class WorldFiles final
{
    Q_DECLARE_TR_FUNCTIONS(WorldFiles)

public:
    using Announce = std::function<void(const QString &step)>;

    static QString stagingPath(const QString &folder);
    // Either file, or a write-ahead log of one, is there (a world, possibly
    // one to refuse).
    static bool holdsWorld(const QString &folder);
    static QString newWorldId();

    // Finishes a move into the folder that was interrupted, and removes an
    // unfinished staging folder. The folder must be claimed.
    static Expected<void> recover(const DataDirectory &directory);
    // Moves a finished world from `staging` into `folder` (which holds
    // neither file): journal first, store last; then removes `staging`.
    static Expected<void> moveIn(const QString &staging, const QString &folder, const Announce &announce = {});
    // Recovers, creates a new world when the folder holds neither file, and
    // opens both files, checked as a pair. Anything else is refused with the
    // files untouched.
    static Expected<WorldPair> open(const DataDirectory &directory);
};

} // namespace topup
