#pragma once

#include "domain/expected.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace topup {

class Database;

// The data each line of an account used on each of the last 7 full local
// days before the world's today (the outlook's forecasts pace on them),
// kept from one outlook to the next: a day the clock has passed gets no
// more usage, so when the world's today moves on only the days since the
// last read are read (and none while it stays), as AccountHistory keeps the
// chart's days. Read again whole after a write that may have changed
// anything (AccountSession::wideWrites: a new time zone, another account;
// a line added has no days gone by, a line removed is not asked for) or a
// move of more than 7 days.
class RecentUsage final
{
public:
    static constexpr int days = 7;
    // Line id → its data used on each of the 7 days before `today`, oldest
    // first; a line with no usage on them may be absent (all zero).
    using ByLine = QHash<qint64, std::vector<qint64>>;

    // `zone`: the account's time zone, whose local dates `today` and the
    // store's daily rows are in; `writes`: AccountSession::wideWrites().
    Expected<ByLine> lastDays(Database &store, qint64 accountId, const QString &zone, QDate today, quint64 writes);
    // How many days the last lastDays() read from the store (0 when all were kept).
    int daysRead() const noexcept { return m_daysRead; }
    void forget() { m_kept.reset(); }

private:
    struct Kept final
    {
        qint64 accountId = 0;
        QString zone;
        quint64 writes = 0;
        QDate today; // the days before it are in `lines`
        ByLine lines;
    };
    std::optional<Kept> m_kept;
    int m_daysRead = 0;
};

} // namespace topup
