#pragma once

#include <QString>

#include <optional>

namespace topup {

// Why an attempt did not succeed: a gateway answer or a limit (SPEC §7).
enum class Reason {
    CardExpired,
    Declined,
    GatewayError,
    InsufficientFunds,
    BudgetCap,
    CountCap,
    AccountBudgetCap,
};

QString reasonName(Reason reason);
// Any reason by its name; none for an unknown name (or an empty one).
std::optional<Reason> parseReason(QStringView name);
// The reasons a `fail_next` may inject: declined, gateway_error, insufficient_funds.
std::optional<Reason> parseInjectableReason(QStringView name);

} // namespace topup
