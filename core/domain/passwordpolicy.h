#pragma once

#include "expected.h"
#include "loginid.h"

#include <QCoreApplication>
#include <QString>

namespace topup {

// What a new password must satisfy (NIST SP 800-63B §5.1.1.2: a minimum
// length and a blocklist, no composition rules).
class PasswordPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)

public:
    static constexpr int minimumLength = 10; // Unicode code points

    // true, or why the password is refused. The password itself never appears
    // in a message.
    [[nodiscard]] static Expected<void> check(QStringView password, const LoginId &login);
    // Case-insensitive, against the built-in list of common passwords.
    [[nodiscard]] static bool isCommon(QStringView password);
};

[[nodiscard]] inline Expected<void> checkNewPassword(QStringView password, const LoginId &login)
{
    return PasswordPolicy::check(password, login);
}

} // namespace topup
