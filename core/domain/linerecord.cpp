#include "linerecord.h"

namespace topup {
namespace {

const char *const names[] = {"buying", "active", "removed", "refused"};

} // namespace

QString lineStateName(LineState state)
{
    return QLatin1String(names[int(state)]);
}

LineState lineStateFromName(QStringView name)
{
    for (int i = 0; i < 4; ++i) {
        if (name == QLatin1String(names[i]))
            return LineState(i);
    }
    return LineState::Active;
}

} // namespace topup
