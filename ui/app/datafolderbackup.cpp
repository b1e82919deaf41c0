#include "datafolderbackup.h"

#include <QDir>
#include <QFileInfo>

namespace topup {

Expected<QString> DataFolderBackup::moveAside(const QString &folder, QDate today)
{
    const QFileInfo info(QDir::cleanPath(folder));
    if (!info.exists())
        return Expected<QString>::failure(tr("%1: no such folder").arg(info.filePath()));
    const QString base = QStringLiteral("%1-backup-%2").arg(info.fileName(), today.toString(Qt::ISODate));
    QDir parent = info.dir();
    QString name = base;
    for (int n = 2; parent.exists(name); ++n) {
        if (n > 999)
            return Expected<QString>::failure(tr("%1: too many backups already").arg(parent.path()));
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    }
    if (!parent.rename(info.fileName(), name))
        return Expected<QString>::failure(
            tr("%1: cannot move it to %2 (is the folder above writable?)").arg(info.filePath(), parent.filePath(name)));
    return parent.filePath(name);
}

} // namespace topup
