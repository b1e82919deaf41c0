#pragma once

#include "domain/money.h"
#include "domain/reason.h"
#include "domain/yearmonth.h"

#include <optional>

namespace topup {

class SpendBook;
struct Policy;

// SPEC §7.1, checked before every charge of an auto top-up, in this order:
// the line's cap, the line's count, the account's cap. None: go ahead.
std::optional<Reason> checkLimits(const Policy &policy, std::optional<Money> accountCap, const SpendBook &book,
                                  int line, YearMonth month, Money price);

} // namespace topup
