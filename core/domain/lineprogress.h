#pragma once

#include <QString>

#include <optional>

namespace topup {

// SPEC §4: the state of a line's threshold trigger.
enum class ThresholdState { Armed, Retrying, Suspended, Blocked };

QString thresholdStateName(ThresholdState state);
// Any state by its name; none for an unknown name.
std::optional<ThresholdState> parseThresholdState(QStringView name);

// Where a line's rules stand, for a run that resumes an earlier one. A
// fresh world (a scenario) starts every line armed, counters at zero.
struct LineProgress final
{
    ThresholdState state = ThresholdState::Armed;
    int thresholdChains = 0;
    int manualTopUps = 0;
    int lastMonthlyKey = -1; // month index of the latest monthly chain
    qint64 unservedDataBytes = 0;
    qint64 unservedVoiceSeconds = 0;
};

} // namespace topup
