#include "transientfailure.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <sqlite3.h>

#include <cerrno>

namespace topup {
namespace {

struct Registry final
{
    QMutex mutex;
    QHash<QString, TransientFailure::Cause> causes; // by folder
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

QString keyOf(const QString &folder)
{
    return QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
}

} // namespace

TransientFailure::Cause TransientFailure::causeOf(sqlite3 *db, int code)
{
    switch (code & 0xff) {
    case SQLITE_FULL:
        return Cause::DiskFull;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Cause::Locked;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: {
        const int system = db ? sqlite3_system_errno(db) : 0;
        return system == ENOSPC || system == EDQUOT ? Cause::DiskFull : Cause::None;
    }
    default:
        return Cause::None;
    }
}

QString TransientFailure::describe(Cause cause, const QString &path, const QString &detail)
{
    switch (cause) {
    case Cause::DiskFull:
        return TransientFailure::tr("%1: the disk is full (%2); nothing was changed: free some space on it and try again").arg(path, detail);
    case Cause::Locked:
        return TransientFailure::tr("%1 is locked by another program (%2); nothing was changed: close the program that has it open and"
                                    " try again")
            .arg(path, detail);
    case Cause::Unreachable: // said by whoever connects ("cannot connect: …")
    case Cause::None:
        break;
    }
    return detail;
}

Failure TransientFailure::failure(Cause cause, const QString &path, const QString &detail)
{
    QString sentence;
    switch (cause) {
    case Cause::DiskFull:
        sentence = TransientFailure::tr("The disk that holds %1 is full; nothing was changed. Free some space on it and try again.").arg(path);
        break;
    case Cause::Locked:
        sentence = TransientFailure::tr("Another program has locked %1; nothing was changed. Close the program that has it open and try again.")
                       .arg(path);
        break;
    case Cause::Unreachable:
    case Cause::None:
        return Failure(describe(cause, path, detail));
    }
    return Failure(describe(cause, path, detail),
                   FieldProblems{{QString(), sentence}, {QString(), TransientFailure::tr("The database says: %1.").arg(detail)}});
}

TransientFailure::Cause TransientFailure::causeOfConnectFailure(const QString &text)
{
    // What a server says when it cannot take a connection now (libpq's English).
    for (const char *passing : {"the database system is starting up", "the database system is shutting down",
                                "the database system is in recovery mode", "the database system is not yet accepting connections",
                                "sorry, too many clients already"}) {
        if (text.contains(QLatin1String(passing)))
            return Cause::Unreachable;
    }
    // Anything else a server said (FATAL: …) is its answer: a role, password
    // or database it refuses. Without one, no server answered.
    return text.contains(QLatin1String("FATAL:")) ? Cause::None : Cause::Unreachable;
}

void TransientFailure::report(const QString &folder, Cause cause)
{
    Registry &known = registry();
    const QMutexLocker lock(&known.mutex);
    known.causes.insert(keyOf(folder), cause);
}

TransientFailure::Cause TransientFailure::reportedIn(const QString &folder)
{
    Registry &known = registry();
    const QMutexLocker lock(&known.mutex);
    return known.causes.value(keyOf(folder), Cause::None);
}

void TransientFailure::forget(const QString &folder)
{
    Registry &known = registry();
    const QMutexLocker lock(&known.mutex);
    known.causes.remove(keyOf(folder));
}

} // namespace topup
