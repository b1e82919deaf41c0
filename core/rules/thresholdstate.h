#pragma once

#include <QString>

namespace topup {

// SPEC §4: the state of a line's threshold trigger.
enum class ThresholdState { Armed, Retrying, Suspended, Blocked };

QString thresholdStateName(ThresholdState state);

// What a step-4 check does to a trigger in `state` seeing `balance`.
enum class ThresholdCheck { Nothing, StartChain, Rearm };
ThresholdCheck checkThreshold(ThresholdState state, qint64 balance, qint64 below) noexcept;

} // namespace topup
