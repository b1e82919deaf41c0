#include "reason.h"

namespace topup {

QString reasonName(Reason reason)
{
    switch (reason) {
    case Reason::CardExpired:
        return QStringLiteral("card_expired");
    case Reason::Declined:
        return QStringLiteral("declined");
    case Reason::GatewayError:
        return QStringLiteral("gateway_error");
    case Reason::InsufficientFunds:
        return QStringLiteral("insufficient_funds");
    case Reason::BudgetCap:
        return QStringLiteral("budget_cap");
    case Reason::CountCap:
        return QStringLiteral("count_cap");
    case Reason::AccountBudgetCap:
        return QStringLiteral("account_budget_cap");
    }
    return {};
}

std::optional<Reason> parseInjectableReason(QStringView name)
{
    for (Reason reason : {Reason::Declined, Reason::GatewayError, Reason::InsufficientFunds}) {
        if (name == reasonName(reason))
            return reason;
    }
    return std::nullopt;
}

} // namespace topup
