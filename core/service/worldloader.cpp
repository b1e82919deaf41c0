#include "worldloader.h"

#include "domain/engineid.h"
#include "domain/civil.h"
#include "engine/outcome.h"
#include "rules/zonedcalendar.h"
#include "store/journalgateway.h"
#include "store/database.h"
#include "store/linestore.h"
#include "store/methodstore.h"
#include "store/packagestore.h"
#include "store/statement.h"
#include "store/storedname.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace topup {
namespace {

// Each row's index, for the rows read after them (a fleet's thousands of lines).
QHash<qint64, int> indexOfRows(const std::vector<qint64> &rows)
{
    QHash<qint64, int> index;
    index.reserve(qsizetype(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        index.insert(rows[i], int(i));
    return index;
}

// The usage grid: every 5 minutes since the epoch, whatever the run.
qint64 firstUsageIndex(Instant start)
{
    return civil::floorDiv(start.msecs() + WorldLoader::usageEveryMs - 1, WorldLoader::usageEveryMs);
}

// The months a run from `start` to `end` may charge in.
std::vector<YearMonth> monthsOf(const ZonedCalendar &calendar, Instant start, Instant end)
{
    std::vector<YearMonth> months;
    for (YearMonth month = calendar.monthOf(start); !(calendar.monthOf(end) < month); month = month.next())
        months.push_back(month);
    return months;
}

} // namespace

void WorldLoader::carryForward(LoadedWorld &loaded, const Outcome &outcome, Instant start, Instant end)
{
    World &world = loaded.world;
    world.start = start;
    world.end = end;
    for (std::size_t i = 0; i < world.lines.size() && i < outcome.lines.size(); ++i) {
        const LineOutcome &line = outcome.lines[i];
        world.lines[i].data = DataAmount(line.dataBytes);
        world.lines[i].voice = VoiceAmount(line.voiceSeconds);
        // What the store saves of the progress (manual top-ups are counted
        // by the service, not by a catch-up).
        LineProgress &progress = world.progress[i];
        progress.state = line.progress.state;
        progress.thresholdChains = line.progress.thresholdChains;
        progress.lastMonthlyKey = line.progress.lastMonthlyKey;
        progress.unservedDataBytes = line.unservedDataBytes;
        progress.unservedVoiceSeconds = line.unservedVoiceSeconds;
    }
    for (std::size_t i = 0; i < world.methods.size() && i < outcome.methodFunds.size(); ++i)
        world.methods[i].funds = outcome.methodFunds[i];
    world.retries = outcome.retries;
    loaded.monthSpend.clear(); // read for the outlook, not carried
    const qint64 firstIndex = firstUsageIndex(start);
    for (UsageStream &stream : world.streams) {
        stream.firstAt = Instant::fromMsecs(firstIndex * usageEveryMs);
        stream.firstIndex = firstIndex;
    }
    const std::vector<YearMonth> months = monthsOf(ZonedCalendar(world.zone), start, end);
    world.priorSpend.clear();
    for (const SpendRow &row : outcome.spend) {
        if (std::find(months.begin(), months.end(), row.month) != months.end())
            world.priorSpend.push_back(PriorSpend{row.line, row.month, row.autoSpend, row.manualSpend, row.autoCount});
    }
}

bool WorldLoader::mergeLines(LoadedWorld &loaded, LoadedWorld part, const std::vector<qint64> &read)
{
    World &world = loaded.world;
    World &fresh = part.world;
    const std::size_t count = loaded.lineRows.size();
    if (world.lines.size() != count || world.progress.size() != count || world.streams.size() != count
        || loaded.lineRecords.size() != count || fresh.lines.size() != part.lineRows.size()
        || fresh.progress.size() != part.lineRows.size() || fresh.streams.size() != part.lineRows.size())
        return false;
    // A narrowed world counts the other lines' spend as one: not one to merge
    // into (checked before anything is moved out of `loaded`).
    if (std::any_of(world.priorSpend.begin(), world.priorSpend.end(), [](const PriorSpend &prior) { return prior.line == PriorSpend::otherLines; }))
        return false;
    const QSet<qint64> again(read.begin(), read.end());
    // Both in the order of their rows (load: ORDER BY id); the kept lines
    // read again give way to their new rows, or to none (removed).
    std::vector<int> fromKept(count, -1);
    std::vector<int> fromPart(part.lineRows.size(), -1);
    std::vector<Line> lines;
    std::vector<LineProgress> progress;
    std::vector<UsageStream> streams;
    std::vector<qint64> rows;
    std::vector<LineRecord> records;
    const std::size_t size = count + part.lineRows.size();
    lines.reserve(size);
    progress.reserve(size);
    streams.reserve(size);
    rows.reserve(size);
    records.reserve(size);
    const qint64 firstIndex = firstUsageIndex(fresh.start);
    const auto take = [&](LoadedWorld &from, std::size_t index, std::vector<int> &to) {
        to[index] = int(rows.size());
        lines.push_back(std::move(from.world.lines[index]));
        progress.push_back(from.world.progress[index]);
        UsageStream stream = std::move(from.world.streams[index]);
        stream.firstAt = Instant::fromMsecs(firstIndex * usageEveryMs);
        stream.firstIndex = firstIndex;
        streams.push_back(std::move(stream));
        rows.push_back(from.lineRows[index]);
        records.push_back(std::move(from.lineRecords[index]));
    };
    std::size_t k = 0;
    std::size_t p = 0;
    while (k < count || p < part.lineRows.size()) {
        if (k < count && again.contains(loaded.lineRows[k])) {
            ++k;
            continue;
        }
        if (p == part.lineRows.size() || (k < count && loaded.lineRows[k] < part.lineRows[p]))
            take(loaded, k++, fromKept);
        else
            take(part, p++, fromPart);
    }
    std::vector<PendingRetryState> retries;
    retries.reserve(world.retries.size() + fresh.retries.size());
    for (PendingRetryState &retry : world.retries) {
        if (const int to = fromKept[std::size_t(retry.line)]; to >= 0) {
            retry.line = to;
            retries.push_back(std::move(retry));
        }
    }
    for (PendingRetryState &retry : fresh.retries) {
        retry.line = fromPart[std::size_t(retry.line)];
        retries.push_back(std::move(retry));
    }
    std::vector<PriorSpend> spend;
    spend.reserve(world.priorSpend.size() + fresh.priorSpend.size());
    for (PriorSpend &prior : world.priorSpend) {
        if (const int to = fromKept[std::size_t(prior.line)]; to >= 0) {
            prior.line = to;
            spend.push_back(prior);
        }
    }
    // The account's spend by line: the lines read again as they are now.
    std::vector<std::pair<YearMonth, LineMonthTotals>> monthSpend;
    monthSpend.reserve(loaded.monthSpend.size() + fresh.priorSpend.size());
    const QSet<qint64> readNow(part.lineRows.begin(), part.lineRows.end());
    for (std::pair<YearMonth, LineMonthTotals> &line : loaded.monthSpend) {
        if (!readNow.contains(line.second.lineId))
            monthSpend.push_back(std::move(line));
    }
    for (const PriorSpend &prior : fresh.priorSpend) {
        if (prior.line == PriorSpend::otherLines)
            continue; // the whole world counts every line itself
        const qint64 row = part.lineRows[std::size_t(prior.line)];
        monthSpend.emplace_back(prior.month, LineMonthTotals{row, prior.autoSpend, prior.manualSpend, prior.autoCount});
        spend.push_back(PriorSpend{fromPart[std::size_t(prior.line)], prior.month, prior.autoSpend, prior.manualSpend, prior.autoCount});
    }
    fresh.lines = std::move(lines);
    fresh.progress = std::move(progress);
    fresh.streams = std::move(streams);
    fresh.retries = std::move(retries);
    fresh.priorSpend = std::move(spend);
    part.lineRows = std::move(rows);
    part.lineRecords = std::move(records);
    part.monthSpend = std::move(monthSpend);
    loaded = std::move(part);
    return true;
}

Expected<LoadedWorld> WorldLoader::load(qint64 accountId, Instant start, Instant end, const std::vector<qint64> *onlyLines)
{
    LoadedWorld loaded;
    const Expected<Account> account = AccountStore(m_store, 1).account(accountId);
    if (!account)
        return Expected<LoadedWorld>::failure(account);
    loaded.account = *account;
    World &world = loaded.world;
    world.zone = QTimeZone(account->timezone.toUtf8());
    world.currency = account->currency;
    world.start = start;
    world.end = end;
    world.accountCap = account->monthlyCap;
    world.recordUsage = true;

    const Expected<std::vector<PackageRecord>> packages = PackageStore(m_store).list(accountId);
    if (!packages)
        return Expected<LoadedWorld>::failure(packages);
    for (const PackageRecord &record : *packages) {
        world.packages.push_back(record.package);
        loaded.packageRows.push_back(record.id);
    }

    const Expected<std::vector<MethodRecord>> methods = MethodStore(m_store, m_provider).list(accountId);
    if (!methods)
        return Expected<LoadedWorld>::failure(methods);
    for (const MethodRecord &record : *methods) {
        world.methods.push_back(PaymentMethod{record.engineId(), record.kind, record.funds, record.expires, record.fundsKnown, record.atProvider});
        loaded.methodRows.push_back(record.id);
        loaded.methodTokens.push_back(record.token);
    }

    Expected<std::vector<LineRecord>> lines = onlyLines ? LineStore(m_store, m_readRules).listOnly(accountId, *onlyLines)
                                                       : LineStore(m_store, m_readRules).list(accountId);
    if (!lines)
        return Expected<LoadedWorld>::failure(lines);
    const qint64 firstIndex = firstUsageIndex(start);
    const QHash<qint64, int> methodIndex = indexOfRows(loaded.methodRows);
    for (const LineRecord &record : *lines) {
        Line line{record.engineId(), DataAmount(record.dataBytes), VoiceAmount(record.voiceSeconds), record.policy};
        if (line.policy && (!line.policy->method.isEmpty() && !methodIndex.contains(EngineId::methodRow(line.policy->method).value_or(0))))
            line.policy->enabled = false; // its method was removed: it cannot charge (the UI says so)
        world.lines.push_back(line);
        world.progress.push_back(record.progress);
        world.streams.push_back(UsageStream{record.engineId(), record.profile, record.seed, usageEveryMs / 1000,
                                            Instant::fromMsecs(firstIndex * usageEveryMs), firstIndex});
        loaded.lineRows.push_back(record.id);
    }
    loaded.lineRecords = lines.take();
    const QHash<qint64, int> lineIndex = indexOfRows(loaded.lineRows);

    QStringList lineIds;
    for (const qint64 row : loaded.lineRows)
        lineIds << QString::number(row);
    // The narrowed world's lines as a condition on `column`. None at all is
    // a condition no row meets: SQLite reads `IN ()`, PostgreSQL refuses it.
    const auto ofTheLines = [&lineIds](const char *column) {
        return lineIds.isEmpty() ? QStringLiteral("1 = 0") : QStringLiteral("%1 IN (%2)").arg(QLatin1String(column), lineIds.join(QLatin1Char(',')));
    };
    const QString retriesOf = onlyLines ? ofTheLines("r.line_id") : QStringLiteral("l.account_id = ?");
    Statement retries(m_store, QStringLiteral("SELECT r.line_id, r.trigger, r.chain_key, r.attempt, r.due_ms FROM retries r"
                                              " JOIN lines l ON l.id = r.line_id WHERE %1 ORDER BY r.seq, r.id").arg(retriesOf));
    if (!onlyLines)
        retries.bind(accountId);
    if (const auto ran = retries.run(); !ran)
        return Expected<LoadedWorld>::failure(ran);
    while (retries.next()) {
        const int line = lineIndex.value(retries.integer(0), -1);
        if (line < 0)
            continue;
        const Expected<TriggerKind> trigger = StoredName::read(retries.text(1), parseTriggerKind, "retry of line", retries.integer(0), "trigger");
        if (!trigger)
            return Expected<LoadedWorld>::failure(trigger);
        world.retries.push_back(PendingRetryState{line, *trigger, retries.text(2), int(retries.integer(3)), Instant::fromMsecs(retries.integer(4))});
    }
    retries.finish();

    // Spend of the months the run touches, for the limits.
    const ZonedCalendar calendar(world.zone);
    QStringList months;
    for (const YearMonth &month : monthsOf(calendar, start, end))
        months << QStringLiteral("'%1'").arg(month.toString());
    // A narrowed world reads its own lines' spend (through the index by
    // line), and the other lines' auto spend added up for the account cap.
    const QString whose = onlyLines ? ofTheLines("line_id") : QStringLiteral("account_id = ?");
    Statement spend(m_store, QStringLiteral("SELECT line_id, month, sum(CASE WHEN trigger IN ('threshold', 'monthly') THEN amount_cents ELSE 0 END),"
                                            " sum(CASE WHEN trigger = 'manual' THEN amount_cents ELSE 0 END),"
                                            " sum(CASE WHEN trigger IN ('threshold', 'monthly') THEN 1 ELSE 0 END)"
                                            " FROM attempts WHERE %2 AND status = 'succeeded' AND month IN (%1)"
                                            " GROUP BY line_id, month")
                                 .arg(months.join(QLatin1Char(',')), whose));
    if (!onlyLines)
        spend.bind(accountId);
    if (const auto ran = spend.run(); !ran)
        return Expected<LoadedWorld>::failure(ran);
    while (spend.next()) {
        const int line = lineIndex.value(spend.integer(0), -1);
        const QString month = spend.text(1);
        const YearMonth yearMonth{month.left(4).toInt(), month.mid(5, 2).toInt()};
        if (line >= 0)
            world.priorSpend.push_back(PriorSpend{line, yearMonth, Money::fromCents(spend.integer(2)), Money::fromCents(spend.integer(3)),
                                                  int(spend.integer(4))});
        if (!onlyLines)
            loaded.monthSpend.emplace_back(yearMonth, LineMonthTotals{spend.integer(0), Money::fromCents(spend.integer(2)),
                                                                      Money::fromCents(spend.integer(3)), spend.integer(4)});
    }
    spend.finish();
    if (onlyLines && world.accountCap) {
        Statement others(m_store, QStringLiteral("SELECT month, sum(amount_cents) FROM attempts WHERE account_id = ? AND status = 'succeeded'"
                                                 " AND trigger IN ('threshold', 'monthly') AND month IN (%1) AND NOT (%2)"
                                                 " GROUP BY month")
                                      .arg(months.join(QLatin1Char(',')), ofTheLines("line_id")));
        others.bind(accountId);
        if (const auto ran = others.run(); !ran)
            return Expected<LoadedWorld>::failure(ran);
        while (others.next()) {
            const QString month = others.text(0);
            world.priorSpend.push_back(PriorSpend{PriorSpend::otherLines, YearMonth{month.left(4).toInt(), month.mid(5, 2).toInt()},
                                                  Money::fromCents(others.integer(1)), Money(), 0});
        }
    }
    return loaded;
}

} // namespace topup
