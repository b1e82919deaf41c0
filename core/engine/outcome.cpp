#include "outcome.h"

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

} // namespace topup
