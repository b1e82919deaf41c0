#pragma once

#include "domain/expected.h"
#include "migration.h"

#include <QCoreApplication>
#include <QSqlDatabase>
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

    static Expected<std::shared_ptr<Database>> open(const QString &path, const Schema &schema);

    const QString &path() const noexcept { return m_path; }
    QSqlDatabase connection() const;
    int schemaVersion() const noexcept { return m_version; }

    // Runs `work` inside BEGIN IMMEDIATE … COMMIT. When `work` fails, or
    // the commit does, everything is rolled back and the error returned.
    Expected<bool> write(const std::function<Expected<bool>()> &work);

    // The connection's own sqlite3 handle, for the one hot loop (usage
    // samples), when Qt's driver runs the very same SQLite build as the one
    // we link; otherwise none, and callers keep to Qt Sql.
    sqlite3 *rawHandle() const;

    // "topup.sqlite: disk I/O error" — a message for a person.
    QString describe(const QString &what) const;

private:
    Database(QString path, QString connectionName);

    Expected<bool> migrate(const Schema &schema);
    Expected<bool> exec(const QString &statement);

    QString m_path;
    QString m_connectionName;
    int m_version = 0;
    mutable int m_rawChecked = 0; // 0 unknown, 1 usable, -1 not
};

} // namespace topup
