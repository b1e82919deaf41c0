#pragma once

#include "domain/expected.h"
#include "domain/historyrows.h"
#include "domain/instant.h"
#include "domain/money.h"

#include <QString>

#include <functional>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace topup {

class Database;

// What happened, for the dashboard: attempts, spend, usage, alerts. Every
// query is scoped to one account.
class HistoryStore final
{
public:
    explicit HistoryStore(Database &database) : m_database(database) {}

    // Newest first, those `filter` lets through, at most `limit` (-1: all);
    // with `before`, the page after that row (keyset paging: an index range,
    // not the rows before it read again).
    Expected<std::vector<AttemptRow>> attempts(qint64 accountId, const AttemptFilter &filter, int limit,
                                               std::optional<HistoryKey> before = std::nullopt);
    // Every attempt `filter` lets through, newest first, handed to `each`
    // one at a time from one statement (a million are never held at once;
    // the line and package names read once, not joined to every row);
    // stops at the first failure `each` returns. The number of rows handed.
    Expected<int> eachAttempt(qint64 accountId, const AttemptFilter &filter,
                              const std::function<Expected<void>(const AttemptRow &)> &each);
    Expected<std::vector<MonthSpend>> spendByMonth(qint64 accountId, qint64 lineId = 0);
    Expected<MonthSpend> spendIn(qint64 accountId, const QString &month, qint64 lineId = 0);
    // spendIn of every line at once, in one query: lines without a succeeded
    // attempt in `month` are left out (their spend is zero).
    Expected<std::map<qint64, MonthSpend>> spendOfLinesIn(qint64 accountId, const QString &month);
    // One line's days, or (lineId 0) every line's added up.
    Expected<std::vector<UsagePoint>> dailyUsage(qint64 accountId, qint64 lineId, const QString &fromDay);
    Expected<std::vector<UsagePoint>> hourlyUsage(qint64 accountId, qint64 lineId, Instant from);
    // Newest first, paged as attempts().
    Expected<std::vector<AlertRow>> alerts(qint64 accountId, bool unreadOnly, int limit = -1,
                                           std::optional<HistoryKey> before = std::nullopt);
    Expected<int> unreadAlertCount(qint64 accountId);

    // For every line at once (the outlook asks a fixed number of questions,
    // however many lines there are):
    // each line's succeeded top-ups in the local month `month` (lines without any left out);
    Expected<std::vector<LineMonthTotals>> monthTotals(qint64 accountId, const QString &month);
    // the reason of each line's latest blocked threshold attempt in `month`
    // (of the lines `onlyLines` when given: the outlook after a write reads a few);
    Expected<std::vector<std::pair<qint64, QString>>> latestBlocked(qint64 accountId, const QString &month,
                                                                    const std::vector<qint64> *onlyLines = nullptr);
    // each line's daily usage from `fromDay` on (line, then day); `lineId` (not 0): that line's only.
    Expected<std::vector<std::pair<qint64, UsagePoint>>> dailyUsageOfLines(qint64 accountId, const QString &fromDay,
                                                                            qint64 lineId = 0);
    Expected<void> markAlertRead(qint64 accountId, qint64 alertId);
    Expected<void> markAllAlertsRead(qint64 accountId);

    // The statements attempts() and alerts() run, for checking their query
    // plans (each walks an index in order: no temporary B-tree).
    static QString attemptsSql(bool oneLine, bool paged);
    static QString alertsSql(bool unreadOnly, bool paged);

private:
    Database &m_database;
};

} // namespace topup
