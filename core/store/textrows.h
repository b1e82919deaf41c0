#pragma once

#include "domain/expected.h"

#include <QByteArray>
#include <QtGlobal>

#include <functional>
#include <optional>

namespace topup {

class Statement;

// How a table of rows (line_id, a key, a text) is written row by row, on
// any path (UsageStore: the rows of samples, usage_recent, and of a day's
// hours, usage_hours): a new row, the text of the row a key holds, that
// text replaced.
struct TextRows final
{
    std::function<Expected<bool>(qint64 line, qint64 key, const QByteArray &text)> insert; // false: the row was there
    std::function<Expected<std::optional<QByteArray>>(qint64 line, qint64 key)> select;
    std::function<Expected<void>(qint64 line, qint64 key, const QByteArray &text)> update;

    // Through Qt Sql, one statement a row: `insert` (line, key, text) ON
    // CONFLICT DO NOTHING, `select` the text of (line, key), `update` (text,
    // line, key). The statements must outlive what is returned.
    static TextRows throughQtSql(Statement &insert, Statement &select, Statement &update);
};

} // namespace topup
