#pragma once

#include "worldplace.h"

#include <QThread>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace topup {

class MoveConnections;

// The thread that moves a world for its WorldRunner (a catch-up, a jump, a
// play step, the work after another program's move), one move after the
// other, on connections to the world's store and journal that it keeps from
// one move to the next (MoveConnections: on PostgreSQL a new connection is
// a new server process, and every statement is prepared again on it). They
// are closed in the thread: after a move that failed (by the move:
// MoveConnections::drop), when a move is asked to stop (stop: the thread
// ends after it, and the next move starts it again with fresh ones), and
// when this object goes (with its world: the Service's end, a switch to
// another world), once the moves queued have run.
class MoveThread final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MoveThread)

public:
    using Work = std::function<void(MoveConnections &connections)>;

    explicit MoveThread(WorldPlace place, QObject *parent = nullptr);
    ~MoveThread() override;

    // Runs `work` in the thread after the moves posted before it; then
    // `finished` runs on this object's thread (queued after what the work
    // queued there itself), unless this object is gone by then. Its ticket,
    // for waitFor, hasRun and stop (never 0). Called on this object's thread.
    quint64 post(Work work, std::function<void()> finished);
    // Waits until the move `ticket` has run (its `finished` may be still to come).
    void waitFor(quint64 ticket);
    bool hasRun(quint64 ticket) const;
    // Asks the move `ticket` to stop, when it runs or is still to run
    // (QThread::requestInterruption, which WorldSync checks between days);
    // nothing when it has run.
    void stop(quint64 ticket);

protected:
    void run() override;

private:
    struct Move final
    {
        quint64 ticket = 0;
        Work work;
        std::function<void()> finished;
    };
    // Starts the thread again when it ended (a move was stopped) with
    // moves still to run; on this object's thread.
    void startIfNeeded();

    WorldPlace m_place;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // a move posted, or quit
    std::condition_variable m_ran;  // a move ran
    std::deque<Move> m_queue;
    quint64 m_lastTicket = 0;
    quint64 m_running = 0;   // the move the thread runs now, 0: none
    quint64 m_lastRan = 0;   // every move up to it has run
    quint64 m_stopAsked = 0; // the moves up to it are asked to stop
    bool m_ended = true;     // the thread is not running, or ends without taking another move
    bool m_quit = false;
};

} // namespace topup
