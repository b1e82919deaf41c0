#include "alertkind.h"

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
    for (const AlertKind kind : {AlertKind::TopUpFailed, AlertKind::TopUpBlocked, AlertKind::ThresholdSuspended,
                                 AlertKind::CardExpiring, AlertKind::LowFunds}) {
        if (name == alertKindName(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace topup
