#pragma once

#include <QByteArray>
#include <QSqlError>
#include <QVariant>
#include <QtGlobal>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace topup {

// One statement prepared on a SQLite connection's own handle
// (Database::rawHandle), finalized however its owner ends: the store's
// hot paths (a fleet's usage, the lines' new state of a save) bind and step
// it there without Qt Sql's per-row cost. A statement that cannot be
// prepared keeps SQLite's reason (the next prepare on the handle resets it).
class RawStatement final
{
public:
    RawStatement(sqlite3 *db, const QByteArray &sql);
    ~RawStatement();
    Q_DISABLE_COPY_MOVE(RawStatement)

    bool ok() const noexcept { return m_statement != nullptr; }
    // Why it could not be prepared.
    const QSqlError &error() const noexcept { return m_error; }

    // Binds parameter `parameter` (from 1); false when SQLite refuses.
    // A text is read where it is until the next step, which must come
    // before it goes away.
    bool bind(int parameter, qint64 value);
    bool bind(int parameter, const QByteArray &text);
    // A QVariant as Qt Sql's SQLite driver binds it: null, an integer or a
    // bool as an integer, a double, anything else as its text (copied).
    bool bind(int parameter, const QVariant &value);

    // Binds `values` to the parameters in order and runs the statement to
    // its end; false when a bind or the step failed (the handle says why).
    template <typename... Values>
    bool run(const Values &...values)
    {
        int parameter = 0;
        return (bind(++parameter, values) && ...) && step(nullptr);
    }
    // Runs it with `values` bound and reads the first column of the row it
    // gives as bytes, or nothing when it gives none; false on failure.
    template <typename... Values>
    bool firstBytes(std::optional<QByteArray> &out, const Values &...values)
    {
        int parameter = 0;
        return (bind(++parameter, values) && ...) && step(&out);
    }

private:
    // One step, then a reset; the first column of a row into `row` when asked.
    bool step(std::optional<QByteArray> *row);

    sqlite3_stmt *m_statement = nullptr;
    QSqlError m_error;
};

} // namespace topup
