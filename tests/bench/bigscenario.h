#pragma once

#include <QByteArray>

namespace topup::bench {

// The benchmark scenario of the README: `lines` lines over one year, each
// with usage generated every 5 minutes, thresholds, monthly days, caps and a
// few injected failures. Deterministic.
QByteArray bigScenario(int lines = 50);

} // namespace topup::bench
