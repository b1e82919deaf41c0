#pragma once

#include "domain/expected.h"
#include "migration.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <functional>
#include <memory>

struct sqlite3;

namespace topup {

// One SQLite file through Qt Sql: opened carefully (a file that is not
// ours, damaged, or from a newer version is refused and left untouched),
// migrated with `PRAGMA user_version`, WAL with synchronous=FULL, foreign
// keys on. A Database belongs to the thread that opened it.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // MayCreate: a missing file becomes a new, migrated database.
    // MustExist: the file must be one of ours already; a missing file, or
    // an empty SQLite database, is refused (and not created or changed).
    enum class Presence { MayCreate, MustExist };

    // Refused, untouched: a zero-length file, a file that is not SQLite, a
    // SQLite file with other tables (someone else's), a damaged one, one
    // from a newer version, and a read-only one.
    static Expected<std::shared_ptr<Database>> open(const QString &path, const Schema &schema,
                                                   Presence presence = Presence::MayCreate);
    // The same checks, for a file that must exist, without changing it
    // (no pragma, no migration), to check both files of a world first; its
    // world identity (empty when it has none yet).
    static Expected<QString> inspect(const QString &path, const Schema &schema);

    const QString &path() const noexcept { return m_path; }
    QSqlDatabase connection() const;
    int schemaVersion() const noexcept { return m_version; }

    // How a commit reaches the disk. Synced: the commit returns once the
    // disk has it (synchronous=FULL). Deferred: the commit is atomic and
    // survives the process dying, but a power cut may lose it until the next
    // synced commit on the file (synchronous=NORMAL for this transaction).
    // Deferred is for what can be rebuilt after a power cut, such as an
    // attempt written down while its intent still stands in a synced commit.
    enum class Sync { Synced, Deferred };

    // Runs `work` inside BEGIN IMMEDIATE … COMMIT. When `work` fails, or
    // the commit does, everything is rolled back and the error returned.
    Expected<bool> write(const std::function<Expected<bool>()> &work, Sync sync = Sync::Synced);

    // The connection's own sqlite3 handle, for the one hot loop (usage
    // samples), when Qt's driver runs the very same SQLite build as the one
    // we link; otherwise none, and callers keep to Qt Sql.
    sqlite3 *rawHandle() const;

    // The world's identity: one random id written into both files of a
    // world (table world_identity, in both schemas); empty when not set.
    Expected<QString> worldId() const;
    Expected<bool> setWorldId(const QString &id);

    // "topup.sqlite: disk I/O error" — a message for a person. A file that
    // turned read-only says so: "topup.sqlite is read-only (/path)".
    QString describe(const QString &what) const;
    QString describe(const QSqlError &error) const;

private:
    Database(QString path, QString connectionName);

    static Expected<std::shared_ptr<Database>> openChecked(const QString &path, const Schema &schema, Presence presence);
    Expected<bool> migrate(const Schema &schema);
    Expected<bool> exec(const QString &statement);

    QString m_path;
    QString m_connectionName;
    int m_version = 0;
    mutable int m_rawChecked = 0; // 0 unknown, 1 usable, -1 not
};

} // namespace topup
