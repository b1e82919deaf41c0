#include "thresholdstate.h"

namespace topup {

ThresholdCheck checkThreshold(ThresholdState state, qint64 balance, qint64 below) noexcept
{
    if (state == ThresholdState::Armed && balance < below)
        return ThresholdCheck::StartChain;
    if (state == ThresholdState::Suspended && balance >= below)
        return ThresholdCheck::Rearm;
    return ThresholdCheck::Nothing;
}

} // namespace topup
