#include "instant.h"

#include "asciidigits.h"
#include "civil.h"

#include <QCoreApplication>

#include <cstdio>

namespace topup {
namespace {

// Reads exactly `count` ASCII digits at `pos`; -1 when they are not all digits.
int digitsAt(QStringView text, qsizetype pos, int count)
{
    const std::optional<qint64> value = pos + count <= text.size() ? asciiNumber(text.mid(pos, count)) : std::nullopt;
    return value ? int(*value) : -1;
}

bool charAt(QStringView text, qsizetype pos, char expected)
{
    return pos < text.size() && text[pos] == QLatin1Char(expected);
}

} // namespace

Expected<Instant> Instant::parse(QStringView text)
{
    // Built only when the text is wrong: parsing is on the path of every event.
    const auto shape = [text] {
        return Instant::tr("not an instant (expected YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM, got \"%1\")").arg(text.left(64));
    };
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2);
    const int minute = digitsAt(text, 14, 2);
    const int second = digitsAt(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || !charAt(text, 4, '-')
        || !charAt(text, 7, '-') || !charAt(text, 10, 'T') || !charAt(text, 13, ':') || !charAt(text, 16, ':'))
        return Expected<Instant>::failure(shape());

    qsizetype pos = 19;
    int millis = 0;
    if (charAt(text, pos, '.')) {
        ++pos;
        int count = 0;
        while (pos < text.size() && text[pos].isDigit() && text[pos].unicode() < 128) {
            if (++count > 3)
                return Expected<Instant>::failure(Instant::tr("more than 3 decimals in the seconds of \"%1\"").arg(text.left(64)));
            millis = millis * 10 + (text[pos].unicode() - '0');
            ++pos;
        }
        if (count == 0)
            return Expected<Instant>::failure(shape());
        for (int i = count; i < 3; ++i)
            millis *= 10;
    }

    int offsetMinutes = 0;
    if (charAt(text, pos, 'Z')) {
        ++pos;
    } else if (charAt(text, pos, '+') || charAt(text, pos, '-')) {
        const int sign = charAt(text, pos, '-') ? -1 : 1;
        const int oh = digitsAt(text, pos + 1, 2);
        const int om = digitsAt(text, pos + 4, 2);
        if (oh < 0 || om < 0 || !charAt(text, pos + 3, ':'))
            return Expected<Instant>::failure(shape());
        if (oh > 18 || om > 59 || (oh == 18 && om > 0))
            return Expected<Instant>::failure(Instant::tr("UTC offset out of range (at most ±18:00) in \"%1\"").arg(text.left(64)));
        offsetMinutes = sign * (oh * 60 + om);
        pos += 6;
    } else {
        return Expected<Instant>::failure(shape());
    }
    if (pos != text.size())
        return Expected<Instant>::failure(shape());

    if (year < 1 || month < 1 || month > 12 || day < 1 || day > civil::daysInMonth(year, month))
        return Expected<Instant>::failure(Instant::tr("no such date in \"%1\"").arg(text.left(64)));
    if (hour > 23 || minute > 59 || second > 59)
        return Expected<Instant>::failure(Instant::tr("no such time of day in \"%1\"").arg(text.left(64)));

    const qint64 days = civil::daysFromCivil(year, month, day);
    const qint64 ms = days * civil::msPerDay + hour * civil::msPerHour + minute * civil::msPerMinute
        + second * civil::msPerSecond + millis - offsetMinutes * civil::msPerMinute;
    // The offset can carry a date of year 1 or 9999 out of the range every
    // instant is written in (`0001-01-01T00:00:00+14:00` is in year 0).
    if (ms < earliest().msecs() || ms > latest().msecs())
        return Expected<Instant>::failure(Instant::tr("\"%1\" is outside the years 0001 to 9999 in UTC").arg(text.left(64)));
    return Instant(ms);
}

std::optional<Instant> Instant::parseWholeSeconds(std::string_view text) noexcept
{
    const bool utc = text.size() == 20 && text[19] == 'Z';
    const bool offset = text.size() == 25 && (text[19] == '+' || text[19] == '-') && text[22] == ':';
    if ((!utc && !offset) || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    const auto number = [text](std::size_t pos, std::size_t count) {
        int value = 0;
        for (std::size_t i = pos; i < pos + count; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    const int hour = number(11, 2);
    const int minute = number(14, 2);
    const int second = number(17, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > civil::daysInMonth(year, month) || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    int offsetMinutes = 0;
    if (offset) {
        const int oh = number(20, 2);
        const int om = number(23, 2);
        if (oh < 0 || om < 0 || oh > 18 || om > 59 || (oh == 18 && om > 0))
            return std::nullopt;
        offsetMinutes = (text[19] == '-' ? -1 : 1) * (oh * 60 + om);
    }
    const qint64 ms = civil::daysFromCivil(year, month, day) * civil::msPerDay + hour * civil::msPerHour
        + minute * civil::msPerMinute + second * civil::msPerSecond - offsetMinutes * civil::msPerMinute;
    if (ms < earliest().msecs() || ms > latest().msecs())
        return std::nullopt;
    return Instant(ms);
}

Instant Instant::earliest() noexcept
{
    return Instant(civil::daysFromCivil(1, 1, 1) * civil::msPerDay);
}

Instant Instant::latest() noexcept
{
    return Instant(civil::daysFromCivil(10000, 1, 1) * civil::msPerDay - 1);
}

QString Instant::toString() const
{
    const qint64 days = civil::floorDiv(m_ms, civil::msPerDay);
    const qint64 inDay = m_ms - days * civil::msPerDay;
    const civil::Date date = civil::civilFromDays(days);
    const int hour = int(inDay / civil::msPerHour);
    const int minute = int(inDay / civil::msPerMinute % 60);
    const int second = int(inDay / civil::msPerSecond % 60);
    const int millis = int(inDay % 1000);
    char buffer[40];
    int n = 0;
    if (millis == 0)
        n = std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02dT%02d:%02d:%02dZ", static_cast<long long>(date.year),
                          date.month, date.day, hour, minute, second);
    else
        n = std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          static_cast<long long>(date.year), date.month, date.day, hour, minute, second, millis);
    return QString::fromLatin1(buffer, n);
}

} // namespace topup
