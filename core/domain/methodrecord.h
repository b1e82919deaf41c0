#pragma once

#include "engineid.h"
#include "money.h"
#include "paymentmethod.h"
#include "yearmonth.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

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
    Money funds; // from the provider; means nothing unless fundsKnown
    // False when the provider could not tell the funds (fundsProblem says
    // why): they are unknown, never 0.00 — no low-funds alert, no outlook
    // and no screen reads them as an amount.
    bool fundsKnown = true;
    QString fundsProblem;
    // False when the provider holds no account for the method's token: its
    // charges are declined (decideCharge), in previews as at the provider.
    bool atProvider = true;

    // What tells this method apart from another of the same label ("debit",
    // "exp. 09/31", the holder); empty when none looks like it.
    QString distinction;

    bool isCard() const noexcept { return kind != MethodKind::PayPal; }
    QString engineId() const { return EngineId::method(id); }
    // "Visa •••• 1111", "PayPal j•••@example.com"; with the distinction when
    // there is one: "Visa •••• 1111 (debit)".
    QString label() const;
    // True when the card's expiry month is before `month`.
    bool expiredBefore(YearMonth month) const noexcept { return expires && *expires < month; }

    // Fills `distinction` for the methods that share a label: the kind when
    // it differs, else the expiry, else the holder, else the order added.
    static void tellApart(std::vector<MethodRecord> &methods);
};

} // namespace topup
