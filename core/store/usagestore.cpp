#include "usagestore.h"

#include "arrayliteral.h"
#include "database.h"
#include "domain/civil.h"
#include "rules/zonedcalendar.h"
#include "hourrowswriter.h"
#include "hoursrow.h"
#include "rawstatement.h"
#include "samplesrow.h"
#include "statement.h"
#include "textcolumn.h"
#include "textrows.h"
#include "usagebatch.h"

#include <QHash>
#include <QSet>
#include <QSqlError>

#include <sqlite3.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <thread>
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

// Each group may be taken (moved from): it is emptied after.
using EachRowOfSamples = std::function<Expected<void>(qint64 line, qint64 hour, SamplesRow &samples)>;

// Groups the batch's samples by line and UTC day (they come line by line in
// the order of time, then any off the grid, so a line-day may come twice),
// each group the row of the hour its first sample is in, and hands each
// group on once, in that order.
Expected<void> forEachRowOfSamples(const UsageBatch &batch, Instant samplesFrom, const EachRowOfSamples &each)
{
    qint64 line = 0;
    qint64 hour = 0;
    SamplesRow samples;
    Expected<void> result;
    batch.forEachUnwrittenSample(samplesFrom, [&](const UsageBatch::Sample &sample) {
        if (!result)
            return;
        const qint64 sampleHour = SamplesRow::hourOf(sample.at.msecs());
        if (samples.empty() || sample.lineId != line || sampleHour < hour
            || SamplesRow::dayStartOf(sampleHour) != SamplesRow::dayStartOf(hour)) {
            if (!samples.empty())
                result = each(line, hour, samples);
            samples.clear(); // also when taken
            line = sample.lineId;
            hour = sampleHour;
        }
        samples.add(sample.at.msecs() - SamplesRow::startOf(hour), sample.dataBytes, sample.voiceSeconds);
    });
    if (!result || samples.empty())
        return result;
    return each(line, hour, samples);
}

// The samples a line-hour's row held (`held`, its text) with `samples` added.
Expected<SamplesRow> addedToHeld(Database &database, const QByteArray &held, qint64 line, qint64 hour, const SamplesRow &samples)
{
    Expected<SamplesRow> merged = SamplesRow::parse(held, hour);
    if (!merged) {
        const QString detail = UsageStore::tr("damaged usage (line %1, the samples from %2): %3")
                                   .arg(line)
                                   .arg(Instant::fromMsecs(SamplesRow::startOf(hour)).toString(), merged.error());
        return Expected<SamplesRow>::failure(database.damagedRows(database.describe(detail), detail));
    }
    SamplesRow sum = merged.take();
    sum.add(samples);
    return sum;
}

// A row from this line-hour that a save (or an earlier group) wrote
// already: read, the samples added, written back (a few rows a save).
Expected<void> addToHeldRow(Database &database, const TextRows &rows, qint64 line, qint64 hour, const SamplesRow &samples)
{
    const Expected<std::optional<QByteArray>> held = rows.select(line, hour);
    if (!held)
        return Expected<void>::failure(held);
    const Expected<SamplesRow> sum = addedToHeld(database, held->value_or(QByteArray()), line, hour, samples);
    if (!sum)
        return Expected<void>::failure(sum);
    return rows.update(line, hour, sum->text());
}

// Each row of the batch's samples: a new row, or added to the row there.
Expected<void> writeSamples(Database &database, const UsageBatch &batch, Instant samplesFrom, const TextRows &rows)
{
    QByteArray text; // one buffer for every row's text
    return forEachRowOfSamples(batch, samplesFrom, [&](qint64 line, qint64 hour, SamplesRow &samples) -> Expected<void> {
        samples.writeText(text);
        const Expected<bool> inserted = rows.insert(line, hour, text);
        if (!inserted)
            return Expected<void>::failure(inserted);
        if (*inserted)
            return {};
        return addToHeldRow(database, rows, line, hour, samples);
    });
}

// PostgreSQL's fast path: up to rowsPerStatement rows of samples or
// roll-ups in one statement, one array a column (Dialect::rowsFromArrays),
// instead of a round trip to the server a row. A key that comes again
// before its batch is written ends the batch first, so that every statement
// touches a row once (PostgreSQL refuses an ON CONFLICT … DO UPDATE that
// touches one row twice) and the rows are added to in the order they come,
// exactly as row by row.
constexpr qsizetype rowsPerStatement = 2000;

using Key = std::pair<qint64, qint64>; // the line's id, its hour or day

// Daily roll-ups, upserted a batch at a time.
class DayArrays final
{
public:
    explicit DayArrays(Database &database)
        : m_statement(database,
                      QStringLiteral("INSERT INTO usage_daily (line_id, day, data_bytes, voice_seconds) %1 ON CONFLICT (line_id, day) DO UPDATE"
                                     " SET data_bytes = usage_daily.data_bytes + excluded.data_bytes,"
                                     " voice_seconds = usage_daily.voice_seconds + excluded.voice_seconds")
                          .arg(database.dialect().rowsFromArrays(
                              {QStringLiteral("BIGINT"), QStringLiteral("TEXT"), QStringLiteral("BIGINT"), QStringLiteral("BIGINT")})))
    {
    }

    Expected<void> add(qint64 line, qint64 key, qint64 dataBytes, qint64 voiceSeconds)
    {
        if (m_keys.contains(Key{line, key})) {
            if (const Expected<void> written = flush(); !written)
                return written;
        }
        m_keys.insert(Key{line, key});
        m_lines.add(line);
        m_keyValues.add(dayText(key));
        m_data.add(dataBytes);
        m_voice.add(voiceSeconds);
        if (m_lines.size() >= rowsPerStatement)
            return flush();
        return {};
    }

    Expected<void> flush()
    {
        if (m_lines.size() == 0)
            return {};
        m_statement.set(0, m_lines.text()).set(1, m_keyValues.text()).set(2, m_data.text()).set(3, m_voice.text());
        m_keys.clear();
        m_lines.clear();
        m_keyValues.clear();
        m_data.clear();
        m_voice.clear();
        return m_statement.run();
    }

private:
    Statement m_statement;
    QSet<Key> m_keys;
    ArrayLiteral m_lines, m_keyValues, m_data, m_voice;
};

// A line-hour's samples kept beside its statement, in case the hour has a
// row already (then added to, one row at a time).
struct PendingSamples final
{
    qint64 line;
    qint64 hour;
    SamplesRow samples;
};

// One statement's rows of samples: the statement, its values in its text
// (the driver would go over the megabytes again to bind them), and the rows.
struct SamplesChunk final
{
    QString statement;
    std::vector<PendingSamples> pending;
};

// The batch's rows of samples cut into statements' arrays on a thread of
// its own, while the connection's thread sends the statement before (a day
// of 10 000 lines is about 25 MB of text): the same statements, cut where
// they were cut on one thread — at rowsPerStatement rows, and before a key
// that comes again. Two chunks at most wait to be sent. The batch is only
// read, and nothing else touches it until the last chunk is taken.
class SamplesChunks final
{
public:
    SamplesChunks(const Dialect &dialect, const UsageBatch &batch, Instant samplesFrom)
        : m_dialect(dialect), m_thread([this, &batch, samplesFrom] { make(batch, samplesFrom); })
    {
    }
    ~SamplesChunks()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_stopped = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }
    SamplesChunks(const SamplesChunks &) = delete;
    SamplesChunks &operator=(const SamplesChunks &) = delete;

    // The next chunk in order; none after the last.
    std::optional<SamplesChunk> next()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
        if (m_ready.empty())
            return std::nullopt;
        SamplesChunk chunk = std::move(m_ready.front());
        m_ready.pop_front();
        lock.unlock();
        m_changed.notify_all();
        return chunk;
    }

private:
    void make(const UsageBatch &batch, Instant samplesFrom)
    {
        QSet<Key> keys;
        ArrayLiteral lines, hours;
        TextColumn texts;
        std::vector<PendingSamples> pending;
        QByteArray text;
        bool going = true;
        const auto hand = [&] {
            if (pending.empty())
                return;
            SamplesChunk chunk{QStringLiteral("INSERT INTO usage_recent (line_id, hour, samples) %1"
                                              " ON CONFLICT (line_id, hour) DO NOTHING RETURNING line_id, hour")
                                   .arg(m_dialect.rowsFromArrayExpressions({Dialect::arrayOf(QStringLiteral("BIGINT"), lines.constant()),
                                                                            Dialect::arrayOf(QStringLiteral("BIGINT"), hours.constant()),
                                                                            texts.arrayExpression()})),
                               std::move(pending)};
            keys.clear();
            lines.clear();
            hours.clear();
            texts.clear();
            pending.clear();
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return m_ready.size() < 2 || m_stopped; });
            going = !m_stopped;
            if (going)
                m_ready.push_back(std::move(chunk));
            lock.unlock();
            m_changed.notify_all();
        };
        // Stopped: what is left of the batch is not cut.
        static_cast<void>(forEachRowOfSamples(batch, samplesFrom, [&](qint64 line, qint64 hour, SamplesRow &samples) -> Expected<void> {
            if (keys.contains(Key{line, hour}))
                hand();
            if (going) {
                keys.insert(Key{line, hour});
                samples.writeText(text);
                lines.add(line);
                hours.add(hour);
                texts.add(text);
                pending.push_back(PendingSamples{line, hour, std::move(samples)});
                if (lines.size() >= rowsPerStatement)
                    hand();
            }
            if (!going)
                return Expected<void>::failure(QStringLiteral("stopped"));
            return {};
        }));
        if (going)
            hand();
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_changed.notify_all();
    }

    const Dialect &m_dialect;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<SamplesChunk> m_ready;
    bool m_done = false;    // the last chunk is in m_ready
    bool m_stopped = false; // no more is taken
    std::thread m_thread;   // last: started once the rest is made
};

// The rows of one statement of samples that were held already (its insert
// made none for them: a move that ends inside the UTC day of the save
// before, as every play step and jump but a day's first): read in one
// statement, the samples added in their order, written back in one — not
// two round trips a line (issue 16: 2 s of a play step at 10 000 lines).
// Each key comes once in a statement's rows (SamplesChunks), so this
// writes what row by row writes; a damaged row is named as there, the
// first in the rows' order.
Expected<void> addToHeldRows(Database &database, const std::vector<const PendingSamples *> &held)
{
    if (held.empty())
        return {};
    const Dialect &dialect = database.dialect();
    ArrayLiteral lines, hours;
    for (const PendingSamples *each : held) {
        lines.add(each->line);
        hours.add(each->hour);
    }
    Statement select(database, QStringLiteral("SELECT u.line_id, u.hour, u.samples FROM usage_recent u"
                                              " JOIN (%1) AS k (line_id, hour) ON u.line_id = k.line_id AND u.hour = k.hour")
                                   .arg(dialect.rowsFromArrays({QStringLiteral("BIGINT"), QStringLiteral("BIGINT")})));
    select.set(0, lines.text()).set(1, hours.text());
    if (const Expected<void> ran = select.run(); !ran)
        return ran;
    QHash<Key, QByteArray> texts;
    while (select.next())
        texts.insert(Key{select.integer(0), select.integer(1)}, select.text(2).toLatin1());
    select.finish();
    TextColumn sums;
    QByteArray text;
    for (const PendingSamples *each : held) {
        const Expected<SamplesRow> sum = addedToHeld(database, texts.value(Key{each->line, each->hour}), each->line, each->hour, each->samples);
        if (!sum)
            return Expected<void>::failure(sum);
        sum->writeText(text);
        sums.add(text);
    }
    Statement update(database,
                     QStringLiteral("UPDATE usage_recent SET samples = v.s FROM (%1) AS v (l, h, s)"
                                    " WHERE usage_recent.line_id = v.l AND usage_recent.hour = v.h")
                         .arg(dialect.rowsFromArrayExpressions({Dialect::arrayOf(QStringLiteral("BIGINT"), lines.constant()),
                                                                Dialect::arrayOf(QStringLiteral("BIGINT"), hours.constant()), sums.arrayExpression()})),
                     Statement::Prepare::Never);
    return update.run();
}

// Rows of samples: inserted a statement at a time where no row holds the
// line's hour yet (the statement hands back the rows it made); the hours
// that had a row are then added to, all of the statement's at once.
Expected<void> writeSamplesAsArrays(Database &database, const UsageBatch &batch, Instant samplesFrom)
{
    SamplesChunks chunks(database.dialect(), batch, samplesFrom);
    while (std::optional<SamplesChunk> chunk = chunks.next()) {
        Statement insert(database, chunk->statement, Statement::Prepare::Never);
        if (const Expected<void> ran = insert.run(); !ran)
            return ran;
        QSet<Key> made;
        while (insert.next())
            made.insert(Key{insert.integer(0), insert.integer(1)});
        insert.finish();
        std::vector<const PendingSamples *> held;
        for (const PendingSamples &each : chunk->pending) {
            if (!made.contains(Key{each.line, each.hour}))
                held.push_back(&each);
        }
        if (const Expected<void> added = addToHeldRows(database, held); !added)
            return added;
    }
    return {};
}

} // namespace

Expected<HoursRow> UsageStore::readHours(Database &database, qint64 lineId, qint64 day, const QByteArray &text)
{
    Expected<HoursRow> row = HoursRow::parse(text);
    if (row)
        return row;
    const QString detail = tr("damaged usage (line %1, the hours of %2): %3")
                               .arg(lineId)
                               .arg(QString::fromLatin1(dayText(day)), row.error());
    return Expected<HoursRow>::failure(database.damagedRows(database.describe(detail), detail));
}

Expected<std::optional<Instant>> UsageStore::latestHour(Database &database)
{
    // The latest day any line has, then that day's rows, each found by its
    // key: the last hour of each (a row's hours are in order).
    Statement latest(database, QStringLiteral("SELECT max((SELECT max(day) FROM usage_hours WHERE line_id = l.id)) FROM lines l"));
    if (const auto ran = latest.run(); !ran)
        return Expected<std::optional<Instant>>::failure(ran);
    if (!latest.next() || latest.isNull(0))
        return std::optional<Instant>();
    const qint64 day = latest.integer(0);
    latest.finish();
    Statement rows(database, QStringLiteral("SELECT l.id, (SELECT hours FROM usage_hours WHERE line_id = l.id AND day = ?) FROM lines l"));
    rows.bind(day);
    if (const auto ran = rows.run(); !ran)
        return Expected<std::optional<Instant>>::failure(ran);
    std::optional<qint64> lastHour;
    while (rows.next()) {
        if (rows.isNull(1))
            continue;
        const Expected<HoursRow> row = readHours(database, rows.integer(0), day, rows.text(1).toLatin1());
        if (!row)
            return Expected<std::optional<Instant>>::failure(row);
        const qint64 hour = HoursRow::firstHourOf(day) + row->hours().back().hour;
        lastHour = lastHour ? std::max(*lastHour, hour) : hour;
    }
    if (!lastHour)
        return std::optional<Instant>();
    return std::optional<Instant>(Instant::fromMsecs(SamplesRow::startOf(*lastHour)));
}

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
    // own handle when it is safe, in batches of arrays on PostgreSQL, a Qt
    // Sql statement a row otherwise (the same rows).
    if (sqlite3 *db = m_path == Path::Fastest ? m_database.rawHandle() : nullptr) {
        RawStatement insert(db, recentInsertSql);
        RawStatement select(db, recentSelectSql);
        RawStatement update(db, recentUpdateSql);
        RawStatement hoursInsert(db, HourRowsWriter::insertSql);
        RawStatement hoursSelect(db, HourRowsWriter::selectSql);
        RawStatement hoursUpdate(db, HourRowsWriter::updateSql);
        RawStatement daily(db, daySql);
        const auto failed = [&] { return Expected<void>::failure(m_database.failureOfRawHandle()); };
        for (const RawStatement *each : {&insert, &select, &update, &hoursInsert, &hoursSelect, &hoursUpdate, &daily}) {
            if (!each->ok())
                return Expected<void>::failure(m_database.failureOf(each->error()));
        }
        // The rows of one table (line, key, text) on the raw handle.
        const auto rawRows = [&](RawStatement *insert, RawStatement *select, RawStatement *update) {
            return TextRows{[&, insert](qint64 line, qint64 key, const QByteArray &text) -> Expected<bool> {
                                  if (!insert->run(line, key, text))
                                      return Expected<bool>::failure(failed());
                                  return sqlite3_changes(db) > 0;
                              },
                              [&, select](qint64 line, qint64 key) -> Expected<std::optional<QByteArray>> {
                                  std::optional<QByteArray> text;
                                  if (!select->firstBytes(text, line, key))
                                      return Expected<std::optional<QByteArray>>::failure(failed());
                                  return text;
                              },
                              [&, update](qint64 line, qint64 key, const QByteArray &text) -> Expected<void> {
                                  if (!update->run(text, line, key))
                                      return failed();
                                  return {};
                              }};
        };
        if (const Expected<void> written = writeSamples(m_database, batch, samplesFrom, rawRows(&insert, &select, &update)); !written)
            return written;
        if (const Expected<void> written = HourRowsWriter(m_database).write(batch, rawRows(&hoursInsert, &hoursSelect, &hoursUpdate)); !written)
            return written;
        bool ok = true;
        batch.forEachDay([&](qint64 line, const UsageBatch::Sum &sum) {
            ok = ok && daily.run(line, dayText(sum.key), sum.dataBytes, sum.voiceSeconds);
        });
        if (!ok)
            return failed();
        return {};
    }
    if (m_path == Path::Fastest && m_database.dialect().hasArrays()) {
        Expected<void> result = writeSamplesAsArrays(m_database, batch, samplesFrom);
        if (result)
            result = HourRowsWriter(m_database).writeAsArrays(batch);
        DayArrays daily(m_database);
        batch.forEachDay([&](qint64 line, const UsageBatch::Sum &sum) {
            if (result)
                result = daily.add(line, sum.key, sum.dataBytes, sum.voiceSeconds);
        });
        if (result)
            result = daily.flush();
        return result;
    }
    Statement insert(m_database, QLatin1String(recentInsertSql));
    Statement select(m_database, QLatin1String(recentSelectSql));
    Statement update(m_database, QLatin1String(recentUpdateSql));
    const TextRows rows = TextRows::throughQtSql(insert, select, update);
    Statement hoursInsert(m_database, QLatin1String(HourRowsWriter::insertSql));
    Statement hoursSelect(m_database, QLatin1String(HourRowsWriter::selectSql));
    Statement hoursUpdate(m_database, QLatin1String(HourRowsWriter::updateSql));
    Statement daily(m_database, QLatin1String(daySql));
    Expected<void> result = writeSamples(m_database, batch, samplesFrom, rows);
    if (result)
        result = HourRowsWriter(m_database).write(batch, TextRows::throughQtSql(hoursInsert, hoursSelect, hoursUpdate));
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
            return Expected<void>::failure(m_database.failureOf(prune.error()));
        for (const qint64 line : lineIds) {
            if (!prune.run(line, hour))
                return Expected<void>::failure(m_database.failureOfRawHandle());
        }
        return {};
    }
    if (m_path == Path::Fastest && m_database.dialect().hasArrays()) {
        ArrayLiteral lines;
        for (const qint64 line : lineIds)
            lines.add(line);
        Statement prune(m_database, QStringLiteral("DELETE FROM usage_recent WHERE %1 AND hour < ?")
                                        .arg(m_database.dialect().inArray(QStringLiteral("line_id"), QStringLiteral("BIGINT"))));
        prune.bind(lines.text()).bind(hour);
        return prune.run();
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
