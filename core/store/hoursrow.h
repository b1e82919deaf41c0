#pragma once

#include "domain/expected.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QtGlobal>

#include <vector>

namespace topup {

// One row of `usage_hours` (schema version 13): one line's hourly roll-ups
// of one UTC day (its key, `day`, the day's number since 1970), one row a
// line-day instead of one a line-hour (issue 16: a fleet's day of roll-ups
// is 10 000 rows to write instead of 240 000). The text lists each hour
// that has a roll-up as `hour,data,voice` — the hour of the UTC day (0 to
// 23), bytes, seconds — with `;` between, hours in increasing order, each
// at most once; a row holds at least one hour. Anything else is damage
// (parse says what).
class HoursRow final
{
    Q_DECLARE_TR_FUNCTIONS(HoursRow)

public:
    static constexpr qint64 hoursPerDay = 24;

    struct Hour final
    {
        int hour = 0; // of the UTC day, 0 to 23
        qint64 dataBytes = 0;
        qint64 voiceSeconds = 0;
    };

    // The UTC day that holds the hour `hour` (hours since 1970, also
    // before 1970), and the first hour of a day.
    static qint64 dayOf(qint64 hour) noexcept;
    static qint64 firstHourOf(qint64 day) noexcept { return day * hoursPerDay; }

    // Adds to an hour of the row's day (0 to 23), in order or not; an
    // hour already held is added to.
    void add(int hour, qint64 dataBytes, qint64 voiceSeconds);
    void add(const HoursRow &other);

    // The row's text, and back; a text that is not one says what is wrong.
    QByteArray text() const;
    // The same text into `text` (its room is kept between rows).
    void writeText(QByteArray &text) const;
    static Expected<HoursRow> parse(const QByteArray &text);

    const std::vector<Hour> &hours() const noexcept { return m_hours; }
    bool empty() const noexcept { return m_hours.empty(); }
    void clear() noexcept { m_hours.clear(); }

private:
    std::vector<Hour> m_hours; // in the order of the hour, one each
};

} // namespace topup
