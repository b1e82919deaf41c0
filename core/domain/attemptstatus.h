#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace topup {

// How one attempt of a chain ended (SPEC §7): paid, refused by the gateway,
// or stopped by a limit before any charge.
enum class AttemptStatus { Succeeded, Failed, Blocked };

// "succeeded", "failed", "blocked": the names files and the store keep.
QString attemptStatusName(AttemptStatus status);
std::optional<AttemptStatus> parseAttemptStatus(QStringView name);

} // namespace topup
