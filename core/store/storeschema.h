#pragma once

#include "migration.h"

namespace topup {

// The schema of `topup.sqlite`, every version of it. Add a Migration for a
// change; never edit one that has shipped.
Schema storeSchema();

// The table of the books' high-water mark, in both files' schemas (the
// store's and the payment journal's): one row, written at each clean stop.
QString booksAgreedTable();

} // namespace topup
