#pragma once

#include "domain/expected.h"
#include "domain/historyrows.h"
#include "domain/instant.h"

#include <QObject>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace topup {

class AccountSession;
class Database;

// What the signed-in account's history holds, for the Service: its top-up
// attempts (paged and exported), its spend by month, its usage by day and
// hour, and its alerts, read and marked read. Every call goes through
// AccountSession; the signals say which alerts were read. The daily usage
// of all the lines added up (the dashboard's chart) keeps the days before
// the world's today: a day the clock has passed gets no more usage, so
// only the days since are read again, while nothing but the engine moved
// the world (AccountSession::wideWrites: a write that may change anything,
// such as a new time zone, reads them all again; one that names the lines
// or methods it touched does not: no write changes a day gone by, and a
// line added has none, a line removed still counts in them).
class AccountHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountHistory)

public:
    AccountHistory(Database &store, AccountSession &session);

    Expected<std::vector<AttemptRow>> attempts(const AttemptFilter &filter, int limit, std::optional<HistoryKey> before);
    Expected<int> eachAttempt(const AttemptFilter &filter, const std::function<Expected<void>(const AttemptRow &)> &each);
    Expected<std::vector<MonthSpend>> spendByMonth(qint64 lineId);
    Expected<MonthSpend> spendThisMonth(qint64 lineId);
    Expected<std::map<qint64, MonthSpend>> spendThisMonthByLine();
    Expected<std::vector<UsagePoint>> dailyUsage(qint64 lineId, int days);
    Expected<std::vector<UsagePoint>> hourlyUsage(qint64 lineId, int hours);
    Expected<std::vector<AlertRow>> alerts(bool unreadOnly, int limit, std::optional<HistoryKey> before);
    Expected<int> unreadAlertCount();
    Expected<void> markAlertRead(qint64 alertId);
    Expected<void> markAllAlertsRead();

signals:
    void alertRead(qint64 alertId);
    void allAlertsRead();

private:
    // The days of all the lines added up that the clock has passed, as read.
    struct PastDays final
    {
        qint64 accountId = 0;
        quint64 writes = 0; // AccountSession::wideWrites()
        QString from;  // the first day kept
        QString until; // the world's today when they were read: the first day not kept
        std::map<QString, UsagePoint> days;
        // The days from `until` on as read at `clock`: only a move adds
        // usage, so they stand while the clock stays.
        Instant clock;
        std::vector<UsagePoint> since;
    };
    Expected<std::vector<UsagePoint>> allLinesDaily(qint64 accountId, const QString &from, const QString &today, Instant clock);

    Database &m_store;
    AccountSession &m_session;
    std::optional<PastDays> m_pastDays;
};

} // namespace topup
