#pragma once

#include "domain/expected.h"
#include "domain/account.h"
#include "domain/instant.h"
#include "domain/money.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace topup {

class Database;

// Accounts: sign-up with a checked login and password (salted, stretched
// PBKDF2-HMAC-SHA256), sign-in in constant time, five wrong passwords in a
// row lock the account for 15 minutes.
class AccountStore final
{
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    static constexpr int failuresBeforeLock = 5;
    static constexpr qint64 lockMinutes = 15;

    // `iterations`: PBKDF2 rounds for new hashes; the product uses
    // PasswordHasher::productIterations, tests far fewer.
    AccountStore(Database &database, int iterations) : m_database(database), m_iterations(iterations) {}

    Expected<Account> signUp(const SignUpForm &form, Instant now, const QByteArray &fixedSalt = {});
    Expected<Account> signIn(const QString &login, const QString &password, Instant now);
    Expected<Account> account(qint64 id);
    // Every account, oldest first (for the local command line).
    Expected<std::vector<Account>> all();
    Expected<void> setMonthlyCap(qint64 id, std::optional<Money> cap);
    // An IANA name the system knows; monthly top-ups and caps follow it from now on.
    Expected<void> setTimeZone(qint64 id, const QString &zone);

private:
    Database &m_database;
    int m_iterations;
};

} // namespace topup
