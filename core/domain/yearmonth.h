#pragma once

#include <QString>

namespace topup {

// A calendar month, as the account's zone sees it.
struct YearMonth final
{
    int year = 1970;
    int month = 1;

    int index() const noexcept { return year * 12 + (month - 1); }
    static YearMonth fromIndex(int index) noexcept { return {index / 12, index % 12 + 1}; }
    YearMonth next() const noexcept { return fromIndex(index() + 1); }
    QString toString() const
    {
        return QStringLiteral("%1-%2").arg(year, 4, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0'));
    }
    friend bool operator==(YearMonth a, YearMonth b) noexcept { return a.index() == b.index(); }
    friend bool operator!=(YearMonth a, YearMonth b) noexcept { return !(a == b); }
    friend bool operator<(YearMonth a, YearMonth b) noexcept { return a.index() < b.index(); }
};

} // namespace topup
