#pragma once

#include "domain/lineprogress.h"

#include <QtGlobal>

namespace topup {

// What a step-4 check does to a trigger in `state` seeing `balance`.
enum class ThresholdCheck { Nothing, StartChain, Rearm };
// Inline: the engine asks it for every line that moved, at every instant.
inline ThresholdCheck checkThreshold(ThresholdState state, qint64 balance, qint64 below) noexcept
{
    if (state == ThresholdState::Armed && balance < below)
        return ThresholdCheck::StartChain;
    if (state == ThresholdState::Suspended && balance >= below)
        return ThresholdCheck::Rearm;
    return ThresholdCheck::Nothing;
}

} // namespace topup
