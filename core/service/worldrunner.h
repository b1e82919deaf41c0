#pragma once

#include "catchupworker.h"
#include "clock.h"
#include "domain/expected.h"
#include "touched.h"
#include "worldplace.h"
#include "worldsync.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace topup {

class Database;
class JournalGateway;
class MoveConnections;
class MoveThread;
class SimulationPlayer;

// Moves the simulated world on for the Service: to an instant here, off the
// caller's thread (a catch-up, or a jump to the next top-up: busy() while
// either runs), step by step while the player plays (each step off the
// caller's thread too), and by a millisecond after a write so the rules
// react. Every move off the caller's thread runs on one thread of the
// runner's (MoveThread), one after the other, on connections that thread
// keeps from one move to the next, closed with the runner. It
// also says whether the world may be written now: not while a catch-up, a
// jump or a play step owns it (a running step is waited for first), nor
// once a file was found damaged. A thread that moves the world does more
// once it has moved it, when told what (setAfterMoves: the signed-in
// account's outlook prepared), before the screens are told
// (worldAdvanced); so does that thread after another program's move
// (followElsewhere).
class WorldRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorldRunner)

public:
    // `damage`: why nothing may be written to the world's files any more
    // (they were found damaged), empty while they may.
    WorldRunner(Database &store, JournalGateway &provider, WorldPlace place, const Clock &clock, bool narrowSettles,
                std::function<QString()> damage);
    ~WorldRunner() override;

    // The world's clock: the only "now" a screen shows or computes with
    // (the process clock for a world whose clock has not started).
    Expected<Instant> clock();
    bool busy() const noexcept { return m_busy; }
    // Why nothing may be written now (a damaged store, a catch-up
    // running), none when it may; waits for a running play step first.
    std::optional<Failure> writeRefusal();

    Expected<CatchUpSummary> runTo(Instant target, const WorldSync::Progress &progress = {});
    // By `ms` from the clock as it is once the world is free (another
    // program sharing it may have moved it meanwhile).
    Expected<CatchUpSummary> runBy(qint64 ms, const WorldSync::Progress &progress = {});
    // The same, off this thread: progress and the end arrive as signals.
    bool startCatchUp(Instant target);
    Expected<void> startPlaying(qint64 simulatedMsPerSecond);
    void stopPlaying();
    bool isPlaying() const;
    // The service's end: the player stopped, its running step waited for,
    // then (stopCatchUp) a running catch-up or jump stopped at the end of
    // its day and waited for (nothing said: the service is going).
    void stopPlayerAndWait();
    void stopCatchUp();

    // Lets the rules react at the current instant (SPEC §3 step 4) to a
    // write that changed `changed` (its lines' checks run there; a write
    // that changed everything: every line's), and says so: worldAdvanced
    // when they acted (or the whole world ran), alertsAdded when they only
    // raised alerts for `accountId`.
    Expected<void> settle(qint64 accountId, const Touched &changed);
    // Runs to the account's next top-up attempt within 35 days of `clock`; none: stays.
    Expected<std::optional<Instant>> runToNextEvent(qint64 accountId, Instant clock);
    // The same off this thread, from the clock as the store has it once
    // the world is free (CatchUpWorker::jump), the outlook prepared there
    // after (setAfterMoves); busy() until jumpFinished says where it went
    // (after worldAdvanced), that there was no top-up, or why not. False
    // when a catch-up or another jump runs (a play step is waited for).
    bool startJump(qint64 accountId);
    // Signing out: a running jump stopped at the end of its day and waited
    // for; jumpFinished says so (the screens follow where it stopped).
    void stopJump();

    // What the thread that moves the world (a play step, startCatchUp) does
    // once it has: `start`, called on this thread as such a move starts,
    // gives that work (none: nothing to do); `finish`, called on this
    // thread once the move has ended there (whether the work ran or not),
    // before worldAdvanced, takes what it left.
    void setAfterMoves(std::function<CatchUpWorker::AfterMove()> start, std::function<void()> finish);
    // Another program moved the world (WorldNotices): the same work on the
    // moves' thread, then followedElsewhere; a notice that comes while
    // it runs makes it run once more after. False when it does not start
    // (a move of this program runs and says worldAdvanced itself, or
    // nothing to do): the caller tells the screens at once.
    bool followElsewhere();

signals:
    void worldAdvanced();
    void alertsAdded();
    void catchUpProgress(qint64 reachedMs, qint64 targetMs);
    void catchUpFinished(const topup::CatchUpSummary &summary, const QString &error);
    void playStopped(const QString &error);
    // The work after another program's move (followElsewhere) is done.
    void followedElsewhere();
    // A jump (startJump) ended: the instant the world moved to, none when
    // no top-up comes within 35 days (the world stayed), or why not.
    void jumpFinished(const topup::Expected<std::optional<topup::Instant>> &next);

private:
    // Starts `work` on the moves' thread (its ticket, MoveThread);
    // `finished` runs here once it has run there (it waits for it, when
    // called before, and does nothing once it was taken).
    quint64 startMove(std::function<void(MoveConnections &)> work, void (WorldRunner::*finished)());
    // The move `slot` holds, ended: waited for (it has run, or is about
    // to) and let go; false when the slot holds none (already taken).
    bool endMove(quint64 &slot);
    // Waits for the catch-up's thread and says how it ended.
    void finishCatchUp();
    // Waits for the jump's thread and says where it went.
    void finishJump();
    // One step of the player, started in a thread of its own.
    Expected<void> startPlayStep(qint64 ms);
    // Waits for the running play step, if any, and lets the screens follow
    // (or stops the player with the step's error).
    void finishPlayStep();
    // Waits for the work after another program's move, if it runs, takes
    // what it left and says followedElsewhere (and starts it again when
    // another move was heard meanwhile).
    void finishFollowing();
    CatchUpWorker::AfterMove startAfterMove();

    Database &m_store;
    JournalGateway &m_provider;
    const Clock &m_clock;
    bool m_narrowSettles;
    std::function<QString()> m_damage;
    bool m_busy = false;
    std::unique_ptr<MoveThread> m_mover; // the moves' thread
    // The moves running or about to (MoveThread's tickets), 0: none.
    quint64 m_catchUp = 0;
    std::shared_ptr<std::optional<Expected<CatchUpSummary>>> m_catchUpEnd; // what the catch-up's thread leaves
    quint64 m_jump = 0;
    std::shared_ptr<std::optional<Expected<std::optional<Instant>>>> m_jumpEnd; // what the jump's thread leaves
    SimulationPlayer *m_player = nullptr;
    quint64 m_playStep = 0;
    std::shared_ptr<QString> m_playStepError; // what the running step's thread leaves
    std::function<CatchUpWorker::AfterMove()> m_startAfterMove;
    std::function<void()> m_finishAfterMove;
    quint64 m_following = 0;
    bool m_followAgain = false;
};

} // namespace topup
