#pragma once

#include "domain/expected.h"
#include "domain/instant.h"
#include "domain/money.h"

#include <QString>

#include <vector>

namespace topup {

class Database;

struct AttemptRow final
{
    qint64 id = 0;
    Instant at;
    qint64 lineId = 0;
    QString lineName;
    QString trigger;
    QString key;
    int attempt = 1;
    qint64 methodId = 0; // 0: none (blocked)
    QString package;
    Money amount;
    QString status;
    QString reason;
};

struct MonthSpend final
{
    QString month; // local YYYY-MM
    Money autoSpend;
    Money manualSpend;
};

struct UsagePoint final
{
    QString label; // day (YYYY-MM-DD) or hour (ISO instant)
    qint64 dataBytes = 0;
    qint64 voiceSeconds = 0;
};

struct AlertRow final
{
    qint64 id = 0;
    Instant at;
    QString kind; // topup_failed, topup_blocked, threshold_suspended, card_expiring
    qint64 lineId = 0;
    QString lineName;
    qint64 methodId = 0;
    QString detail;
    bool read = false;
};

// What happened, for the dashboard: attempts, spend, usage, alerts. Every
// query is scoped to one account.
class HistoryStore final
{
public:
    explicit HistoryStore(Database &database) : m_database(database) {}

    Expected<std::vector<AttemptRow>> attempts(qint64 accountId, int limit, qint64 lineId = 0);
    Expected<std::vector<MonthSpend>> spendByMonth(qint64 accountId, qint64 lineId = 0);
    Expected<MonthSpend> spendIn(qint64 accountId, const QString &month, qint64 lineId = 0);
    Expected<std::vector<UsagePoint>> dailyUsage(qint64 accountId, qint64 lineId, const QString &fromDay);
    Expected<std::vector<UsagePoint>> hourlyUsage(qint64 accountId, qint64 lineId, Instant from);
    Expected<std::vector<AlertRow>> alerts(qint64 accountId, bool unreadOnly);
    Expected<bool> markAlertRead(qint64 accountId, qint64 alertId);

private:
    Database &m_database;
};

} // namespace topup
