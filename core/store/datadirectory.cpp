#include "datadirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace topup {
namespace {

} // namespace

DataDirectory::DataDirectory(QString path) : m_path(std::move(path)) {}

QString DataDirectory::resolve(const QString &fromCommandLine)
{
    if (!fromCommandLine.isEmpty())
        return QDir(fromCommandLine).absolutePath();
    const QString fromEnvironment = qEnvironmentVariable("TOPUP_DATA_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString DataDirectory::storePath() const
{
    return m_path + QLatin1String("/topup.sqlite");
}

QString DataDirectory::journalPath() const
{
    return m_path + QLatin1String("/gateway.sqlite");
}

Expected<std::unique_ptr<DataDirectory>> DataDirectory::claim(const QString &path)
{
    using Result = Expected<std::unique_ptr<DataDirectory>>;
    if (path.isEmpty())
        return Result::failure(DataDirectory::tr("no data folder: give --data-dir DIR or set TOPUP_DATA_DIR"));
    const QDir dir(path);
    if (const QFileInfo info(path); info.exists() && !info.isDir())
        return Result::failure(DataDirectory::tr("%1 is a file, not a folder: the data folder must be a folder (give --data-dir another path)")
                                   .arg(path));
    if (!dir.exists() && !QDir().mkpath(path))
        return Result::failure(DataDirectory::tr("%1: cannot create the data folder (check that its parent exists and is writable)").arg(path));

    {
        QTemporaryFile probe(dir.filePath(QStringLiteral(".write-test-XXXXXX")));
        if (!probe.open())
            return Result::failure(DataDirectory::tr("%1: the data folder is read-only (TopUp Dashboard needs to write there)").arg(path));
    }

    std::unique_ptr<DataDirectory> directory(new DataDirectory(dir.absolutePath()));
    directory->m_lock = std::make_unique<QLockFile>(dir.filePath(QStringLiteral("topup.lock")));
    directory->m_lock->setStaleLockTime(0); // a lock of a dead process is taken over, a live one never
    if (!directory->m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        directory->m_lock->getLockInfo(&pid, &host, &application);
        if (directory->m_lock->error() == QLockFile::LockFailedError)
            return Result::failure(DataDirectory::tr("%1: already in use by another TopUp Dashboard (process %2 on %3); close it first")
                                       .arg(path)
                                       .arg(pid)
                                       .arg(host));
        return Result::failure(DataDirectory::tr("%1: cannot take the lock file topup.lock").arg(path));
    }
    return directory;
}

} // namespace topup
