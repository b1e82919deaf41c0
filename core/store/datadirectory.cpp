#include "datadirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <unistd.h>

namespace topup {
namespace {

const QLatin1String lockName("topup.lock");

// The folder opened and locked (exclusive, not waiting): the descriptor, or
// -1 with errno set. The lock belongs to this open, so a second claim in the
// same process is refused like one from another process.
int lockFolder(const QString &path)
{
    const int folder = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder < 0)
        return -1;
    int locked = 0;
    do {
        locked = ::flock(folder, LOCK_EX | LOCK_NB);
    } while (locked != 0 && errno == EINTR);
    if (locked != 0) {
        const int error = errno;
        ::close(folder);
        errno = error;
        return -1;
    }
    return folder;
}

// Who holds the folder, as the holder wrote it: "process N on HOST", or
// nothing when the file is missing or not in that form.
QString holderOf(const QString &lockPath)
{
    QFile file(lockPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = file.read(4096).split('\n');
    bool numeric = false;
    const qint64 pid = fields.value(0).trimmed().toLongLong(&numeric);
    const QString host = QString::fromUtf8(fields.value(2).trimmed());
    if (!numeric || pid <= 0 || host.isEmpty())
        return {};
    return DataDirectory::tr("process %1 on %2").arg(pid).arg(host);
}

} // namespace

DataDirectory::DataDirectory(QString path) : m_path(std::move(path)) {}

DataDirectory::~DataDirectory()
{
    if (m_lock >= 0) {
        QFile::remove(QDir(m_path).filePath(lockName)); // before the lock goes: only the holder removes it
        ::close(m_lock);
    }
}

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

std::optional<Failure> DataDirectory::unusable(const QString &path)
{
    const QByteArray bytes = QFile::encodeName(path);
    if (bytes.size() > maxPathBytes)
        return Failure(DataDirectory::tr("%1: the folder's path is %2 bytes long, longer than the %3 bytes SQLite can open files under; choose a"
                                         " shorter folder")
                           .arg(path)
                           .arg(bytes.size())
                           .arg(maxPathBytes),
                       DataDirectory::tr("The data folder's path is too long (%2 bytes, at most %3): %1. Choose a folder with a shorter path.")
                           .arg(path)
                           .arg(bytes.size())
                           .arg(maxPathBytes));
    struct stat status = {};
    if (::stat(bytes.constData(), &status) == 0) {
        if (S_ISDIR(status.st_mode))
            return std::nullopt;
        return Failure(DataDirectory::tr("%1 is a file, not a folder: the data folder must be a folder (give --data-dir another path)").arg(path),
                       DataDirectory::tr("The data folder %1 is a file, not a folder. Choose a folder instead.").arg(path));
    }
    if (errno == ELOOP)
        return Failure(DataDirectory::tr("%1: the path goes round a loop of symbolic links; give --data-dir a real folder").arg(path),
                       DataDirectory::tr("The data folder %1 goes round a loop of symbolic links. Choose a real folder instead.").arg(path));
    if (errno == ENOTDIR)
        return Failure(DataDirectory::tr("%1: part of the path is a file, not a folder (give --data-dir another path)").arg(path),
                       DataDirectory::tr("Part of the data folder's path %1 is a file, not a folder. Choose another folder.").arg(path));
    if (QFileInfo(path).isSymLink())
        return Failure(DataDirectory::tr("%1 is a symbolic link to %2, which does not exist; give --data-dir a real folder")
                           .arg(path, QFileInfo(path).symLinkTarget()),
                       DataDirectory::tr("The data folder %1 is a symbolic link to %2, which does not exist. Choose a real folder instead.")
                           .arg(path, QFileInfo(path).symLinkTarget()));
    return std::nullopt;
}

bool DataDirectory::inUse(const QString &path)
{
    const int folder = lockFolder(path);
    if (folder >= 0) {
        ::close(folder);
        return false;
    }
    return errno == EWOULDBLOCK;
}

Expected<std::unique_ptr<DataDirectory>> DataDirectory::claim(const QString &path)
{
    using Result = Expected<std::unique_ptr<DataDirectory>>;
    if (path.isEmpty())
        return Result::failure(DataDirectory::tr("no data folder: give --data-dir DIR or set TOPUP_DATA_DIR"),
                               DataDirectory::tr("No data folder: give --data-dir DIR or set TOPUP_DATA_DIR."));
    const QDir dir(path);
    if (std::optional<Failure> problem = unusable(path))
        return Result::failure(std::move(*problem));
    if (!dir.exists() && !QDir().mkpath(path))
        return Result::failure(DataDirectory::tr("%1: cannot create the data folder (check that its parent exists and is writable)").arg(path),
                               DataDirectory::tr("The data folder %1 cannot be created. Check that its parent folder exists and that you may write"
                                                 " there.")
                                   .arg(path));

    {
        QTemporaryFile probe(dir.filePath(QStringLiteral(".write-test-XXXXXX")));
        if (!probe.open())
            return Result::failure(DataDirectory::tr("%1: the data folder is read-only (TopUp Dashboard needs to write there)").arg(path),
                                   DataDirectory::tr("The data folder %1 is read-only. TopUp Dashboard needs to write there: choose another"
                                                     " folder or allow writing in this one.")
                                       .arg(path));
    }

    std::unique_ptr<DataDirectory> directory(new DataDirectory(dir.absolutePath()));
    const QString lockPath = dir.filePath(lockName);
    directory->m_lock = lockFolder(directory->m_path);
    if (directory->m_lock < 0) {
        const int error = errno;
        if (error != EWOULDBLOCK) {
            const QString detail = QString::fromLocal8Bit(std::strerror(error));
            return Result::failure(DataDirectory::tr("%1: cannot lock the data folder (%2)").arg(path, detail),
                                   FieldProblems{{QString(), DataDirectory::tr("The data folder %1 cannot be locked for this program. Try again, or"
                                                                               " choose another folder.")
                                                                 .arg(path)},
                                                 {QString(), DataDirectory::tr("The system says: %1.").arg(detail)}});
        }
        const QString holder = holderOf(lockPath);
        if (holder.isEmpty())
            return Result::failure(DataDirectory::tr("%1: already in use by another TopUp Dashboard; close it first").arg(path),
                                   DataDirectory::tr("The data folder %1 is in use by another TopUp Dashboard. Close that one first.").arg(path));
        return Result::failure(DataDirectory::tr("%1: already in use by another TopUp Dashboard (%2); close it first").arg(path, holder),
                               DataDirectory::tr("The data folder %1 is in use by another TopUp Dashboard (%2). Close that one first.")
                                   .arg(path, holder));
    }
    // Ours now: whatever the file said (another holder's, long gone, or
    // nothing readable) is out of date. It is only for the message above.
    QSaveFile info(lockPath);
    if (info.open(QIODevice::WriteOnly)) {
        info.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n' + QCoreApplication::applicationName().toUtf8() + '\n'
                   + QSysInfo::machineHostName().toUtf8() + '\n');
        info.commit();
    }
    return directory;
}

} // namespace topup
