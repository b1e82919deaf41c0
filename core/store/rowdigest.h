#pragma once

#include <QVariant>

#include <array>
#include <vector>

namespace topup {

// What a table holds, as one value computed the same way from the rows read
// on either engine: their number, and the sum of each row's SHA-256 (four
// 64-bit lanes, each added modulo 2^64). The sum does not depend on the
// order the rows come in (SQLite and PostgreSQL need not read them in the
// same one), and a row that is missing, added, repeated or changed changes
// it. A value is written as its kind and its text: a whole number as its
// digits, text as its UTF-8 bytes (with their length), NULL as none, so
// 1 and '1' differ, as do NULL and ''.
class RowDigest final
{
public:
    void add(const std::vector<QVariant> &row);

    qint64 rows() const noexcept { return m_rows; }
    bool operator==(const RowDigest &other) const { return m_rows == other.m_rows && m_sum == other.m_sum; }
    bool operator!=(const RowDigest &other) const { return !(*this == other); }
    // The sum as 64 hex digits, for a message.
    QString toHex() const;

private:
    qint64 m_rows = 0;
    std::array<quint64, 4> m_sum{};
};

} // namespace topup
