#pragma once

#include "domain/expected.h"
#include "domain/instant.h"

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
// years of history read a few hundred rows, not millions.
class UsageStore final
{
public:
    enum class Path { Fastest, QtSqlOnly };

    explicit UsageStore(Database &database, Path path = Path::Fastest) : m_database(database), m_path(path) {}

    // Adds the samples and folds them into the roll-ups; the caller holds
    // the transaction.
    Expected<bool> write(const std::vector<UsageRow> &rows, const ZonedCalendar &calendar);

private:
    Expected<bool> writeSamples(const std::vector<UsageRow> &rows);

    Database &m_database;
    Path m_path;
};

} // namespace topup
