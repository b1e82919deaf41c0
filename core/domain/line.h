#pragma once

#include "dataamount.h"
#include "policy.h"
#include "voiceamount.h"

#include <QString>

#include <optional>

namespace topup {

// One eSIM line.
struct Line final
{
    QString id;
    DataAmount data;
    VoiceAmount voice;
    std::optional<Policy> policy; // none: never tops up by itself
};

} // namespace topup
