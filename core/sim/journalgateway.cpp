#include "journalgateway.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace topup {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("topup::JournalGateway", text);
}

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
                                             " UNIQUE (chain_key, attempt, token))")}}}};
}

std::optional<Reason> reasonFromName(const QString &name)
{
    for (Reason reason : {Reason::CardExpired, Reason::Declined, Reason::GatewayError, Reason::InsufficientFunds}) {
        if (reasonName(reason) == name)
            return reason;
    }
    return std::nullopt;
}

QVariant nullable(std::optional<Reason> reason)
{
    return reason ? QVariant(reasonName(*reason)) : QVariant(QMetaType::fromType<QString>());
}

} // namespace

JournalGateway::JournalGateway(std::shared_ptr<Database> database) : m_database(std::move(database)) {}

JournalGateway::~JournalGateway() = default;

Expected<std::unique_ptr<JournalGateway>> JournalGateway::open(const QString &path)
{
    Expected<std::shared_ptr<Database>> database = Database::open(path, journalSchema());
    if (!database)
        return Expected<std::unique_ptr<JournalGateway>>::failure(database.error());
    return std::unique_ptr<JournalGateway>(new JournalGateway(*database));
}

Expected<bool> JournalGateway::openAccount(const QString &token, Money funds, std::optional<Instant> expiresAt)
{
    return m_database->write([&]() -> Expected<bool> {
        QSqlQuery query(m_database->connection());
        query.prepare(QStringLiteral("INSERT INTO funding (token, funds_cents, opening_cents, expires_at_ms) VALUES (?, ?, ?, ?)"));
        query.addBindValue(token);
        query.addBindValue(funds.cents());
        query.addBindValue(funds.cents());
        query.addBindValue(expiresAt ? QVariant(expiresAt->msecs()) : QVariant(QMetaType::fromType<qint64>()));
        if (!query.exec())
            return Expected<bool>::failure(m_database->describe(query.lastError().text()));
        return true;
    });
}

Expected<bool> JournalGateway::depositTo(const QString &token, Money amount, Instant at)
{
    return m_database->write([&]() -> Expected<bool> {
        QSqlQuery query(m_database->connection());
        query.prepare(QStringLiteral("UPDATE funding SET funds_cents = funds_cents + ? WHERE token = ?"));
        query.addBindValue(amount.cents());
        query.addBindValue(token);
        if (!query.exec())
            return Expected<bool>::failure(m_database->describe(query.lastError().text()));
        if (query.numRowsAffected() != 1)
            return Expected<bool>::failure(tr("no such payment account at the provider"));
        query.prepare(QStringLiteral("INSERT INTO deposits (token, amount_cents, at_ms) VALUES (?, ?, ?)"));
        query.addBindValue(token);
        query.addBindValue(amount.cents());
        query.addBindValue(at.msecs());
        if (!query.exec())
            return Expected<bool>::failure(m_database->describe(query.lastError().text()));
        return true;
    });
}

Expected<bool> JournalGateway::queueFaults(const QString &token, const std::vector<Reason> &reasons)
{
    return m_database->write([&]() -> Expected<bool> {
        QSqlQuery query(m_database->connection());
        query.prepare(QStringLiteral("INSERT INTO faults (token, reason) VALUES (?, ?)"));
        for (const Reason reason : reasons) {
            query.addBindValue(token);
            query.addBindValue(reasonName(reason));
            if (!query.exec())
                return Expected<bool>::failure(m_database->describe(query.lastError().text()));
        }
        return true;
    });
}

Expected<Money> JournalGateway::fundsOf(const QString &token) const
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("SELECT funds_cents FROM funding WHERE token = ?"));
    query.addBindValue(token);
    if (!query.exec())
        return Expected<Money>::failure(m_database->describe(query.lastError().text()));
    if (!query.next())
        return Expected<Money>::failure(tr("no such payment account at the provider"));
    return Money::fromCents(query.value(0).toLongLong());
}

Expected<ChargeAnswer> JournalGateway::chargeToken(const ChargeIdentity &identity, Money price, Instant at)
{
    ChargeAnswer answer;
    const Expected<bool> done = m_database->write([&]() -> Expected<bool> {
        QSqlQuery query(m_database->connection());
        const auto failed = [&] { return Expected<bool>::failure(m_database->describe(query.lastError().text())); };

        query.prepare(QStringLiteral("SELECT succeeded, reason FROM charges WHERE chain_key = ? AND attempt = ? AND token = ?"));
        query.addBindValue(identity.chainKey);
        query.addBindValue(identity.attempt);
        query.addBindValue(identity.method);
        if (!query.exec())
            return failed();
        if (query.next()) { // seen before: the first answer, no money moves
            answer.succeeded = query.value(0).toBool();
            answer.reason = reasonFromName(query.value(1).toString());
            return true;
        }

        query.prepare(QStringLiteral("SELECT funds_cents, expires_at_ms FROM funding WHERE token = ?"));
        query.addBindValue(identity.method);
        if (!query.exec())
            return failed();
        if (!query.next())
            return Expected<bool>::failure(tr("no such payment account at the provider"));
        const Money funds = Money::fromCents(query.value(0).toLongLong());
        const QVariant expires = query.value(1);
        query.finish();

        if (!expires.isNull() && at.msecs() >= expires.toLongLong()) {
            answer.reason = Reason::CardExpired; // no fault consumed
        } else {
            query.prepare(QStringLiteral("SELECT id, reason FROM faults WHERE token = ? ORDER BY id LIMIT 1"));
            query.addBindValue(identity.method);
            if (!query.exec())
                return failed();
            if (query.next()) {
                const qint64 faultId = query.value(0).toLongLong();
                answer.reason = reasonFromName(query.value(1).toString()).value_or(Reason::Declined);
                query.finish();
                query.prepare(QStringLiteral("DELETE FROM faults WHERE id = ?"));
                query.addBindValue(faultId);
                if (!query.exec())
                    return failed();
            } else if (funds < price) {
                answer.reason = Reason::InsufficientFunds;
            } else {
                query.finish();
                query.prepare(QStringLiteral("UPDATE funding SET funds_cents = funds_cents - ? WHERE token = ?"));
                query.addBindValue(price.cents());
                query.addBindValue(identity.method);
                if (!query.exec())
                    return failed();
                answer.succeeded = true;
            }
        }
        query.finish();
        query.prepare(QStringLiteral("INSERT INTO charges (chain_key, attempt, token, amount_cents, at_ms, succeeded, reason)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(identity.chainKey);
        query.addBindValue(identity.attempt);
        query.addBindValue(identity.method);
        query.addBindValue(price.cents());
        query.addBindValue(at.msecs());
        query.addBindValue(answer.succeeded ? 1 : 0);
        query.addBindValue(nullable(answer.reason));
        if (!query.exec())
            return failed();
        return true;
    });
    if (!done)
        return Expected<ChargeAnswer>::failure(done.error());
    return answer;
}

Expected<std::vector<JournalCharge>> JournalGateway::charges() const
{
    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT chain_key, attempt, token, amount_cents, at_ms, succeeded, reason"
                                   " FROM charges ORDER BY seq")))
        return Expected<std::vector<JournalCharge>>::failure(m_database->describe(query.lastError().text()));
    std::vector<JournalCharge> all;
    while (query.next()) {
        JournalCharge charge;
        charge.identity = ChargeIdentity{query.value(0).toString(), query.value(1).toInt(), query.value(2).toString()};
        charge.amount = Money::fromCents(query.value(3).toLongLong());
        charge.at = Instant::fromMsecs(query.value(4).toLongLong());
        charge.answer.succeeded = query.value(5).toBool();
        charge.answer.reason = reasonFromName(query.value(6).toString());
        all.push_back(charge);
    }
    return all;
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
    if (const Expected<bool> done = depositTo(m_bound.at(std::size_t(method)), amount, at); !done)
        m_lastError = done.error();
}

void JournalGateway::injectFaults(int method, const std::vector<Reason> &reasons)
{
    if (const Expected<bool> done = queueFaults(m_bound.at(std::size_t(method)), reasons); !done)
        m_lastError = done.error();
}

Money JournalGateway::funds(int method) const
{
    const Expected<Money> funds = fundsOf(m_bound.at(std::size_t(method)));
    return funds ? *funds : Money();
}

} // namespace topup
