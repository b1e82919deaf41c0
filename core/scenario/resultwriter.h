#pragma once

#include "engine/outcome.h"
#include "engine/world.h"

#include <QByteArray>

namespace topup {

// Writes a `topup-result/1` document (SPEC §8): keys in the order SPEC
// shows, money with two decimals, nulls written out. Same input, same bytes.
QByteArray writeResult(const World &world, const Outcome &outcome);

} // namespace topup
