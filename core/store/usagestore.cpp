#include "usagestore.h"

#include "database.h"
#include "domain/civil.h"
#include "rules/zonedcalendar.h"
#include "statement.h"
#include "samplesrow.h"
#include "usagebatch.h"

#include <sqlite3.h>

#include <cstdio>
#include <limits>
#include <QHash>

#include <functional>
#include <utility>

namespace topup {
namespace {

// A line's samples of one UTC day from an hour on: a new row, or, when a
// save already wrote a row from that hour, added to it (read, merged,
// written back: a few rows a save).
const char *const recentInsertSql = "INSERT INTO usage_recent (line_id, hour, samples) VALUES (?, ?, ?)"
                                    " ON CONFLICT (line_id, hour) DO NOTHING";
const char *const recentSelectSql = "SELECT samples FROM usage_recent WHERE line_id = ? AND hour = ?";
const char *const recentUpdateSql = "UPDATE usage_recent SET samples = ? WHERE line_id = ? AND hour = ?";

const char *const daySql = "INSERT INTO usage_daily (line_id, day, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (line_id, day) DO UPDATE SET data_bytes = usage_daily.data_bytes + excluded.data_bytes,"
                           " voice_seconds = usage_daily.voice_seconds + excluded.voice_seconds";

const char *const pruneSql = "DELETE FROM usage_recent WHERE line_id = ? AND hour < ?";

// A local day's number since 1970-01-01 as the usage_daily key, YYYY-MM-DD.
QByteArray dayText(qint64 dayNumber)
{
    const civil::Date date = civil::civilFromDays(dayNumber);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", int(date.year), int(date.month), int(date.day));
    return QByteArray(text);
}

const char *const hourSql = "INSERT INTO usage_hourly (line_id, hour, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)"
                            " ON CONFLICT (line_id, hour) DO UPDATE SET data_bytes = usage_hourly.data_bytes + excluded.data_bytes,"
                            " voice_seconds = usage_hourly.voice_seconds + excluded.voice_seconds";

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
        return done();
    }
    bool run(qint64 a, qint64 b)
    {
        sqlite3_bind_int64(m_statement, 1, a);
        sqlite3_bind_int64(m_statement, 2, b);
        return done();
    }
    bool run(qint64 a, qint64 b, qint64 c, qint64 d)
    {
        sqlite3_bind_int64(m_statement, 1, a);
        sqlite3_bind_int64(m_statement, 2, b);
        sqlite3_bind_int64(m_statement, 3, c);
        sqlite3_bind_int64(m_statement, 4, d);
        return done();
    }
    bool run(qint64 a, qint64 b, const QByteArray &text)
    {
        sqlite3_bind_int64(m_statement, 1, a);
        sqlite3_bind_int64(m_statement, 2, b);
        sqlite3_bind_text(m_statement, 3, text.constData(), int(text.size()), SQLITE_STATIC);
        return done();
    }
    bool run(const QByteArray &text, qint64 b, qint64 c)
    {
        sqlite3_bind_text(m_statement, 1, text.constData(), int(text.size()), SQLITE_STATIC);
        sqlite3_bind_int64(m_statement, 2, b);
        sqlite3_bind_int64(m_statement, 3, c);
        return done();
    }
    // The first column of the row (a, b) selects, or nothing.
    bool text(qint64 a, qint64 b, std::optional<QByteArray> &out)
    {
        sqlite3_bind_int64(m_statement, 1, a);
        sqlite3_bind_int64(m_statement, 2, b);
        const int result = sqlite3_step(m_statement);
        out.reset();
        if (result == SQLITE_ROW)
            out = QByteArray(static_cast<const char *>(sqlite3_column_blob(m_statement, 0)), sqlite3_column_bytes(m_statement, 0));
        sqlite3_reset(m_statement);
        return result == SQLITE_ROW || result == SQLITE_DONE;
    }

private:
    bool done()
    {
        const int result = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        return result == SQLITE_DONE;
    }

    sqlite3_stmt *m_statement = nullptr;
    bool m_ok = false;
};

// How the samples reach their rows, on either path.
struct RecentRows final
{
    std::function<Expected<bool>(qint64 line, qint64 hour, const QByteArray &text)> insert; // false: the row was there
    std::function<Expected<std::optional<QByteArray>>(qint64 line, qint64 hour)> select;
    std::function<Expected<void>(qint64 line, qint64 hour, const QByteArray &text)> update;
};

// Groups the batch's samples by line and UTC day (they come line by line in
// the order of time, then any off the grid) and writes each group once, as
// the row of the hour its first sample is in.
Expected<void> writeSamples(Database &database, const UsageBatch &batch, Instant samplesFrom, const RecentRows &rows)
{
    qint64 line = 0;
    qint64 hour = 0;
    SamplesRow samples;
    QByteArray text; // one buffer for every row's text
    Expected<void> result;
    const auto flush = [&]() -> Expected<void> {
        if (samples.empty())
            return {};
        samples.writeText(text);
        const Expected<bool> inserted = rows.insert(line, hour, text);
        if (!inserted)
            return Expected<void>::failure(inserted.error());
        if (*inserted)
            return {};
        const Expected<std::optional<QByteArray>> held = rows.select(line, hour);
        if (!held)
            return Expected<void>::failure(held.error());
        Expected<SamplesRow> merged = SamplesRow::parse(held->value_or(QByteArray()), hour);
        if (!merged)
            return Expected<void>::failure(database.describe(UsageStore::tr("damaged usage (line %1, the samples from %2): %3")
                                                                 .arg(line)
                                                                 .arg(Instant::fromMsecs(SamplesRow::startOf(hour)).toString(),
                                                                      merged.error())));
        SamplesRow sum = merged.take();
        sum.add(samples);
        return rows.update(line, hour, sum.text());
    };
    batch.forEachUnwrittenSample(samplesFrom, [&](const UsageBatch::Sample &each) {
        if (!result)
            return;
        const qint64 eachHour = SamplesRow::hourOf(each.at.msecs());
        if (samples.empty() || each.lineId != line || eachHour < hour || SamplesRow::dayStartOf(eachHour) != SamplesRow::dayStartOf(hour)) {
            result = flush();
            samples.clear();
            line = each.lineId;
            hour = eachHour;
        }
        samples.add(each.at.msecs() - SamplesRow::startOf(hour), each.dataBytes, each.voiceSeconds);
    });
    if (!result)
        return result;
    return flush();
}

} // namespace

Instant UsageStore::samplesKeptFrom(Instant clock)
{
    return Instant::fromMsecs(SamplesRow::startOf(SamplesRow::dayStartOf(SamplesRow::hourOf(clock.msecs() - sampleRetentionMs))));
}

Expected<void> UsageStore::pruneSamples(qint64 lineId, Instant before)
{
    return pruneSamples(std::vector<qint64>{lineId}, before);
}

Expected<void> UsageStore::write(const std::vector<UsageRow> &rows, const ZonedCalendar &calendar, std::optional<Instant> samplesFrom)
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

Expected<void> UsageStore::write(const UsageBatch &batch, Instant samplesFrom)
{
    // Hundreds of thousands of rows a day in a fleet: on the connection's
    // own handle when it is safe, through Qt Sql otherwise (the same rows).
    if (sqlite3 *db = m_path == Path::Fastest ? m_database.rawHandle() : nullptr) {
        RawStatement insert(db, recentInsertSql);
        RawStatement select(db, recentSelectSql);
        RawStatement update(db, recentUpdateSql);
        RawStatement hourly(db, hourSql);
        RawStatement daily(db, daySql);
        const auto failed = [&] { return Expected<void>::failure(m_database.describe(QString::fromUtf8(sqlite3_errmsg(db)))); };
        if (!insert.ok() || !select.ok() || !update.ok() || !hourly.ok() || !daily.ok())
            return failed();
        const RecentRows rows{[&](qint64 line, qint64 hour, const QByteArray &text) -> Expected<bool> {
                                  if (!insert.run(line, hour, text))
                                      return Expected<bool>::failure(failed().error());
                                  return sqlite3_changes(db) > 0;
                              },
                              [&](qint64 line, qint64 hour) -> Expected<std::optional<QByteArray>> {
                                  std::optional<QByteArray> text;
                                  if (!select.text(line, hour, text))
                                      return Expected<std::optional<QByteArray>>::failure(failed().error());
                                  return text;
                              },
                              [&](qint64 line, qint64 hour, const QByteArray &text) -> Expected<void> {
                                  if (!update.run(text, line, hour))
                                      return failed();
                                  return {};
                              }};
        if (const Expected<void> written = writeSamples(m_database, batch, samplesFrom, rows); !written)
            return written;
        bool ok = true;
        batch.forEachHour([&](qint64 line, const UsageBatch::Sum &sum) {
            ok = ok && hourly.run(line, SamplesRow::hourOf(sum.key), sum.dataBytes, sum.voiceSeconds);
        });
        batch.forEachDay([&](qint64 line, const UsageBatch::Sum &sum) {
            ok = ok && daily.run(line, dayText(sum.key), sum.dataBytes, sum.voiceSeconds);
        });
        if (!ok)
            return failed();
        return {};
    }
    Statement insert(m_database, QLatin1String(recentInsertSql));
    Statement select(m_database, QLatin1String(recentSelectSql));
    Statement update(m_database, QLatin1String(recentUpdateSql));
    Statement hourly(m_database, QLatin1String(hourSql));
    Statement daily(m_database, QLatin1String(daySql));
    const RecentRows rows{[&](qint64 line, qint64 hour, const QByteArray &text) -> Expected<bool> {
                              insert.set(0, line).set(1, hour).set(2, QString::fromLatin1(text));
                              if (const Expected<void> ran = insert.run(); !ran)
                                  return Expected<bool>::failure(ran.error());
                              return insert.rowsAffected() > 0;
                          },
                          [&](qint64 line, qint64 hour) -> Expected<std::optional<QByteArray>> {
                              select.set(0, line).set(1, hour);
                              if (const Expected<void> ran = select.run(); !ran)
                                  return Expected<std::optional<QByteArray>>::failure(ran.error());
                              std::optional<QByteArray> text;
                              if (select.next())
                                  text = select.text(0).toLatin1();
                              select.finish();
                              return text;
                          },
                          [&](qint64 line, qint64 hour, const QByteArray &text) -> Expected<void> {
                              update.set(0, QString::fromLatin1(text)).set(1, line).set(2, hour);
                              return update.run();
                          }};
    Expected<void> result = writeSamples(m_database, batch, samplesFrom, rows);
    batch.forEachHour([&](qint64 line, const UsageBatch::Sum &sum) {
        if (!result)
            return;
        hourly.set(0, line).set(1, SamplesRow::hourOf(sum.key)).set(2, sum.dataBytes).set(3, sum.voiceSeconds);
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

Expected<void> UsageStore::pruneSamples(const std::vector<qint64> &lineIds, Instant before)
{
    // A row holds samples to the end of its hour's UTC day: only whole days go.
    const qint64 hour = SamplesRow::dayStartOf(SamplesRow::hourOf(before.msecs()));
    if (sqlite3 *db = m_path == Path::Fastest ? m_database.rawHandle() : nullptr) {
        RawStatement prune(db, pruneSql);
        if (!prune.ok())
            return Expected<void>::failure(m_database.describe(QString::fromUtf8(sqlite3_errmsg(db))));
        for (const qint64 line : lineIds) {
            if (!prune.run(line, hour))
                return Expected<void>::failure(m_database.describe(QString::fromUtf8(sqlite3_errmsg(db))));
        }
        return {};
    }
    Statement prune(m_database, QLatin1String(pruneSql));
    for (const qint64 line : lineIds) {
        prune.set(0, line).set(1, hour);
        if (const auto ran = prune.run(); !ran)
            return ran;
    }
    return {};
}

} // namespace topup
