#pragma once

#include "domain/money.h"
#include "domain/package.h"
#include "domain/paymentmethod.h"
#include "domain/policy.h"

#include <vector>

namespace topup {

// Low funds (SPEC is silent; a careful carrier warns before a top-up fails
// for want of money): a method an enabled policy pays with, as its method or
// its fallback, that holds less than the dearest package the policy buys.
struct LowFundsFinding final
{
    int method = 0;   // index into the methods given
    Money needed;     // the dearest package the policy buys
};

// The methods of `methods` (with their funds now) that are low for `policy`.
std::vector<LowFundsFinding> lowFundsFor(const Policy &policy, const std::vector<Package> &packages,
                                         const std::vector<PaymentMethod> &methods);

} // namespace topup
