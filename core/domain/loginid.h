#pragma once

#include "expected.h"

#include <QCoreApplication>
#include <QString>

namespace topup {

// What a person signs in with: an e-mail address or a phone number in E.164.
class LoginId final
{
    Q_DECLARE_TR_FUNCTIONS(LoginId)

public:
    enum class Kind { Email, Phone };

    // Surrounding whitespace is ignored. An e-mail address is stored
    // lower-cased; a phone number as '+' and digits (spaces, dashes and
    // parentheses after the '+' are dropped).
    [[nodiscard]] static Expected<LoginId> parse(QStringView text);

    Kind kind() const noexcept { return m_kind; }
    // Canonical: "jane@example.com", "+8613800138000".
    const QString &text() const noexcept { return m_text; }
    // For display: "j•••@example.com", "+86•••••••8000".
    [[nodiscard]] QString masked() const;

    friend bool operator==(const LoginId &a, const LoginId &b) noexcept
    {
        return a.m_kind == b.m_kind && a.m_text == b.m_text;
    }
    friend bool operator!=(const LoginId &a, const LoginId &b) noexcept { return !(a == b); }

private:
    LoginId(Kind kind, QString text) : m_kind(kind), m_text(std::move(text)) {}

    Kind m_kind;
    QString m_text;
};

// The e-mail rules shared by LoginId and WalletAddress: one '@', a local part
// of 1–64 characters, a dotted domain of letter/digit/hyphen labels ending in
// a top-level domain of at least two letters, at most 254 characters in all.
// Takes the text as is (no trimming); returns it lower-cased.
[[nodiscard]] Expected<QString> parseEmailAddress(QStringView text);
// "jane@example.com" -> "j•••@example.com". Expects a parsed address.
[[nodiscard]] QString maskEmailAddress(QStringView address);

} // namespace topup
