#include "walcheckpointer.h"

#include "openfiles.h"

#include <sqlite3.h>

namespace topup {

WalCheckpointer::WalCheckpointer(sqlite3 *writer, QString path, QString key)
    : m_writer(writer), m_path(std::move(path)), m_key(std::move(key))
{
    sqlite3_wal_hook(m_writer, &WalCheckpointer::afterCommit, this);
}

WalCheckpointer::~WalCheckpointer()
{
    // The hook first: no commit may ask for a checkpoint from here on.
    sqlite3_wal_hook(m_writer, nullptr, nullptr);
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    if (m_connection)
        sqlite3_close_v2(m_connection);
}

int WalCheckpointer::checkpoints() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_done;
}

void WalCheckpointer::waitIdle()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_idle.wait(lock, [this] { return (!m_due && !m_running) || m_stopping; });
}

int WalCheckpointer::afterCommit(void *self, sqlite3 *, const char *, int frames)
{
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    if (frames < thresholdFrames)
        return SQLITE_OK;
    {
        const std::lock_guard<std::mutex> lock(checkpointer->m_mutex);
        checkpointer->m_due = true;
        if (!checkpointer->m_thread.joinable())
            checkpointer->m_thread = std::thread(&WalCheckpointer::run, checkpointer);
    }
    checkpointer->m_wake.notify_one();
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_due || m_stopping; });
        if (m_stopping)
            break;
        m_due = false;
        m_running = true;
        lock.unlock();
        const bool done = checkpointOnce();
        lock.lock();
        m_running = false;
        if (done)
            ++m_done;
        if (!m_due)
            m_idle.notify_all();
    }
    m_idle.notify_all();
}

bool WalCheckpointer::checkpointOnce()
{
    // Damage found: the log stays as it is, for the next start to find.
    if (!OpenFiles::damageAt(m_key).isEmpty())
        return false;
    if (!m_connection) {
        if (sqlite3_open_v2(m_path.toUtf8().constData(), &m_connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            sqlite3_close_v2(m_connection);
            m_connection = nullptr;
            return false;
        }
        // Closing this connection never folds the log: the writer's does.
        sqlite3_db_config(m_connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        // A read opens the log: until then the connection does not know
        // the file is in WAL mode, and a checkpoint would fold nothing.
        sqlite3_exec(m_connection, "PRAGMA synchronous=FULL; PRAGMA schema_version", nullptr, nullptr, nullptr);
    }
    // A failure here (busy, a full disk) leaves the log as it is: the next
    // commit over the threshold asks again, as SQLite's own checkpoint does.
    return sqlite3_wal_checkpoint_v2(m_connection, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) == SQLITE_OK;
}

} // namespace topup
