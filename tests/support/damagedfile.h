#pragma once

#include "domain/expected.h"

#include <QByteArray>
#include <QString>

namespace topup::test {

// Damage where open's cheap checks (header, schema) never look: helpers for
// the tests of the background integrity check. The file must be closed.

// Adds `rows` rows to `table` (columns line_id, day, hours, as usage_hours
// has: a day's hours, here one each, on days before 1970 so that no world's
// clock is behind them) through a connection of its own
// without foreign keys, closed cleanly afterwards: a table of many pages.
[[nodiscard]] Expected<void> fillUsageTable(const QString &path, const QString &table, int rows);

struct Page final
{
    qint64 number = 0; // from 1
    qint64 size = 0;
};
// A leaf page in the middle of `table` (found with SQLite's dbstat).
[[nodiscard]] Expected<Page> middleLeafOf(const QString &path, const QString &table);
// Overwrites the page with bytes no b-tree page starts with.
[[nodiscard]] Expected<void> scribbleOver(const QString &path, const Page &page);

// Damages one entry of `index` and nothing else: in the index's root page
// (a small index is one leaf), the first occurrence of `key` gets its last
// byte changed, so the table's row is no longer found through the index.
// The table and every page's structure stay as they were.
[[nodiscard]] Expected<void> damageIndexEntry(const QString &path, const QString &index, const QByteArray &key);

// SHA-256 of the file's bytes; empty when it cannot be read.
[[nodiscard]] QByteArray sha256Of(const QString &path);

} // namespace topup::test
