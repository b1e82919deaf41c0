#pragma once

#include "domain/expected.h"
#include "domain/instant.h"

#include <QString>

namespace topup {
class Database;
class JournalGateway;
} // namespace topup

namespace topup::test {

// The world the crash test hammers: one account, two lines, two packages,
// a card and a wallet. Set up idempotently (a kill may interrupt it), the
// provider's accounts first.
Expected<void> ensureStormWorld(Database &store, JournalGateway &journal);

constexpr qint64 stormLineData = 1'000'000'000;

// The fixed "now" of the catch-up storm's service: 2027-01-01T00:00:00Z.
inline Instant stormNow()
{
    return Instant::fromMsecs(1'798'761'600'000);
}

} // namespace topup::test
