#pragma once

#include "domain/expected.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <vector>

namespace topup {

class Database;

// A prepared statement with its errors as values: bind in order, run,
// read rows. Keeps the store classes free of QSqlQuery boilerplate.
class Statement final
{
public:
    // Once: prepared for this Statement alone (on PostgreSQL kept for the
    // connection all the same while there is room: Database::keepsEveryStatement).
    // Reuse: a statement run for every charge or row of a hot path, prepared
    // once per connection (Database::reusable) and handed back when this
    // Statement ends. Never: a statement whose values are in its text, run
    // as it is once (no parameters, never kept): the driver does not go
    // over its megabytes again.
    enum class Prepare { Once, Reuse, Never };

    Statement(Database &database, const QString &sql, Prepare prepare = Prepare::Once);
    ~Statement();
    Q_DISABLE_COPY_MOVE(Statement)

    Statement &bind(const QVariant &value);
    Statement &bindNullable(bool present, const QVariant &value);
    // For a statement run many times: set parameter `index` (0-based).
    Statement &set(int index, const QVariant &value);
    // Runs it; an error names the database file.
    Expected<void> run();
    // Runs it and reads the first column of every row as a whole number (ids).
    Expected<std::vector<qint64>> integers();
    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    qint64 integer(int column) const { return m_query->value(column).toLongLong(); }
    QString text(int column) const { return m_query->value(column).toString(); }
    bool isNull(int column) const { return m_query->isNull(column); }
    qint64 lastInsertId() const { return m_query->lastInsertId().toLongLong(); }
    // After run(): the id of the row the INSERT made. The statement ends
    // with Dialect::returningId() (PostgreSQL hands the id back as a row;
    // SQLite's last rowid is read instead).
    Expected<qint64> insertedId();
    int rowsAffected() const { return m_query->numRowsAffected(); }
    void finish() { m_query->finish(); }

private:
    Database &m_database;
    QSqlQuery m_own;
    QSqlError m_prepareError; // why the connection's cached one could not be prepared
    QSqlQuery *m_query; // m_own, or the connection's cached one (Reuse)
    QString m_reusedSql; // set: m_query is the cached one
    QString m_sql;       // set: run as it is (Prepare::Never)
    int m_nextBind = 0;  // bind()'s next parameter
    bool m_prepared;
};

} // namespace topup
