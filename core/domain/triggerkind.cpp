#include "triggerkind.h"

#include "enumnames.h"

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
    case TriggerKind::Purchase:
        return QStringLiteral("purchase");
    }
    return {};
}

std::optional<TriggerKind> parseTriggerKind(QStringView name)
{
    return enumNamed(name, {TriggerKind::Threshold, TriggerKind::Monthly, TriggerKind::Manual, TriggerKind::Purchase}, triggerKindName);
}

} // namespace topup
