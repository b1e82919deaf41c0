#include "usageprofile.h"

#include "enumnames.h"

namespace topup {
namespace {

const char *const names[] = {"light", "regular", "heavy", "traveller"};

} // namespace

std::optional<UsageProfile> parseUsageProfile(QStringView name)
{
    return enumNamed(name, {UsageProfile::Light, UsageProfile::Regular, UsageProfile::Heavy, UsageProfile::Traveller}, usageProfileName);
}

QString usageProfileName(UsageProfile profile)
{
    return QLatin1String(names[int(profile)]);
}

} // namespace topup
