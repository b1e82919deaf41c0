#pragma once

#include "domain/expected.h"

#include <QStringList>

#include <functional>
#include <utility>
#include <vector>

namespace topup {

class Database;

// One step of a schema: the statements that take the schema version (SQLite's
// `PRAGMA user_version`) from version - 1 to version. Each runs in a transaction of its own.
struct Migration final
{
    int version = 0;
    QStringList statements; // in SQLite's words; Dialect translates them for PostgreSQL
    // The few statements Dialect cannot translate (SQLite's own functions,
    // such as json_extract): the SQLite text, and what PostgreSQL runs instead.
    std::vector<std::pair<QString, QString>> postgresqlInstead = {};
    // Statements PostgreSQL alone runs, after the others: what SQLite's
    // file has without being told (an index there always ends with the rowid).
    QStringList postgresqlOnly = {};
    // What SQL would do slowly, done by the program after the statements,
    // in the same transaction, on either engine (store version 14 rewrites
    // each row of samples: the same code on both, linear in the rows).
    std::function<Expected<void>(Database &)> program = {};
};

struct Schema final
{
    QString name; // for messages: "store", "payment journal"
    std::vector<Migration> migrations; // versions 1, 2, … in order
    // A table every version of the file has; a file at version 1 or later
    // without it is someone else's and is refused. Empty: not checked.
    QString markerTable = {};

    int latestVersion() const { return migrations.empty() ? 0 : migrations.back().version; }
};

} // namespace topup
