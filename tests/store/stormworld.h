#pragma once

#include "domain/expected.h"
#include "domain/instant.h"

#include <QString>

#include <memory>

namespace topup {
class Database;
class DataDirectory;
class JournalGateway;
class WorldLocation;
class WorldMoveLock;
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

// The store and the provider's journal of a world, opened as they are (no
// Service: nothing reconciled, no books compared), as the crash test's
// child and the test's audits use them: the data folder's two files, or
// the store's database and its journal's beside it on the server.
struct StormWorld final
{
    std::unique_ptr<DataDirectory> directory; // the folder's lock (Claim::Folder); none otherwise
    std::unique_ptr<WorldMoveLock> held;      // the world's lock on the server (Claim::Folder); none otherwise
    std::shared_ptr<Database> store;
    std::unique_ptr<JournalGateway> journal;

    StormWorld();
    StormWorld(StormWorld &&) noexcept;
    StormWorld &operator=(StormWorld &&) noexcept;
    ~StormWorld();
};

// Folder: a folder's lock is taken first (a killed holder's taken over),
// as a program starting on it does; on a server, the world's lock on the
// store's own connection (WorldMoveLock, the store paired with its journal),
// held as long as the StormWorld: taken over from a killed holder, it waits
// for what that holder's sessions still had landing, as the product's open
// and moves do (JournalQuiet). Nothing: the files are opened beside a
// program of this process that holds the lock (a Service).
enum class Claim { Folder, Nothing };

// The world at `location`; the error names what could not be opened.
Expected<StormWorld> openStormWorld(const WorldLocation &location, Claim claim);

} // namespace topup::test
