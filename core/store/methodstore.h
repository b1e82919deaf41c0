#pragma once

#include "domain/expected.h"
#include "domain/methodrecord.h"
#include "domain/instant.h"
#include "domain/money.h"
#include "domain/paymentmethod.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <vector>

namespace topup {

class Database;
class JournalGateway;
class ZonedCalendar;

// Payment methods of an account; their money lives at the provider.
class MethodStore final
{
    Q_DECLARE_TR_FUNCTIONS(MethodStore)

public:
    using TokenSource = std::function<QString()>;

    MethodStore(Database &database, JournalGateway &provider, TokenSource tokens = {});

    Expected<MethodRecord> addCard(qint64 accountId, const CardForm &form, Instant now, const ZonedCalendar &calendar);
    Expected<MethodRecord> addWallet(qint64 accountId, const WalletForm &form, Instant now);
    Expected<std::vector<MethodRecord>> list(qint64 accountId);
    Expected<MethodRecord> find(qint64 accountId, qint64 methodId);
    Expected<void> deposit(qint64 accountId, qint64 methodId, Money amount, Instant now);
    Expected<void> setDefault(qint64 accountId, qint64 methodId);
    // Refused while an enabled policy names the method; the message names the lines.
    Expected<void> remove(qint64 accountId, qint64 methodId);
    // Whether remove() would refuse, and why: asked before a confirmation.
    Expected<void> checkRemovable(qint64 accountId, qint64 methodId);

private:
    Expected<MethodRecord> insert(qint64 accountId, const MethodRecord &method, Instant now);
    // The account's method, not removed; "no such payment method" otherwise.
    Expected<void> requireMethod(qint64 accountId, qint64 methodId);

    Database &m_database;
    JournalGateway &m_provider;
    TokenSource m_tokens;
};

} // namespace topup
