#pragma once

#include "expected.h"

#include <QString>

namespace topup {

// An ISO 4217 currency code with two minor digits, in capitals (SPEC §1).
Expected<QString> parseCurrency(QStringView code);

} // namespace topup
