#include "storeengine.h"

#include "postgresserver.h"
#include "store/database.h"
#include "store/databaseurl.h"
#include "service/worldonserver.h"
#include "worldimage.h"

#include <QtGlobal>

namespace topup::test {

namespace {
StoreEngine *started = nullptr;
} // namespace

StoreEngine::StoreEngine() = default;

StoreEngine::~StoreEngine()
{
    if (started == this)
        started = nullptr;
}

StoreEngine *StoreEngine::current()
{
    return started;
}

Expected<void> StoreEngine::start()
{
    const QString name = qEnvironmentVariable("TOPUP_TEST_ENGINE");
    started = this;
    if (name.isEmpty() || name == QLatin1String("sqlite")) {
        m_engine = Dialect::Engine::Sqlite;
        return {};
    }
    if (name != QLatin1String("postgresql"))
        return Expected<void>::failure(QStringLiteral("TOPUP_TEST_ENGINE is \"%1\"; it takes sqlite or postgresql").arg(name));
    m_engine = Dialect::Engine::Postgresql;
    m_server = std::make_unique<PostgresServer>();
    // Settings for the tests' server, to look into a test's statements
    // (docs/testing.md): e.g. "logging_collector=on log_directory=/tmp/pglog
    // log_min_duration_statement=0".
    if (qEnvironmentVariableIsSet("TOPUP_TEST_PG_SETTINGS"))
        m_server->setSettings(qEnvironmentVariable("TOPUP_TEST_PG_SETTINGS").split(QLatin1Char(' ')));
    return m_server->start();
}

Expected<WorldLocation> StoreEngine::worldAt(const QString &folder)
{
    if (!m_server)
        return WorldLocation::folder(folder);
    if (const auto known = m_worlds.find(folder); known != m_worlds.end())
        return known->second;
    const QString name = QStringLiteral("world_%1").arg(m_worlds.size() + 1);
    const Expected<DatabaseUrl> url = DatabaseUrl::parse(m_server->url(name));
    if (!url)
        return Expected<WorldLocation>::failure(url.error());
    const Expected<DatabaseUrl> journal = WorldOnServer::journalOf(*url);
    if (!journal)
        return Expected<WorldLocation>::failure(journal.error());
    for (const QString &database : {url->database(), journal->database()}) {
        if (const Expected<void> created = m_server->createDatabase(database); !created)
            return Expected<WorldLocation>::failure(created.error());
    }
    const WorldLocation location = WorldLocation::database(*url);
    m_worlds.emplace(folder, location);
    return location;
}

Expected<void> StoreEngine::copyWorld(const QString &from, const QString &to)
{
    if (!m_server) {
        if (!copyWorldFiles(from, to))
            return Expected<void>::failure(QStringLiteral("the world's files in %1 were not copied into %2").arg(from, to));
        return {};
    }
    const auto source = m_worlds.find(from);
    if (source == m_worlds.end())
        return Expected<void>::failure(QStringLiteral("no world was made for %1 to copy").arg(from));
    if (m_worlds.count(to) != 0)
        return Expected<void>::failure(QStringLiteral("%1 has a world already").arg(to));
    const QString name = QStringLiteral("world_%1").arg(m_worlds.size() + 1);
    const Expected<DatabaseUrl> url = DatabaseUrl::parse(m_server->url(name));
    if (!url)
        return Expected<void>::failure(url.error());
    const Expected<DatabaseUrl> journal = WorldOnServer::journalOf(*url);
    const Expected<DatabaseUrl> sourceJournal = WorldOnServer::journalOf(*source->second.database());
    if (!journal || !sourceJournal)
        return Expected<void>::failure(journal ? sourceJournal.error() : journal.error());
    if (const Expected<void> store = m_server->createDatabase(url->database(), source->second.database()->database()); !store)
        return store;
    if (const Expected<void> copied = m_server->createDatabase(journal->database(), sourceJournal->database()); !copied)
        return copied;
    m_worlds.emplace(to, WorldLocation::database(*url));
    return {};
}

QSqlDatabase StoreEngine::addWorldConnection(const QString &connectionName, const QString &folder)
{
    return addConnection(connectionName, folder, Part::Store);
}

QSqlDatabase StoreEngine::addJournalConnection(const QString &connectionName, const QString &folder)
{
    return addConnection(connectionName, folder, Part::Journal);
}

QSqlDatabase StoreEngine::addConnection(const QString &connectionName, const QString &folder, Part part)
{
    if (!m_server) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(folder + (part == Part::Store ? QStringLiteral("/topup.sqlite") : QStringLiteral("/gateway.sqlite")));
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(m_server->socketDirectory());
    db.setPort(PostgresServer::port);
    db.setUserName(QLatin1String(PostgresServer::userName));
    const Expected<WorldLocation> world = worldAt(folder);
    const Expected<DatabaseUrl> journal = world ? WorldOnServer::journalOf(*world->database()) : Expected<DatabaseUrl>::failure(world.error());
    if (!journal)
        db.setDatabaseName(QStringLiteral("no world: ") + journal.error());
    else
        db.setDatabaseName(part == Part::Store ? world->database()->database() : journal->database());
    return db;
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
