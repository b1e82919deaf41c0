#pragma once

#include <QString>

namespace topup {

// What started a charge: a top-up (SPEC §4, §5, §7), or buying a line from
// the carrier's catalog (never the engine's: the service charges it).
enum class TriggerKind { Threshold, Monthly, Manual, Purchase };

QString triggerKindName(TriggerKind kind);

} // namespace topup
