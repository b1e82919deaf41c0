#pragma once

#include <QString>

#include <optional>

namespace topup {

// How a line uses data and calls (SPEC §8 `generate`): the simulated
// carrier's profiles.
enum class UsageProfile { Light, Regular, Heavy, Traveller };

std::optional<UsageProfile> parseUsageProfile(QStringView name);
QString usageProfileName(UsageProfile profile);

} // namespace topup
