#pragma once

#include "domain/expected.h"
#include "migration.h"

#include <QString>

#include <optional>

namespace topup {

// What the 100-byte header of a SQLite file says (sqlite.org/fileformat2.html),
// read before SQLite sees the file: nothing is created or written for a file
// Database refuses. The messages are Database's.
struct SqliteHeader final
{
    bool exists = false;
    qint64 pageSize = 0;
    bool wal = false; // file format versions 2 and 2: the file is in WAL mode
    // The in-header database size, when it is valid: written by SQLite
    // 3.7.0 and later together with the change counter, so "version-valid-
    // for" (offset 92) equal to the change counter (offset 24) vouches for it.
    std::optional<qint64> pageCount;

    // Read-only checks of the file itself: there (or, unless `mustExist`,
    // not there at all: `exists` false), a file, not empty, SQLite, a page
    // size and payload fractions SQLite writes, and writable by its owner.
    static Expected<SqliteHeader> read(const QString &path, const Schema &schema, bool mustExist);

    // A file closed cleanly is exactly as long as its header says: SQLite's
    // last checkpoint sized it so. (With a write-ahead log beside it the file
    // may be mid-checkpoint, longer or shorter; then the full check decides.)
    Expected<void> checkSize(const QString &path) const;
};

} // namespace topup
