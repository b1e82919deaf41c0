#include "worldrunner.h"

#include "catchupworker.h"
#include "movethread.h"
#include "simulationplayer.h"
#include "store/historystore.h"
#include "store/worldmovelock.h"

#include <QCoreApplication>

#include <utility>

namespace topup {

WorldRunner::WorldRunner(Database &store, JournalGateway &provider, WorldPlace place, const Clock &clock, bool narrowSettles,
                         std::function<QString()> damage)
    : m_store(store), m_provider(provider), m_clock(clock), m_narrowSettles(narrowSettles), m_damage(std::move(damage)),
      m_mover(std::make_unique<MoveThread>(std::move(place)))
{
    m_player = new SimulationPlayer([this](qint64 ms) { return startPlayStep(ms); }, this);
    connect(m_player, &SimulationPlayer::stopped, this, &WorldRunner::playStopped);
}

WorldRunner::~WorldRunner()
{
    m_mover.reset(); // the connections it keeps close in it
}

Expected<Instant> WorldRunner::clock()
{
    const Expected<std::optional<Instant>> clock = WorldSync(m_store, m_provider).clock();
    if (!clock)
        return Expected<Instant>::failure(clock);
    return clock->value_or(m_clock.now());
}

std::optional<Failure> WorldRunner::writeRefusal()
{
    finishPlayStep();
    finishFollowing();
    if (const QString damage = m_damage(); !damage.isEmpty())
        return Failure(damage, // "PATH: damaged database (…); …" for the command line
                       QCoreApplication::translate("topup::Service", "A data file was found damaged, so nothing more is saved. Quit TopUp"
                                                                     " Dashboard and start it again: it offers to move the data folder"
                                                                     " aside and start fresh."));
    if (m_busy && m_jump != 0)
        return Failure(QCoreApplication::translate("topup::Service", "the world is jumping to the next top-up; try again when it has landed"),
                       QCoreApplication::translate("topup::Service", "The world is jumping to the next top-up; try again when it has landed."));
    if (m_busy)
        return Failure(QCoreApplication::translate("topup::Service", "the world is catching up; try again when it has finished"),
                       QCoreApplication::translate("topup::Service", "The world is catching up; try again when it has finished."));
    return std::nullopt;
}

Expected<CatchUpSummary> WorldRunner::runTo(Instant target, const WorldSync::Progress &progress)
{
    if (std::optional<Failure> why = writeRefusal())
        return Expected<CatchUpSummary>::failure(std::move(*why));
    // From the clock as the store has it once the world is free (another
    // program may have moved it on already: then this stays, or goes on).
    const Expected<WorldMoveLock> held = WorldMoveLock::take(m_store);
    if (!held)
        return Expected<CatchUpSummary>::failure(held.whyFailed());
    const Expected<CatchUpSummary> summary = WorldSync(m_store, m_provider).catchUp(target, progress);
    if (summary)
        emit worldAdvanced();
    return summary;
}

Expected<CatchUpSummary> WorldRunner::runBy(qint64 ms, const WorldSync::Progress &progress)
{
    if (std::optional<Failure> why = writeRefusal())
        return Expected<CatchUpSummary>::failure(std::move(*why));
    const Expected<WorldMoveLock> held = WorldMoveLock::take(m_store);
    if (!held)
        return Expected<CatchUpSummary>::failure(held.whyFailed());
    const Expected<Instant> now = clock();
    if (!now)
        return Expected<CatchUpSummary>::failure(now);
    return runTo(now->plusMsecs(ms), progress); // the lock taken again there is only counted
}

void WorldRunner::setAfterMoves(std::function<CatchUpWorker::AfterMove()> start, std::function<void()> finish)
{
    m_startAfterMove = std::move(start);
    m_finishAfterMove = std::move(finish);
}

CatchUpWorker::AfterMove WorldRunner::startAfterMove()
{
    return m_startAfterMove ? m_startAfterMove() : CatchUpWorker::AfterMove();
}

quint64 WorldRunner::startMove(std::function<void(MoveConnections &)> work, void (WorldRunner::*finished)())
{
    return m_mover->post(std::move(work), [this, finished] { (this->*finished)(); }); // queued from that thread
}

bool WorldRunner::endMove(quint64 &slot)
{
    if (slot == 0)
        return false;
    m_mover->waitFor(slot);
    slot = 0;
    return true;
}

bool WorldRunner::startCatchUp(Instant target)
{
    if (m_busy)
        return false;
    finishFollowing(); // one thread at a time does the work after a move
    m_busy = true;
    qRegisterMetaType<CatchUpSummary>();
    // Its progress is said here, queued from its thread (before its end, which is queued after).
    WorldSync::Progress progress = [this](Instant reached, Instant to) {
        QMetaObject::invokeMethod(
            this, [this, reached, to] { emit catchUpProgress(reached.msecs(), to.msecs()); }, Qt::QueuedConnection);
    };
    auto end = std::make_shared<std::optional<Expected<CatchUpSummary>>>();
    m_catchUpEnd = end;
    m_catchUp = startMove(
        [target, end, progress = std::move(progress), after = startAfterMove()](MoveConnections &connections) {
            end->emplace(CatchUpWorker::catchUp(connections, target, progress, after));
        },
        &WorldRunner::finishCatchUp);
    return true;
}

void WorldRunner::finishCatchUp()
{
    if (!endMove(m_catchUp))
        return;
    const Expected<CatchUpSummary> summary = std::move(**std::exchange(m_catchUpEnd, nullptr));
    m_busy = false;
    if (m_finishAfterMove)
        m_finishAfterMove(); // the thread's work after the move ended with it
    if (summary)
        emit worldAdvanced();
    emit catchUpFinished(summary ? *summary : CatchUpSummary{}, summary ? QString() : summary.error());
}

void WorldRunner::stopCatchUp()
{
    // The move stops between days (WorldSync checks the request), the
    // thread's connections close in it, and every finished day stays saved.
    for (const quint64 move : {m_catchUp, m_jump}) {
        if (move != 0) {
            m_mover->stop(move);
            m_mover->waitFor(move);
        }
    }
}

bool WorldRunner::startJump(qint64 accountId)
{
    finishPlayStep();
    if (m_busy)
        return false;
    finishFollowing();
    m_busy = true;
    auto end = std::make_shared<std::optional<Expected<std::optional<Instant>>>>();
    m_jumpEnd = end;
    m_jump = startMove(
        [accountId, unstarted = m_clock.now(), end, after = startAfterMove()](MoveConnections &connections) {
            end->emplace(CatchUpWorker::jump(connections, accountId, unstarted, after));
        },
        &WorldRunner::finishJump);
    return true;
}

void WorldRunner::finishJump()
{
    if (!endMove(m_jump))
        return;
    const Expected<std::optional<Instant>> next = std::move(**std::exchange(m_jumpEnd, nullptr));
    m_busy = false;
    if (m_finishAfterMove)
        m_finishAfterMove();
    // It moved, or may have (stopped part way, or failed in its move):
    // the screens look again. No top-up ahead: the world stayed.
    if (!next || *next)
        emit worldAdvanced();
    emit jumpFinished(next);
}

void WorldRunner::stopJump()
{
    if (m_jump == 0)
        return;
    m_mover->stop(m_jump);
    finishJump();
}

Expected<void> WorldRunner::startPlaying(qint64 simulatedMsPerSecond)
{
    return m_player->start(simulatedMsPerSecond);
}

Expected<void> WorldRunner::startPlayStep(qint64 ms)
{
    if (m_busy || m_following != 0)
        return {}; // a step (or a catch-up, or the work after another's move) still runs: the world plays slower than asked
    if (std::optional<Failure> why = writeRefusal())
        return Expected<void>::failure(std::move(*why));
    const Expected<Instant> now = clock();
    if (!now)
        return Expected<void>::failure(now);
    const Instant target = now->plusMsecs(ms);
    m_busy = true;
    auto error = std::make_shared<QString>();
    m_playStepError = error;
    m_playStep = startMove(
        [target, error, after = startAfterMove()](MoveConnections &connections) {
            const Expected<CatchUpSummary> done = CatchUpWorker::catchUp(connections, target, {}, after);
            if (!done)
                *error = done.error();
        },
        &WorldRunner::finishPlayStep);
    return {};
}

void WorldRunner::finishPlayStep()
{
    if (!endMove(m_playStep))
        return;
    const QString error = *m_playStepError;
    m_busy = false;
    if (m_finishAfterMove)
        m_finishAfterMove();
    if (!error.isEmpty()) {
        m_player->fail(error);
        return;
    }
    emit worldAdvanced();
}

bool WorldRunner::followElsewhere()
{
    if (m_busy)
        return false;
    if (m_following != 0) {
        m_followAgain = true;
        return true;
    }
    CatchUpWorker::AfterMove after = startAfterMove();
    if (!after)
        return false;
    m_following = startMove(
        [after = std::move(after)](MoveConnections &connections) { CatchUpWorker::afterMoveElsewhere(connections, after); },
        &WorldRunner::finishFollowing);
    return true;
}

void WorldRunner::finishFollowing()
{
    if (!endMove(m_following))
        return;
    if (m_finishAfterMove)
        m_finishAfterMove();
    emit followedElsewhere();
    if (std::exchange(m_followAgain, false)) {
        // After the screens took this one (their refresh is queued first).
        QMetaObject::invokeMethod(
            this, [this] {
                if (!followElsewhere())
                    emit followedElsewhere();
            },
            Qt::QueuedConnection);
    }
}

void WorldRunner::stopPlaying()
{
    m_player->stop();
}

bool WorldRunner::isPlaying() const
{
    return m_player->isPlaying();
}

void WorldRunner::stopPlayerAndWait()
{
    m_player->stop();
    // (The connections the moves' thread keeps close with this runner.)
    if (m_playStep != 0)
        m_mover->waitFor(m_playStep);
    if (m_following != 0)
        m_mover->waitFor(m_following);
}

Expected<void> WorldRunner::settle(qint64 accountId, const Touched &changed)
{
    if (std::optional<Failure> why = writeRefusal())
        return Expected<void>::failure(std::move(*why));
    const Expected<WorldMoveLock> held = WorldMoveLock::take(m_store);
    if (!held)
        return Expected<void>::failure(held.whyFailed());
    const Expected<Instant> now = clock(); // as it is under the lock
    if (!now)
        return Expected<void>::failure(now);
    // Alerts are only ever added unread: more unread ones after, some were added.
    const Expected<int> unreadBefore = HistoryStore(m_store).unreadAlertCount(accountId);
    WorldSync sync(m_store, m_provider);
    sync.markWrite(accountId, now->plusMsecs(1), changed.everything ? std::nullopt : std::optional(changed.lines));
    const Expected<CatchUpSummary> summary = m_narrowSettles ? sync.settle(now->plusMsecs(1)) : sync.catchUp(now->plusMsecs(1));
    if (!summary)
        return Expected<void>::failure(summary);
    // Most writes move nothing else but the clock, by a millisecond: the
    // write names what it changed itself. When the rules acted, or every
    // line ran (no narrowing), the world moved on.
    const bool wholeWorld = !m_narrowSettles || !WorldSync::narrowable(*now, now->plusMsecs(1));
    if (wholeWorld || summary->forAccount(accountId).eventful()) {
        emit worldAdvanced();
        return {};
    }
    const Expected<int> unreadAfter = HistoryStore(m_store).unreadAlertCount(accountId);
    if (!unreadBefore || !unreadAfter || *unreadAfter > *unreadBefore)
        emit alertsAdded();
    return {};
}

Expected<std::optional<Instant>> WorldRunner::runToNextEvent(qint64 accountId, Instant clock)
{
    using Result = Expected<std::optional<Instant>>;
    const Result next = CatchUpWorker::nextTopUp(m_store, m_provider, accountId, clock);
    if (!next || !*next)
        return next;
    if (const Expected<CatchUpSummary> done = runTo(**next); !done)
        return Result::failure(done);
    return next;
}

} // namespace topup
