#include "worldlocation.h"

namespace topup {

Expected<WorldLocation> WorldLocation::choose(const std::optional<QString> &dataDirOption, const std::optional<QString> &databaseOption,
                                              const QProcessEnvironment &environment)
{
    using Result = Expected<WorldLocation>;
    WorldLocation location;
    if (dataDirOption && databaseOption)
        return Result::failure(tr("--data-dir and --database name two different worlds (a folder of SQLite files, a PostgreSQL database); give one"));
    if (dataDirOption) {
        location.m_dataDir = *dataDirOption;
        return location;
    }
    QString source = QStringLiteral("--database");
    std::optional<QString> text = databaseOption;
    if (!text && environment.contains(QStringLiteral("TOPUP_DATABASE"))) {
        if (!environment.value(QStringLiteral("TOPUP_DATA_DIR")).isEmpty())
            return Result::failure(tr("TOPUP_DATA_DIR and TOPUP_DATABASE are both set and name two different worlds;"
                                      " unset one, or choose with --data-dir or --database"));
        source = QStringLiteral("TOPUP_DATABASE");
        text = environment.value(QStringLiteral("TOPUP_DATABASE"));
    }
    if (!text)
        return location;
    const Expected<DatabaseUrl> url = DatabaseUrl::parse(*text);
    if (!url)
        return Result::failure(QStringLiteral("%1: %2").arg(source, url.error()));
    location.m_database = *url;
    location.m_databaseSource = source;
    return location;
}

WorldLocation WorldLocation::folder(const QString &dataDir)
{
    WorldLocation location;
    location.m_dataDir = dataDir;
    return location;
}

WorldLocation WorldLocation::database(const DatabaseUrl &url, const QString &source)
{
    WorldLocation location;
    location.m_database = url;
    location.m_databaseSource = source;
    return location;
}

} // namespace topup
