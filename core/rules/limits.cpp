#include "limits.h"

#include "domain/policy.h"
#include "spendbook.h"

namespace topup {

std::optional<Reason> checkLimits(const Policy &policy, std::optional<Money> accountCap, const SpendBook &book,
                                  int line, YearMonth month, Money price)
{
    if (policy.monthlyCap && book.lineAuto(line, month) + price > *policy.monthlyCap)
        return Reason::BudgetCap;
    if (policy.maxPerMonth && book.lineAutoCount(line, month) >= *policy.maxPerMonth)
        return Reason::CountCap;
    if (accountCap && book.accountAuto(month) + price > *accountCap)
        return Reason::AccountBudgetCap;
    return std::nullopt;
}

} // namespace topup
