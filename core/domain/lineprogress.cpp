#include "lineprogress.h"

#include "enumnames.h"

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

std::optional<ThresholdState> parseThresholdState(QStringView name)
{
    return enumNamed(name, {ThresholdState::Armed, ThresholdState::Retrying, ThresholdState::Suspended, ThresholdState::Blocked},
                     thresholdStateName);
}

} // namespace topup
