#include "methodrecord.h"

namespace topup {

QString MethodRecord::label() const
{
    if (kind == MethodKind::PayPal)
        return MethodRecord::tr("PayPal %1").arg(walletMasked);
    return MethodRecord::tr("%1 •••• %2").arg(brand, lastFour);
}


} // namespace topup
