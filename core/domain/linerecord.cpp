#include "linerecord.h"

#include "enumnames.h"

namespace topup {
namespace {

const char *const names[] = {"buying", "active", "removed", "refused"};

} // namespace

QString lineStateName(LineState state)
{
    return QLatin1String(names[int(state)]);
}

std::optional<LineState> parseLineState(QStringView name)
{
    return enumNamed(name, {LineState::Buying, LineState::Active, LineState::Removed, LineState::Refused}, lineStateName);
}

} // namespace topup
