#include "database.h"

#include "databaseopener.h"
#include "openfiles.h"
#include "transientfailure.h"
#include "walcheckpointer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace topup {

Database::Database(QString path, QString connectionName, const Dialect &dialect)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_dialect(&dialect)
{
}

Database::~Database()
{
    m_reusable.clear(); // finalized before the connection closes
    // Its connection closes first: the writer's close, the last, folds
    // what is left of the log and removes it (the clean-shutdown marker).
    m_checkpointer.reset();
    const bool damaged = !m_key.isEmpty() && !OpenFiles::damageAt(m_key).isEmpty();
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
    if (!m_key.isEmpty())
        OpenFiles::leave(m_key);
}

void Database::reportDamage(const QString &path, const QString &problem)
{
    OpenFiles::reportDamage(OpenFiles::keyOf(path), Database::tr("%1: damaged database (%2)").arg(path, problem));
}

QString Database::damageOf(const QString &path)
{
    return OpenFiles::damageAt(OpenFiles::keyOf(path));
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
    return failureOf(error).text();
}

Failure Database::failureOf(const QString &what) const
{
    const QString said = Database::tr("The database says: %1.").arg(inOneLine(what));
    return Failure(describe(what), FieldProblems{{QString(), m_dialect->isSqlite()
                                                                 ? Database::tr("The data file %1 could not be read or written.").arg(m_path)
                                                                 : Database::tr("The database %1 could not be read or written.").arg(m_path)},
                                                 {QString(), said}});
}

Failure Database::failureOf(const QSqlError &error) const
{
    if (!m_dialect->isSqlite())
        return failureOf(error.text());
    // SQLITE_READONLY (8) and its extended codes: the file or its folder
    // turned read-only under us.
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    if (numeric && (code & 0xff) == SQLITE_READONLY)
        return readOnly(m_path);
    if (std::optional<Failure> passing = transientFailure(error))
        return std::move(*passing);
    return failureOf(error.text());
}

Failure Database::damaged(const QString &path, const QString &detail)
{
    return Failure(Database::tr("%1: damaged database (%2)").arg(path, detail),
                   FieldProblems{{QString(), Database::tr("The data file %1 is damaged; nothing was changed. Put back a copy of it, or move the"
                                                          " data folder aside to start fresh.")
                                                 .arg(path)},
                                 {QString(), Database::tr("What is wrong: %1.").arg(detail)}});
}

Failure Database::damagedRows(const QString &text, const QString &detail) const
{
    if (place() == Place::File)
        return Failure(text, damaged(m_path, detail).problems());
    return Failure(text, FieldProblems{{QString(), Database::tr("The PostgreSQL database %1 holds rows that no version of TopUp Dashboard"
                                                                " writes; nothing was changed. Restore it from a backup, or give the"
                                                                " address of another database.")
                                                       .arg(m_path)},
                                       {QString(), Database::tr("What is wrong: %1.").arg(detail)}});
}

Failure Database::failureOfRawHandle() const
{
    sqlite3 *db = rawHandle();
    if (!db)
        return failureOf(QStringLiteral("no SQLite handle"));
    // The extended code, as Qt's driver gives it: the system error behind
    // an I/O error tells a full disk from damage.
    return failureOf(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(db)), QSqlError::StatementError,
                               QString::number(sqlite3_extended_errcode(db))));
}

Failure Database::notOurs(const QString &text, const QString &path, Place place)
{
    if (place == Place::Server)
        return Failure(text, Database::tr("The PostgreSQL database %1 is not a TopUp Dashboard database; it was left untouched. Give the"
                                          " address of an empty database, or of one TopUp Dashboard made.")
                                 .arg(path));
    return Failure(text, Database::tr("%1 is not a TopUp Dashboard data file; it was left untouched. Choose another data folder, or move"
                                      " the file out of this one.")
                             .arg(path));
}

Failure Database::unreadable(const QString &text, const QString &path, const QString &detail, Place place)
{
    if (place == Place::Server)
        return Failure(text, FieldProblems{{QString(), Database::tr("The PostgreSQL database %1 cannot be read. Check that your role may read"
                                                                    " it and try again.")
                                                           .arg(path)},
                                           {QString(), Database::tr("The server says: %1.").arg(inOneLine(detail))}});
    return Failure(text, FieldProblems{{QString(), Database::tr("The data file %1 cannot be opened or read. Check that you may read it and"
                                                                " try again.")
                                                       .arg(path)},
                                       {QString(), Database::tr("The database says: %1.").arg(detail)}});
}

QString Database::inOneLine(const QString &said)
{
    const QStringList lines = said.trimmed().split(QLatin1Char('\n'));
    return lines.front().simplified();
}

Failure Database::unreachable(const QString &text, const QString &where, const QString &detail)
{
    return Failure(text, FieldProblems{{QString(), Database::tr("The PostgreSQL server of %1 cannot be reached, or it refused the"
                                                                " connection. Check that the server is running and that the"
                                                                " database URL names it, its database and your role; a"
                                                                " password goes in ~/.pgpass. Then try again.")
                                                       .arg(where)},
                                       {QString(), Database::tr("The server says: %1.").arg(inOneLine(detail))}});
}

Failure Database::missing(const QString &text, const QString &path)
{
    return Failure(text, Database::tr("The data file %1 is missing. Put it back, or move the data folder aside to start fresh.").arg(path));
}

Failure Database::newer(const QString &text, const QString &path, Place place)
{
    if (place == Place::Server)
        return Failure(text, Database::tr("The PostgreSQL database %1 was made by a newer version of TopUp Dashboard. Open it with that"
                                          " version.")
                                 .arg(path));
    return Failure(text, Database::tr("The data file %1 was made by a newer version of TopUp Dashboard. Open it with that version.").arg(path));
}

Failure Database::readOnly(const QString &path)
{
    return Failure(Database::tr("%1 is read-only (%2): TopUp Dashboard needs to write to it; check its permissions").arg(QFileInfo(path).fileName(), path),
                   Database::tr("The data file %1 is read-only. TopUp Dashboard needs to write to it: check its permissions.").arg(path));
}

std::optional<Failure> Database::transientFailure(const QSqlError &error) const
{
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    const TransientFailure::Cause cause = numeric ? TransientFailure::causeOf(rawHandle(), code) : TransientFailure::Cause::None;
    if (cause == TransientFailure::Cause::None)
        return std::nullopt;
    TransientFailure::report(QFileInfo(m_path).absolutePath(), cause);
    return TransientFailure::failure(cause, m_path, error.text());
}

Failure Database::readFailure(const QSqlError &error) const
{
    if (std::optional<Failure> passing = transientFailure(error))
        return std::move(*passing);
    return damaged(m_path, error.text());
}

Expected<void> Database::exec(const QString &statement)
{
    QSqlQuery query(connection());
    if (!query.exec(statement))
        return Expected<void>::failure(failureOf(query.lastError()));
    return {};
}

Expected<QString> Database::worldId() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT world_id FROM world_identity WHERE id = 1")))
        return Expected<QString>::failure(failureOf(query.lastError()));
    return query.next() ? query.value(0).toString() : QString();
}

Expected<void> Database::setWorldId(const QString &id)
{
    return write([&]() -> Expected<void> {
        QSqlQuery query(connection());
        query.prepare(QStringLiteral("INSERT INTO world_identity (id, world_id) VALUES (1, ?)"));
        query.addBindValue(id);
        if (!query.exec())
            return Expected<void>::failure(failureOf(query.lastError()));
        return {};
    });
}

Expected<std::shared_ptr<Database>> Database::open(const QString &path, const Schema &schema, Presence presence)
{
    return DatabaseOpener::open(path, schema, presence);
}

Expected<std::shared_ptr<Database>> Database::openOnServer(const DatabaseUrl &url, const Schema &schema, Presence presence)
{
    return DatabaseOpener::openOnServer(url, schema, presence);
}

Expected<QString> Database::inspect(const QString &path, const Schema &schema)
{
    const Expected<std::shared_ptr<Database>> database = openUnchanged(path, schema);
    if (!database)
        return Expected<QString>::failure(database);
    return (*database)->worldIdIfAny();
}

Expected<std::shared_ptr<Database>> Database::openUnchanged(const QString &path, const Schema &schema)
{
    return DatabaseOpener::openChecked(path, schema, Presence::MustExist);
}

Expected<QString> Database::worldIdIfAny() const
{
    QSqlQuery table(connection());
    table.prepare(m_dialect->tableExists());
    table.addBindValue(QStringLiteral("world_identity"));
    if (!table.exec())
        return Expected<QString>::failure(failureOf(table.lastError()));
    if (!table.next())
        return QString(); // from before identities
    table.finish();
    return worldId();
}

void Database::setCheckpointOnClose(bool checkpoint)
{
    if (sqlite3 *raw = rawHandle())
        sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, checkpoint ? 0 : 1, nullptr);
}

Expected<void> Database::write(const std::function<Expected<void>()> &work, Sync sync)
{
    if (const QString damage = OpenFiles::damageAt(m_key); !damage.isEmpty())
        return Expected<void>::failure(Database::tr("%1; nothing more is written to it").arg(damage),
                                       Database::tr("The data file %1 was found damaged; nothing more is written to it. Quit and start"
                                                    " again to have it checked, or move the data folder aside to start fresh.")
                                           .arg(m_path));
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
    if (const QString damage = OpenFiles::damageAt(m_key); !damage.isEmpty())
        return Expected<void>::failure(Database::tr("%1; nothing more is written to it").arg(damage),
                                       Database::tr("The data file %1 was found damaged; nothing more is written to it. Quit and start"
                                                    " again to have it checked, or move the data folder aside to start fresh.")
                                           .arg(m_path));
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

QSqlQuery *Database::reusable(const QString &sql, QSqlError *prepareError)
{
    auto found = m_reusable.find(sql);
    if (found == m_reusable.end()) {
        auto made = std::make_unique<Reusable>(Reusable{QSqlQuery(connection()), false});
        made->query.setForwardOnly(true);
        if (!made->query.prepare(sql)) {
            if (prepareError)
                *prepareError = made->query.lastError();
            return nullptr;
        }
        found = m_reusable.emplace(sql, std::move(made)).first;
    }
    if (found->second->inUse)
        return nullptr;
    found->second->inUse = true;
    return &found->second->query;
}

QSqlQuery *Database::reusableIfRoom(const QString &sql, QSqlError *prepareError)
{
    if (m_reusable.size() >= reusableLimit && m_reusable.count(sql) == 0)
        return nullptr;
    return reusable(sql, prepareError);
}

void Database::release(const QString &sql)
{
    const auto found = m_reusable.find(sql);
    if (found == m_reusable.end())
        return;
    QSqlQuery &query = found->second->query;
    // Its rows read to the end first: QSqlQuery::finish() leaves a
    // PostgreSQL result half read (libpq holds the next row), and until it
    // is read the connection parses nothing else, not even another
    // program's notice (WorldNotices). SQLite's finish() resets the
    // statement itself.
    if (keepsEveryStatement() && query.isActive() && query.isSelect()) {
        while (query.next()) {
        }
    }
    query.finish();
    found->second->inUse = false;
}

} // namespace topup