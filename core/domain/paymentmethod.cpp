#include "paymentmethod.h"

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

} // namespace topup
