#include "fulldisk.h"

#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <mutex>

#include <sys/types.h>
#include <unistd.h>

namespace topup::test {
namespace {

using Write = ssize_t (*)(int, const void *, size_t);
using PWrite = ssize_t (*)(int, const void *, size_t, off_t);
using PWrite64 = ssize_t (*)(int, const void *, size_t, off64_t);

std::mutex folderMutex;
QByteArray fullFolder; // with a trailing slash
Write realWrite = nullptr;
PWrite realPWrite = nullptr;
PWrite64 realPWrite64 = nullptr;

// Whether the open file `fd` lies in the full folder (by its name in /proc).
bool onFullDisk(int fd)
{
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[PATH_MAX];
    const ssize_t length = ::readlink(link, target, sizeof target - 1);
    if (length <= 0)
        return false;
    const std::lock_guard<std::mutex> lock(folderMutex);
    return !fullFolder.isEmpty() && std::strncmp(target, fullFolder.constData(), std::size_t(fullFolder.size())) == 0;
}

ssize_t fullWrite(int fd, const void *data, size_t size)
{
    if (onFullDisk(fd)) {
        errno = ENOSPC;
        return -1;
    }
    return realWrite(fd, data, size);
}

ssize_t fullPWrite(int fd, const void *data, size_t size, off_t offset)
{
    if (onFullDisk(fd)) {
        errno = ENOSPC;
        return -1;
    }
    return realPWrite(fd, data, size, offset);
}

ssize_t fullPWrite64(int fd, const void *data, size_t size, off64_t offset)
{
    if (onFullDisk(fd)) {
        errno = ENOSPC;
        return -1;
    }
    return realPWrite64(fd, data, size, offset);
}

template<typename Function>
bool replace(sqlite3_vfs *vfs, const char *name, Function &real, Function full)
{
    const auto current = reinterpret_cast<Function>(vfs->xGetSystemCall(vfs, name));
    if (!current)
        return false; // not a call this build of SQLite makes
    real = current;
    return vfs->xSetSystemCall(vfs, name, reinterpret_cast<sqlite3_syscall_ptr>(full)) == SQLITE_OK;
}

} // namespace

FullDisk::FullDisk(const QString &folder)
{
    sqlite3_vfs *vfs = sqlite3_vfs_find(nullptr);
    if (!vfs || vfs->iVersion < 3 || !vfs->xSetSystemCall)
        return;
    {
        const std::lock_guard<std::mutex> lock(folderMutex);
        fullFolder = QDir::cleanPath(QFileInfo(folder).canonicalFilePath()).toLocal8Bit() + '/';
    }
    const bool write = replace(vfs, "write", realWrite, &fullWrite);
    const bool pwrite = replace(vfs, "pwrite", realPWrite, &fullPWrite);
    const bool pwrite64 = replace(vfs, "pwrite64", realPWrite64, &fullPWrite64);
    m_active = write || pwrite || pwrite64;
}

FullDisk::~FullDisk()
{
    release();
}

void FullDisk::release()
{
    if (sqlite3_vfs *vfs = sqlite3_vfs_find(nullptr); vfs && vfs->iVersion >= 3 && vfs->xSetSystemCall) {
        for (const char *name : {"write", "pwrite", "pwrite64"})
            vfs->xSetSystemCall(vfs, name, nullptr); // back to the default
    }
    const std::lock_guard<std::mutex> lock(folderMutex);
    fullFolder.clear();
    m_active = false;
}

} // namespace topup::test
