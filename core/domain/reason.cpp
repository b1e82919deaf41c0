#include "reason.h"

#include "enumnames.h"

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

std::optional<Reason> parseReason(QStringView name)
{
    return enumNamed(name, {Reason::CardExpired, Reason::Declined, Reason::GatewayError, Reason::InsufficientFunds, Reason::BudgetCap,
                            Reason::CountCap, Reason::AccountBudgetCap},
                     reasonName);
}

std::optional<Reason> parseInjectableReason(QStringView name)
{
    const std::optional<Reason> reason = parseReason(name);
    if (reason == Reason::Declined || reason == Reason::GatewayError || reason == Reason::InsufficientFunds)
        return reason;
    return std::nullopt;
}

} // namespace topup
