#pragma once

#include "domain/expected.h"

#include <QCoreApplication>

namespace topup {

class Service;

// "Open the demo account": signs into the demo account of the data folder,
// or builds the demo world first when the folder has no account at all.
class DemoAccess final
{
    Q_DECLARE_TR_FUNCTIONS(topup::DemoAccess)

public:
    [[nodiscard]] static Expected<void> open(Service &service, quint64 seed = 1);

private:
    DemoAccess() = delete;
};

} // namespace topup
