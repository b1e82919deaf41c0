#pragma once

#include "expected.h"

#include <QString>

namespace topup {

// A PayPal-style wallet, known by its e-mail address (the same rules as an
// e-mail LoginId).
class WalletAddress final
{
public:
    // Surrounding whitespace is ignored; the address is stored lower-cased.
    [[nodiscard]] static Expected<WalletAddress> parse(QStringView text);

    const QString &text() const noexcept { return m_address; }
    // "j•••@example.com".
    [[nodiscard]] QString masked() const;

    friend bool operator==(const WalletAddress &a, const WalletAddress &b) noexcept { return a.m_address == b.m_address; }
    friend bool operator!=(const WalletAddress &a, const WalletAddress &b) noexcept { return !(a == b); }

private:
    explicit WalletAddress(QString address) : m_address(std::move(address)) {}

    QString m_address;
};

} // namespace topup
