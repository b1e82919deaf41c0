#include "attemptstatus.h"

namespace topup {

QString attemptStatusName(AttemptStatus status)
{
    switch (status) {
    case AttemptStatus::Succeeded:
        return QStringLiteral("succeeded");
    case AttemptStatus::Failed:
        return QStringLiteral("failed");
    case AttemptStatus::Blocked:
        return QStringLiteral("blocked");
    }
    return {};
}

std::optional<AttemptStatus> parseAttemptStatus(QStringView name)
{
    for (const AttemptStatus status : {AttemptStatus::Succeeded, AttemptStatus::Failed, AttemptStatus::Blocked}) {
        if (name == attemptStatusName(status))
            return status;
    }
    return std::nullopt;
}

} // namespace topup
