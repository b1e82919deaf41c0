#pragma once

#include "domain/expected.h"

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
    Statement(Database &database, const QString &sql);

    Statement &bind(const QVariant &value);
    Statement &bindNullable(bool present, const QVariant &value);
    // For a statement run many times: set parameter `index` (0-based).
    Statement &set(int index, const QVariant &value);
    // Runs it; an error names the database file.
    Expected<bool> run();
    // Runs it and reads the first column of every row as a whole number (ids).
    Expected<std::vector<qint64>> integers();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    QString text(int column) const { return m_query.value(column).toString(); }
    bool isNull(int column) const { return m_query.isNull(column); }
    qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    void finish() { m_query.finish(); }

private:
    Database &m_database;
    QSqlQuery m_query;
    bool m_prepared;
};

} // namespace topup
