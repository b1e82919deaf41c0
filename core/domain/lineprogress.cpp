#include "lineprogress.h"

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

} // namespace topup
