#pragma once

#include "domain/expected.h"
#include "domain/instant.h"

#include <optional>
#include <vector>

namespace topup {

class Database;
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

    explicit UsageStore(Database &database, Path path = Path::Fastest) : m_database(database), m_path(path) {}

    // Adds the samples and folds them into the roll-ups; the caller holds
    // the transaction. With `samplesFrom`, samples before it are folded into
    // the roll-ups but not kept (they would be pruned in the same
    // transaction).
    Expected<bool> write(const std::vector<UsageRow> &rows, const ZonedCalendar &calendar,
                         std::optional<Instant> samplesFrom = std::nullopt);
    // Adds the samples from `from` on, without the roll-ups (which already
    // hold them).
    Expected<bool> writeSamplesOnly(const std::vector<UsageRow> &rows, Instant from);
    // Drops the line's samples before `before`; the roll-ups keep them.
    Expected<bool> pruneSamples(qint64 lineId, Instant before);

private:
    Expected<bool> writeSamples(const std::vector<UsageRow> &rows, std::optional<Instant> samplesFrom);

    Database &m_database;
    Path m_path;
};

} // namespace topup
