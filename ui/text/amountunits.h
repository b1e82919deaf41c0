#pragma once

#include "app/appsettings.h"
#include "domain/policy.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace topup {

// An amount a person typed (a threshold) as every screen shows it: a number
// and a unit of the family chosen in Settings (MB/GB or MiB/GiB; s, min, h
// for voice), the largest unit whose number, with at most six decimals, reads
// back with DataAmount/VoiceAmount::parse as the very same amount. The form
// fills its fields from it, the cards and the advisor say it.
struct AmountInUnits final
{
    QString number; // "1", "953.674316": digits and '.', as a person types them back
    QString unit;   // "MB", "GB", "KiB", "MiB", "GiB" for data; "s", "min", "h" for voice
};

class AmountUnits final
{
    Q_DECLARE_TR_FUNCTIONS(topup::AmountUnits)

public:
    AmountUnits() = delete;

    [[nodiscard]] static AmountInUnits split(Resource resource, qint64 amount, DataUnits units);
    // The units the form offers for a resource, smallest first.
    [[nodiscard]] static QStringList choices(Resource resource, DataUnits units);
    // A unit's name in the current language: "MB", "分钟".
    [[nodiscard]] static QString unitName(const QString &unit);
    // The amount in words: "953.674316 MiB", "90 min".
    [[nodiscard]] static QString text(Resource resource, qint64 amount, DataUnits units);
};

} // namespace topup
