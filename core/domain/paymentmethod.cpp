#include "paymentmethod.h"

#include "enumnames.h"

namespace topup {

QString methodKindName(MethodKind kind)
{
    switch (kind) {
    case MethodKind::CreditCard:
        return QStringLiteral("credit_card");
    case MethodKind::DebitCard:
        return QStringLiteral("debit_card");
    case MethodKind::PayPal:
        return QStringLiteral("paypal");
    }
    return {};
}

std::optional<MethodKind> parseMethodKind(QStringView name)
{
    return enumNamed(name, {MethodKind::CreditCard, MethodKind::DebitCard, MethodKind::PayPal}, methodKindName);
}

} // namespace topup
