#pragma once

#include "domain/expected.h"
#include "store/dialect.h"
#include "service/worldlocation.h"
#include "store/migration.h"

#include <QSqlDatabase>
#include <QString>

#include <map>
#include <memory>

namespace topup {
class Database;
}

namespace topup::test {

class PostgresServer;

// The engine a store test runs on (issue 16): SQLite, or PostgreSQL when
// TOPUP_TEST_ENGINE=postgresql (ctest registers each such test once for
// each engine: tst_x and tst_x_postgresql). On PostgreSQL it starts a server
// of the test's own (PostgresServer), which StoreFixture then makes a new
// database on for each fixture. An unknown engine, or a server that cannot
// start, is an error the test fails with: nothing is skipped.
class StoreEngine final
{
public:
    StoreEngine();
    ~StoreEngine();
    Q_DISABLE_COPY_MOVE(StoreEngine)

    // Reads TOPUP_TEST_ENGINE and starts the server it needs; in initTestCase.
    // The engine started last is the one openTestService opens worlds on.
    [[nodiscard]] Expected<void> start();
    // The engine started last in this process (null before any started).
    static StoreEngine *current();

    // The world a service test keeps in `folder`: that data folder on
    // SQLite; on PostgreSQL two databases of its own on the server (the
    // store, `NAME`, and its journal, `NAME_journal`), made the first time
    // and the same ones each time after (a test that reopens its world).
    [[nodiscard]] Expected<WorldLocation> worldAt(const QString &folder);
    // The world worldAt(from) keeps, copied as the world of `to` (which must
    // have none yet): the data folder's files on SQLite; on PostgreSQL new
    // databases made from the store's and the journal's (no program may
    // have them open meanwhile). A test that compares two services on one
    // world builds it once and copies it.
    [[nodiscard]] Expected<void> copyWorld(const QString &from, const QString &to);
    // A Qt Sql connection named `connectionName`, not yet open, to the
    // store of the world worldAt(folder) keeps: `folder/topup.sqlite` on
    // SQLite; its database on the server on PostgreSQL (for a test that
    // looks at or edits the store behind the service's back).
    QSqlDatabase addWorldConnection(const QString &connectionName, const QString &folder);
    // The same to the provider's journal of that world: `folder/gateway.sqlite`
    // on SQLite, its journal's database on PostgreSQL.
    QSqlDatabase addJournalConnection(const QString &connectionName, const QString &folder);

    Dialect::Engine engine() const noexcept { return m_engine; }
    // A new database of `schema` on this engine: the file at `path` on
    // SQLite; on PostgreSQL a new database of its own on the server (`path`
    // unused). Opening it again (the same `path`) opens the same database.
    [[nodiscard]] Expected<std::shared_ptr<Database>> openStore(const QString &path, const Schema &schema);

    // The server to give StoreFixture; null on SQLite.
    PostgresServer *server() const noexcept { return m_server.get(); }

private:
    enum class Part { Store, Journal };
    QSqlDatabase addConnection(const QString &connectionName, const QString &folder, Part part);

    Dialect::Engine m_engine = Dialect::Engine::Sqlite;
    std::unique_ptr<PostgresServer> m_server;
    std::map<QString, QString> m_databases; // a path given to openStore → its database on the server
    std::map<QString, WorldLocation> m_worlds; // a folder given to worldAt → its world on the server
};

} // namespace topup::test
