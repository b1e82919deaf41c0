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

// A file we may open: missing, empty (SQLite's own "new database"), or one
// that starts with the SQLite header. Anything else is not ours to touch.
Expected<bool> looksLikeSqlite(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return true;
    if (!file.open(QIODevice::ReadOnly))
        return Expected<bool>::failure(Database::tr("%1: cannot read: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(16);
    if (header != QByteArray("SQLite format 3\0", 16))
        return Expected<bool>::failure(Database::tr("%1: not a TopUp database (the file is not SQLite)").arg(path));
    if (file.size() < 512)
        return Expected<bool>::failure(Database::tr("%1: damaged database (the file is truncated)").arg(path));
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

Expected<bool> Database::exec(const QString &statement)
{
    QSqlQuery query(connection());
    if (!query.exec(statement))
        return Expected<bool>::failure(describe(query.lastError().text()));
    return true;
}

Expected<std::shared_ptr<Database>> Database::open(const QString &path, const Schema &schema)
{
    using Result = Expected<std::shared_ptr<Database>>;
    if (const Expected<bool> ours = looksLikeSqlite(path); !ours)
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

    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (const Expected<bool> done = database->exec(QLatin1String(pragma)); !done)
            return Result::failure(done.error());
    }
    if (const Expected<bool> migrated = database->migrate(schema); !migrated)
        return Result::failure(migrated.error());
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

Expected<bool> Database::write(const std::function<Expected<bool>()> &work)
{
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
