#pragma once

#include "worldsync.h"

#include <QMetaType>
#include <QString>

#include <functional>
#include <optional>

namespace topup {

class Database;
class JournalGateway;
class MoveConnections;

// What a thread that moves the world runs (a catch-up in the background, a
// play step, a jump to the next top-up: WorldRunner's MoveThread), on
// connections of its own to the store and the journal, which that thread
// opens and keeps from one move to the next (a connection stays in the
// thread that opened it: MoveConnections; a move that fails drops them), so
// a window never freezes.
class CatchUpWorker final
{
public:
    // What the thread does next once it has moved the world, on the same
    // connections, the world's lock released (the signed-in account's
    // outlook prepared: PreparedOutlook); not when the move failed or was
    // stopped.
    using AfterMove = std::function<void(Database &store, JournalGateway &journal)>;

    // The catch-up itself, then `afterMove`.
    static Expected<CatchUpSummary> catchUp(MoveConnections &connections, Instant target, const WorldSync::Progress &progress = {},
                                            const AfterMove &afterMove = {});
    // To the account's next top-up attempt within 35 days of the world's
    // clock as the store has it under the world's lock (`unstarted`: a
    // world whose clock has not started), then `afterMove`; none: the world
    // stays (and nothing follows). Stopped part way (the thread asked to:
    // the app closing, signing out), a failure saying where it stopped.
    static Expected<std::optional<Instant>> jump(MoveConnections &connections, qint64 accountId, Instant unstarted,
                                                 const AfterMove &afterMove = {});
    // Where that jump goes from `clock`, found by the engine on a copy of
    // the world (DryRun); none: no top-up within 35 days. Under the world's
    // lock, or its answer may be stale.
    static Expected<std::optional<Instant>> nextTopUp(Database &store, JournalGateway &journal, qint64 accountId, Instant clock);
    // Only `afterMove`, on the thread's connections (another program moved the world).
    static void afterMoveElsewhere(MoveConnections &connections, const AfterMove &afterMove);
};

} // namespace topup

Q_DECLARE_METATYPE(topup::CatchUpSummary)
