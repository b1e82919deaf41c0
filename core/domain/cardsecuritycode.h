#pragma once

#include "cardnumber.h"
#include "expected.h"

#include <QString>

namespace topup {

// The CVV/CVC/CID: 3 digits, 4 for American Express. It is checked and then
// forgotten (PCI DSS 3.2.2 forbids storing it), so only ok or why not comes back.
[[nodiscard]] Expected<void> checkSecurityCode(QStringView code, CardBrand brand);

} // namespace topup
