#include "journalgateway.h"

#include "sim/chargedecision.h"

#include "database.h"
#include "statement.h"
#include "storeschema.h"

#include <QCoreApplication>

#include <limits>

namespace topup {
namespace {

Schema journalSchema()
{
    return Schema{QStringLiteral("payment journal"),
                  {Migration{1,
                             {QStringLiteral("CREATE TABLE funding ("
                                             " token TEXT PRIMARY KEY,"
                                             " funds_cents INTEGER NOT NULL CHECK (funds_cents >= 0),"
                                             " opening_cents INTEGER NOT NULL,"
                                             " expires_at_ms INTEGER)"),
                              QStringLiteral("CREATE TABLE faults ("
                                             " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                             " token TEXT NOT NULL REFERENCES funding(token),"
                                             " reason TEXT NOT NULL)"),
                              QStringLiteral("CREATE TABLE deposits ("
                                             " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                             " token TEXT NOT NULL REFERENCES funding(token),"
                                             " amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),"
                                             " at_ms INTEGER NOT NULL)"),
                              QStringLiteral("CREATE TABLE charges ("
                                             " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                                             " chain_key TEXT NOT NULL,"
                                             " attempt INTEGER NOT NULL,"
                                             " token TEXT NOT NULL REFERENCES funding(token),"
                                             " amount_cents INTEGER NOT NULL,"
                                             " at_ms INTEGER NOT NULL,"
                                             " succeeded INTEGER NOT NULL,"
                                             " reason TEXT,"
                                             " UNIQUE (chain_key, attempt, token))")}},
                   // The world's identity, the same random id as in the store.
                   Migration{2, {QStringLiteral("CREATE TABLE world_identity (id INTEGER PRIMARY KEY CHECK (id = 1),"
                                                " world_id TEXT NOT NULL)")}},
                   // The high-water mark of the books, the same row in the store (BooksAgreement).
                   Migration{3, {booksAgreedTable()}}},
                  QStringLiteral("funding")};
}

} // namespace

// What a screen says of a queued fault whose reason this version cannot read.
QString JournalGateway::unknownFaultSentence(const QString &journalPath, const QString &reason)
{
    return JournalGateway::tr("The payment journal %1 holds a failure queued for a payment method with an unknown reason (\"%2\"): it is"
                              " damaged or was written by a newer version. Open it with the version that wrote it, or move the data folder"
                              " aside to start fresh.")
        .arg(journalPath, reason);
}

Schema JournalGateway::schema()
{
    return journalSchema();
}

JournalGateway::JournalGateway(std::shared_ptr<Database> database) : m_database(std::move(database)) {}

JournalGateway::~JournalGateway() = default;

Expected<std::unique_ptr<JournalGateway>> JournalGateway::open(const QString &path, bool mustExist)
{
    Expected<std::shared_ptr<Database>> database =
        Database::open(path, journalSchema(), mustExist ? Database::Presence::MustExist : Database::Presence::MayCreate);
    if (!database)
        return Expected<std::unique_ptr<JournalGateway>>::failure(database);
    return std::unique_ptr<JournalGateway>(new JournalGateway(*database));
}

Expected<std::unique_ptr<JournalGateway>> JournalGateway::openOnServer(const DatabaseUrl &url, bool mustExist)
{
    Expected<std::shared_ptr<Database>> database =
        Database::openOnServer(url, journalSchema(), mustExist ? Database::Presence::MustExist : Database::Presence::MayCreate);
    if (!database)
        return Expected<std::unique_ptr<JournalGateway>>::failure(database);
    return std::unique_ptr<JournalGateway>(new JournalGateway(*database));
}

Expected<void> JournalGateway::openAccount(const QString &token, Money funds, std::optional<Instant> expiresAt)
{
    return m_database->write([&] {
        Statement insert(*m_database, QStringLiteral("INSERT INTO funding (token, funds_cents, opening_cents, expires_at_ms)"
                                                     " VALUES (?, ?, ?, ?)"));
        insert.bind(token).bind(funds.cents()).bind(funds.cents());
        insert.bindNullable(expiresAt.has_value(), expiresAt ? expiresAt->msecs() : qint64(0));
        return insert.run();
    });
}

Expected<QString> JournalGateway::inspect(const QString &path)
{
    return Database::inspect(path, journalSchema());
}

Expected<std::shared_ptr<Database>> JournalGateway::openUnchanged(const QString &path)
{
    return Database::openUnchanged(path, journalSchema());
}

Expected<QString> JournalGateway::worldId() const
{
    return m_database->worldId();
}

Expected<void> JournalGateway::setWorldId(const QString &id)
{
    return m_database->setWorldId(id);
}

const QString &JournalGateway::path() const noexcept
{
    return m_database->path();
}

Expected<void> JournalGateway::depositTo(const QString &token, Money amount, Instant at)
{
    return m_database->write([&]() -> Expected<void> {
        // Never past the largest amount: SQLite would turn the sum into a
        // floating-point number, and Money would saturate.
        Statement funds(*m_database, QStringLiteral("SELECT funds_cents FROM funding WHERE token = ?"));
        funds.bind(token);
        if (const auto ran = funds.run(); !ran)
            return ran;
        if (!funds.next())
            return Expected<void>::failure(noSuchAccount());
        const qint64 before = funds.integer(0);
        funds.finish();
        if (amount.cents() > std::numeric_limits<qint64>::max() - before)
            return Expected<void>::failure(JournalGateway::tr("the deposit of %1 would take the funds past the largest amount the provider keeps"
                                                              " (%2); nothing was deposited")
                                               .arg(amount.toString(), Money::fromCents(std::numeric_limits<qint64>::max()).toString()),
                                           JournalGateway::tr("The deposit of %1 would take the funds past the largest amount the provider keeps"
                                                              " (%2); nothing was deposited.")
                                               .arg(amount.toString(), Money::fromCents(std::numeric_limits<qint64>::max()).toString()));
        Statement update(*m_database, QStringLiteral("UPDATE funding SET funds_cents = funds_cents + ? WHERE token = ?"));
        update.bind(amount.cents()).bind(token);
        if (const auto ran = update.run(); !ran)
            return ran;
        if (update.rowsAffected() != 1)
            return Expected<void>::failure(noSuchAccount());
        Statement insert(*m_database, QStringLiteral("INSERT INTO deposits (token, amount_cents, at_ms) VALUES (?, ?, ?)"));
        insert.bind(token).bind(amount.cents()).bind(at.msecs());
        return insert.run();
    });
}

Expected<void> JournalGateway::queueFaults(const QString &token, const std::vector<Reason> &reasons)
{
    return m_database->write([&]() -> Expected<void> {
        Statement insert(*m_database, QStringLiteral("INSERT INTO faults (token, reason) VALUES (?, ?)"));
        for (const Reason reason : reasons) {
            insert.set(0, token).set(1, reasonName(reason));
            if (const auto ran = insert.run(); !ran)
                return ran;
        }
        return {};
    });
}

Expected<std::vector<Reason>> JournalGateway::queuedFaults(const QString &token) const
{
    Statement select(*m_database, QStringLiteral("SELECT reason FROM faults WHERE token = ? ORDER BY id"));
    select.bind(token);
    if (const auto ran = select.run(); !ran)
        return Expected<std::vector<Reason>>::failure(ran);
    std::vector<Reason> reasons;
    while (select.next()) {
        const std::optional<Reason> reason = parseReason(select.text(0));
        if (!reason) // as a charge meets it: reported, not read as some reason
            return Expected<std::vector<Reason>>::failure(
                JournalGateway::tr("a queued fault has an unknown reason \"%1\"").arg(select.text(0).left(32)),
                unknownFaultSentence(m_database->path(), select.text(0).left(32)));
        reasons.push_back(*reason);
    }
    return reasons;
}

Expected<Money> JournalGateway::noSuchAccount()
{
    return Expected<Money>::failure(JournalGateway::tr("no such payment account at the provider"),
                                    JournalGateway::tr("The provider holds no payment account for this method."));
}

Expected<Money> JournalGateway::fundsOf(const QString &token) const
{
    const Expected<std::optional<Money>> held = accountFunds(token);
    if (!held)
        return Expected<Money>::failure(held);
    return *held ? Expected<Money>(**held) : noSuchAccount();
}

Expected<std::optional<Money>> JournalGateway::accountFunds(const QString &token) const
{
    Statement select(*m_database, QStringLiteral("SELECT funds_cents FROM funding WHERE token = ?"));
    select.bind(token);
    if (const auto ran = select.run(); !ran)
        return Expected<std::optional<Money>>::failure(ran);
    if (!select.next())
        return std::optional<Money>();
    return std::optional<Money>(Money::fromCents(select.integer(0)));
}

Expected<std::optional<ProviderAccount>> JournalGateway::accountAt(Database &journal, const QString &token)
{
    using Result = Expected<std::optional<ProviderAccount>>;
    Statement account(journal, QStringLiteral("SELECT funds_cents, expires_at_ms FROM funding WHERE token = ?"), Statement::Prepare::Reuse);
    account.bind(token);
    if (const auto ran = account.run(); !ran)
        return Result::failure(ran);
    if (!account.next())
        return std::optional<ProviderAccount>();
    ProviderAccount provider;
    provider.funds = Money::fromCents(account.integer(0));
    if (!account.isNull(1))
        provider.expiresAt = Instant::fromMsecs(account.integer(1));
    account.finish();
    return std::optional<ProviderAccount>(provider);
}

Expected<ChargeAnswer> JournalGateway::chargeToken(const ChargeIdentity &identity, Money price, Instant at)
{
    ChargeAnswer answer;
    const Expected<void> done = m_database->write([&]() -> Expected<void> {
        Database &db = *m_database;
        Statement seen(db, QStringLiteral("SELECT succeeded, reason FROM charges WHERE chain_key = ? AND attempt = ? AND token = ?"), Statement::Prepare::Reuse);
        seen.bind(identity.chainKey).bind(identity.attempt).bind(identity.method);
        if (const auto ran = seen.run(); !ran)
            return ran;
        if (seen.next()) { // seen before: the first answer, no money moves
            answer.succeeded = seen.integer(0) != 0;
            answer.reason = parseReason(seen.text(1));
            return {};
        }
        seen.finish();

        const Expected<std::optional<ProviderAccount>> held = accountAt(db, identity.method);
        if (!held)
            return Expected<void>::failure(held);
        if (!*held) {
            // No account for the token: declined, as a preview of the world
            // says (decideCharge). Nothing to remember it against (a charge
            // belongs to an account); it is declined again if asked again.
            answer = ChargeAnswer{false, decideCharge(std::nullopt, price, at).reason};
            return {};
        }
        ProviderAccount provider = **held;

        Statement fault(db, QStringLiteral("SELECT id, reason FROM faults WHERE token = ? ORDER BY id LIMIT 1"), Statement::Prepare::Reuse);
        fault.bind(identity.method);
        if (const auto ran = fault.run(); !ran)
            return ran;
        qint64 faultId = 0;
        if (fault.next()) {
            faultId = fault.integer(0);
            provider.nextFault = parseReason(fault.text(1));
            if (!provider.nextFault)
                return Expected<void>::failure(JournalGateway::tr("queued fault %1 has an unknown reason \"%2\"").arg(faultId).arg(fault.text(1).left(32)),
                                               unknownFaultSentence(db.path(), fault.text(1).left(32)));
        }
        fault.finish();

        const ChargeDecision decision = decideCharge(provider, price, at);
        if (decision.consumesFault) {
            Statement consume(db, QStringLiteral("DELETE FROM faults WHERE id = ?"), Statement::Prepare::Reuse);
            consume.bind(faultId);
            if (const auto ran = consume.run(); !ran)
                return ran;
        }
        if (decision.pays) {
            Statement pay(db, QStringLiteral("UPDATE funding SET funds_cents = funds_cents - ? WHERE token = ?"), Statement::Prepare::Reuse);
            pay.bind(price.cents()).bind(identity.method);
            if (const auto ran = pay.run(); !ran)
                return ran;
        }
        answer = ChargeAnswer{decision.pays, decision.reason};
        Statement remember(db, QStringLiteral("INSERT INTO charges (chain_key, attempt, token, amount_cents, at_ms, succeeded, reason)"
                                              " VALUES (?, ?, ?, ?, ?, ?, ?)"), Statement::Prepare::Reuse);
        remember.bind(identity.chainKey).bind(identity.attempt).bind(identity.method).bind(price.cents()).bind(at.msecs());
        remember.bind(answer.succeeded ? 1 : 0);
        remember.bindNullable(answer.reason.has_value(), answer.reason ? reasonName(*answer.reason) : QString());
        return remember.run();
    });
    if (!done)
        return Expected<ChargeAnswer>::failure(done);
    return answer;
}

namespace {

const char *const chargeColumns = "chain_key, attempt, token, amount_cents, at_ms, succeeded, reason";

JournalCharge chargeFrom(const Statement &row)
{
    JournalCharge charge;
    charge.identity = ChargeIdentity{row.text(0), int(row.integer(1)), row.text(2)};
    charge.amount = Money::fromCents(row.integer(3));
    charge.at = Instant::fromMsecs(row.integer(4));
    charge.answer.succeeded = row.integer(5) != 0;
    charge.answer.reason = parseReason(row.text(6));
    return charge;
}

} // namespace

Expected<std::vector<JournalCharge>> JournalGateway::charges() const
{
    Statement select(*m_database, QStringLiteral("SELECT %1 FROM charges ORDER BY seq").arg(QLatin1String(chargeColumns)));
    if (const auto ran = select.run(); !ran)
        return Expected<std::vector<JournalCharge>>::failure(ran);
    std::vector<JournalCharge> all;
    while (select.next())
        all.push_back(chargeFrom(select));
    return all;
}

Expected<std::optional<JournalCharge>> JournalGateway::chargeOf(const ChargeIdentity &identity) const
{
    using Result = Expected<std::optional<JournalCharge>>;
    Statement select(*m_database, QStringLiteral("SELECT %1 FROM charges WHERE chain_key = ? AND attempt = ? AND token = ?")
                                      .arg(QLatin1String(chargeColumns)));
    select.bind(identity.chainKey).bind(identity.attempt).bind(identity.method);
    if (const auto ran = select.run(); !ran)
        return Result::failure(ran);
    if (!select.next())
        return Result(std::optional<JournalCharge>());
    return Result(std::optional<JournalCharge>(chargeFrom(select)));
}

ChargeAnswer JournalGateway::charge(const ChargeIdentity &identity, int method, Money price, Instant at, const ChargeContext &)
{
    ChargeIdentity byToken = identity;
    byToken.method = m_bound.at(std::size_t(method));
    const Expected<ChargeAnswer> answer = chargeToken(byToken, price, at);
    if (answer)
        return *answer;
    // The provider could not be reached: nothing was charged or remembered.
    m_lastError = answer.error();
    return ChargeAnswer{false, Reason::GatewayError};
}

void JournalGateway::deposit(int method, Money amount, Instant at)
{
    if (const Expected<void> done = depositTo(m_bound.at(std::size_t(method)), amount, at); !done)
        m_lastError = done.error();
}

void JournalGateway::injectFaults(int method, const std::vector<Reason> &reasons)
{
    if (const Expected<void> done = queueFaults(m_bound.at(std::size_t(method)), reasons); !done)
        m_lastError = done.error();
}

Money JournalGateway::funds(int method) const
{
    const Expected<Money> funds = fundsOf(m_bound.at(std::size_t(method)));
    return funds ? *funds : Money();
}

} // namespace topup
