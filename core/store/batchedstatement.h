#pragma once

#include "arrayliteral.h"
#include "rawstatement.h"
#include "domain/expected.h"
#include "statement.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>


namespace topup {

class Database;

// A statement run for many rows, written as for one row (set the
// parameters, run, again): on SQLite each run is one statement, on SQLite's
// own handle where it can (Database::rawHandle: without Qt Sql's binding, a
// tenth of a fleet's save), else as Statement's (and so on the RowByRow
// path); on PostgreSQL the rows are kept and sent
// up to rowsPerStatement at a time in one statement, one array a column
// (Dialect::rowsFromArrays), so a save of 10 000 lines is a few round trips
// to the server instead of 10 000 (issue 16). Both write the same rows, in
// the order they were run (tst_batchedstatement).
//
// The rows kept are sent by flush(), which the caller must call before it
// reads what they write or commits; nothing is sent by the destructor.
class BatchedStatement final
{
public:
    enum class Path { Fastest, RowByRow };
    static constexpr qsizetype rowsPerStatement = 2000;

    // `rowSql`: the statement of one row, with a `?` a parameter.
    // `arraysSql`: the same for many rows, `%1` where the rows come from
    // (Dialect::rowsFromArrays of `types`, one SQL type a parameter:
    // BIGINT or TEXT), e.g. "INSERT INTO t (a, b) %1" or "UPDATE t SET a =
    // v.a FROM (%1) AS v (a, id) WHERE t.id = v.id". `keyParameter`: a
    // parameter that no two rows of one statement may share (an UPDATE's
    // key: a repeated key sends the rows before it first), or -1.
    BatchedStatement(Database &database, const QString &rowSql, const QString &arraysSql, const QStringList &types,
                     Path path = Path::Fastest, int keyParameter = -1);
    ~BatchedStatement();
    Q_DISABLE_COPY_MOVE(BatchedStatement)

    // Sets parameter `index` (0-based) of the next row; a null QVariant is NULL.
    BatchedStatement &set(int index, const QVariant &value);
    // The row as set: run now, or kept for the next statement of rows.
    Expected<void> run();
    // Sends the rows kept (nothing when none).
    Expected<void> flush();
    // Whether rows go in arrays (PostgreSQL's fast path).
    bool inArrays() const noexcept { return m_arrays.has_value(); }

private:
    Expected<void> runRaw();

    Database &m_database;
    std::optional<RawStatement> m_raw; // a row a statement on SQLite's own handle
    std::optional<Failure> m_rawPrepareFailure;
    std::optional<Statement> m_row;    // a row a statement
    std::optional<Statement> m_arrays; // the rows in arrays
    QStringList m_types;
    int m_keyParameter;
    std::vector<QVariant> m_values;       // the next row's parameters (arrays)
    std::vector<ArrayLiteral> m_columns;  // the rows kept, a column each
    QSet<QString> m_keys;                 // the kept rows' keys (keyParameter)
    qsizetype m_kept = 0;
};

} // namespace topup
