#include "database.h"

#include "databaseurl.h"
#include "sqliteheader.h"
#include "transientfailure.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <optional>

namespace topup {
namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("topup-db-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Every open file of this process, by its canonical path: how many
// connections have it open, and the damage found in it, if any.
struct OpenFile final
{
    int connections = 0;
    QString damage;
};

struct OpenFiles final
{
    QMutex mutex;
    std::map<QString, OpenFile> files;
};

OpenFiles &openFiles()
{
    static OpenFiles registry;
    return registry;
}

QString keyOf(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return (folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') + info.fileName();
}

QString damageAt(const QString &key)
{
    OpenFiles &registry = openFiles();
    const QMutexLocker lock(&registry.mutex);
    const auto found = registry.files.find(key);
    return found == registry.files.end() ? QString() : found->second.damage;
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

Database::Database(QString path, QString connectionName, const Dialect &dialect)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_dialect(&dialect)
{
}

Database::~Database()
{
    m_reusable.clear(); // finalized before the connection closes
    const bool damaged = !m_key.isEmpty() && !damageAt(m_key).isEmpty();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            // Damage found: the write-ahead log stays beside the file (no
            // checkpoint into a damaged file), so the next start sees an
            // unclean shutdown and refuses the file after the full check.
            if (damaged)
                setCheckpointOnClose(false);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    if (!m_key.isEmpty()) {
        OpenFiles &registry = openFiles();
        const QMutexLocker lock(&registry.mutex);
        const auto found = registry.files.find(m_key);
        // Forgotten with the last connection: a damaged file keeps its log
        // (above), so opening it again runs the full check at open; a new
        // file in its place (after "Start fresh") starts with a clean slate.
        if (found != registry.files.end() && --found->second.connections <= 0)
            registry.files.erase(found);
    }
}

void Database::reportDamage(const QString &path, const QString &problem)
{
    OpenFiles &registry = openFiles();
    const QMutexLocker lock(&registry.mutex);
    OpenFile &file = registry.files[keyOf(path)];
    if (file.damage.isEmpty())
        file.damage = Database::tr("%1: damaged database (%2)").arg(path, problem);
}

QString Database::damageOf(const QString &path)
{
    return damageAt(keyOf(path));
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3 *Database::rawHandle() const
{
    const QVariant handle = connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    if (m_rawChecked == 0) {
        // Same source id: the driver's SQLite is the library we call.
        QSqlQuery query(connection());
        m_rawChecked = query.exec(QStringLiteral("SELECT sqlite_source_id()")) && query.next()
                && query.value(0).toString() == QLatin1String(sqlite3_sourceid())
            ? 1
            : -1;
    }
    return m_rawChecked == 1 ? *static_cast<sqlite3 *const *>(handle.constData()) : nullptr;
}

QString Database::describe(const QString &what) const
{
    return QStringLiteral("%1: %2").arg(m_dialect->isSqlite() ? QFileInfo(m_path).fileName() : m_path, what);
}

QString Database::describe(const QSqlError &error) const
{
    if (!m_dialect->isSqlite())
        return describe(error.text());
    // SQLITE_READONLY (8) and its extended codes: the file or its folder
    // turned read-only under us.
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    if (numeric && (code & 0xff) == SQLITE_READONLY)
        return Database::tr("%1 is read-only (%2): TopUp Dashboard needs to write to it; check its permissions")
            .arg(QFileInfo(m_path).fileName(), m_path);
    if (const QString passing = transientFailure(error); !passing.isEmpty())
        return passing;
    return describe(error.text());
}

QString Database::transientFailure(const QSqlError &error) const
{
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    const TransientFailure::Cause cause = numeric ? TransientFailure::causeOf(rawHandle(), code) : TransientFailure::Cause::None;
    if (cause == TransientFailure::Cause::None)
        return QString();
    TransientFailure::report(QFileInfo(m_path).absolutePath(), cause);
    return TransientFailure::describe(cause, m_path, error.text());
}

QString Database::readFailure(const QSqlError &error) const
{
    if (const QString passing = transientFailure(error); !passing.isEmpty())
        return passing;
    return Database::tr("%1: damaged database (%2)").arg(m_path, error.text());
}

Expected<void> Database::exec(const QString &statement)
{
    QSqlQuery query(connection());
    if (!query.exec(statement))
        return Expected<void>::failure(describe(query.lastError()));
    return {};
}

Expected<QString> Database::worldId() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT world_id FROM world_identity WHERE id = 1")))
        return Expected<QString>::failure(describe(query.lastError()));
    return query.next() ? query.value(0).toString() : QString();
}

Expected<void> Database::setWorldId(const QString &id)
{
    return write([&]() -> Expected<void> {
        QSqlQuery query(connection());
        query.prepare(QStringLiteral("INSERT INTO world_identity (id, world_id) VALUES (1, ?)"));
        query.addBindValue(id);
        if (!query.exec())
            return Expected<void>::failure(describe(query.lastError()));
        return {};
    });
}

Expected<std::shared_ptr<Database>> Database::open(const QString &path, const Schema &schema, Presence presence)
{
    using Result = Expected<std::shared_ptr<Database>>;
    Result database = openChecked(path, schema, presence);
    if (!database)
        return database;
    for (const QString &setting : Dialect::sqlite().connectionSetup()) {
        if (const Expected<void> done = (*database)->exec(setting); !done)
            return Result::failure(done.error());
    }
    if (const Expected<void> migrated = (*database)->migrate(schema); !migrated)
        return Result::failure(migrated.error());
    return database;
}

Expected<std::shared_ptr<Database>> Database::openOnServer(const DatabaseUrl &url, const Schema &schema, Presence presence)
{
    using Result = Expected<std::shared_ptr<Database>>;
    const Dialect &dialect = Dialect::postgresql();
    if (!QSqlDatabase::isDriverAvailable(dialect.driverName()))
        return Result::failure(Database::tr("%1: Qt's PostgreSQL driver (QPSQL) is not installed; install libqt6sql6-psql").arg(url.toString()));
    std::shared_ptr<Database> database(new Database(url.toString(), nextConnectionName(), dialect));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(dialect.driverName(), database->m_connectionName);
        db.setHostName(url.host());
        if (url.port() != 0)
            db.setPort(url.port());
        db.setUserName(url.user());
        db.setDatabaseName(url.database());
        // libpq's own: no password here (~/.pgpass or PGPASSWORD), a bounded wait.
        QStringList options{QStringLiteral("connect_timeout=10")};
        if (!url.sslMode().isEmpty())
            options << QStringLiteral("sslmode=") + url.sslMode();
        db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!db.open())
            return Result::failure(Database::tr("%1: cannot connect: %2").arg(url.toString(), db.lastError().text()));
    }
    for (const QString &setting : dialect.connectionSetup()) {
        if (const Expected<void> done = database->exec(setting); !done)
            return Result::failure(done.error());
    }
    if (const Expected<void> checked = database->checkServerSchema(schema, presence); !checked)
        return Result::failure(checked.error());
    if (const Expected<void> migrated = database->migrate(schema); !migrated)
        return Result::failure(migrated.error());
    return database;
}

Expected<void> Database::checkServerSchema(const Schema &schema, Presence presence)
{
    QSqlQuery tables(connection());
    if (!tables.exec(m_dialect->listTables()))
        return Expected<void>::failure(Database::tr("%1: cannot read the list of tables: %2").arg(m_path, tables.lastError().text()));
    QSet<QString> present;
    while (tables.next())
        present.insert(tables.value(0).toString());
    tables.finish();
    const QStringList bookkeeping = m_dialect->bookkeepingTables();
    const bool versioned = std::all_of(bookkeeping.begin(), bookkeeping.end(), [&present](const QString &table) { return present.contains(table); });
    if (!versioned) {
        // Nothing of ours: an empty database may become one, anything else is someone else's.
        if (!present.isEmpty())
            return Expected<void>::failure(Database::tr("%1: not a TopUp %2 (a PostgreSQL database with other tables); refused and left untouched")
                                               .arg(m_path, schema.name));
        if (presence == Presence::MustExist)
            return Expected<void>::failure(Database::tr("%1: not a TopUp %2 (an empty PostgreSQL database); refused and left untouched")
                                               .arg(m_path, schema.name));
        const Expected<void> made = write([this]() -> Expected<void> {
            for (const QString &statement : m_dialect->versionSetup()) {
                if (const Expected<void> ran = exec(statement); !ran)
                    return ran;
            }
            return {};
        });
        if (!made)
            return made;
    }
    QSqlQuery version(connection());
    if (!version.exec(m_dialect->readVersion()) || !version.next())
        return Expected<void>::failure(Database::tr("%1: cannot read the schema version: %2").arg(m_path, version.lastError().text()));
    m_version = version.value(0).toInt();
    version.finish();
    if (m_version > schema.latestVersion())
        return Expected<void>::failure(Database::tr("%1: made by a newer version of TopUp Dashboard (%2 schema %3; this version knows up to %4)")
                                           .arg(m_path, schema.name)
                                           .arg(m_version)
                                           .arg(schema.latestVersion()));
    if (m_version >= 1 && !schema.markerTable.isEmpty() && !present.contains(schema.markerTable))
        return Expected<void>::failure(Database::tr("%1: not a TopUp %2 (its table %3 is missing); refused and left untouched")
                                           .arg(m_path, schema.name, schema.markerTable));
    if (m_version == 0 && presence == Presence::MustExist)
        return Expected<void>::failure(Database::tr("%1: not a TopUp %2 (an empty PostgreSQL database); refused and left untouched")
                                           .arg(m_path, schema.name));
    return {};
}

Expected<QString> Database::inspect(const QString &path, const Schema &schema)
{
    const Expected<std::shared_ptr<Database>> database = openUnchanged(path, schema);
    if (!database)
        return Expected<QString>::failure(database.error());
    return (*database)->worldIdIfAny();
}

Expected<std::shared_ptr<Database>> Database::openUnchanged(const QString &path, const Schema &schema)
{
    return openChecked(path, schema, Presence::MustExist);
}

Expected<QString> Database::worldIdIfAny() const
{
    QSqlQuery table(connection());
    table.prepare(m_dialect->tableExists());
    table.addBindValue(QStringLiteral("world_identity"));
    if (!table.exec())
        return Expected<QString>::failure(describe(table.lastError()));
    if (!table.next())
        return QString(); // from before identities
    table.finish();
    return worldId();
}

Expected<std::shared_ptr<Database>> Database::openChecked(const QString &path, const Schema &schema, Presence presence)
{
    using Result = Expected<std::shared_ptr<Database>>;
    const Expected<SqliteHeader> header = SqliteHeader::read(path, schema, presence == Presence::MustExist);
    if (!header)
        return Result::failure(header.error());
    const bool existed = header->exists;

    std::shared_ptr<Database> database(new Database(path, nextConnectionName()));
    bool openHere = false; // another connection of this process has the file open
    {
        OpenFiles &registry = openFiles();
        const QMutexLocker lock(&registry.mutex);
        OpenFile &file = registry.files[keyOf(path)];
        if (!file.damage.isEmpty())
            return Result::failure(file.damage);
        openHere = file.connections > 0;
        ++file.connections;
        database->m_key = keyOf(path);
    }
    // The clean-shutdown marker (see the class comment): no write-ahead log
    // or rollback journal beside a file in WAL mode, or the file already
    // open here (vouched for by that open and its own full check).
    const bool closedCleanly = header->wal && !QFileInfo::exists(path + QLatin1String("-wal"))
        && !QFileInfo::exists(path + QLatin1String("-journal"));
    // The header's page count describes the file only when no log holds
    // newer pages and no other connection is checkpointing into it.
    const qint64 headerPages = closedCleanly && !openHere ? header->pageCount.value_or(0) : 0;
    if (existed && (openHere || closedCleanly)) {
        database->m_vouched = Vouched::Deferred;
        if (headerPages > 0) {
            if (const Expected<void> sized = header->checkSize(path); !sized)
                return Result::failure(sized.error());
        }
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return Result::failure(Database::tr("%1: cannot open: %2").arg(path, db.lastError().text()));
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
    if (database->m_vouched == Vouched::Full) {
        if (const Expected<void> pages = database->checkPages(path); !pages)
            return Result::failure(pages.error());
    }
    QSqlQuery check(database->connection());
    // Reading the list of tables reads the schema's pages (a damaged first
    // page fails here, before anything else).
    if (!check.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !check.next())
        return Result::failure(database->readFailure(check.lastError()));
    check.finish();
    if (!check.exec(QStringLiteral("PRAGMA user_version")) || !check.next())
        return Result::failure(Database::tr("%1: cannot read the schema version: %2").arg(path, check.lastError().text()));
    database->m_version = check.value(0).toInt();
    check.finish();
    if (database->m_version > schema.latestVersion())
        return Result::failure(Database::tr("%1: made by a newer version of TopUp Dashboard (%2 schema %3; this version knows up to %4)")
                                   .arg(path, schema.name)
                                   .arg(database->m_version)
                                   .arg(schema.latestVersion()));
    if (existed) {
        // Someone else's SQLite file: tables but no version of ours, or a
        // version without the table every version of ours has.
        check.prepare(QStringLiteral("SELECT count(*), coalesce(sum(name = ?), 0) FROM sqlite_master WHERE name NOT LIKE 'sqlite%'"));
        check.addBindValue(schema.markerTable);
        if (!check.exec() || !check.next())
            return Result::failure(Database::tr("%1: cannot read the list of tables: %2").arg(path, check.lastError().text()));
        const qint64 objects = check.value(0).toLongLong();
        const bool marked = check.value(1).toLongLong() > 0;
        check.finish();
        // An empty SQLite database (version 0, nothing in it) may become a
        // new one, unless it must be an existing one of ours.
        if (database->m_version == 0 && (objects > 0 || presence == Presence::MustExist))
            return Result::failure(objects > 0 ? Database::tr("%1: not a TopUp %2 (a SQLite database with other tables); refused and left untouched")
                                                     .arg(path, schema.name)
                                               : Database::tr("%1: not a TopUp %2 (an empty SQLite database); refused and left untouched")
                                                     .arg(path, schema.name));
        if (!schema.markerTable.isEmpty() && !marked)
            return Result::failure(Database::tr("%1: not a TopUp %2 (its table %3 is missing); refused and left untouched")
                                       .arg(path, schema.name, schema.markerTable));
        if (const Expected<void> tables = database->checkSchema(schema, headerPages); !tables)
            return Result::failure(tables.error());
    }
    if (foreignLog)
        database->setCheckpointOnClose(true);
    return database;
}

void Database::setCheckpointOnClose(bool checkpoint)
{
    if (sqlite3 *raw = rawHandle())
        sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, checkpoint ? 0 : 1, nullptr);
}

// The full check: every page read and every index compared with its table
// (`PRAGMA integrity_check`), as IntegrityCheck does.
Expected<void> Database::checkPages(const QString &path)
{
    QSqlQuery check(connection());
    if (!check.exec(QStringLiteral("PRAGMA integrity_check")) || !check.next())
        return Expected<void>::failure(readFailure(check.lastError()));
    if (check.value(0).toString() != QLatin1String("ok"))
        return Expected<void>::failure(Database::tr("%1: damaged database (%2)").arg(path, check.value(0).toString()));
    return {};
}

// The tables and indexes the file's version has are all listed, each on a
// page inside the file (`pageCount`, when the header gives it).
Expected<void> Database::checkSchema(const Schema &schema, qint64 pageCount)
{
    if (m_version == 0)
        return {};
    const Expected<QStringList> expected = expectedObjects(schema, m_version);
    if (!expected)
        return Expected<void>::failure(Database::tr("%1: cannot list the tables of %2 schema %3: %4")
                                           .arg(m_path, schema.name)
                                           .arg(m_version)
                                           .arg(expected.error()));
    QSqlQuery list(connection());
    if (!list.exec(QStringLiteral("SELECT type || ' ' || name, rootpage FROM sqlite_master WHERE type IN ('table', 'index')")))
        return Expected<void>::failure(readFailure(list.lastError()));
    QSet<QString> present;
    while (list.next()) {
        const qint64 root = list.value(1).toLongLong();
        if (root < 1 || (pageCount > 0 && root > pageCount))
            return Expected<void>::failure(Database::tr("%1: damaged database (%2 starts at page %3, outside the file's %4 pages)")
                                               .arg(m_path, list.value(0).toString())
                                               .arg(root)
                                               .arg(pageCount));
        present.insert(list.value(0).toString());
    }
    for (const QString &object : *expected) {
        if (!present.contains(object))
            return Expected<void>::failure(Database::tr("%1: damaged database (%2 of %3 schema %4 is missing)")
                                               .arg(m_path, object, schema.name)
                                               .arg(m_version));
    }
    return {};
}

Expected<void> Database::migrate(const Schema &schema)
{
    const QString lock = m_dialect->migrationLock();
    for (const Migration &migration : schema.migrations) {
        if (migration.version <= m_version)
            continue;
        const Expected<void> done = write([&]() -> Expected<void> {
            if (!lock.isEmpty()) {
                // Another process may have migrated while this one waited for the lock.
                if (const Expected<void> locked = exec(lock); !locked)
                    return locked;
                QSqlQuery version(connection());
                if (!version.exec(m_dialect->readVersion()) || !version.next())
                    return Expected<void>::failure(describe(version.lastError()));
                if (version.value(0).toInt() >= migration.version)
                    return {};
            }
            for (const QString &statement : m_dialect->statementsOf(migration)) {
                if (const Expected<void> ran = exec(statement); !ran)
                    return ran;
            }
            return exec(m_dialect->writeVersion(migration.version));
        });
        if (!done)
            return Expected<void>::failure(Database::tr("%1 (while upgrading the %2 to schema %3)")
                                               .arg(done.error(), schema.name)
                                               .arg(migration.version));
        m_version = migration.version;
    }
    return {};
}

Expected<void> Database::write(const std::function<Expected<void>()> &work, Sync sync)
{
    if (const QString damage = damageAt(m_key); !damage.isEmpty())
        return Expected<void>::failure(Database::tr("%1; nothing more is written to it").arg(damage));
    if (m_inTransaction) {
        // Part of the transaction held open: how it reaches the disk is its
        // commit's to say.
        if (const Expected<void> saved = exec(QStringLiteral("SAVEPOINT topup_write")); !saved)
            return saved;
        const Expected<void> result = work();
        if (result) {
            if (const Expected<void> released = exec(QStringLiteral("RELEASE topup_write")); !released)
                return released;
            return result;
        }
        QSqlQuery undo(connection());
        undo.exec(QStringLiteral("ROLLBACK TO topup_write"));
        undo.exec(QStringLiteral("RELEASE topup_write"));
        return result;
    }
    if (sync == Sync::Deferred && m_dialect->isSqlite()) {
        if (const Expected<void> set = exec(m_dialect->deferSyncStatement()); !set)
            return set;
        Expected<void> result = write(work, Sync::Synced);
        // Back to FULL whatever happened; if even that fails, say so: the
        // next commits would not be synced.
        if (const Expected<void> reset = exec(m_dialect->undoDeferSyncStatement()); !reset)
            return reset;
        return result;
    }
    if (const Expected<void> begun = exec(m_dialect->beginWrite()); !begun)
        return begun;
    // PostgreSQL's setting holds for this transaction only.
    Expected<void> result = sync == Sync::Deferred ? exec(m_dialect->deferSyncStatement()) : Expected<void>();
    if (result)
        result = work();
    if (result) {
        result = exec(QStringLiteral("COMMIT"));
        if (result)
            return result;
    }
    QSqlQuery rollback(connection());
    rollback.exec(QStringLiteral("ROLLBACK")); // its own failure changes nothing: the commit did not happen
    return result;
}

Expected<void> Database::begin()
{
    if (const QString damage = damageAt(m_key); !damage.isEmpty())
        return Expected<void>::failure(Database::tr("%1; nothing more is written to it").arg(damage));
    if (const Expected<void> begun = exec(m_dialect->beginWrite()); !begun)
        return begun;
    m_inTransaction = true;
    return {};
}

Expected<void> Database::commit(Sync sync)
{
    m_inTransaction = false;
    // Inside the transaction, before its COMMIT: SQLite's setting is the
    // connection's (set back below), PostgreSQL's this transaction's alone.
    if (sync == Sync::Deferred) {
        if (const Expected<void> set = exec(m_dialect->deferSyncStatement()); !set) {
            rollback();
            return set;
        }
    }
    Expected<void> result = exec(QStringLiteral("COMMIT"));
    if (!result) {
        QSqlQuery undo(connection());
        undo.exec(QStringLiteral("ROLLBACK")); // its own failure changes nothing: the commit did not happen
    }
    if (sync == Sync::Deferred && !m_dialect->undoDeferSyncStatement().isEmpty()) {
        if (const Expected<void> reset = exec(m_dialect->undoDeferSyncStatement()); !reset)
            return reset;
    }
    return result;
}

void Database::rollback()
{
    m_inTransaction = false;
    QSqlQuery undo(connection());
    undo.exec(QStringLiteral("ROLLBACK")); // nothing to undo when BEGIN itself failed
}

QSqlQuery *Database::reusable(const QString &sql)
{
    auto found = m_reusable.find(sql);
    if (found == m_reusable.end()) {
        auto made = std::make_unique<Reusable>(Reusable{QSqlQuery(connection()), false});
        made->query.setForwardOnly(true);
        if (!made->query.prepare(sql))
            return nullptr;
        found = m_reusable.emplace(sql, std::move(made)).first;
    }
    if (found->second->inUse)
        return nullptr;
    found->second->inUse = true;
    return &found->second->query;
}

void Database::release(const QString &sql)
{
    const auto found = m_reusable.find(sql);
    if (found == m_reusable.end())
        return;
    found->second->query.finish();
    found->second->inUse = false;
}

} // namespace topup
