#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace topup {

class Database;

// How many rows one table holds (or was copied with).
struct TableRows final
{
    QString table;
    qint64 rows = 0;
};

// Copies every row of a SQLite database into a PostgreSQL database of the
// same schema at the same version (made by the same migrations), verified:
// moving a world to a server (issue 16, WorldExport).
//
// Every table of the schema is copied whole, column by column by name, ids
// included, the tables a foreign key refers to before those that refer to
// them; then each identity sequence is set past the copied ids (and past
// SQLite's AUTOINCREMENT high-water mark, which may be higher when rows were
// deleted), since an id given on insert does not move it. Then every table
// of the target is read back and compared with what was read from the
// source: the number of rows and their digest (RowDigest), computed the
// same way on both sides. The copy runs inside the target's transaction
// held open by the caller (Database::begin), who commits or rolls back.
class TableCopy final
{
    Q_DECLARE_TR_FUNCTIONS(TableCopy)

public:
    // The schema's tables of `database` (the engine's own bookkeeping left
    // out), sorted by name.
    static Expected<QStringList> tables(Database &database);
    // The rows every table of `database` holds, sorted by table name.
    static Expected<std::vector<TableRows>> rowsIn(Database &database);
    // Copies and verifies; the rows copied, table by table, in the order copied.
    static Expected<std::vector<TableRows>> copy(Database &from, Database &to);

private:
    TableCopy() = delete;
};

} // namespace topup
