#include "outcome.h"

namespace topup {

QString triggerKindName(TriggerKind kind)
{
    switch (kind) {
    case TriggerKind::Threshold:
        return QStringLiteral("threshold");
    case TriggerKind::Monthly:
        return QStringLiteral("monthly");
    case TriggerKind::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

QString attemptStatusName(AttemptStatus status)
{
    switch (status) {
    case AttemptStatus::Succeeded:
        return QStringLiteral("succeeded");
    case AttemptStatus::Failed:
        return QStringLiteral("failed");
    case AttemptStatus::Blocked:
        return QStringLiteral("blocked");
    }
    return {};
}

} // namespace topup
