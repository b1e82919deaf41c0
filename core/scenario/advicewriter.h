#pragma once

#include "advisor/advisor.h"
#include "advisor/advisorinput.h"

#include <QByteArray>

namespace topup {

// Writes a `topup-advice/1` document (README, "topup-sim advise"): the
// window, the line's current rules and the best `top` candidates, each
// with its policy as a scenario would write it and what it would have
// done. Keys in a fixed order, money with two decimals: same input, same
// bytes.
QByteArray writeAdvice(const AdvisorInput &input, const Advice &advice, int days, int top);

} // namespace topup
