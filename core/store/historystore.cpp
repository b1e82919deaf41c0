#include "historystore.h"

#include <QHash>

#include "database.h"
#include "samplesrow.h"
#include "usagestore.h"
#include "statement.h"
#include "storedname.h"

#include <QCoreApplication>

#include <algorithm>

namespace topup {
namespace {

template<typename T, typename Failed>
Expected<T> failedWith(const Expected<Failed> &ran)
{
    return Expected<T>::failure(ran);
}

// The trigger, status and reason of `row` from the names the store keeps
// (StoredName: an unknown one is reported).
Expected<void> readNames(const QString &triggerName, const QString &statusName, const QString &reasonName, AttemptRow &row)
{
    const Expected<TriggerKind> trigger = StoredName::read(triggerName, parseTriggerKind, "attempt", row.id, "trigger");
    if (!trigger)
        return failedWith<void>(trigger);
    const Expected<AttemptStatus> status = StoredName::read(statusName, parseAttemptStatus, "attempt", row.id, "status");
    if (!status)
        return failedWith<void>(status);
    const std::optional<Reason> reason = parseReason(reasonName);
    if (!reason && !reasonName.isEmpty())
        return Expected<void>::failure(StoredName::unknown("attempt", row.id, "reason", reasonName));
    row.trigger = *trigger;
    row.status = *status;
    row.reason = reason;
    return {};
}

// What an alert of `row`'s kind keeps in its detail, read into `row`:
// false when the detail is not what that kind writes.
bool readDetail(const QString &detail, AlertRow &row)
{
    switch (row.kind) {
    case AlertKind::TopUpFailed:
        if (const std::optional<FailedTopUp> failed = FailedTopUp::fromDetail(row.methodId, detail)) {
            row.failedCharges = failed->charges;
            return true;
        }
        return false;
    case AlertKind::TopUpBlocked:
        row.blockedBy = parseReason(detail);
        return row.blockedBy.has_value();
    case AlertKind::ThresholdSuspended:
        return true;
    case AlertKind::CardExpiring:
        row.cardExpires = YearMonth::fromString(detail);
        return row.cardExpires.has_value();
    case AlertKind::LowFunds:
        row.lowFunds = LowFunds::fromDetail(row.methodId, detail);
        return row.lowFunds.has_value();
    }
    return false;
}

} // namespace

namespace {

// The rows strictly older than a key: a range on at_ms the index walks,
// then the ids at that very instant.
const char *const olderThanKey = " AND a.at_ms <= ? AND (a.at_ms < ? OR a.id < ?)";

void bindKey(Statement &statement, const std::optional<HistoryKey> &before)
{
    if (before)
        statement.bind(before->at.msecs()).bind(before->at.msecs()).bind(before->id);
}

} // namespace

QString HistoryStore::attemptsSql(bool oneLine, bool paged)
{
    // Two statements rather than `(? = 0 OR line_id = ?)`, which no index
    // can serve: every line walks attempts_account_time, one line
    // attempts_line_time (the unary + keeps the planner off the account's
    // index for it), both already in (at_ms, id) order; the date range, cut
    // at the key's instant for a next page, is the range of that walk, the
    // status and the ids at the key's instant tests on the rows it meets.
    return QStringLiteral("SELECT a.id, a.at_ms, a.line_id, l.name, a.trigger, a.chain_key, a.attempt,"
                          " coalesce(a.method_id, 0), p.name, a.amount_cents, a.status, coalesce(a.reason, ''), l.state"
                          " FROM attempts a JOIN lines l ON l.id = a.line_id JOIN packages p ON p.id = a.package_id"
                          " WHERE %1 AND a.at_ms BETWEEN ? AND ? AND (? = '' OR a.status = ?)%2 ORDER BY a.at_ms DESC, a.id DESC LIMIT ?")
        .arg(oneLine ? QLatin1String("+a.account_id = ? AND a.line_id = ?") : QLatin1String("a.account_id = ?"),
             paged ? QLatin1String(" AND (a.at_ms < ? OR a.id < ?)") : QLatin1String());
}

Expected<std::vector<AttemptRow>> HistoryStore::attempts(qint64 accountId, const AttemptFilter &filter, int limit,
                                                         std::optional<HistoryKey> before)
{
    Statement select(m_database, attemptsSql(filter.lineId != 0, before.has_value()));
    select.bind(accountId);
    if (filter.lineId != 0)
        select.bind(filter.lineId);
    // One upper end for the index range: the range's or the key's, whichever
    // is earlier (two, and SQLite would walk from the range's, past every
    // row of the pages before).
    select.bind(filter.fromMs).bind(before ? std::min(filter.toMs, before->at.msecs()) : filter.toMs);
    const QString status = filter.status ? attemptStatusName(*filter.status) : QString();
    select.bind(status).bind(status);
    if (before)
        select.bind(before->at.msecs()).bind(before->id);
    select.bind(m_database.dialect().limitValue(limit));
    if (const auto ran = select.run(); !ran)
        return failedWith<std::vector<AttemptRow>>(ran);
    std::vector<AttemptRow> rows;
    while (select.next()) {
        AttemptRow row{select.integer(0), Instant::fromMsecs(select.integer(1)), select.integer(2), select.text(3), TriggerKind::Threshold,
                       select.text(5), int(select.integer(6)), select.integer(7), select.text(8),
                       Money::fromCents(select.integer(9)), AttemptStatus::Succeeded, std::nullopt, LineState::Active};
        if (const Expected<void> named = readNames(select.text(4), select.text(10), select.text(11), row); !named)
            return Expected<std::vector<AttemptRow>>::failure(named);
        const Expected<LineState> lineState = StoredName::read(select.text(12), parseLineState, "line", row.lineId, "state");
        if (!lineState)
            return failedWith<std::vector<AttemptRow>>(lineState);
        row.lineState = *lineState;
        rows.push_back(std::move(row));
    }
    return rows;
}

Expected<int> HistoryStore::eachAttempt(qint64 accountId, const AttemptFilter &filter,
                                       const std::function<Expected<void>(const AttemptRow &)> &each)
{
    struct LineName
    {
        QString name;
        LineState state = LineState::Active;
    };
    QHash<qint64, LineName> lines;
    Statement lineNames(m_database, QStringLiteral("SELECT id, name, state FROM lines WHERE account_id = ?"));
    lineNames.bind(accountId);
    if (const auto ran = lineNames.run(); !ran)
        return failedWith<int>(ran);
    while (lineNames.next()) {
        const Expected<LineState> state = StoredName::read(lineNames.text(2), parseLineState, "line", lineNames.integer(0), "state");
        if (!state)
            return failedWith<int>(state);
        lines.insert(lineNames.integer(0), LineName{lineNames.text(1), *state});
    }
    QHash<qint64, QString> packages;
    Statement packageNames(m_database, QStringLiteral("SELECT id, name FROM packages"));
    if (const auto ran = packageNames.run(); !ran)
        return failedWith<int>(ran);
    while (packageNames.next())
        packages.insert(packageNames.integer(0), packageNames.text(1));
    // The walk attempts() makes, without its limit and without the joins.
    Statement select(m_database, QStringLiteral("SELECT a.id, a.at_ms, a.line_id, a.trigger, a.chain_key, a.attempt, coalesce(a.method_id, 0),"
                                                " a.package_id, a.amount_cents, a.status, coalesce(a.reason, '') FROM attempts a"
                                                " WHERE %1 AND a.at_ms BETWEEN ? AND ? AND (? = '' OR a.status = ?) ORDER BY a.at_ms DESC, a.id DESC")
                                     .arg(filter.lineId != 0 ? QLatin1String("+a.account_id = ? AND a.line_id = ?")
                                                             : QLatin1String("a.account_id = ?")));
    select.bind(accountId);
    if (filter.lineId != 0)
        select.bind(filter.lineId);
    const QString status = filter.status ? attemptStatusName(*filter.status) : QString();
    select.bind(filter.fromMs).bind(filter.toMs).bind(status).bind(status);
    if (const auto ran = select.run(); !ran)
        return failedWith<int>(ran);
    int count = 0;
    AttemptRow row;
    while (select.next()) {
        row.id = select.integer(0);
        row.at = Instant::fromMsecs(select.integer(1));
        row.lineId = select.integer(2);
        const LineName &line = lines[row.lineId];
        row.lineName = line.name;
        row.lineState = line.state;
        if (const Expected<void> named = readNames(select.text(3), select.text(9), select.text(10), row); !named)
            return Expected<int>::failure(named);
        row.key = select.text(4);
        row.attempt = int(select.integer(5));
        row.methodId = select.integer(6);
        row.package = packages.value(select.integer(7));
        row.amount = Money::fromCents(select.integer(8));
        if (const Expected<void> taken = each(row); !taken)
            return Expected<int>::failure(taken);
        ++count;
    }
    return count;
}

namespace {

// Auto top-ups, manual ones and lines bought, summed per row.
const char *const spendSums = "coalesce(sum(CASE WHEN trigger IN ('threshold', 'monthly') THEN amount_cents ELSE 0 END), 0),"
                              " coalesce(sum(CASE WHEN trigger = 'manual' THEN amount_cents ELSE 0 END), 0),"
                              " coalesce(sum(CASE WHEN trigger = 'purchase' THEN amount_cents ELSE 0 END), 0)";

MonthSpend spendFrom(const QString &month, const Statement &row, int first)
{
    return MonthSpend{month, Money::fromCents(row.integer(first)), Money::fromCents(row.integer(first + 1)),
                      Money::fromCents(row.integer(first + 2))};
}

} // namespace

Expected<std::vector<MonthSpend>> HistoryStore::spendByMonth(qint64 accountId, qint64 lineId)
{
    Statement select(m_database, QStringLiteral("SELECT month, %1 FROM attempts WHERE account_id = ? AND status = 'succeeded'"
                                                " AND (? = 0 OR line_id = ?) GROUP BY month ORDER BY month")
                                     .arg(QLatin1String(spendSums)));
    select.bind(accountId).bind(lineId).bind(lineId);
    if (const auto ran = select.run(); !ran)
        return failedWith<std::vector<MonthSpend>>(ran);
    std::vector<MonthSpend> months;
    while (select.next())
        months.push_back(spendFrom(select.text(0), select, 1));
    return months;
}

Expected<MonthSpend> HistoryStore::spendIn(qint64 accountId, const QString &month, qint64 lineId)
{
    Statement select(m_database, QStringLiteral("SELECT %1 FROM attempts WHERE account_id = ? AND status = 'succeeded' AND month = ?"
                                                " AND (? = 0 OR line_id = ?)")
                                     .arg(QLatin1String(spendSums)));
    select.bind(accountId).bind(month).bind(lineId).bind(lineId);
    if (const auto ran = select.run(); !ran)
        return failedWith<MonthSpend>(ran);
    select.next();
    return spendFrom(month, select, 0);
}

Expected<std::map<qint64, MonthSpend>> HistoryStore::spendOfLinesIn(qint64 accountId, const QString &month)
{
    // One pass over the month's attempts (index attempts_account_month) for
    // every line, where spendIn per line would pass over them once a line.
    Statement select(m_database, QStringLiteral("SELECT line_id, %1 FROM attempts WHERE account_id = ? AND month = ? AND status = 'succeeded'"
                                                " GROUP BY line_id")
                                     .arg(QLatin1String(spendSums)));
    select.bind(accountId).bind(month);
    if (const auto ran = select.run(); !ran)
        return failedWith<std::map<qint64, MonthSpend>>(ran);
    std::map<qint64, MonthSpend> spend;
    while (select.next())
        spend.emplace(select.integer(0), spendFrom(month, select, 1));
    return spend;
}

Expected<std::vector<UsagePoint>> HistoryStore::dailyUsage(qint64 accountId, qint64 lineId, const QString &fromDay)
{
    Statement select(m_database, lineId != 0 ? QStringLiteral("SELECT u.day, u.data_bytes, u.voice_seconds FROM usage_daily u"
                                                              " JOIN lines l ON l.id = u.line_id WHERE l.account_id = ? AND u.line_id = ?"
                                                              " AND u.day >= ? ORDER BY u.day")
                                             : QStringLiteral("SELECT u.day, sum(u.data_bytes), sum(u.voice_seconds) FROM usage_daily u"
                                                              " JOIN lines l ON l.id = u.line_id WHERE l.account_id = ? AND ? = 0"
                                                              " AND u.day >= ? GROUP BY u.day ORDER BY u.day"));
    select.bind(accountId).bind(lineId).bind(fromDay);
    if (const auto ran = select.run(); !ran)
        return failedWith<std::vector<UsagePoint>>(ran);
    std::vector<UsagePoint> points;
    while (select.next())
        points.push_back(UsagePoint{select.text(0), select.integer(1), select.integer(2)});
    return points;
}

Expected<std::vector<UsagePoint>> HistoryStore::hourlyUsage(qint64 accountId, qint64 lineId, Instant from)
{
    // The hours that start at `from` or later, from the rows of the UTC
    // days that hold them (a line's day of hours a row, see HoursRow).
    const qint64 firstHour = SamplesRow::hourOf(from.msecs() - 1) + 1;
    Statement select(m_database, QStringLiteral("SELECT u.day, u.hours FROM usage_hours u"
                                                " JOIN lines l ON l.id = u.line_id WHERE l.account_id = ? AND u.line_id = ?"
                                                " AND u.day >= ? ORDER BY u.day"));
    select.bind(accountId).bind(lineId).bind(HoursRow::dayOf(firstHour));
    if (const auto ran = select.run(); !ran)
        return failedWith<std::vector<UsagePoint>>(ran);
    std::vector<UsagePoint> points;
    while (select.next()) {
        const qint64 day = select.integer(0);
        const Expected<HoursRow> row = UsageStore::readHours(m_database, lineId, day, select.text(1).toLatin1());
        if (!row)
            return failedWith<std::vector<UsagePoint>>(row);
        for (const HoursRow::Hour &hour : row->hours()) {
            const qint64 number = HoursRow::firstHourOf(day) + hour.hour;
            if (number >= firstHour)
                points.push_back(UsagePoint{Instant::fromMsecs(SamplesRow::startOf(number)).toString(), hour.dataBytes, hour.voiceSeconds});
        }
    }
    return points;
}

QString HistoryStore::alertsSql(bool unreadOnly, bool paged)
{
    // Every alert walks alerts_account_time, the unread ones alerts_account
    // (account_id, read, at_ms).
    return QStringLiteral("SELECT a.id, a.at_ms, a.kind, coalesce(a.line_id, 0), coalesce(l.name, ''), coalesce(a.method_id, 0),"
                          " a.detail, a.read, coalesce(l.state, 'active') FROM alerts a LEFT JOIN lines l ON l.id = a.line_id"
                          " WHERE a.account_id = ?%1%2 ORDER BY a.at_ms DESC, a.id DESC LIMIT ?")
        .arg(unreadOnly ? QLatin1String(" AND a.read = 0") : QLatin1String(), paged ? QLatin1String(olderThanKey) : QLatin1String());
}

Expected<std::vector<AlertRow>> HistoryStore::alerts(qint64 accountId, bool unreadOnly, int limit, std::optional<HistoryKey> before)
{
    Statement select(m_database, alertsSql(unreadOnly, before.has_value()));
    select.bind(accountId);
    bindKey(select, before);
    select.bind(m_database.dialect().limitValue(limit));
    if (const auto ran = select.run(); !ran)
        return failedWith<std::vector<AlertRow>>(ran);
    std::vector<AlertRow> rows;
    while (select.next()) {
        const Expected<AlertKind> kind = StoredName::read(select.text(2), parseAlertKind, "alert", select.integer(0), "kind");
        if (!kind)
            return failedWith<std::vector<AlertRow>>(kind);
        // An account's alert (a card expiring) has no line; the query reads it as active.
        const Expected<LineState> lineState = StoredName::read(select.text(8), parseLineState, "line", select.integer(3), "state");
        if (!lineState)
            return failedWith<std::vector<AlertRow>>(lineState);
        AlertRow row;
        row.id = select.integer(0);
        row.at = Instant::fromMsecs(select.integer(1));
        row.kind = *kind;
        row.lineId = select.integer(3);
        row.lineName = select.text(4);
        row.methodId = select.integer(5);
        row.read = select.integer(7) != 0;
        row.lineState = *lineState;
        if (!readDetail(select.text(6), row))
            return Expected<std::vector<AlertRow>>::failure(StoredName::unknown("alert", row.id, "detail", select.text(6)));
        rows.push_back(std::move(row));
    }
    return rows;
}

Expected<int> HistoryStore::unreadAlertCount(qint64 accountId)
{
    Statement count(m_database, QStringLiteral("SELECT count(*) FROM alerts WHERE account_id = ? AND read = 0"));
    count.bind(accountId);
    if (const auto ran = count.run(); !ran)
        return failedWith<int>(ran);
    count.next();
    return int(count.integer(0));
}

Expected<std::vector<LineMonthTotals>> HistoryStore::monthTotals(qint64 accountId, const QString &month)
{
    // Auto top-ups are the threshold and monthly ones (neither manual ones nor line purchases).
    Statement select(m_database, QStringLiteral("SELECT line_id, sum(CASE WHEN trigger IN ('threshold', 'monthly') THEN amount_cents ELSE 0 END),"
                                                " sum(CASE WHEN trigger = 'manual' THEN amount_cents ELSE 0 END),"
                                                " sum(CASE WHEN trigger IN ('threshold', 'monthly') THEN 1 ELSE 0 END)"
                                                " FROM attempts WHERE account_id = ? AND month = ? AND status = 'succeeded'"
                                                " GROUP BY line_id"));
    select.bind(accountId).bind(month);
    if (const auto ran = select.run(); !ran)
        return failedWith<std::vector<LineMonthTotals>>(ran);
    std::vector<LineMonthTotals> totals;
    while (select.next())
        totals.push_back(LineMonthTotals{select.integer(0), Money::fromCents(select.integer(1)), Money::fromCents(select.integer(2)),
                                         select.integer(3)});
    return totals;
}

Expected<std::vector<std::pair<qint64, QString>>> HistoryStore::latestBlocked(qint64 accountId, const QString &month,
                                                                              const std::vector<qint64> *onlyLines)
{
    QString ofLines;
    if (onlyLines) {
        if (onlyLines->empty())
            return std::vector<std::pair<qint64, QString>>();
        QStringList ids;
        for (const qint64 line : *onlyLines)
            ids << QString::number(line);
        ofLines = QStringLiteral(" AND line_id IN (%1)").arg(ids.join(QLatin1Char(',')));
    }
    // A few lines through their index by line: `+account_id` keeps SQLite
    // from the account's index by time, which reads all its history.
    const QString account = onlyLines ? QStringLiteral("+account_id") : QStringLiteral("account_id");
    // Each line's latest such attempt (the last written of one instant).
    // A window both engines know: SQLite's bare column beside max(at_ms)
    // is its own (PostgreSQL refuses a column outside the GROUP BY).
    Statement select(m_database, QStringLiteral("SELECT line_id, reason FROM (SELECT line_id, coalesce(reason, '') AS reason,"
                                                " row_number() OVER (PARTITION BY line_id ORDER BY at_ms DESC, id DESC) AS latest FROM attempts"
                                                " WHERE %2 = ? AND month = ? AND status = 'blocked' AND trigger = 'threshold'%1) ranked"
                                                " WHERE latest = 1").arg(ofLines, account));
    select.bind(accountId).bind(month);
    if (const auto ran = select.run(); !ran)
        return failedWith<std::vector<std::pair<qint64, QString>>>(ran);
    std::vector<std::pair<qint64, QString>> reasons;
    while (select.next())
        reasons.emplace_back(select.integer(0), select.text(1));
    return reasons;
}

Expected<std::vector<std::pair<qint64, UsagePoint>>> HistoryStore::dailyUsageOfLines(qint64 accountId, const QString &fromDay,
                                                                                     qint64 lineId)
{
    Statement select(m_database, QStringLiteral("SELECT u.line_id, u.day, u.data_bytes, u.voice_seconds FROM usage_daily u"
                                                " JOIN lines l ON l.id = u.line_id WHERE l.account_id = ? AND u.day >= ?%1"
                                                " ORDER BY u.line_id, u.day")
                                     .arg(lineId != 0 ? QLatin1String(" AND u.line_id = ?") : QLatin1String()));
    select.bind(accountId).bind(fromDay);
    if (lineId != 0)
        select.bind(lineId);
    if (const auto ran = select.run(); !ran)
        return failedWith<std::vector<std::pair<qint64, UsagePoint>>>(ran);
    std::vector<std::pair<qint64, UsagePoint>> days;
    while (select.next())
        days.emplace_back(select.integer(0), UsagePoint{select.text(1), select.integer(2), select.integer(3)});
    return days;
}

Expected<void> HistoryStore::markAlertRead(qint64 accountId, qint64 alertId)
{
    return m_database.write([&]() -> Expected<void> {
        Statement update(m_database, QStringLiteral("UPDATE alerts SET read = 1 WHERE account_id = ? AND id = ?"));
        update.bind(accountId).bind(alertId);
        if (const auto ran = update.run(); !ran)
            return ran;
        if (update.rowsAffected() != 1)
            return Expected<void>::failure(QCoreApplication::translate("topup::HistoryStore", "no such alert"),
                                           QCoreApplication::translate("topup::HistoryStore", "No such alert."));
        return {};
    });
}

Expected<void> HistoryStore::markAllAlertsRead(qint64 accountId)
{
    return m_database.write([&]() -> Expected<void> {
        Statement update(m_database, QStringLiteral("UPDATE alerts SET read = 1 WHERE account_id = ? AND read = 0"));
        update.bind(accountId);
        return update.run();
    });
}

} // namespace topup
