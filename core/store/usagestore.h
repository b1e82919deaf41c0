#pragma once

#include "domain/expected.h"
#include "domain/instant.h"

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
// the 5-minute samples for the last 48 hours of its clock only (like
// vnStat); the hourly and daily roll-ups, which every chart and figure
// reads, are kept for ever and stay exact.
class UsageStore final
{
public:
    enum class Path { Fastest, QtSqlOnly };
    static constexpr qint64 sampleRetentionMs = 48LL * 60 * 60 * 1000;
    static constexpr qint64 sampleEveryMs = 5 * 60 * 1000; // the samples' grid (WorldLoader::usageEveryMs)

    explicit UsageStore(Database &database, Path path = Path::Fastest) : m_database(database), m_path(path) {}

    // Adds the samples and folds them into the roll-ups; the caller holds
    // the transaction. With `samplesFrom`, samples before it are folded into
    // the roll-ups but not kept (they would be pruned in the same
    // transaction).
    Expected<bool> write(const std::vector<UsageRow> &rows, const ZonedCalendar &calendar,
                         std::optional<Instant> samplesFrom = std::nullopt);
    // Drops the line's samples before `before`; the roll-ups keep them.
    Expected<bool> pruneSamples(qint64 lineId, Instant before);
    // A catch-up's unsaved usage: the batch's roll-ups, and its samples
    // from `samplesFrom` on that no save has written; the caller holds the
    // transaction. Statements prepared once for the whole batch.
    Expected<bool> write(const UsageBatch &batch, Instant samplesFrom);
    // Drops the samples of these lines before `before` (one statement).
    Expected<bool> pruneSamples(const std::vector<qint64> &lineIds, Instant before);

private:
    Database &m_database;
    Path m_path;
};

} // namespace topup
