#pragma once

#include "money.h"
#include "paymentmethod.h"
#include "yearmonth.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace topup {

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
    Q_DECLARE_TR_FUNCTIONS(MethodRecord)

public:
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

} // namespace topup
