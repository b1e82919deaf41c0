#pragma once

#include "arrayliteral.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace topup {

// One column of texts of many rows in a statement's own text, for a
// statement that reads its rows from arrays on PostgreSQL
// (Dialect::rowsFromArrayExpressions): the usage's rows of samples and of
// hours (UsageStore, HourRowsWriter), megabytes a statement. While every
// text added is neither empty nor holds the separator — as every text of
// SamplesRow and HoursRow, digits and `,;:` — the texts are joined by it
// and the server splits them (`string_to_array(E'a|b', '|')`): it reads no
// quotes and makes no array from text, about a third of what the server
// spends on such a column as an array literal (`CAST(E'{"a","b"}' AS
// TEXT[])`, which array_in reads a character at a time). Any other text
// turns the column into that array literal, the texts before it included,
// so every text reads back as it was either way.
class TextColumn final
{
public:
    static constexpr char separator = '|';

    void add(const QByteArray &text);
    qsizetype size() const noexcept { return m_count; }
    // Whether the texts are joined (each neither empty nor holding the separator).
    bool joined() const noexcept { return m_joined; }
    // The texts added so far as an array of a statement's text (quotes and
    // backslashes doubled in an E'…' constant, read the same whatever the
    // server's standard_conforming_strings).
    QString arrayExpression() const;
    // Empties it; the room is kept for the next batch.
    void clear() noexcept;

private:
    QByteArray m_text; // joined: "a|b|c"
    ArrayLiteral m_array; // not joined
    qsizetype m_count = 0;
    bool m_joined = true;
};

} // namespace topup
