#pragma once

#include <QString>

#include <optional>

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
    // "YYYY-MM" as toString() writes it (ASCII digits, month 01 to 12); none for anything else.
    static std::optional<YearMonth> fromString(QStringView text)
    {
        if (text.size() != 7 || text[4] != QLatin1Char('-'))
            return std::nullopt;
        int parts[2] = {0, 0};
        for (qsizetype i = 0; i < 7; ++i) {
            if (i == 4)
                continue;
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return std::nullopt;
            int &part = parts[i < 4 ? 0 : 1];
            part = part * 10 + (c - u'0');
        }
        if (parts[0] < 1 || parts[1] < 1 || parts[1] > 12)
            return std::nullopt;
        return YearMonth{parts[0], parts[1]};
    }
    friend bool operator==(YearMonth a, YearMonth b) noexcept { return a.index() == b.index(); }
    friend bool operator!=(YearMonth a, YearMonth b) noexcept { return !(a == b); }
    friend bool operator<(YearMonth a, YearMonth b) noexcept { return a.index() < b.index(); }
};

} // namespace topup
