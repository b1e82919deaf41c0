#pragma once

#include "domain/expected.h"
#include "domain/instant.h"
#include "service/worldlocation.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace topup {
class Database;
class JournalGateway;
class Service;
struct JournalCharge;
} // namespace topup

namespace topup::test {

class PostgresServer;

// The units the service tests write their worlds in.
constexpr qint64 day = 24 * 3600 * 1000;       // milliseconds
constexpr qint64 gigabyte = 1000 * 1000 * 1000; // bytes

// Password hashing rounds for tests: enough to run PBKDF2, few enough to be quick.
constexpr int fastPasswordRounds = 1000;
// The password every test account signs up with.
QString testPassword();

// A data folder of its own with the store (`topup.sqlite`, storeSchema) and
// the provider's journal (`gateway.sqlite`), as the store tests use them.
// Given a server (StoreEngine::server()), the store is a new database of
// its own on it instead (the journal stays a file, for now).
class StoreFixture final
{
public:
    explicit StoreFixture(PostgresServer *server = nullptr);
    ~StoreFixture();
    Q_DISABLE_COPY_MOVE(StoreFixture)

    // Opens (or reopens) both files; the error names the file that failed.
    [[nodiscard]] Expected<void> open();
    // Closes both files (to look at them from outside, or to reopen them).
    void close();

    // Signs `login` up with testPassword() and fastPasswordRounds; its id.
    [[nodiscard]] Expected<qint64> signUp(const QString &login, Instant at, const QByteArray &fixedSalt = {});

    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    QString storePath() const { return filePath(QStringLiteral("topup.sqlite")); }
    QString journalPath() const { return filePath(QStringLiteral("gateway.sqlite")); }
    // Valid between a successful open() and close().
    Database &store() const { return *m_store; }
    const std::shared_ptr<Database> &sharedStore() const { return m_store; }
    JournalGateway &journal() const { return *m_journal; }
    // The store's database on the server; empty on SQLite.
    QString databaseName() const { return m_databaseName; }

private:
    QTemporaryDir m_dir;
    PostgresServer *m_server;
    QString m_databaseName; // on the server, made at the first open
    std::shared_ptr<Database> m_store;
    std::unique_ptr<JournalGateway> m_journal;
};

// Opens the service on `dataDir` with the clock fixed at `now` and fast
// password hashing, as the service and crash tests use it. When the test
// started a StoreEngine on PostgreSQL, on the world that engine keeps for
// that folder instead (StoreEngine::worldAt).
[[nodiscard]] Expected<std::unique_ptr<Service>> openTestService(const QString &dataDir, Instant now);
// The same on the world at `location` (a child process's, worldFromArgument).
[[nodiscard]] Expected<std::unique_ptr<Service>> openTestService(const WorldLocation &location, Instant now);

// What a test gives its child process for the world at `location`: the
// data folder, or the store's database URL (which holds no password); and
// the child's way back to the location.
QString worldArgument(const WorldLocation &location);
[[nodiscard]] Expected<WorldLocation> worldFromArgument(const QString &argument);

// The world openTestService opens for `folder`: that folder, or, when the
// test started a StoreEngine on PostgreSQL, the engine's world for it.
[[nodiscard]] Expected<WorldLocation> worldLocationFor(const QString &folder);

// The world openTestService keeps for `from` copied as the world of `to`
// (StoreEngine::copyWorld; the files when no engine was started).
[[nodiscard]] Expected<void> copyTestWorld(const QString &from, const QString &to);

// A Qt Sql connection named `connectionName` (not yet open) to the store of
// the world openTestService keeps for `folder` (StoreEngine::addWorldConnection;
// `folder/topup.sqlite` when no engine was started).
QSqlDatabase addWorldConnection(const QString &connectionName, const QString &folder);

// The same, or null with the reason recorded as a failure of the running
// test (callers QVERIFY the pointer before using it).
[[nodiscard]] std::unique_ptr<Service> openService(const QString &dataDir, Instant now);

// Lets the next writes put into `table` values that its CHECKs refuse, as a
// store from a later version (with wider CHECKs) or a damaged file may hold
// them, to test that the reader names such a value instead of guessing. On
// SQLite the connection ignores every CHECK from then on (PRAGMA
// ignore_check_constraints); on PostgreSQL, where a row always obeys its
// table's constraints, the table's CHECKs are dropped, as a later version's
// migration might have replaced them.
[[nodiscard]] Expected<void> allowUncheckedValues(Database &db, const QString &table);

// The first column of the first row `sql` gives on `db`; -1 when none.
[[nodiscard]] qint64 scalarOf(Database &db, const QString &sql);

// The first sentence of a failed read or write of `db` (Database::failureOf),
// worded for a data file or a database on a server.
[[nodiscard]] QString couldNotReadOrWrite(const Database &db);

// The books charge by charge: each of the provider journal's `charges` is
// one attempt in the store `db` (its chain, attempt and method token) with
// the journal's answer and amount. The cents the succeeded charges took, or
// the first charge that disagrees.
[[nodiscard]] Expected<qint64> journalChargesInStore(const QSqlDatabase &db, const std::vector<JournalCharge> &charges);

// The engine id of the signed-in account's package called `name`; a missing
// one fails the running test.
[[nodiscard]] QString packageNamed(Service &service, const char *name);

} // namespace topup::test
