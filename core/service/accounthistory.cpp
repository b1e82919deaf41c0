#include "accounthistory.h"

#include "accountsession.h"
#include "store/historystore.h"

#include <QDateTime>

namespace topup {

using Access = AccountSession::Access;

AccountHistory::AccountHistory(Database &store, AccountSession &session) : m_store(store), m_session(session) {}

Expected<std::vector<AttemptRow>> AccountHistory::attempts(const AttemptFilter &filter, int limit, std::optional<HistoryKey> before)
{
    return m_session.forAccount(Access::Read, [&](qint64 id) { return HistoryStore(m_store).attempts(id, filter, limit, before); });
}

Expected<int> AccountHistory::eachAttempt(const AttemptFilter &filter, const std::function<Expected<void>(const AttemptRow &)> &each)
{
    return m_session.forAccount(Access::Read, [&](qint64 id) { return HistoryStore(m_store).eachAttempt(id, filter, each); });
}

Expected<std::vector<MonthSpend>> AccountHistory::spendByMonth(qint64 lineId)
{
    return m_session.forAccount(Access::Read, [&](qint64 id) { return HistoryStore(m_store).spendByMonth(id, lineId); });
}

Expected<MonthSpend> AccountHistory::spendThisMonth(qint64 lineId)
{
    return m_session.forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        return HistoryStore(m_store).spendIn(id, m_session.calendar().monthOf(clock).toString(), lineId);
    });
}

Expected<std::map<qint64, MonthSpend>> AccountHistory::spendThisMonthByLine()
{
    return m_session.forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        return HistoryStore(m_store).spendOfLinesIn(id, m_session.calendar().monthOf(clock).toString());
    });
}

Expected<std::vector<UsagePoint>> AccountHistory::dailyUsage(qint64 lineId, int days)
{
    return m_session.forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        const QDate today = QDateTime::fromMSecsSinceEpoch(clock.msecs(), m_session.calendar().zone()).date();
        const QString from = today.addDays(1 - days).toString(Qt::ISODate);
        if (lineId == 0)
            return allLinesDaily(id, from, today.toString(Qt::ISODate), clock);
        return HistoryStore(m_store).dailyUsage(id, lineId, from);
    });
}

Expected<std::vector<UsagePoint>> AccountHistory::allLinesDaily(qint64 accountId, const QString &from, const QString &today, Instant clock)
{
    // ISO dates compare as text.
    const bool kept = m_pastDays && m_pastDays->accountId == accountId && m_pastDays->writes == m_session.wideWrites()
                      && m_pastDays->from <= from && m_pastDays->until <= today;
    const QString readFrom = kept ? std::max(from, m_pastDays->until) : from;
    // Asked again at the same clock (after a write that touched no day of
    // usage): nothing is read.
    const bool same = kept && m_pastDays->clock == clock && m_pastDays->until == today && readFrom == today;
    Expected<std::vector<UsagePoint>> read = same ? Expected<std::vector<UsagePoint>>(m_pastDays->since)
                                                  : HistoryStore(m_store).dailyUsage(accountId, 0, readFrom);
    if (!read)
        return read;
    if (!kept)
        m_pastDays = PastDays{accountId, m_session.wideWrites(), from, today, {}, {}, {}};
    std::vector<UsagePoint> points;
    for (auto day = m_pastDays->days.lower_bound(from); day != m_pastDays->days.end() && day->first < readFrom; ++day)
        points.push_back(day->second);
    m_pastDays->since.clear();
    for (const UsagePoint &point : *read) {
        points.push_back(point);
        if (point.label < today)
            m_pastDays->days.insert_or_assign(point.label, point);
        else
            m_pastDays->since.push_back(point);
    }
    m_pastDays->until = today;
    m_pastDays->clock = clock;
    return points;
}

Expected<std::vector<UsagePoint>> AccountHistory::hourlyUsage(qint64 lineId, int hours)
{
    return m_session.forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        return HistoryStore(m_store).hourlyUsage(id, lineId, clock.plusMsecs(-qint64(hours) * 3600 * 1000));
    });
}

Expected<std::vector<AlertRow>> AccountHistory::alerts(bool unreadOnly, int limit, std::optional<HistoryKey> before)
{
    return m_session.forAccount(Access::Read, [&](qint64 id) { return HistoryStore(m_store).alerts(id, unreadOnly, limit, before); });
}

Expected<int> AccountHistory::unreadAlertCount()
{
    return m_session.forAccount(Access::Read, [&](qint64 id) { return HistoryStore(m_store).unreadAlertCount(id); });
}

Expected<void> AccountHistory::markAllAlertsRead()
{
    const Expected<void> done = m_session.forAccount(Access::Write, [&](qint64 id) { return HistoryStore(m_store).markAllAlertsRead(id); });
    if (done) {
        m_session.touched(Touched::nothing());
        emit allAlertsRead();
    }
    return done;
}

Expected<void> AccountHistory::markAlertRead(qint64 alertId)
{
    const Expected<void> done = m_session.forAccount(Access::Write, [&](qint64 id) { return HistoryStore(m_store).markAlertRead(id, alertId); });
    if (done) {
        m_session.touched(Touched::nothing());
        emit alertRead(alertId);
    }
    return done;
}

} // namespace topup
