#pragma once

#include "worldplace.h"
#include "worldsync.h"

#include <QObject>
#include <QString>

namespace topup {

// Long catch-ups run here, in a thread of their own with their own
// connections to the store and the journal (a connection stays in the
// thread that opened it), reporting progress, so a window never freezes.
class CatchUpWorker final : public QObject
{
    Q_OBJECT

public:
    CatchUpWorker(WorldPlace place, Instant target);

    // The catch-up itself, on connections of its own opened and closed in
    // the calling thread (a play step's thread calls it directly).
    static Expected<CatchUpSummary> catchUp(const WorldPlace &place, Instant target, const WorldSync::Progress &progress = {});

public slots:
    void run();

signals:
    void progress(qint64 reachedMs, qint64 targetMs);
    void finished(const topup::CatchUpSummary &summary, const QString &error);

private:
    WorldPlace m_place;
    Instant m_target;
};

} // namespace topup

Q_DECLARE_METATYPE(topup::CatchUpSummary)
