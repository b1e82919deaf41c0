#include "alertkind.h"

#include "enumnames.h"

namespace topup {

QString alertKindName(AlertKind kind)
{
    switch (kind) {
    case AlertKind::TopUpFailed:
        return QStringLiteral("topup_failed");
    case AlertKind::TopUpBlocked:
        return QStringLiteral("topup_blocked");
    case AlertKind::ThresholdSuspended:
        return QStringLiteral("threshold_suspended");
    case AlertKind::CardExpiring:
        return QStringLiteral("card_expiring");
    case AlertKind::LowFunds:
        return QStringLiteral("low_funds");
    }
    return {};
}

std::optional<AlertKind> parseAlertKind(QStringView name)
{
    return enumNamed(name, {AlertKind::TopUpFailed, AlertKind::TopUpBlocked, AlertKind::ThresholdSuspended, AlertKind::CardExpiring, AlertKind::LowFunds},
                     alertKindName);
}

} // namespace topup
