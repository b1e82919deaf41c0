#include "stormworld.h"

#include "service/worldlocation.h"
#include "service/worldonserver.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/journalgateway.h"
#include "store/storeschema.h"
#include "store/worldmovelock.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

namespace topup::test {

StormWorld::StormWorld() = default;
StormWorld::StormWorld(StormWorld &&) noexcept = default;
StormWorld &StormWorld::operator=(StormWorld &&) noexcept = default;
StormWorld::~StormWorld()
{
    // The files close before the folder's lock is let go; the world's lock
    // on a server is let go before its connection closes.
    held.reset();
    journal.reset();
    store.reset();
}

Expected<void> ensureStormWorld(Database &store, JournalGateway &journal)
{
    for (const auto &[token, cents] : {std::pair{QStringLiteral("tok-card"), qint64(5'000'000)},
                                       std::pair{QStringLiteral("tok-wallet"), qint64(20'000)}}) {
        if (!journal.fundsOf(token).ok()) {
            if (const Expected<void> opened = journal.openAccount(token, Money::fromCents(cents), std::nullopt); !opened)
                return opened;
        }
    }
    const Dialect &dialect = store.dialect();
    return store.write([&]() -> Expected<void> {
        QSqlQuery query(store.connection());
        const QStringList statements = {
            dialect.insertOrIgnore(QStringLiteral("accounts (id, login, password_hash, currency, timezone, created_ms)"
                                                  " VALUES (1, 'storm@topup.example', 'x', 'EUR', 'Europe/Paris', 0)")),
            dialect.insertOrIgnore(QStringLiteral("packages (id, account_id, code, name, data_bytes, voice_seconds, price_cents)"
                                                  " VALUES (1, 1, '1GB', '1 GB', 1000000000, 0, 450), (2, 1, '5GB', '5 GB', 5000000000, 600, 1500)")),
            dialect.insertOrIgnore(QStringLiteral("methods (id, account_id, code, kind, brand, last_four, expires, token, created_ms)"
                                                  " VALUES (1, 1, 'visa', 'credit_card', 'Visa', '1111', '2031-06', 'tok-card', 0)")),
            dialect.insertOrIgnore(QStringLiteral("methods (id, account_id, code, kind, wallet_masked, token, created_ms)"
                                                  " VALUES (2, 1, 'wallet', 'paypal', 's•••@topup.example', 'tok-wallet', 0)")),
            dialect.insertOrIgnore(QStringLiteral("lines (id, account_id, code, name, data_bytes, voice_seconds)"
                                                  " VALUES (1, 1, 'phone', 'Phone', 1000000000, 0), (2, 1, 'tablet', 'Tablet', 1000000000, 0)")),
        };
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return Expected<void>::failure(store.failureOf(query.lastError()));
        }
        return {};
    });
}

Expected<StormWorld> openStormWorld(const WorldLocation &location, Claim claim)
{
    StormWorld world;
    Expected<std::shared_ptr<Database>> store = Expected<std::shared_ptr<Database>>::failure(QString());
    Expected<std::unique_ptr<JournalGateway>> journal = Expected<std::unique_ptr<JournalGateway>>::failure(QString());
    if (const std::optional<DatabaseUrl> &url = location.database()) {
        const Expected<DatabaseUrl> journalUrl = WorldOnServer::journalOf(*url);
        if (!journalUrl)
            return Expected<StormWorld>::failure(journalUrl);
        store = Database::openOnServer(*url, storeSchema());
        journal = JournalGateway::openOnServer(*journalUrl);
    } else {
        const QDir folder(location.dataDir());
        if (claim == Claim::Folder) {
            Expected<std::unique_ptr<DataDirectory>> directory = DataDirectory::claim(location.dataDir());
            if (!directory)
                return Expected<StormWorld>::failure(directory);
            world.directory = directory.take();
        }
        store = Database::open(folder.filePath(QStringLiteral("topup.sqlite")), storeSchema());
        journal = JournalGateway::open(folder.filePath(QStringLiteral("gateway.sqlite")));
    }
    if (!store)
        return Expected<StormWorld>::failure(store);
    if (!journal)
        return Expected<StormWorld>::failure(journal);
    world.store = *store;
    world.journal = journal.take();
    if (location.database() && claim == Claim::Folder) {
        world.store->setJournal(world.journal->sharedDatabase());
        Expected<WorldMoveLock> held = WorldMoveLock::take(*world.store);
        if (!held)
            return Expected<StormWorld>::failure(held);
        world.held = std::make_unique<WorldMoveLock>(held.take());
    }
    return world;
}

} // namespace topup::test
