#include "stormworld.h"

#include "store/journalgateway.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace topup::test {

Expected<void> ensureStormWorld(Database &store, JournalGateway &journal)
{
    for (const auto &[token, cents] : {std::pair{QStringLiteral("tok-card"), qint64(5'000'000)},
                                       std::pair{QStringLiteral("tok-wallet"), qint64(20'000)}}) {
        if (!journal.fundsOf(token).ok()) {
            if (const Expected<void> opened = journal.openAccount(token, Money::fromCents(cents), std::nullopt); !opened)
                return opened;
        }
    }
    return store.write([&]() -> Expected<void> {
        QSqlQuery query(store.connection());
        const QStringList statements = {
            QStringLiteral("INSERT OR IGNORE INTO accounts (id, login, password_hash, currency, timezone, created_ms)"
                           " VALUES (1, 'storm@topup.example', 'x', 'EUR', 'Europe/Paris', 0)"),
            QStringLiteral("INSERT OR IGNORE INTO packages (id, account_id, code, name, data_bytes, voice_seconds, price_cents)"
                           " VALUES (1, 1, '1GB', '1 GB', 1000000000, 0, 450), (2, 1, '5GB', '5 GB', 5000000000, 600, 1500)"),
            QStringLiteral("INSERT OR IGNORE INTO methods (id, account_id, code, kind, brand, last_four, expires, token, created_ms)"
                           " VALUES (1, 1, 'visa', 'credit_card', 'Visa', '1111', '2031-06', 'tok-card', 0)"),
            QStringLiteral("INSERT OR IGNORE INTO methods (id, account_id, code, kind, wallet_masked, token, created_ms)"
                           " VALUES (2, 1, 'wallet', 'paypal', 's•••@topup.example', 'tok-wallet', 0)"),
            QStringLiteral("INSERT OR IGNORE INTO lines (id, account_id, code, name, data_bytes, voice_seconds)"
                           " VALUES (1, 1, 'phone', 'Phone', 1000000000, 0), (2, 1, 'tablet', 'Tablet', 1000000000, 0)"),
        };
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return Expected<void>::failure(store.describe(query.lastError().text()));
        }
        return {};
    });
}

} // namespace topup::test
