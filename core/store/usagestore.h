#pragma once

#include "domain/expected.h"
#include "domain/instant.h"
#include "hoursrow.h"

#include <QCoreApplication>

#include <optional>
#include <vector>

namespace topup {

class Database;
class UsageBatch;
class ZonedCalendar;

struct UsageRow final
{
    qint64 lineId = 0;
    Instant at;
    qint64 dataBytes = 0;
    qint64 voiceSeconds = 0;
};

// Usage as samples plus hourly and daily roll-ups (local days), so charts of
// years of history read a few hundred rows, not millions. The world keeps
// the 5-minute samples of the UTC days that reach into the last 48 hours of
// its clock only (like vnStat), a row or two a line-day (`usage_recent`,
// see SamplesRow); the hourly and daily roll-ups, which every chart and
// figure reads, are kept for ever and stay exact.
class UsageStore final
{
    Q_DECLARE_TR_FUNCTIONS(UsageStore)

public:
    // Fastest: SQLite's through the connection's own sqlite3 handle (when
    // Qt's driver runs the SQLite we link), PostgreSQL's thousands of rows
    // a statement as arrays (Dialect::rowsFromArrays); QtSqlOnly: a Qt Sql
    // statement a row on either engine. Both write exactly the same rows.
    enum class Path { Fastest, QtSqlOnly };
    static constexpr qint64 sampleRetentionMs = 48LL * 60 * 60 * 1000;
    static constexpr qint64 sampleEveryMs = 5 * 60 * 1000; // the samples' grid (WorldLoader::usageEveryMs)

    // The first sample a world whose clock reads `clock` keeps: the start
    // of the UTC day that holds the instant 48 hours before it (samples are
    // kept and dropped a UTC day at a time, as a row holds them: 48 to 72
    // hours of them).
    static Instant samplesKeptFrom(Instant clock);

    explicit UsageStore(Database &database, Path path = Path::Fastest) : m_database(database), m_path(path) {}

    // Adds the samples and folds them into the roll-ups; the caller holds
    // the transaction. With `samplesFrom`, samples before it are folded into
    // the roll-ups but not kept (they would be pruned in the same
    // transaction).
    Expected<void> write(const std::vector<UsageRow> &rows, const ZonedCalendar &calendar,
                         std::optional<Instant> samplesFrom = std::nullopt);
    // Drops the line's samples of the UTC days before the one that holds
    // `before` (that day is kept whole); the roll-ups keep them.
    Expected<void> pruneSamples(qint64 lineId, Instant before);
    // A catch-up's unsaved usage: the batch's roll-ups, and its samples
    // from `samplesFrom` on that no save has written (added to a row when a
    // save wrote one from the same hour already); the caller holds
    // the transaction. Statements prepared once for the whole batch.
    Expected<void> write(const UsageBatch &batch, Instant samplesFrom);
    // The same as pruneSamples for these lines (one statement).
    Expected<void> pruneSamples(const std::vector<qint64> &lineIds, Instant before);

    // A row of `usage_hours` read back (the line's hours of the UTC day
    // `day`, days since 1970); a damaged text is reported as damage.
    static Expected<HoursRow> readHours(Database &database, qint64 lineId, qint64 day, const QByteArray &text);
    // The start of the latest hour any line has a roll-up of; nothing when
    // none has one. Through the key (line, day): no scan of the history.
    static Expected<std::optional<Instant>> latestHour(Database &database);

private:
    Database &m_database;
    Path m_path;
};

} // namespace topup
