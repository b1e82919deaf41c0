#pragma once

#include "domain/expected.h"
#include "store/databaseurl.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace topup {

// Where the world a program opens lives: a data folder of SQLite files
// (`--data-dir`, else $TOPUP_DATA_DIR, else the default folder) or a
// PostgreSQL database (`--database URL`, else $TOPUP_DATABASE). An option on
// the command line wins over the environment; two that name different kinds
// of world at the same level (both options, or both variables) are refused,
// never one quietly chosen.
class WorldLocation final
{
    Q_DECLARE_TR_FUNCTIONS(WorldLocation)

public:
    // The options as given (nullopt: not given), the variables from `environment`.
    static Expected<WorldLocation> choose(const std::optional<QString> &dataDirOption, const std::optional<QString> &databaseOption,
                                          const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // A data folder ('' for $TOPUP_DATA_DIR or the default one).
    static WorldLocation folder(const QString &dataDir);
    // A database on a PostgreSQL server; `source` says where the URL came from.
    static WorldLocation database(const DatabaseUrl &url, const QString &source = QStringLiteral("--database"));

    // The default: $TOPUP_DATA_DIR or the platform's data folder.
    WorldLocation() = default;

    bool onPostgres() const noexcept { return m_database.has_value(); }
    const std::optional<DatabaseUrl> &database() const noexcept { return m_database; }
    // The --data-dir value, '' when not given (DataDirectory::resolve then
    // reads $TOPUP_DATA_DIR or takes the default folder).
    const QString &dataDir() const noexcept { return m_dataDir; }
    // "--database" or "TOPUP_DATABASE": where the URL came from, for messages.
    const QString &databaseSource() const noexcept { return m_databaseSource; }

private:
    QString m_dataDir;
    std::optional<DatabaseUrl> m_database;
    QString m_databaseSource;
};

} // namespace topup
