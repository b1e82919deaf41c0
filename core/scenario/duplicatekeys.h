#pragma once

#include "problem.h"

#include <QByteArray>

namespace topup {

// Qt's JSON parser keeps the last of two equal keys in an object and drops
// the first without a word. A file that says `"day": 5, "day": 40` is
// ambiguous, so each repeated key is reported at its path instead. Numbers
// it would change the same way (a whole number beyond 2^53, more than 15
// significant digits: it holds them in a double) are reported at their path
// too. Expects text that already parsed as JSON.
Problems findDuplicateKeys(const QByteArray &json);

} // namespace topup
