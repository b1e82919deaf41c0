#include "lowfunds.h"

#include <algorithm>

namespace topup {

std::vector<LowFundsFinding> lowFundsFor(const Policy &policy, const std::vector<Package> &packages,
                                         const std::vector<PaymentMethod> &methods)
{
    std::vector<LowFundsFinding> found;
    if (!policy.enabled)
        return found;
    Money needed;
    for (const Package &package : packages) {
        if ((policy.threshold && policy.threshold->package == package.id) || (policy.monthly && policy.monthly->package == package.id))
            needed = std::max(needed, package.price);
    }
    for (std::size_t i = 0; i < methods.size(); ++i) {
        // Funds the provider could not tell are unknown, not low.
        if (policy.paysWith(methods[i].id) && methods[i].fundsKnown && methods[i].funds < needed)
            found.push_back(LowFundsFinding{int(i), needed});
    }
    return found;
}

} // namespace topup
