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
    explicit UsageStore(Database &database) : m_database(database) {}

    // Adds the samples and folds them into the roll-ups; the caller holds
    // the transaction.
    Expected<bool> write(const std::vector<UsageRow> &rows, const ZonedCalendar &calendar);

private:
    Database &m_database;
};

} // namespace topup
