#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QStringList>

namespace topup {

class Database;

// What a database's schema holds, read from the engine's own catalogue and
// written the same way for SQLite and PostgreSQL, one fact a line, sorted:
//
//   table lines
//   column lines.id integer not null auto
//   column lines.threshold_state text not null default 'armed'
//   primary key usage_daily (line_id, day)
//   unique packages (account_id, code)
//   index attempts_charge on attempts (chain_key, attempt, method_token) unique partial
//   foreign key attempts.line_id -> lines.id on delete cascade
//   checks lines 3
//
// Types are told apart by kind (integer, text); a key's columns are not
// null on both (PostgreSQL makes them so; SQLite's rowid key is); `auto` is
// SQLite's rowid key and PostgreSQL's identity column; a CHECK is counted
// per table, not compared by its text, nor is a partial index's condition.
// The engine's own bookkeeping (PostgreSQL's version table) is left out.
// Two databases made by the same migrations list the same lines.
class SchemaCatalogue final
{
    Q_DECLARE_TR_FUNCTIONS(SchemaCatalogue)

public:
    static Expected<QStringList> read(Database &database);

private:
    SchemaCatalogue() = delete;
};

} // namespace topup
