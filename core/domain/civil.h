#pragma once

#include <QtGlobal>

// Proleptic Gregorian calendar arithmetic on plain integers (days since
// 1970-01-01). Used on the hot path instead of QDate for speed and so that
// every platform computes the same thing.
namespace topup::civil {

constexpr qint64 msPerSecond = 1000;
constexpr qint64 msPerMinute = 60 * msPerSecond;
constexpr qint64 msPerHour = 60 * msPerMinute;
constexpr qint64 msPerDay = 24 * msPerHour;

constexpr bool isLeapYear(int year) noexcept
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int daysInMonth(int year, int month) noexcept
{
    constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

// Howard Hinnant's days_from_civil.
constexpr qint64 daysFromCivil(qint64 year, int month, int day) noexcept
{
    year -= month <= 2;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yoe = year - era * 400;
    const qint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Date
{
    qint64 year;
    int month;
    int day;
};

constexpr Date civilFromDays(qint64 days) noexcept
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return Date{yoe + era * 400 + (month <= 2), month, day};
}

constexpr qint64 floorDiv(qint64 a, qint64 b) noexcept
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace topup::civil
