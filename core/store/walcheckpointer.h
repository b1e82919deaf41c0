#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace topup {

// Folds a SQLite store's write-ahead log back into its file on a thread of
// its own, through a connection of its own, instead of inside the commit
// that filled the log. SQLite's automatic checkpoint copies every page the
// log holds into the file and syncs it before that commit returns: about a
// tenth of a fleet's simulated day (docs/performance.md). A commit is
// durable once its frames are synced in the log, so nothing a commit
// promises waits for the checkpoint.
//
// The same threshold as SQLite's own (a log of 1 000 pages or more after a
// commit), a passive checkpoint (it never waits for or blocks the writer),
// and the same sync setting as the writer's. Nothing is checkpointed into a
// file found damaged (OpenFiles). The writer's connection stays the one
// that, closing last, folds what is left and removes the log: the
// destructor stops the thread and closes this connection first, without a
// checkpoint of its own.
class WalCheckpointer final
{
public:
    static constexpr int thresholdFrames = 1000;

    // `key` names the file in OpenFiles. Installs itself on `writer`
    // (sqlite3_wal_hook, which turns SQLite's automatic checkpoint off on
    // that connection); the thread starts at the first log over threshold.
    WalCheckpointer(sqlite3 *writer, QString path, QString key);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Checkpoints done so far (for tests).
    int checkpoints() const;
    // Waits until no checkpoint is asked for or running (for tests).
    void waitIdle();

private:
    static int afterCommit(void *self, sqlite3 *writer, const char *schema, int frames);
    void run();
    bool checkpointOnce();

    sqlite3 *m_writer;
    QString m_path;
    QString m_key;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    bool m_due = false;
    bool m_running = false;
    bool m_stopping = false;
    int m_done = 0;
    std::thread m_thread;
    sqlite3 *m_connection = nullptr; // the thread's own
};

} // namespace topup
