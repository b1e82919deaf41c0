#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace topup {

// One column of many rows as a PostgreSQL array literal — `{1,2,3}`,
// `{"0,5,1;300000,7,0","…"}` — bound as one parameter of a statement that
// reads its rows from arrays (Dialect::rowsFromArrays): the usage's fast
// path on PostgreSQL (UsageStore), thousands of rows a statement. Texts are
// always quoted, with `"` and `\` escaped, so any text (commas, braces,
// spaces, the word NULL) reads back as it was; an element is NULL only
// through addNull (the bare word).
// `text` appended to `to` as the body of an E'…' string constant, its
// quotes and backslashes doubled (read the same whatever the server's
// standard_conforming_strings).
void appendToStringConstant(QByteArray &to, const QByteArray &text);

class ArrayLiteral final
{
public:
    void add(qint64 value);
    void add(const QByteArray &text);
    void addNull();
    // The literal of the elements added so far (`{}` when none).
    QString text() const;
    // The same as a string constant of a statement's own text, E'{…}' (its
    // quotes and backslashes doubled; read the same whatever the server's
    // standard_conforming_strings): for a statement run once with its
    // values in it (Statement::Prepare::Never).
    QString constant() const;
    qsizetype size() const noexcept { return m_count; }
    // Empties it; the room is kept for the next batch.
    void clear() noexcept;

private:
    QByteArray m_elements; // "a,b,c", without the braces
    qsizetype m_count = 0;
};

} // namespace topup
