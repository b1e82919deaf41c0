#include "integritycheck.h"

#include "database.h"
#include "transientfailure.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <sqlite3.h>

namespace topup {
namespace {

// Called by SQLite every few thousand steps of the check: non-zero stops it.
int stopRequestedHandler(void *flag)
{
    return static_cast<const std::atomic<bool> *>(flag)->load() ? 1 : 0;
}

} // namespace

IntegrityCheck::IntegrityCheck(QStringList paths, QObject *parent) : QObject(parent), m_paths(std::move(paths)) {}

IntegrityCheck::~IntegrityCheck()
{
    stop();
}

void IntegrityCheck::start()
{
    if (m_thread)
        return;
    m_thread.reset(QThread::create([this] { work(); }));
    m_thread->setObjectName(QStringLiteral("integrity check"));
    m_thread->start(QThread::LowPriority);
}

void IntegrityCheck::stop()
{
    if (!m_thread)
        return;
    m_stop = true;
    {
        // integrity_check runs as one long step; sqlite3_interrupt reaches inside it.
        const QMutexLocker lock(&m_handleMutex);
        if (m_handle)
            sqlite3_interrupt(m_handle);
    }
    m_thread->wait();
    m_thread.reset();
}

bool IntegrityCheck::running() const
{
    return m_thread && !m_thread->isFinished();
}

void IntegrityCheck::work()
{
    QString damage;
    QString unknown;
    for (const QString &path : m_paths) {
        const Result result = run(path, &m_stop, &m_handle, &m_handleMutex);
        if (result.verdict == Verdict::Stopped)
            return; // nothing learnt, nothing said
        if (result.verdict == Verdict::Unchecked && unknown.isEmpty())
            unknown = QStringLiteral("%1: %2").arg(path, result.problem);
        if (result.verdict == Verdict::Damaged) {
            Database::reportDamage(path, result.problem);
            damage = Database::damageOf(path);
            break;
        }
    }
    // Said in the owner's thread, unless the owner has stopped the check since.
    QMetaObject::invokeMethod(
        this,
        [this, damage, unknown] {
            if (m_stop)
                return;
            if (damage.isEmpty() && !unknown.isEmpty())
                emit unchecked(unknown);
            else
                emit finished(damage);
        },
        Qt::QueuedConnection);
}

IntegrityCheck::Result IntegrityCheck::run(const QString &path, const std::atomic<bool> *stopRequested, sqlite3 **handle,
                                           QMutex *handleMutex)
{
    if (stopRequested && *stopRequested)
        return {Verdict::Stopped, {}};
    // Read-write but query_only: a read-only connection that happens to
    // close last cannot fold the write-ahead log away, and the log left
    // behind would cost the next open its full check.
    return check(path.toUtf8(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, stopRequested, handle, handleMutex);
}

IntegrityCheck::Result IntegrityCheck::runUntouched(const QString &path)
{
    if (!QFile::exists(path + QLatin1String("-wal"))) {
        QUrl uri = QUrl::fromLocalFile(path);
        uri.setQuery(QStringLiteral("immutable=1"));
        return check(uri.toEncoded(), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr, nullptr, nullptr);
    }
    QTemporaryDir copy;
    const QString copied = copy.filePath(QStringLiteral("copy.sqlite"));
    if (!copy.isValid() || !QFile::copy(path, copied) || !QFile::copy(path + QLatin1String("-wal"), copied + QLatin1String("-wal"))) {
        // A copy that did not fit: the disk of the temporary folder is full.
        const qint64 needed = QFileInfo(path).size() + QFileInfo(path + QLatin1String("-wal")).size();
        const QStorageInfo disk(QDir::tempPath());
        if (disk.isValid() && disk.bytesAvailable() < needed)
            return {Verdict::Unchecked, IntegrityCheck::tr("the disk is full: %1 has no room for the copy of the file and its write-ahead log"
                                                           " that is checked so as to change nothing; free some space and try again")
                                            .arg(QDir::tempPath())};
        return {Verdict::Unchecked, IntegrityCheck::tr("cannot copy the file and its write-ahead log to check them without changing them")};
    }
    return check(copied.toUtf8(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr, nullptr, nullptr);
}

IntegrityCheck::Result IntegrityCheck::check(const QByteArray &name, int flags, const std::atomic<bool> *stopRequested, sqlite3 **handle,
                                             QMutex *handleMutex)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(name.constData(), &db, flags, nullptr) != SQLITE_OK
        || sqlite3_exec(db, "PRAGMA query_only = ON", nullptr, nullptr, nullptr) != SQLITE_OK) {
        const QString error = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
        sqlite3_close(db);
        return {Verdict::Unchecked, error}; // not even opened: nothing read, nothing known
    }
    sqlite3_busy_timeout(db, 5000);
    if (stopRequested)
        sqlite3_progress_handler(db, 10000, stopRequestedHandler, const_cast<std::atomic<bool> *>(stopRequested));
    if (handle && handleMutex) {
        const QMutexLocker lock(handleMutex);
        *handle = db;
    }
    Result result;
    sqlite3_stmt *check = nullptr;
    int rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(check);
    if (stopRequested && *stopRequested)
        result = {Verdict::Stopped, {}};
    else if (rc == SQLITE_ROW) {
        const QString first = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(check, 0)));
        if (first != QLatin1String("ok"))
            result = {Verdict::Damaged, first};
    } else {
        // Busy, locked, out of memory or a full disk (a hot log needs its
        // index file written, which SQLite may say as an I/O error) says
        // nothing about the pages; any other failure (corrupt, not a
        // database, I/O) is damage, as at open.
        const TransientFailure::Cause cause = TransientFailure::causeOf(db, rc);
        const bool unknown = cause != TransientFailure::Cause::None || (rc & 0xff) == SQLITE_NOMEM;
        result = {unknown ? Verdict::Unchecked : Verdict::Damaged,
                  cause == TransientFailure::Cause::DiskFull ? IntegrityCheck::tr("the disk is full") : QString::fromUtf8(sqlite3_errmsg(db))};
    }
    sqlite3_finalize(check);
    if (result.verdict == Verdict::Damaged) // nothing folded into a damaged file, even by the last connection
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    if (handle && handleMutex) {
        const QMutexLocker lock(handleMutex);
        *handle = nullptr;
    }
    sqlite3_close(db);
    return result;
}

} // namespace topup
