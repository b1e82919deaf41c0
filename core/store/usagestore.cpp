#include "usagestore.h"

#include "database.h"
#include "domain/civil.h"
#include "rules/zonedcalendar.h"
#include "statement.h"
#include "usagebatch.h"

#include <sqlite3.h>

#include <cstdio>
#include <limits>
#include <QHash>

#include <utility>

namespace topup {
namespace {

const char *const sampleSql = "INSERT INTO usage_samples (line_id, at_ms, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)"
                              " ON CONFLICT (line_id, at_ms) DO UPDATE SET data_bytes = data_bytes + excluded.data_bytes,"
                              " voice_seconds = voice_seconds + excluded.voice_seconds";

const char *const daySql = "INSERT INTO usage_daily (line_id, day, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (line_id, day) DO UPDATE SET data_bytes = data_bytes + excluded.data_bytes,"
                           " voice_seconds = voice_seconds + excluded.voice_seconds";

const char *const pruneSql = "DELETE FROM usage_samples WHERE line_id = ? AND at_ms < ?";

// A local day's number since 1970-01-01 as the usage_daily key, YYYY-MM-DD.
QByteArray dayText(qint64 dayNumber)
{
    const civil::Date date = civil::civilFromDays(dayNumber);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", int(date.year), int(date.month), int(date.day));
    return QByteArray(text);
}

const char *const hourSql = "INSERT INTO usage_hourly (line_id, hour_ms, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)"
                            " ON CONFLICT (line_id, hour_ms) DO UPDATE SET data_bytes = data_bytes + excluded.data_bytes,"
                            " voice_seconds = voice_seconds + excluded.voice_seconds";

// A prepared statement on the raw handle, finalized on every path.
class RawStatement final
{
public:
    RawStatement(sqlite3 *db, const char *sql) { m_ok = sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr) == SQLITE_OK; }
    ~RawStatement() { sqlite3_finalize(m_statement); }
    Q_DISABLE_COPY_MOVE(RawStatement)

    bool ok() const noexcept { return m_ok; }
    bool run(qint64 a, const QByteArray &text, qint64 c, qint64 d)
    {
        sqlite3_bind_int64(m_statement, 1, a);
        sqlite3_bind_text(m_statement, 2, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(m_statement, 3, c);
        sqlite3_bind_int64(m_statement, 4, d);
        const int result = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        return result == SQLITE_DONE;
    }
    bool run(qint64 a, qint64 b)
    {
        sqlite3_bind_int64(m_statement, 1, a);
        sqlite3_bind_int64(m_statement, 2, b);
        const int result = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        return result == SQLITE_DONE;
    }
    bool run(qint64 a, qint64 b, qint64 c, qint64 d)
    {
        sqlite3_bind_int64(m_statement, 1, a);
        sqlite3_bind_int64(m_statement, 2, b);
        sqlite3_bind_int64(m_statement, 3, c);
        sqlite3_bind_int64(m_statement, 4, d);
        const int result = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        return result == SQLITE_DONE;
    }

private:
    sqlite3_stmt *m_statement = nullptr;
    bool m_ok = false;
};

} // namespace

Expected<bool> UsageStore::pruneSamples(qint64 lineId, Instant before)
{
    Statement prune(m_database, QStringLiteral("DELETE FROM usage_samples WHERE line_id = ? AND at_ms < ?"));
    prune.bind(lineId).bind(before.msecs());
    return prune.run();
}

Expected<bool> UsageStore::write(const std::vector<UsageRow> &rows, const ZonedCalendar &calendar, std::optional<Instant> samplesFrom)
{
    // The rows' lines in the order they first come; the batch sums each
    // line's hours and days as its rows come.
    std::vector<qint64> lineIds;
    QHash<qint64, int> lineIndex;
    for (const UsageRow &row : rows) {
        if (!lineIndex.contains(row.lineId)) {
            lineIndex.insert(row.lineId, int(lineIds.size()));
            lineIds.push_back(row.lineId);
        }
    }
    UsageBatch batch(std::move(lineIds), calendar, sampleEveryMs);
    batch.beginRun();
    for (const UsageRow &row : rows)
        batch.add(UsageRecord{lineIndex.value(row.lineId), row.at, row.dataBytes, row.voiceSeconds});
    batch.keepRun();
    return write(batch, samplesFrom.value_or(Instant::fromMsecs(std::numeric_limits<qint64>::min())));
}

Expected<bool> UsageStore::write(const UsageBatch &batch, Instant samplesFrom)
{
    // Millions of rows a day in a fleet: on the connection's own handle when
    // it is safe, through Qt Sql otherwise (the same rows).
    if (sqlite3 *db = m_path == Path::Fastest ? m_database.rawHandle() : nullptr) {
        RawStatement sample(db, sampleSql);
        RawStatement hourly(db, hourSql);
        RawStatement daily(db, daySql);
        if (!sample.ok() || !hourly.ok() || !daily.ok())
            return Expected<bool>::failure(m_database.describe(QString::fromUtf8(sqlite3_errmsg(db))));
        bool ok = true;
        batch.forEachUnwrittenSample(samplesFrom, [&](const UsageBatch::Sample &each) {
            ok = ok && sample.run(each.lineId, each.at.msecs(), each.dataBytes, each.voiceSeconds);
        });
        batch.forEachHour([&](qint64 line, const UsageBatch::Sum &sum) { ok = ok && hourly.run(line, sum.key, sum.dataBytes, sum.voiceSeconds); });
        batch.forEachDay([&](qint64 line, const UsageBatch::Sum &sum) {
            ok = ok && daily.run(line, dayText(sum.key), sum.dataBytes, sum.voiceSeconds);
        });
        if (!ok)
            return Expected<bool>::failure(m_database.describe(QString::fromUtf8(sqlite3_errmsg(db))));
        return true;
    }
    Statement sample(m_database, QLatin1String(sampleSql));
    Statement hourly(m_database, QLatin1String(hourSql));
    Statement daily(m_database, QLatin1String(daySql));
    Expected<bool> result = true;
    batch.forEachUnwrittenSample(samplesFrom, [&](const UsageBatch::Sample &each) {
        if (!result)
            return;
        sample.set(0, each.lineId).set(1, each.at.msecs()).set(2, each.dataBytes).set(3, each.voiceSeconds);
        result = sample.run();
    });
    batch.forEachHour([&](qint64 line, const UsageBatch::Sum &sum) {
        if (!result)
            return;
        hourly.set(0, line).set(1, sum.key).set(2, sum.dataBytes).set(3, sum.voiceSeconds);
        result = hourly.run();
    });
    batch.forEachDay([&](qint64 line, const UsageBatch::Sum &sum) {
        if (!result)
            return;
        daily.set(0, line).set(1, QString::fromLatin1(dayText(sum.key))).set(2, sum.dataBytes).set(3, sum.voiceSeconds);
        result = daily.run();
    });
    return result;
}

Expected<bool> UsageStore::pruneSamples(const std::vector<qint64> &lineIds, Instant before)
{
    if (sqlite3 *db = m_path == Path::Fastest ? m_database.rawHandle() : nullptr) {
        RawStatement prune(db, pruneSql);
        if (!prune.ok())
            return Expected<bool>::failure(m_database.describe(QString::fromUtf8(sqlite3_errmsg(db))));
        for (const qint64 line : lineIds) {
            if (!prune.run(line, before.msecs()))
                return Expected<bool>::failure(m_database.describe(QString::fromUtf8(sqlite3_errmsg(db))));
        }
        return true;
    }
    Statement prune(m_database, QLatin1String(pruneSql));
    for (const qint64 line : lineIds) {
        prune.set(0, line).set(1, before.msecs());
        if (const auto ran = prune.run(); !ran)
            return ran;
    }
    return true;
}

} // namespace topup
