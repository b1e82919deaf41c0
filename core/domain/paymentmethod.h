#pragma once

#include "money.h"
#include "yearmonth.h"

#include <QString>

#include <optional>

namespace topup {

enum class MethodKind { CreditCard, DebitCard, PayPal };

QString methodKindName(MethodKind kind);
// Any kind by its name; none for an unknown name.
std::optional<MethodKind> parseMethodKind(QStringView name);

struct PaymentMethod final
{
    QString id;
    MethodKind kind = MethodKind::CreditCard;
    Money funds;
    std::optional<YearMonth> expires; // cards only; valid through the month's last local day
    bool fundsKnown = true; // false: the provider could not tell them (MethodRecord::fundsKnown); never low
    bool atProvider = true; // false: the provider holds no account for it (MethodRecord::atProvider); charges are declined

    bool isCard() const noexcept { return kind != MethodKind::PayPal; }
};

} // namespace topup
