#pragma once

#include "domain/expected.h"
#include "migration.h"
#include "sim/chargedecision.h"
#include "sim/gateway.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace topup {

class Database;
class DatabaseUrl;

struct JournalCharge final
{
    ChargeIdentity identity; // identity.method is the method's token
    Money amount;
    Instant at;
    ChargeAnswer answer;
};

// The simulated payment provider as a separate system with its own SQLite
// journal (`gateway.sqlite`, or a database of its own on a PostgreSQL server). Every charge identity is written down with its
// answer, in the same transaction that moves the money, before the answer is
// given: a repeated identity gets the first answer and moves no money, also
// after a crash and restart. Methods are the provider's accounts, named by
// a random token; `bind` numbers them the way an engine run does.
class JournalGateway final : public Gateway
{
    Q_DECLARE_TR_FUNCTIONS(JournalGateway)

public:
    ~JournalGateway() override;
    Q_DISABLE_COPY_MOVE(JournalGateway)

    // mustExist: a missing file is refused instead of created.
    static Expected<std::unique_ptr<JournalGateway>> open(const QString &path, bool mustExist = false);
    // The journal in a database of its own on a PostgreSQL server
    // (Database::openOnServer): an empty one becomes a new journal unless
    // `mustExist`.
    static Expected<std::unique_ptr<JournalGateway>> openOnServer(const DatabaseUrl &url, bool mustExist = false);

    // Checks the file without changing it; its world identity (Database::inspect).
    static Expected<QString> inspect(const QString &path);
    // The same checks, the connection kept (Database::openUnchanged).
    static Expected<std::shared_ptr<Database>> openUnchanged(const QString &path);
    // The journal's schema, every version of it.
    static Schema schema();

    const QString &path() const noexcept;
    const Database &database() const noexcept { return *m_database; }
    Database &database() noexcept { return *m_database; }
    // The same, shared (a store paired with its journal: Database::setJournal).
    const std::shared_ptr<Database> &sharedDatabase() const noexcept { return m_database; }
    // The world's identity (see Database::worldId); empty when not set.
    Expected<QString> worldId() const;
    Expected<void> setWorldId(const QString &id);

    Expected<void> openAccount(const QString &token, Money funds, std::optional<Instant> expiresAt);
    Expected<void> depositTo(const QString &token, Money amount, Instant at);
    Expected<void> queueFaults(const QString &token, const std::vector<Reason> &reasons);
    Expected<Money> fundsOf(const QString &token) const;
    // The funds of the account, none when the provider holds no such account.
    Expected<std::optional<Money>> accountFunds(const QString &token) const;
    // The refusal of a token the provider holds no account for.
    static Expected<Money> noSuchAccount();
    // The faults queued for the account, in the order charges consume them.
    Expected<std::vector<Reason>> queuedFaults(const QString &token) const;
    Expected<ChargeAnswer> chargeToken(const ChargeIdentity &identity, Money price, Instant at);
    // The account behind `token` as a charge meets it (its funds and
    // expiry; no fault), none when the provider holds none.
    static Expected<std::optional<ProviderAccount>> accountAt(Database &journal, const QString &token);
    // What a screen says of a queued fault whose reason this version cannot read.
    static QString unknownFaultSentence(const QString &journalPath, const QString &reason);

    // Everything the journal holds, in the order it happened (for audits).
    Expected<std::vector<JournalCharge>> charges() const;
    // The charge of one identity, if the journal has it (for reconciling).
    Expected<std::optional<JournalCharge>> chargeOf(const ChargeIdentity &identity) const;
    // The last failure to reach the journal (empty when none): an engine run
    // sees it as a gateway_error answer, the service shows it to the user.
    const QString &lastError() const noexcept { return m_lastError; }

    // Gateway, for an engine run over the bound tokens.
    void bind(std::vector<QString> tokens) { m_bound = std::move(tokens); }
    ChargeAnswer charge(const ChargeIdentity &identity, int method, Money price, Instant at,
                        const ChargeContext &context = {}) override;
    void deposit(int method, Money amount, Instant at) override;
    void injectFaults(int method, const std::vector<Reason> &reasons) override;
    Money funds(int method) const override;

private:
    explicit JournalGateway(std::shared_ptr<Database> database);

    std::shared_ptr<Database> m_database;
    std::vector<QString> m_bound;
    QString m_lastError;
};

} // namespace topup
