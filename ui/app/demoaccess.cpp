#include "demoaccess.h"

#include "service/demoworld.h"
#include "service/service.h"

#include <algorithm>

namespace topup {

Expected<void> DemoAccess::open(Service &service, quint64 seed)
{
    const Expected<std::vector<Account>> accounts = service.allAccounts();
    if (!accounts)
        return Expected<void>::failure(accounts);
    const bool hasDemo = std::any_of(accounts->cbegin(), accounts->cend(),
                                     [](const Account &a) { return a.login == QLatin1String(DemoWorld::login); });
    if (!hasDemo) {
        if (!accounts->empty())
            return Expected<void>::failure(
                tr("This data folder has accounts but not the demo one; start with an empty data folder to see the demo."));
        if (const Expected<void> created = DemoWorld::create(service, seed); !created)
            return created;
    }
    const Expected<Account> signedIn = service.signIn(QLatin1String(DemoWorld::login), QLatin1String(DemoWorld::password));
    if (!signedIn)
        return Expected<void>::failure(signedIn);
    return {};
}

} // namespace topup
