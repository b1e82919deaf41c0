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
        return HistoryStore(m_store).dailyUsage(id, lineId, today.addDays(1 - days).toString(Qt::ISODate));
    });
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
    if (done)
        emit allAlertsRead();
    return done;
}

Expected<void> AccountHistory::markAlertRead(qint64 alertId)
{
    const Expected<void> done = m_session.forAccount(Access::Write, [&](qint64 id) { return HistoryStore(m_store).markAlertRead(id, alertId); });
    if (done)
        emit alertRead(alertId);
    return done;
}

} // namespace topup
