#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace topup {

// What an alert is about: a failed or blocked top-up, a suspended
// threshold trigger, a card about to expire, a method short of funds.
enum class AlertKind { TopUpFailed, TopUpBlocked, ThresholdSuspended, CardExpiring, LowFunds };

// "topup_failed", "topup_blocked", "threshold_suspended", "card_expiring",
// "low_funds": the names the store keeps.
QString alertKindName(AlertKind kind);
// A kind by its name; none for an unknown (or empty) one.
std::optional<AlertKind> parseAlertKind(QStringView name);

} // namespace topup
