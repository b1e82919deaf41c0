#pragma once

#include "domain/expected.h"
#include "service.h"
#include "store/methodstore.h"

#include <functional>

namespace topup {

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
    // Builds the world into an open service of a new data folder; the
    // service's clock decides "now".
    static Expected<void> create(Service &service, quint64 seed, const std::function<void(const QString &step)> &announce = {});

    // Builds the demo world for the data folder of `options` atomically: in
    // a staging folder inside it, moved in only when complete (the journal
    // first, the store last; WorldFiles). Killed or failed, it leaves either
    // nothing or a world that opens and completes. `announce` hears each
    // step: "building", "signed up", "built", "journal moved", "store moved".
    static Expected<void> build(const Service::Options &options, quint64 seed,
                                const std::function<void(const QString &step)> &announce = {});
};

} // namespace topup
