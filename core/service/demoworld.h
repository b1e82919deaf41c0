#pragma once

#include "domain/expected.h"
#include "store/methodstore.h"

namespace topup {

class Service;

// The demo account (README): three lines in three regions, two cards and a
// wallet, 90 days of usage, one declined top-up paid by the fallback, one
// blocked by the budget, one card close to expiry. Same seed and --now,
// same world, byte for byte.
class DemoWorld final
{
    Q_DECLARE_TR_FUNCTIONS(DemoWorld)

public:
    static constexpr const char *login = "demo@topup.example";
    static constexpr const char *password = "TopUp-Demo-2027";
    static constexpr int historyDays = 90;

    // Provider tokens drawn from the seed (the service must be opened with them).
    static MethodStore::TokenSource tokens(quint64 seed);
    // Builds the world in a new data folder; the service's clock decides "now".
    static Expected<bool> create(Service &service, quint64 seed);
};

} // namespace topup
