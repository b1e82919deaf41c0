#pragma once

#include "domain/expected.h"

namespace topup {

class Database;
class UsageBatch;
struct TextRows;

// Writes a batch's hourly roll-ups as rows of `usage_hours` (HoursRow), a
// row a line's UTC day: a new row, or merged with the row of that day an
// earlier save wrote (the day it ended in) — read, added up hour by hour,
// written back; never beside it nor over it. Row by row (SQLite's own
// handle, Qt Sql), or on PostgreSQL a batch of rows at a time as arrays:
// the same rows either way. The caller holds the transaction.
class HourRowsWriter final
{
public:
    // The row-by-row statements (TextRows): (line, day, text), (line, day), (text, line, day).
    static constexpr const char *insertSql = "INSERT INTO usage_hours (line_id, day, hours) VALUES (?, ?, ?)"
                                             " ON CONFLICT (line_id, day) DO NOTHING";
    static constexpr const char *selectSql = "SELECT hours FROM usage_hours WHERE line_id = ? AND day = ?";
    static constexpr const char *updateSql = "UPDATE usage_hours SET hours = ? WHERE line_id = ? AND day = ?";

    explicit HourRowsWriter(Database &database) : m_database(database) {}

    Expected<void> write(const UsageBatch &batch, const TextRows &rows);
    // PostgreSQL's (Dialect::hasArrays): up to 2 000 rows in two
    // statements, the held rows read, then every row upserted.
    Expected<void> writeAsArrays(const UsageBatch &batch);

private:
    Database &m_database;
};

} // namespace topup
