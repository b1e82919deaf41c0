#include "triggerkind.h"

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
    for (const TriggerKind kind : {TriggerKind::Threshold, TriggerKind::Monthly, TriggerKind::Manual, TriggerKind::Purchase}) {
        if (name == triggerKindName(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace topup
