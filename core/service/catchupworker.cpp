#include "catchupworker.h"

#include "dryrun.h"
#include "moveconnections.h"
#include "store/database.h"
#include "store/journalgateway.h"
#include "store/worldmovelock.h"

#include <QCoreApplication>
#include <QThread>

#include <utility>

namespace topup {
namespace {

// work(store, journal) on the thread's connections (opened here when it
// keeps none); a move that failed drops them, so the next opens fresh ones.
template<typename Work>
auto onOwnConnections(MoveConnections &connections, Work &&work)
    -> decltype(work(std::declval<Database &>(), std::declval<JournalGateway &>()))
{
    using Result = decltype(work(std::declval<Database &>(), std::declval<JournalGateway &>()));
    if (const Expected<void> opened = connections.open(); !opened)
        return Result::failure(opened);
    Result result = work(connections.store(), connections.journal());
    if (!result)
        connections.drop();
    return result;
}

bool stopAsked()
{
    return QThread::currentThread()->isInterruptionRequested();
}

} // namespace

Expected<CatchUpSummary> CatchUpWorker::catchUp(MoveConnections &connections, Instant target, const WorldSync::Progress &progress,
                                                const AfterMove &afterMove)
{
    return onOwnConnections(connections, [&](Database &store, JournalGateway &journal) {
        const Expected<CatchUpSummary> summary = [&]() -> Expected<CatchUpSummary> {
            // The world is this thread's while it moves it (other programs sharing
            // it on PostgreSQL wait), from the clock the store has then.
            const Expected<WorldMoveLock> held = WorldMoveLock::take(store);
            if (!held)
                return Expected<CatchUpSummary>::failure(held.whyFailed());
            return WorldSync(store, journal).catchUp(target, progress);
        }();
        // Released: what follows only reads, as a screen's queries do.
        if (summary && afterMove && !stopAsked())
            afterMove(store, journal);
        return summary;
    });
}

Expected<std::optional<Instant>> CatchUpWorker::jump(MoveConnections &connections, qint64 accountId, Instant unstarted,
                                                     const AfterMove &afterMove)
{
    using Result = Expected<std::optional<Instant>>;
    return onOwnConnections(connections, [&](Database &store, JournalGateway &journal) {
        const Result next = [&]() -> Result {
            const Expected<WorldMoveLock> held = WorldMoveLock::take(store);
            if (!held)
                return Result::failure(held.whyFailed());
            WorldSync sync(store, journal);
            const Expected<std::optional<Instant>> clock = sync.clock(); // as it is under the lock
            if (!clock)
                return Result::failure(clock);
            const Result found = nextTopUp(store, journal, accountId, clock->value_or(unstarted));
            if (!found || !*found)
                return found;
            const Expected<CatchUpSummary> done = sync.catchUp(**found);
            if (!done)
                return Result::failure(done);
            if (done->to < **found) // asked to stop between days: every finished day stays
                return Result::failure(
                    QStringLiteral("the jump to the next top-up was stopped at %1").arg(done->to.toString()),
                    QCoreApplication::translate("topup::Service", "The jump to the next top-up was stopped part way."));
            return found;
        }();
        if (next && *next && afterMove && !stopAsked())
            afterMove(store, journal);
        return next;
    });
}

Expected<std::optional<Instant>> CatchUpWorker::nextTopUp(Database &store, JournalGateway &journal, qint64 accountId, Instant clock)
{
    using Result = Expected<std::optional<Instant>>;
    const Expected<DryRun::Result> dryRun = DryRun(store, journal).run(accountId, clock, clock.plusMsecs(35 * WorldSync::stepMs));
    if (!dryRun)
        return Result::failure(dryRun);
    const Outcome &outcome = dryRun->outcome;
    if (outcome.attempts.empty())
        return Result(std::optional<Instant>());
    return Result(std::optional<Instant>(outcome.attempts.front().at));
}

void CatchUpWorker::afterMoveElsewhere(MoveConnections &connections, const AfterMove &afterMove)
{
    if (connections.open())
        afterMove(connections.store(), connections.journal());
    // (Connections that cannot be opened: nothing prepared, the screens read as before.)
}

} // namespace topup
