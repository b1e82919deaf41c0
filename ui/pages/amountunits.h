#pragma once

#include "domain/policy.h"

#include <QString>

namespace topup {

// A threshold amount as the form shows it: a number and the largest unit
// that shows it exactly ("1" GB, "500" MB, "1.5" h → "90" min), so that
// reading it back with DataAmount/VoiceAmount::parse gives the same value.
struct AmountInUnits final
{
    QString number;
    QString unit; // "MB", "GB", "GiB" for data; "s", "min", "h" for voice
};

class AmountUnits final
{
public:
    AmountUnits() = delete;

    [[nodiscard]] static AmountInUnits split(Resource resource, qint64 amount);
};

} // namespace topup
