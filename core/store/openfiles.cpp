#include "openfiles.h"

#include <QFileInfo>
#include <QMutex>

#include <map>

namespace topup {
namespace {

struct OpenFile final
{
    int connections = 0;
    QString damage;
};

struct Registry final
{
    QMutex mutex;
    std::map<QString, OpenFile> files;
};

Registry &registry()
{
    static Registry files;
    return files;
}

} // namespace

QString OpenFiles::keyOf(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return (folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') + info.fileName();
}

QString OpenFiles::damageAt(const QString &key)
{
    Registry &files = registry();
    const QMutexLocker lock(&files.mutex);
    const auto found = files.files.find(key);
    return found == files.files.end() ? QString() : found->second.damage;
}

OpenFiles::Joined OpenFiles::join(const QString &key)
{
    Registry &files = registry();
    const QMutexLocker lock(&files.mutex);
    OpenFile &file = files.files[key];
    if (!file.damage.isEmpty())
        return Joined{true, file.damage, false};
    const bool openHere = file.connections > 0;
    ++file.connections;
    return Joined{false, QString(), openHere};
}

void OpenFiles::leave(const QString &key)
{
    Registry &files = registry();
    const QMutexLocker lock(&files.mutex);
    const auto found = files.files.find(key);
    // Forgotten with the last connection: a damaged file keeps its log
    // (Database's destructor), so opening it again runs the full check at
    // open; a new file in its place (after "Start fresh") starts with a
    // clean slate.
    if (found != files.files.end() && --found->second.connections <= 0)
        files.files.erase(found);
}

void OpenFiles::reportDamage(const QString &key, const QString &damage)
{
    Registry &files = registry();
    const QMutexLocker lock(&files.mutex);
    OpenFile &file = files.files[key];
    if (file.damage.isEmpty())
        file.damage = damage;
}

} // namespace topup
