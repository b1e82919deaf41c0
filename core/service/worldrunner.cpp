#include "worldrunner.h"

#include "catchupworker.h"
#include "simulationplayer.h"
#include "store/historystore.h"
#include "store/worldmovelock.h"

#include <QCoreApplication>

#include <utility>

namespace topup {

WorldRunner::WorldRunner(Database &store, JournalGateway &provider, WorldPlace place, const Clock &clock, bool narrowSettles,
                         std::function<QString()> damage)
    : m_store(store), m_provider(provider), m_place(std::move(place)), m_clock(clock), m_narrowSettles(narrowSettles),
      m_damage(std::move(damage))
{
    m_player = new SimulationPlayer([this](qint64 ms) { return startPlayStep(ms); }, this);
    connect(m_player, &SimulationPlayer::stopped, this, &WorldRunner::playStopped);
}

WorldRunner::~WorldRunner() = default;

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
    if (m_busy && m_jump)
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

QThread *WorldRunner::startThread(std::function<void()> work, void (WorldRunner::*finished)())
{
    QThread *thread = QThread::create(std::move(work));
    thread->setParent(this);
    connect(thread, &QThread::finished, this, finished); // queued: emitted in that thread
    thread->start();
    return thread;
}

bool WorldRunner::endThread(QPointer<QThread> &slot)
{
    if (!slot)
        return false;
    QThread *thread = slot;
    thread->wait();
    slot = nullptr;
    thread->deleteLater();
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
    m_catchUp = startThread(
        [place = m_place, target, end, progress = std::move(progress), after = startAfterMove()] {
            end->emplace(CatchUpWorker::catchUp(place, target, progress, after));
        },
        &WorldRunner::finishCatchUp);
    return true;
}

void WorldRunner::finishCatchUp()
{
    if (!endThread(m_catchUp))
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
    // The thread stops between days (WorldSync checks the request), its
    // connections close in it, and every finished day stays saved.
    for (QThread *thread : {m_catchUp.data(), m_jump.data()}) {
        if (thread) {
            thread->requestInterruption();
            thread->wait();
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
    m_jump = startThread(
        [place = m_place, accountId, unstarted = m_clock.now(), end, after = startAfterMove()] {
            end->emplace(CatchUpWorker::jump(place, accountId, unstarted, after));
        },
        &WorldRunner::finishJump);
    return true;
}

void WorldRunner::finishJump()
{
    if (!endThread(m_jump))
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
    if (!m_jump)
        return;
    m_jump->requestInterruption();
    finishJump();
}

Expected<void> WorldRunner::startPlaying(qint64 simulatedMsPerSecond)
{
    return m_player->start(simulatedMsPerSecond);
}

Expected<void> WorldRunner::startPlayStep(qint64 ms)
{
    if (m_busy || m_following)
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
    m_playStep = startThread(
        [place = m_place, target, error, after = startAfterMove()] {
            const Expected<CatchUpSummary> done = CatchUpWorker::catchUp(place, target, {}, after);
            if (!done)
                *error = done.error();
        },
        &WorldRunner::finishPlayStep);
    return {};
}

void WorldRunner::finishPlayStep()
{
    if (!endThread(m_playStep))
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
    if (m_following) {
        m_followAgain = true;
        return true;
    }
    CatchUpWorker::AfterMove after = startAfterMove();
    if (!after)
        return false;
    m_following = startThread([place = m_place, after = std::move(after)] { CatchUpWorker::afterMoveElsewhere(place, after); },
                              &WorldRunner::finishFollowing);
    return true;
}

void WorldRunner::finishFollowing()
{
    if (!endThread(m_following))
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
    if (m_playStep)
        m_playStep->wait(); // its connections close in its thread
    if (m_following)
        m_following->wait();
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
