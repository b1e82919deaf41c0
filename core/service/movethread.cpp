#include "movethread.h"

#include "moveconnections.h"

#include <utility>

namespace topup {

MoveThread::MoveThread(WorldPlace place, QObject *parent) : QThread(parent), m_place(std::move(place)) {}

MoveThread::~MoveThread()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    QThread::wait(); // what it keeps closes in it as it ends
}

quint64 MoveThread::post(Work work, std::function<void()> finished)
{
    quint64 ticket = 0;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        ticket = ++m_lastTicket;
        m_queue.push_back(Move{ticket, std::move(work), std::move(finished)});
    }
    m_wake.notify_all();
    startIfNeeded();
    return ticket;
}

void MoveThread::startIfNeeded()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_ended || m_queue.empty())
            return;
        m_ended = false;
    }
    QThread::wait(); // the run that ended, gone (its connections closed)
    start();
}

void MoveThread::waitFor(quint64 ticket)
{
    startIfNeeded();
    std::unique_lock<std::mutex> lock(m_mutex);
    m_ran.wait(lock, [&] { return m_lastRan >= ticket; });
}

bool MoveThread::hasRun(quint64 ticket) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_lastRan >= ticket;
}

void MoveThread::stop(quint64 ticket)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_lastRan >= ticket)
        return;
    m_stopAsked = std::max(m_stopAsked, ticket);
    if (m_running != 0 && m_running <= ticket)
        requestInterruption();
}

void MoveThread::run()
{
    MoveConnections connections(m_place);
    for (;;) {
        Move move;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [&] { return m_quit || !m_queue.empty(); });
            if (m_queue.empty()) {
                m_ended = true;
                break;
            }
            move = std::move(m_queue.front());
            m_queue.pop_front();
            m_running = move.ticket;
            if (move.ticket <= m_stopAsked)
                requestInterruption();
        }
        move.work(connections);
        bool stopped = false;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_running = 0;
            // Asked to stop: the flag stays set until the thread ends, so it
            // ends here (its connections closed first) and a later move starts it again.
            stopped = isInterruptionRequested();
            if (stopped)
                m_ended = true;
        }
        if (stopped)
            connections.drop();
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_lastRan = move.ticket;
        }
        m_ran.notify_all();
        if (move.finished)
            QMetaObject::invokeMethod(this, std::move(move.finished), Qt::QueuedConnection);
        if (stopped) {
            // Moves posted meanwhile start it again (post saw it running).
            QMetaObject::invokeMethod(this, [this] { startIfNeeded(); }, Qt::QueuedConnection);
            break;
        }
    }
}

} // namespace topup
