#pragma once

#include "migration.h"

namespace topup {

// The schema of `topup.sqlite`, every version of it. Add a Migration for a
// change; never edit one that has shipped.
Schema storeSchema();

} // namespace topup
