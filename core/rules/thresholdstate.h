#pragma once

#include "domain/lineprogress.h"

#include <QtGlobal>

namespace topup {

// What a step-4 check does to a trigger in `state` seeing `balance`.
enum class ThresholdCheck { Nothing, StartChain, Rearm };
ThresholdCheck checkThreshold(ThresholdState state, qint64 balance, qint64 below) noexcept;

} // namespace topup
