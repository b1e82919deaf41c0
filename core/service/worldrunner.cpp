#include "worldrunner.h"

#include "catchupworker.h"
#include "dryrun.h"
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

bool WorldRunner::startCatchUp(Instant target)
{
    if (m_busy)
        return false;
    finishFollowing(); // one thread at a time does the work after a move
    m_busy = true;
    qRegisterMetaType<CatchUpSummary>();
    auto *thread = new QThread(this);
    auto *worker = new CatchUpWorker(m_place, target, startAfterMove());
    worker->moveToThread(thread);
    connect(thread, &QThread::started, worker, &CatchUpWorker::run);
    connect(worker, &CatchUpWorker::progress, this, &WorldRunner::catchUpProgress);
    connect(worker, &CatchUpWorker::finished, this, [this, thread](const CatchUpSummary &summary, const QString &error) {
        m_busy = false;
        if (m_finishAfterMove)
            m_finishAfterMove(); // the worker's work after the move ended before it said finished
        if (error.isEmpty())
            emit worldAdvanced();
        emit catchUpFinished(summary, error);
        thread->quit();
    });
    connect(worker, &CatchUpWorker::finished, worker, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_catchUp = thread;
    thread->start();
    return true;
}

void WorldRunner::stopCatchUp()
{
    if (!m_catchUp)
        return;
    // The worker stops between days (WorldSync checks the request), its
    // connections close in its thread, and every finished day stays saved.
    m_catchUp->requestInterruption();
    m_catchUp->quit();
    m_catchUp->wait();
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
    QThread *thread = QThread::create([place = m_place, target, error, after = startAfterMove()] {
        const Expected<CatchUpSummary> done = CatchUpWorker::catchUp(place, target, {}, after);
        if (!done)
            *error = done.error();
    });
    thread->setParent(this);
    connect(thread, &QThread::finished, this, &WorldRunner::finishPlayStep);
    m_playStep = thread;
    m_playStepError = error;
    thread->start();
    return {};
}

void WorldRunner::finishPlayStep()
{
    if (!m_playStep)
        return;
    QThread *thread = m_playStep;
    thread->wait();
    m_playStep = nullptr;
    thread->deleteLater();
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
    QThread *thread = QThread::create([place = m_place, after = std::move(after)] { CatchUpWorker::afterMoveElsewhere(place, after); });
    thread->setParent(this);
    connect(thread, &QThread::finished, this, &WorldRunner::finishFollowing);
    m_following = thread;
    thread->start();
    return true;
}

void WorldRunner::finishFollowing()
{
    if (!m_following)
        return;
    QThread *thread = m_following;
    thread->wait();
    m_following = nullptr;
    thread->deleteLater();
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

Expected<void> WorldRunner::settle(qint64 accountId)
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
    const Expected<CatchUpSummary> summary = m_narrowSettles ? WorldSync(m_store, m_provider).settle(now->plusMsecs(1))
                                                             : WorldSync(m_store, m_provider).catchUp(now->plusMsecs(1));
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
    const Expected<DryRun::Result> dryRun = DryRun(m_store, m_provider).run(accountId, clock, clock.plusMsecs(35 * WorldSync::stepMs));
    if (!dryRun)
        return Result::failure(dryRun);
    const Outcome &outcome = dryRun->outcome;
    if (outcome.attempts.empty())
        return Result(std::optional<Instant>());
    const Instant next = outcome.attempts.front().at;
    if (const Expected<CatchUpSummary> done = runTo(next); !done)
        return Result::failure(done);
    return Result(std::optional<Instant>(next));
}

} // namespace topup
