#include "thresholdstate.h"

namespace topup {

QString thresholdStateName(ThresholdState state)
{
    switch (state) {
    case ThresholdState::Armed:
        return QStringLiteral("armed");
    case ThresholdState::Retrying:
        return QStringLiteral("retrying");
    case ThresholdState::Suspended:
        return QStringLiteral("suspended");
    case ThresholdState::Blocked:
        return QStringLiteral("blocked");
    }
    return {};
}

ThresholdCheck checkThreshold(ThresholdState state, qint64 balance, qint64 below) noexcept
{
    if (state == ThresholdState::Armed && balance < below)
        return ThresholdCheck::StartChain;
    if (state == ThresholdState::Suspended && balance >= below)
        return ThresholdCheck::Rearm;
    return ThresholdCheck::Nothing;
}

} // namespace topup
