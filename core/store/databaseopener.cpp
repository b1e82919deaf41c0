#include "databaseopener.h"

#include "databaseurl.h"
#include "openfiles.h"
#include "serverworldlock.h"
#include "sqliteheader.h"
#include "walcheckpointer.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <map>

namespace topup {
namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("topup-db-%1").arg(counter.fetchAndAddRelaxed(1));
}

// The tables and indexes a file of `schema` at `version` has: the
// migrations up to it run on an empty database in memory, so the list is
// exactly what those statements make. Kept per schema and version.
Expected<QStringList> expectedObjects(const Schema &schema, int version)
{
    using Result = Expected<QStringList>;
    QString key = schema.name;
    for (const Migration &migration : schema.migrations) {
        if (migration.version <= version)
            key += QChar(0) + migration.statements.join(QChar(1));
    }
    static QMutex mutex;
    static std::map<QString, QStringList> known;
    const QMutexLocker lock(&mutex);
    if (const auto found = known.find(key); found != known.end())
        return found->second;
    sqlite3 *memory = nullptr;
    if (sqlite3_open(":memory:", &memory) != SQLITE_OK) {
        sqlite3_close(memory);
        return Result::failure(QStringLiteral("cannot open a database in memory"));
    }
    const auto fail = [memory](const QString &what) {
        const QString text = QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(memory)));
        sqlite3_close(memory);
        return Result::failure(text);
    };
    for (const Migration &migration : schema.migrations) {
        if (migration.version > version)
            break;
        for (const QString &statement : migration.statements) {
            if (sqlite3_exec(memory, statement.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
                return fail(statement);
        }
    }
    sqlite3_stmt *list = nullptr;
    if (sqlite3_prepare_v2(memory, "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('table', 'index')"
                                   " AND name NOT LIKE 'sqlite%' ORDER BY 1",
                           -1, &list, nullptr)
        != SQLITE_OK)
        return fail(QStringLiteral("sqlite_master"));
    QStringList objects;
    while (sqlite3_step(list) == SQLITE_ROW)
        objects << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(list, 0)));
    sqlite3_finalize(list);
    sqlite3_close(memory);
    known.emplace(key, objects);
    return objects;
}

} // namespace

Expected<std::shared_ptr<Database>> DatabaseOpener::open(const QString &path, const Schema &schema, Database::Presence presence)
{
    using Result = Expected<std::shared_ptr<Database>>;
    Result database = openChecked(path, schema, presence);
    if (!database)
        return database;
    for (const QString &setting : Dialect::sqlite().connectionSetup()) {
        if (const Expected<void> done = (*database)->exec(setting); !done)
            return Result::failure(done);
    }
    if (const Expected<void> migrated = migrate(**database, schema); !migrated)
        return Result::failure(migrated);
    // The log folded back into the file off the committing thread.
    if (sqlite3 *writer = (*database)->rawHandle())
        (*database)->m_checkpointer = std::make_unique<WalCheckpointer>(writer, path, (*database)->m_key);
    return database;
}

Expected<std::shared_ptr<Database>> DatabaseOpener::openOnServer(const DatabaseUrl &url, const Schema &schema, Database::Presence presence)
{
    using Result = Expected<std::shared_ptr<Database>>;
    const Dialect &dialect = Dialect::postgresql();
    if (!QSqlDatabase::isDriverAvailable(dialect.driverName()))
        return Result::failure(Database::tr("%1: Qt's PostgreSQL driver (QPSQL) is not installed; install libqt6sql6-psql").arg(url.toString()),
                               Database::tr("The world on %1 cannot be opened: Qt's PostgreSQL driver is not installed on this computer."
                                            " Install the package libqt6sql6-psql and try again.")
                                   .arg(url.toString()));
    std::shared_ptr<Database> database(new Database(url.toString(), nextConnectionName(), dialect));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(dialect.driverName(), database->m_connectionName);
        db.setHostName(url.host());
        if (url.port() != 0)
            db.setPort(url.port());
        db.setUserName(url.user());
        db.setDatabaseName(url.database());
        // libpq's own: no password here (~/.pgpass or PGPASSWORD), a bounded
        // wait; named as the claim is, so a program waiting for this one's
        // move of the world can say who moves it.
        QStringList options{QStringLiteral("connect_timeout=10"), QStringLiteral("application_name=") + ServerWorldLock::applicationName()};
        if (!url.sslMode().isEmpty())
            options << QStringLiteral("sslmode=") + url.sslMode();
        db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!db.open())
            return Result::failure(Database::unreachable(Database::tr("%1: cannot connect: %2").arg(url.toString(), db.lastError().text()),
                                                         url.toString(), db.lastError().text()));
    }
    for (const QString &setting : dialect.connectionSetup()) {
        if (const Expected<void> done = database->exec(setting); !done)
            return Result::failure(done);
    }
    if (const Expected<void> checked = checkServerSchema(*database, schema, presence); !checked)
        return Result::failure(checked);
    if (const Expected<void> migrated = migrate(*database, schema); !migrated)
        return Result::failure(migrated);
    return database;
}

Expected<void> DatabaseOpener::checkServerSchema(Database &database, const Schema &schema, Database::Presence presence)
{
    QSqlQuery tables(database.connection());
    if (!tables.exec(database.m_dialect->listTables()))
        return Expected<void>::failure(Database::unreadable(
            Database::tr("%1: cannot read the list of tables: %2").arg(database.m_path, tables.lastError().text()), database.m_path,
            tables.lastError().text(), Database::Place::Server));
    QSet<QString> present;
    while (tables.next())
        present.insert(tables.value(0).toString());
    tables.finish();
    const QStringList bookkeeping = database.m_dialect->bookkeepingTables();
    const bool versioned = std::all_of(bookkeeping.begin(), bookkeeping.end(), [&present](const QString &table) { return present.contains(table); });
    if (!versioned) {
        // Nothing of ours: an empty database may become one, anything else is someone else's.
        if (!present.isEmpty())
            return Expected<void>::failure(
                Database::notOurs(Database::tr("%1: not a TopUp %2 (a PostgreSQL database with other tables); refused and left untouched")
                                      .arg(database.m_path, schema.name),
                                  database.m_path, Database::Place::Server));
        if (presence == Database::Presence::MustExist)
            return Expected<void>::failure(
                Database::notOurs(Database::tr("%1: not a TopUp %2 (an empty PostgreSQL database); refused and left untouched")
                                      .arg(database.m_path, schema.name),
                                  database.m_path, Database::Place::Server));
        const Expected<void> made = database.write([&database]() -> Expected<void> {
            for (const QString &statement : database.m_dialect->versionSetup()) {
                if (const Expected<void> ran = database.exec(statement); !ran)
                    return ran;
            }
            return {};
        });
        if (!made)
            return made;
    }
    QSqlQuery version(database.connection());
    if (!version.exec(database.m_dialect->readVersion()) || !version.next())
        return Expected<void>::failure(Database::unreadable(
            Database::tr("%1: cannot read the schema version: %2").arg(database.m_path, version.lastError().text()), database.m_path,
            version.lastError().text(), Database::Place::Server));
    database.m_version = version.value(0).toInt();
    version.finish();
    if (database.m_version > schema.latestVersion())
        return Expected<void>::failure(
            Database::newer(Database::tr("%1: made by a newer version of TopUp Dashboard (%2 schema %3; this version knows up to %4)")
                                .arg(database.m_path, schema.name)
                                .arg(database.m_version)
                                .arg(schema.latestVersion()),
                            database.m_path, Database::Place::Server));
    if (database.m_version >= 1 && !schema.markerTable.isEmpty() && !present.contains(schema.markerTable))
        return Expected<void>::failure(Database::notOurs(
            Database::tr("%1: not a TopUp %2 (its table %3 is missing); refused and left untouched").arg(database.m_path, schema.name, schema.markerTable),
            database.m_path, Database::Place::Server));
    if (database.m_version == 0 && presence == Database::Presence::MustExist)
        return Expected<void>::failure(
            Database::notOurs(Database::tr("%1: not a TopUp %2 (an empty PostgreSQL database); refused and left untouched").arg(database.m_path, schema.name),
                              database.m_path, Database::Place::Server));
    return {};
}

Expected<std::shared_ptr<Database>> DatabaseOpener::openChecked(const QString &path, const Schema &schema, Database::Presence presence)
{
    using Result = Expected<std::shared_ptr<Database>>;
    const Expected<SqliteHeader> header = SqliteHeader::read(path, schema, presence == Database::Presence::MustExist);
    if (!header)
        return Result::failure(header);
    const bool existed = header->exists;

    std::shared_ptr<Database> database(new Database(path, nextConnectionName()));
    const OpenFiles::Joined joined = OpenFiles::join(OpenFiles::keyOf(path));
    if (joined.refused)
        return Result::failure(joined.damage);
    database->m_key = OpenFiles::keyOf(path);
    const bool openHere = joined.openHere; // another connection of this process has the file open
    // The clean-shutdown marker (see the class comment): no write-ahead log
    // or rollback journal beside a file in WAL mode, or the file already
    // open here (vouched for by that open and its own full check).
    const bool closedCleanly = header->wal && !QFileInfo::exists(path + QLatin1String("-wal"))
        && !QFileInfo::exists(path + QLatin1String("-journal"));
    // The header's page count describes the file only when no log holds
    // newer pages and no other connection is checkpointing into it.
    const qint64 headerPages = closedCleanly && !openHere ? header->pageCount.value_or(0) : 0;
    if (existed && (openHere || closedCleanly)) {
        database->m_vouched = Database::Vouched::Deferred;
        if (headerPages > 0) {
            if (const Expected<void> sized = header->checkSize(path); !sized)
                return Result::failure(sized);
        }
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return Result::failure(Database::unreadable(Database::tr("%1: cannot open: %2").arg(path, db.lastError().text()), path, db.lastError().text()));
    }
    // Settled now, before any error: telling a full disk from damage reads
    // the connection's last system error, which a first look-up would reset.
    (void)database->rawHandle();

    // A log beside the file (a crash, another connection) is folded into
    // the file by the last connection to close: not by one that refuses it.
    const bool foreignLog = existed && !closedCleanly;
    database->m_foundLog = foreignLog;
    if (foreignLog)
        database->setCheckpointOnClose(false);

    // Read-only checks first: nothing is written to a file we refuse.
    if (database->m_vouched == Database::Vouched::Full) {
        if (const Expected<void> pages = checkPages(*database); !pages)
            return Result::failure(pages);
    }
    QSqlQuery check(database->connection());
    // Reading the list of tables reads the schema's pages (a damaged first
    // page fails here, before anything else).
    if (!check.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !check.next())
        return Result::failure(database->readFailure(check.lastError()));
    check.finish();
    if (!check.exec(QStringLiteral("PRAGMA user_version")) || !check.next())
        return Result::failure(
            Database::unreadable(Database::tr("%1: cannot read the schema version: %2").arg(path, check.lastError().text()), path, check.lastError().text()));
    database->m_version = check.value(0).toInt();
    check.finish();
    if (database->m_version > schema.latestVersion())
        return Result::failure(Database::newer(Database::tr("%1: made by a newer version of TopUp Dashboard (%2 schema %3; this version knows up to %4)")
                                                   .arg(path, schema.name)
                                                   .arg(database->m_version)
                                                   .arg(schema.latestVersion()),
                                               path));
    if (existed) {
        // Someone else's SQLite file: tables but no version of ours, or a
        // version without the table every version of ours has.
        check.prepare(QStringLiteral("SELECT count(*), coalesce(sum(name = ?), 0) FROM sqlite_master WHERE name NOT LIKE 'sqlite%'"));
        check.addBindValue(schema.markerTable);
        if (!check.exec() || !check.next())
            return Result::failure(Database::unreadable(Database::tr("%1: cannot read the list of tables: %2").arg(path, check.lastError().text()), path,
                                                        check.lastError().text()));
        const qint64 objects = check.value(0).toLongLong();
        const bool marked = check.value(1).toLongLong() > 0;
        check.finish();
        // An empty SQLite database (version 0, nothing in it) may become a
        // new one, unless it must be an existing one of ours.
        if (database->m_version == 0 && (objects > 0 || presence == Database::Presence::MustExist))
            return Result::failure(
                Database::notOurs(objects > 0 ? Database::tr("%1: not a TopUp %2 (a SQLite database with other tables); refused and left untouched")
                                                    .arg(path, schema.name)
                                              : Database::tr("%1: not a TopUp %2 (an empty SQLite database); refused and left untouched")
                                                    .arg(path, schema.name),
                                  path));
        if (!schema.markerTable.isEmpty() && !marked)
            return Result::failure(Database::notOurs(
                Database::tr("%1: not a TopUp %2 (its table %3 is missing); refused and left untouched").arg(path, schema.name, schema.markerTable), path));
        if (const Expected<void> tables = checkSchema(*database, schema, headerPages); !tables)
            return Result::failure(tables);
    }
    if (foreignLog)
        database->setCheckpointOnClose(true);
    return database;
}

Expected<void> DatabaseOpener::checkPages(Database &database)
{
    QSqlQuery check(database.connection());
    if (!check.exec(QStringLiteral("PRAGMA integrity_check")) || !check.next())
        return Expected<void>::failure(database.readFailure(check.lastError()));
    if (check.value(0).toString() != QLatin1String("ok"))
        return Expected<void>::failure(Database::damaged(database.m_path, check.value(0).toString()));
    return {};
}

Expected<void> DatabaseOpener::checkSchema(Database &database, const Schema &schema, qint64 pageCount)
{
    if (database.m_version == 0)
        return {};
    const Expected<QStringList> expected = expectedObjects(schema, database.m_version);
    if (!expected)
        return Expected<void>::failure(Database::tr("%1: cannot list the tables of %2 schema %3: %4")
                                           .arg(database.m_path, schema.name)
                                           .arg(database.m_version)
                                           .arg(expected.error()));
    QSqlQuery list(database.connection());
    if (!list.exec(QStringLiteral("SELECT type || ' ' || name, rootpage FROM sqlite_master WHERE type IN ('table', 'index')")))
        return Expected<void>::failure(database.readFailure(list.lastError()));
    QSet<QString> present;
    while (list.next()) {
        const qint64 root = list.value(1).toLongLong();
        if (root < 1 || (pageCount > 0 && root > pageCount))
            return Expected<void>::failure(Database::damaged(database.m_path, Database::tr("%1 starts at page %2, outside the file's %3 pages")
                                                                                  .arg(list.value(0).toString())
                                                                                  .arg(root)
                                                                                  .arg(pageCount)));
        present.insert(list.value(0).toString());
    }
    for (const QString &object : *expected) {
        if (!present.contains(object))
            return Expected<void>::failure(
                Database::damaged(database.m_path, Database::tr("%1 of %2 schema %3 is missing").arg(object, schema.name).arg(database.m_version)));
    }
    return {};
}

Expected<void> DatabaseOpener::migrate(Database &database, const Schema &schema)
{
    const QString lock = database.m_dialect->migrationLock();
    for (const Migration &migration : schema.migrations) {
        if (migration.version <= database.m_version)
            continue;
        const Expected<void> done = database.write([&]() -> Expected<void> {
            if (!lock.isEmpty()) {
                // Another process may have migrated while this one waited for the lock.
                if (const Expected<void> locked = database.exec(lock); !locked)
                    return locked;
                QSqlQuery version(database.connection());
                if (!version.exec(database.m_dialect->readVersion()) || !version.next())
                    return Expected<void>::failure(database.failureOf(version.lastError()));
                if (version.value(0).toInt() >= migration.version)
                    return {};
            }
            for (const QString &statement : database.m_dialect->statementsOf(migration)) {
                if (const Expected<void> ran = database.exec(statement); !ran)
                    return ran;
            }
            if (migration.program) {
                if (const Expected<void> ran = migration.program(database); !ran)
                    return ran;
            }
            return database.exec(database.m_dialect->writeVersion(migration.version));
        });
        if (!done)
            return Expected<void>::failure(
                Database::tr("%1 (while upgrading the %2 to schema %3)").arg(done.error(), schema.name).arg(migration.version), done.problems());
        database.m_version = migration.version;
    }
    return {};
}

} // namespace topup
