#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace topup {

// "Start fresh": moves a data folder aside to a dated sibling
// (`topup-data-backup-2027-03-15`, then `…-2`, `…-3` if taken); never
// deletes anything. Returns the backup's path.
class DataFolderBackup final
{
    Q_DECLARE_TR_FUNCTIONS(topup::DataFolderBackup)

public:
    [[nodiscard]] static Expected<QString> moveAside(const QString &folder, QDate today);

private:
    DataFolderBackup() = delete;
};

} // namespace topup
