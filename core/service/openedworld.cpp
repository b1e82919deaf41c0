#include "openedworld.h"

#include "chargerecorder.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/journalgateway.h"
#include "store/linestore.h"
#include "store/serverworldlock.h"
#include "store/transientfailure.h"
#include "worldfiles.h"
#include "worldonserver.h"
#include "worldsync.h"

namespace topup {

OpenedWorld::OpenedWorld(QString name, WorldPlace place) : name(std::move(name)), place(std::move(place)) {}
OpenedWorld::OpenedWorld(OpenedWorld &&) noexcept = default;
OpenedWorld &OpenedWorld::operator=(OpenedWorld &&) noexcept = default;
OpenedWorld::~OpenedWorld() = default;

Expected<OpenedWorld> OpenedWorld::open(const WorldLocation &location)
{
    if (location.onPostgres())
        return openOnServer(*location.database());
    return openFolder(location.dataDir());
}

Expected<OpenedWorld> OpenedWorld::openFolder(const QString &dataDir)
{
    const QString folder = DataDirectory::resolve(dataDir);
    TransientFailure::forget(folder);
    Expected<std::unique_ptr<DataDirectory>> directory = DataDirectory::claim(folder);
    if (!directory) {
        if (DataDirectory::inUse(folder))
            TransientFailure::report(folder, TransientFailure::Cause::Locked);
        return Expected<OpenedWorld>::failure(directory);
    }
    std::unique_ptr<DataDirectory> claimed = directory.take();
    // Both files, checked as a pair (WorldFiles); a new world when neither is there.
    Expected<WorldPair> pair = WorldFiles::open(*claimed);
    if (!pair)
        return Expected<OpenedWorld>::failure(pair);
    WorldPair files = pair.take();
    OpenedWorld world(claimed->path(), WorldPlace::inFolder(claimed->storePath(), claimed->journalPath()));
    world.directory = std::move(claimed);
    world.store = files.store;
    world.provider = std::move(files.journal);
    return finish(std::move(world));
}

Expected<OpenedWorld> OpenedWorld::openOnServer(const DatabaseUrl &url)
{
    TransientFailure::forget(url.toString());
    // Claimed while it opens: no other program moves the world meanwhile,
    // so the books compared and the charges reconciled here are none that
    // another has in flight (each move holds the same lock, WorldMoveLock).
    const Expected<std::unique_ptr<ServerWorldLock>> lock = ServerWorldLock::claim(url, ServerWorldLock::openWaitMs);
    if (!lock)
        return Expected<OpenedWorld>::failure(lock);
    const Expected<DatabaseUrl> journalUrl = WorldOnServer::journalOf(url);
    if (!journalUrl)
        return Expected<OpenedWorld>::failure(journalUrl);
    Expected<WorldPair> pair = WorldOnServer::open(url);
    if (!pair)
        return Expected<OpenedWorld>::failure(pair);
    WorldPair files = pair.take();
    OpenedWorld world(url.toString(), WorldPlace::onServer(url, *journalUrl));
    world.onServer = true;
    world.store = files.store;
    world.provider = std::move(files.journal);
    return finish(std::move(world)); // the claim is released after it: the world is shared from here
}

Expected<OpenedWorld> OpenedWorld::finish(OpenedWorld world)
{
    if (const Expected<void> clock = WorldSync(*world.store, *world.provider).checkClock(); !clock)
        return Expected<OpenedWorld>::failure(clock);
    ChargeRecorder recorder(*world.store, *world.provider);
    const Expected<int> reconciled = recorder.reconcile();
    if (!reconciled)
        return Expected<OpenedWorld>::failure(reconciled);
    world.reconciled = *reconciled;
    // A purchase cut short by a stop: paid (and now written down) or not.
    if (const Expected<int> settled = LineStore(*world.store).settlePurchases(); !settled)
        return Expected<OpenedWorld>::failure(settled);
    for (const Database *file : {static_cast<const Database *>(world.store.get()), static_cast<const Database *>(&world.provider->database())}) {
        if (file->vouched() == Database::Vouched::Deferred)
            world.unchecked << file->path();
    }
    return Expected<OpenedWorld>(std::move(world));
}

} // namespace topup
