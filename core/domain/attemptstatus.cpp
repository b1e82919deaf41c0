#include "attemptstatus.h"

#include "enumnames.h"

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
    return enumNamed(name, {AttemptStatus::Succeeded, AttemptStatus::Failed, AttemptStatus::Blocked}, attemptStatusName);
}

} // namespace topup
