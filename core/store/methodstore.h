#pragma once

#include "domain/expected.h"
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

// What a person types to add a card. The number and the security code are
// checked and then dropped: only brand, last four, expiry, holder and a
// random token are kept.
struct CardForm final
{
    MethodKind kind = MethodKind::CreditCard;
    QString holder;
    QString number;
    QString expiry; // MM/YY
    QString securityCode;
    Money funds;
};

struct WalletForm final
{
    QString email;
    Money funds;
};

struct MethodRecord final
{
    qint64 id = 0;
    MethodKind kind = MethodKind::CreditCard;
    QString holder;
    QString brand;
    QString lastFour;
    std::optional<YearMonth> expires;
    QString walletMasked;
    QString token;
    bool isDefault = false;
    Money funds; // from the provider

    bool isCard() const noexcept { return kind != MethodKind::PayPal; }
    QString engineId() const { return QStringLiteral("M%1").arg(id); }
    QString label() const; // "Visa •••• 1111", "PayPal j•••@example.com"
};

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
    Expected<bool> deposit(qint64 accountId, qint64 methodId, Money amount, Instant now);
    Expected<bool> setDefault(qint64 accountId, qint64 methodId);
    // Refused while an enabled policy names the method; the message names the lines.
    Expected<bool> remove(qint64 accountId, qint64 methodId);

private:
    Expected<MethodRecord> insert(qint64 accountId, const MethodRecord &method, Instant now);
    // The account's method, not removed; "no such payment method" otherwise.
    Expected<bool> requireMethod(qint64 accountId, qint64 methodId);

    Database &m_database;
    JournalGateway &m_provider;
    TokenSource m_tokens;
};

} // namespace topup
