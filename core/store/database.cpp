#include "database.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace topup {
namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("topup-db-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Read-only checks of the file itself, before SQLite sees it: nothing is
// created or written for a file we refuse.
Expected<bool> checkFile(const QString &path, const Schema &schema, Database::Presence presence)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (presence == Database::Presence::MustExist)
            return Expected<bool>::failure(Database::tr("%1: missing (the %2)").arg(path, schema.name));
        return true;
    }
    if (!info.isFile())
        return Expected<bool>::failure(Database::tr("%1: not a file (the %2 must be a file)").arg(path, schema.name));
    if (info.size() == 0)
        return Expected<bool>::failure(
            Database::tr("%1: not a TopUp database (the file is empty); refused and left untouched").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Expected<bool>::failure(Database::tr("%1: cannot read: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(16);
    if (header != QByteArray("SQLite format 3\0", 16))
        return Expected<bool>::failure(Database::tr("%1: not a TopUp database (the file is not SQLite)").arg(path));
    if (file.size() < 512)
        return Expected<bool>::failure(Database::tr("%1: damaged database (the file is truncated)").arg(path));
    // The owner's write bit too: root may write anywhere, but a file made
    // read-only on purpose is not ours to write.
    if (!info.isWritable() || !info.permission(QFileDevice::WriteOwner))
        return Expected<bool>::failure(Database::tr("%1 is read-only (%2): TopUp Dashboard needs to write to it; check its permissions")
                                           .arg(info.fileName(), path));
    return true;
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
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
    return QStringLiteral("%1: %2").arg(QFileInfo(m_path).fileName(), what);
}

QString Database::describe(const QSqlError &error) const
{
    // SQLITE_READONLY (8) and its extended codes: the file or its folder
    // turned read-only under us.
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    if (numeric && (code & 0xff) == SQLITE_READONLY)
        return Database::tr("%1 is read-only (%2): TopUp Dashboard needs to write to it; check its permissions")
            .arg(QFileInfo(m_path).fileName(), m_path);
    return describe(error.text());
}

Expected<bool> Database::exec(const QString &statement)
{
    QSqlQuery query(connection());
    if (!query.exec(statement))
        return Expected<bool>::failure(describe(query.lastError()));
    return true;
}

Expected<QString> Database::worldId() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT world_id FROM world_identity WHERE id = 1")))
        return Expected<QString>::failure(describe(query.lastError()));
    return query.next() ? query.value(0).toString() : QString();
}

Expected<bool> Database::setWorldId(const QString &id)
{
    return write([&]() -> Expected<bool> {
        QSqlQuery query(connection());
        query.prepare(QStringLiteral("INSERT INTO world_identity (id, world_id) VALUES (1, ?)"));
        query.addBindValue(id);
        if (!query.exec())
            return Expected<bool>::failure(describe(query.lastError()));
        return true;
    });
}

Expected<std::shared_ptr<Database>> Database::open(const QString &path, const Schema &schema, Presence presence)
{
    using Result = Expected<std::shared_ptr<Database>>;
    Result database = openChecked(path, schema, presence);
    if (!database)
        return database;
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (const Expected<bool> done = (*database)->exec(QLatin1String(pragma)); !done)
            return Result::failure(done.error());
    }
    if (const Expected<bool> migrated = (*database)->migrate(schema); !migrated)
        return Result::failure(migrated.error());
    return database;
}

Expected<QString> Database::inspect(const QString &path, const Schema &schema)
{
    const Expected<std::shared_ptr<Database>> database = openChecked(path, schema, Presence::MustExist);
    if (!database)
        return Expected<QString>::failure(database.error());
    QSqlQuery table((*database)->connection());
    if (!table.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'world_identity'")))
        return Expected<QString>::failure((*database)->describe(table.lastError()));
    if (!table.next())
        return QString(); // from before identities
    table.finish();
    return (*database)->worldId();
}

Expected<std::shared_ptr<Database>> Database::openChecked(const QString &path, const Schema &schema, Presence presence)
{
    using Result = Expected<std::shared_ptr<Database>>;
    const bool existed = QFileInfo::exists(path);
    if (const Expected<bool> ours = checkFile(path, schema, presence); !ours)
        return Result::failure(ours.error());

    std::shared_ptr<Database> database(new Database(path, nextConnectionName()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return Result::failure(Database::tr("%1: cannot open: %2").arg(path, db.lastError().text()));
    }

    // Read-only checks first: nothing is written to a file we refuse.
    QSqlQuery check(database->connection());
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next())
        return Result::failure(Database::tr("%1: damaged database (%2)").arg(path, check.lastError().text()));
    if (check.value(0).toString() != QLatin1String("ok"))
        return Result::failure(Database::tr("%1: damaged database (%2)").arg(path, check.value(0).toString()));
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
    }
    return database;
}

Expected<bool> Database::migrate(const Schema &schema)
{
    for (const Migration &migration : schema.migrations) {
        if (migration.version <= m_version)
            continue;
        const Expected<bool> done = write([&]() -> Expected<bool> {
            for (const QString &statement : migration.statements) {
                if (const Expected<bool> ran = exec(statement); !ran)
                    return ran;
            }
            return exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
        });
        if (!done)
            return Expected<bool>::failure(Database::tr("%1 (while upgrading the %2 to schema %3)")
                                               .arg(done.error(), schema.name)
                                               .arg(migration.version));
        m_version = migration.version;
    }
    return true;
}

Expected<bool> Database::write(const std::function<Expected<bool>()> &work, Sync sync)
{
    if (sync == Sync::Deferred) {
        if (const Expected<bool> set = exec(QStringLiteral("PRAGMA synchronous=NORMAL")); !set)
            return set;
        Expected<bool> result = write(work, Sync::Synced);
        // Back to FULL whatever happened; if even that fails, say so: the
        // next commits would not be synced.
        if (const Expected<bool> reset = exec(QStringLiteral("PRAGMA synchronous=FULL")); !reset)
            return reset;
        return result;
    }
    if (const Expected<bool> begun = exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun;
    Expected<bool> result = work();
    if (result) {
        result = exec(QStringLiteral("COMMIT"));
        if (result)
            return result;
    }
    QSqlQuery rollback(connection());
    rollback.exec(QStringLiteral("ROLLBACK")); // its own failure changes nothing: the commit did not happen
    return result;
}

} // namespace topup
