#include "storeengine.h"

#include "postgresserver.h"
#include "store/database.h"
#include "store/databaseurl.h"

#include <QtGlobal>

namespace topup::test {

StoreEngine::StoreEngine() = default;
StoreEngine::~StoreEngine() = default;

Expected<void> StoreEngine::start()
{
    const QString name = qEnvironmentVariable("TOPUP_TEST_ENGINE");
    if (name.isEmpty() || name == QLatin1String("sqlite")) {
        m_engine = Dialect::Engine::Sqlite;
        return {};
    }
    if (name != QLatin1String("postgresql"))
        return Expected<void>::failure(QStringLiteral("TOPUP_TEST_ENGINE is \"%1\"; it takes sqlite or postgresql").arg(name));
    m_engine = Dialect::Engine::Postgresql;
    m_server = std::make_unique<PostgresServer>();
    return m_server->start();
}

Expected<std::shared_ptr<Database>> StoreEngine::openStore(const QString &path, const Schema &schema)
{
    using Result = Expected<std::shared_ptr<Database>>;
    if (!m_server)
        return Database::open(path, schema);
    auto known = m_databases.find(path);
    if (known == m_databases.end()) {
        const QString name = QStringLiteral("store_of_test_%1").arg(m_databases.size() + 1);
        if (const Expected<void> created = m_server->createDatabase(name); !created)
            return Result::failure(created.error());
        known = m_databases.emplace(path, name).first;
    }
    const Expected<DatabaseUrl> url = DatabaseUrl::parse(m_server->url(known->second));
    if (!url)
        return Result::failure(url.error());
    return Database::openOnServer(*url, schema);
}

} // namespace topup::test
