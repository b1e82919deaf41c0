#include "accountstore.h"

#include "database.h"
#include "domain/currency.h"
#include "domain/loginid.h"
#include "domain/passwordpolicy.h"
#include "domain/timezonename.h"
#include "packagestore.h"
#include "passwordhasher.h"
#include "sim/carriercatalog.h"
#include "statement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace topup {
namespace {

Account accountFrom(const Statement &row)
{
    Account account;
    account.id = row.integer(0);
    account.login = row.text(1);
    account.currency = row.text(2);
    account.timezone = row.text(3);
    if (!row.isNull(4))
        account.monthlyCap = Money::fromCents(row.integer(4));
    return account;
}

const char *const accountColumns = "id, login, currency, timezone, monthly_cap_cents";

Failure capNotPositive()
{
    return Failure(AccountStore::tr("a monthly cap must be more than zero"), AccountStore::tr("A monthly cap must be more than zero."));
}

} // namespace

Expected<Account> AccountStore::signUp(const SignUpForm &form, Instant now, const QByteArray &fixedSalt)
{
    const Expected<LoginId> login = LoginId::parse(form.login);
    if (!login)
        return Expected<Account>::failure(login);
    if (const Expected<void> strong = checkNewPassword(form.password, *login); !strong)
        return Expected<Account>::failure(strong);
    const Expected<QString> currency = parseCurrency(form.currency);
    if (!currency)
        return Expected<Account>::failure(currency);
    if (!CarrierCatalog::pricesIn(*currency))
        return Expected<Account>::failure(AccountStore::tr("the carrier's catalog is not priced in %1; choose one of %2")
                                              .arg(*currency, CarrierCatalog::currencies().join(QStringLiteral(", "))),
                                          AccountStore::tr("The carrier's catalog is not priced in %1; choose one of %2.")
                                              .arg(*currency, CarrierCatalog::currencies().join(QStringLiteral(", "))));
    if (const Expected<QTimeZone> zone = TimeZoneName::parse(form.timezone); !zone)
        return Expected<Account>::failure(zone);
    if (form.monthlyCap && form.monthlyCap->isZero())
        return Expected<Account>::failure(capNotPositive());

    const PasswordHasher hasher(m_iterations);
    const QString hash = fixedSalt.isEmpty() ? hasher.hash(form.password) : hasher.hashWithSalt(form.password, fixedSalt);
    Account account{0, login->text(), *currency, form.timezone, form.monthlyCap};
    const Expected<void> written = m_database.write([&]() -> Expected<void> {
        Statement exists(m_database, QStringLiteral("SELECT 1 FROM accounts WHERE login = ?"));
        exists.bind(login->text());
        if (const auto ran = exists.run(); !ran)
            return ran;
        if (exists.next())
            return Expected<void>::failure(AccountStore::tr("an account with this login already exists; sign in instead"),
                                           AccountStore::tr("An account with this login already exists; sign in instead."));
        Statement insert(m_database, QStringLiteral("INSERT INTO accounts (login, password_hash, currency, timezone,"
                                                    " monthly_cap_cents, created_ms) VALUES (?, ?, ?, ?, ?, ?)")
                                         + m_database.dialect().returningId());
        insert.bind(login->text()).bind(hash).bind(*currency).bind(form.timezone);
        insert.bindNullable(form.monthlyCap.has_value(), form.monthlyCap ? form.monthlyCap->cents() : qint64(0));
        insert.bind(now.msecs());
        if (const auto ran = insert.run(); !ran)
            return ran;
        const Expected<qint64> id = insert.insertedId();
        if (!id)
            return Expected<void>::failure(id);
        account.id = *id;
        return PackageStore(m_database).addDefaults(account.id, *currency);
    });
    if (!written)
        return Expected<Account>::failure(written);
    return account;
}

Expected<Account> AccountStore::signIn(const QString &loginText, const QString &password, Instant now)
{
    const Failure wrong(AccountStore::tr("wrong login or password"), AccountStore::tr("Wrong login or password."));
    const Expected<LoginId> login = LoginId::parse(loginText);
    if (!login)
        return Expected<Account>::failure(login);

    Statement find(m_database, QStringLiteral("SELECT %1, password_hash, failed_sign_ins, locked_until_ms"
                                              " FROM accounts WHERE login = ?").arg(QLatin1String(accountColumns)));
    find.bind(login->text());
    if (const auto ran = find.run(); !ran)
        return Expected<Account>::failure(ran);
    if (!find.next()) {
        // Same work as a real check, so timing does not tell which logins exist.
        (void)PasswordHasher::verify(password, PasswordHasher(m_iterations).hashWithSalt(u"x", QByteArray(16, '\0')));
        return Expected<Account>::failure(wrong);
    }
    const Account account = accountFrom(find);
    const QString stored = find.text(5);
    const int failures = int(find.integer(6));
    const std::optional<qint64> lockedUntil = find.isNull(7) ? std::nullopt : std::optional<qint64>(find.integer(7));
    find.finish();

    const auto lockedMessage = [&account](qint64 untilMs) {
        const QDateTime until = QDateTime::fromMSecsSinceEpoch(untilMs, QTimeZone(account.timezone.toUtf8()));
        const QString shown = until.toString(QStringLiteral("yyyy-MM-dd HH:mm t"));
        return Failure(AccountStore::tr("too many wrong passwords: the account is locked until %1").arg(shown),
                       AccountStore::tr("Too many wrong passwords: the account is locked until %1.").arg(shown));
    };
    if (lockedUntil && now.msecs() < *lockedUntil)
        return Expected<Account>::failure(lockedMessage(*lockedUntil));

    const bool matches = PasswordHasher::verify(password, stored);
    bool locksNow = false;
    const Expected<void> recorded = m_database.write([&]() -> Expected<void> {
        if (matches) {
            Statement reset(m_database, QStringLiteral("UPDATE accounts SET failed_sign_ins = 0, locked_until_ms = NULL,"
                                                       " password_hash = ? WHERE id = ?"));
            // Raise the rounds of an old hash while the password is at hand.
            const bool rehash = PasswordHasher::needsRehash(stored, m_iterations);
            reset.bind(rehash ? PasswordHasher(m_iterations).hash(password) : stored).bind(account.id);
            return reset.run();
        }
        // A lock that ran out starts a fresh count.
        const int count = (lockedUntil ? 0 : failures) + 1;
        locksNow = count >= failuresBeforeLock;
        Statement fail(m_database, QStringLiteral("UPDATE accounts SET failed_sign_ins = ?, locked_until_ms = ? WHERE id = ?"));
        fail.bind(count >= failuresBeforeLock ? 0 : count);
        fail.bindNullable(count >= failuresBeforeLock, now.msecs() + lockMinutes * 60 * 1000);
        fail.bind(account.id);
        return fail.run();
    });
    if (!recorded)
        return Expected<Account>::failure(recorded);
    if (locksNow) // the wrong password that starts the lock says so at once
        return Expected<Account>::failure(lockedMessage(now.msecs() + lockMinutes * 60 * 1000));
    if (!matches)
        return Expected<Account>::failure(wrong);
    return account;
}

Expected<Account> AccountStore::account(qint64 id)
{
    Statement find(m_database, QStringLiteral("SELECT %1 FROM accounts WHERE id = ?").arg(QLatin1String(accountColumns)));
    find.bind(id);
    if (const auto ran = find.run(); !ran)
        return Expected<Account>::failure(ran);
    if (!find.next())
        return Expected<Account>::failure(AccountStore::tr("no such account"), AccountStore::tr("No such account."));
    return accountFrom(find);
}

Expected<void> AccountStore::setMonthlyCap(qint64 id, std::optional<Money> cap)
{
    if (cap && cap->isZero())
        return Expected<void>::failure(capNotPositive());
    return m_database.write([&]() -> Expected<void> {
        Statement update(m_database, QStringLiteral("UPDATE accounts SET monthly_cap_cents = ? WHERE id = ?"));
        update.bindNullable(cap.has_value(), cap ? cap->cents() : qint64(0)).bind(id);
        return update.run();
    });
}

Expected<void> AccountStore::setTimeZone(qint64 id, const QString &zone)
{
    if (const Expected<QTimeZone> known = TimeZoneName::parse(zone); !known)
        return Expected<void>::failure(known);
    return m_database.write([&]() -> Expected<void> {
        Statement update(m_database, QStringLiteral("UPDATE accounts SET timezone = ? WHERE id = ?"));
        update.bind(zone).bind(id);
        if (const auto ran = update.run(); !ran)
            return ran;
        if (update.rowsAffected() != 1)
            return Expected<void>::failure(AccountStore::tr("no such account"), AccountStore::tr("No such account."));
        return {};
    });
}

Expected<std::vector<Account>> AccountStore::all()
{
    const Expected<std::vector<qint64>> ids = Statement(m_database, QStringLiteral("SELECT id FROM accounts ORDER BY id")).integers();
    if (!ids)
        return Expected<std::vector<Account>>::failure(ids);
    std::vector<Account> accounts;
    for (const qint64 id : *ids) {
        const Expected<Account> found = account(id);
        if (!found)
            return Expected<std::vector<Account>>::failure(found);
        accounts.push_back(*found);
    }
    return accounts;
}

} // namespace topup
