#include "usageprofile.h"

namespace topup {
namespace {

const char *const names[] = {"light", "regular", "heavy", "traveller"};

} // namespace

std::optional<UsageProfile> parseUsageProfile(QStringView name)
{
    for (int i = 0; i < 4; ++i) {
        if (name == QLatin1String(names[i]))
            return UsageProfile(i);
    }
    return std::nullopt;
}

QString usageProfileName(UsageProfile profile)
{
    return QLatin1String(names[int(profile)]);
}

} // namespace topup
