#pragma once

#include "database.h"

namespace topup {

class DatabaseUrl;

// How a Database is opened (Database::open, openOnServer, openUnchanged):
// a file is checked before anything is written to it (see Database's class
// comment: its header, its pages unless it was closed cleanly, its
// schema), then set up and migrated; a database on a server is checked for
// what it holds (nothing, ours at some version, someone else's), then
// migrated. Refused files are left untouched.
class DatabaseOpener final
{
public:
    static Expected<std::shared_ptr<Database>> open(const QString &path, const Schema &schema, Database::Presence presence);
    static Expected<std::shared_ptr<Database>> openOnServer(const DatabaseUrl &url, const Schema &schema, Database::Presence presence);
    // The checks alone: nothing is written (no pragma, no migration).
    static Expected<std::shared_ptr<Database>> openChecked(const QString &path, const Schema &schema, Database::Presence presence);

private:
    // The full check: every page read and every index compared with its
    // table (`PRAGMA integrity_check`), as IntegrityCheck does.
    static Expected<void> checkPages(Database &database);
    // The tables and indexes the file's version has are all listed, each
    // on a page inside the file (`pageCount`, when the header gives it).
    static Expected<void> checkSchema(Database &database, const Schema &schema, qint64 pageCount);
    // On a server: what the database holds, read before anything is written.
    static Expected<void> checkServerSchema(Database &database, const Schema &schema, Database::Presence presence);
    static Expected<void> migrate(Database &database, const Schema &schema);
};

} // namespace topup
