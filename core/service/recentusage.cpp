#include "recentusage.h"

#include "store/historystore.h"

#include <algorithm>

namespace topup {

Expected<RecentUsage::ByLine> RecentUsage::lastDays(Database &store, qint64 accountId, const QString &zone, QDate today, quint64 writes)
{
    // The days kept and how far the world's today moved since (ISO dates).
    const bool kept = m_kept && m_kept->accountId == accountId && m_kept->zone == zone && m_kept->writes == writes
                      && !(today < m_kept->today) && m_kept->today.daysTo(today) < days;
    const qint64 moved = kept ? m_kept->today.daysTo(today) : days;
    m_daysRead = int(moved);
    if (kept && moved == 0)
        return m_kept->lines;
    if (!kept)
        m_kept = Kept{accountId, zone, writes, today, {}};
    Kept &into = *m_kept;
    // The kept days slide back by the days the clock passed; the new ones start at 0.
    if (moved > 0) {
        for (std::vector<qint64> &recent : into.lines) {
            std::rotate(recent.begin(), recent.begin() + moved, recent.end());
            std::fill(recent.end() - moved, recent.end(), 0);
        }
    }
    // The days from the first not kept on (today's own, still under way, is not one of them).
    const QDate from = today.addDays(-moved);
    const Expected<std::vector<std::pair<qint64, UsagePoint>>> read =
        HistoryStore(store).dailyUsageOfLines(accountId, from.toString(Qt::ISODate));
    if (!read) {
        m_kept.reset();
        return Expected<ByLine>::failure(read);
    }
    for (const auto &[line, day] : *read) {
        const qint64 back = QDate::fromString(day.label.left(10), Qt::ISODate).daysTo(today);
        if (back < 1 || back > days)
            continue;
        std::vector<qint64> &recent = into.lines[line];
        recent.resize(days, 0);
        recent[std::size_t(days - back)] = day.dataBytes;
    }
    into.today = today;
    return into.lines;
}

} // namespace topup
