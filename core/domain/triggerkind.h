#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace topup {

// What started a charge: a top-up (SPEC §4, §5, §7), or buying a line from
// the carrier's catalog (never the engine's: the service charges it).
enum class TriggerKind { Threshold, Monthly, Manual, Purchase };

QString triggerKindName(TriggerKind kind);
// A kind by its name; none for an unknown (or empty) one.
std::optional<TriggerKind> parseTriggerKind(QStringView name);

} // namespace topup
