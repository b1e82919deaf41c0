#pragma once

#include "worldplace.h"
#include "worldsync.h"

#include <QObject>
#include <QString>

#include <functional>

namespace topup {

class Database;
class JournalGateway;

// Long catch-ups run here, in a thread of their own with their own
// connections to the store and the journal (a connection stays in the
// thread that opened it), reporting progress, so a window never freezes.
class CatchUpWorker final : public QObject
{
    Q_OBJECT

public:
    // What the thread does next once it has moved the world, on the same
    // connections, the world's lock released (the signed-in account's
    // outlook prepared: PreparedOutlook); not when the move failed or was
    // stopped.
    using AfterMove = std::function<void(Database &store, JournalGateway &journal)>;

    CatchUpWorker(WorldPlace place, Instant target, AfterMove afterMove = {});

    // The catch-up itself, on connections of its own opened and closed in
    // the calling thread (a play step's thread calls it directly), then
    // `afterMove` on them.
    static Expected<CatchUpSummary> catchUp(const WorldPlace &place, Instant target, const WorldSync::Progress &progress = {},
                                            const AfterMove &afterMove = {});
    // Only `afterMove`, on connections of its own (another program moved the world).
    static void afterMoveElsewhere(const WorldPlace &place, const AfterMove &afterMove);

public slots:
    void run();

signals:
    void progress(qint64 reachedMs, qint64 targetMs);
    void finished(const topup::CatchUpSummary &summary, const QString &error);

private:
    WorldPlace m_place;
    Instant m_target;
    AfterMove m_afterMove;
};

} // namespace topup

Q_DECLARE_METATYPE(topup::CatchUpSummary)
