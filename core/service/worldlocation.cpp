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

QString WorldLocation::notAvailableYet() const
{
    if (!m_database)
        return QString();
    return tr("%1: %2 is a world on PostgreSQL, which this version cannot open yet (the store runs on SQLite only for now);"
              " use --data-dir")
        .arg(m_databaseSource, m_database->toString());
}

} // namespace topup
