#pragma once

#include "dataamount.h"
#include "instant.h"
#include "lineprogress.h"
#include "policy.h"
#include "usageprofile.h"
#include "voiceamount.h"

#include <QString>

#include <optional>

namespace topup {

// A saved eSIM line as the service shows it, and what a person types to add one.

struct LineForm final
{
    QString name;
    QString region;
    UsageProfile profile = UsageProfile::Regular;
    quint64 seed = 0;
    DataAmount data;
    VoiceAmount voice;
};

struct LineRecord final
{
    qint64 id = 0;
    QString name;
    QString region;
    UsageProfile profile = UsageProfile::Regular;
    quint64 seed = 0;
    qint64 dataBytes = 0;
    qint64 voiceSeconds = 0;
    std::optional<Policy> policy; // ids: "M<row>" methods, "P<row>" packages
    LineProgress progress;
    std::optional<Instant> nextThresholdRetry; // while the threshold trigger is retrying

    QString engineId() const { return QStringLiteral("L%1").arg(id); }
};

} // namespace topup
