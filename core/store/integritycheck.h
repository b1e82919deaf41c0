#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QMutex>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

struct sqlite3;
class QThread;

namespace topup {

// The full check a clean open deferred (Database::Vouched::Deferred):
// `PRAGMA integrity_check` (every page, and every index compared with its
// table: quick_check does not, and a charge found through a damaged index
// would be missed) over each file in turn, on a thread of its own with
// its own connection (query_only), so opening stays fast while every page is
// still read once per session. Damage is recorded with
// Database::reportDamage from the checking thread at once (every
// connection then refuses to write, without waiting for the owner's event
// loop); `finished` then says what was found. stop() (and the destructor)
// interrupts the check and waits for the thread; nothing is reported after.
class IntegrityCheck final : public QObject
{
    Q_OBJECT

public:
    explicit IntegrityCheck(QStringList paths, QObject *parent = nullptr);
    ~IntegrityCheck() override;
    Q_DISABLE_COPY_MOVE(IntegrityCheck)

    void start();
    void stop();
    bool running() const;

    // Unchecked: the check could not run to its end for a reason that says
    // nothing about the pages (the file busy or locked past the timeout, no
    // memory); Stopped: stop() was called.
    enum class Verdict { Ok, Damaged, Unchecked, Stopped };
    struct Result final
    {
        Verdict verdict = Verdict::Ok;
        QString problem; // what integrity_check (or SQLite) said, when damaged or unchecked
    };
    // The check of one file on the caller's thread, through its own
    // connection (query_only); `handle`, when given, receives the connection
    // while it is open (for stop()), under `handleMutex`.
    static Result run(const QString &path, const std::atomic<bool> *stopRequested = nullptr, sqlite3 **handle = nullptr,
                      QMutex *handleMutex = nullptr);
    // The same check for `topup-sim check`, which promises to change
    // nothing: the file is read as it is (immutable, no lock, no log) when
    // no write-ahead log is beside it; with one (after a crash), a copy of
    // the file and its log in a temporary folder is checked, since folding
    // the log into the file is a write.
    static Result runUntouched(const QString &path);

signals:
    // Empty when every file is whole; else "PATH: damaged database (…)".
    void finished(const QString &damage);
    // A file could not be checked to its end ("PATH: …"); damage found in
    // an earlier file is still reported by finished.
    void unchecked(const QString &reason);

private:
    void work();
    static Result check(const QByteArray &name, int flags, const std::atomic<bool> *stopRequested, sqlite3 **handle, QMutex *handleMutex);

    QStringList m_paths;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stop{false};
    QMutex m_handleMutex;
    sqlite3 *m_handle = nullptr;
};

} // namespace topup
