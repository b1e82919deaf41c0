#pragma once

#include "dataamount.h"
#include "money.h"
#include "voiceamount.h"

#include <QString>

namespace topup {

// What one top-up buys.
struct Package final
{
    QString id;
    DataAmount data;
    VoiceAmount voice;
    Money price;
};

} // namespace topup
