#pragma once

#include <QString>

namespace topup {

// What started a top-up (SPEC §4, §5, §7).
enum class TriggerKind { Threshold, Monthly, Manual };

QString triggerKindName(TriggerKind kind);

} // namespace topup
