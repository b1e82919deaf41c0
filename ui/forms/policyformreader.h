#pragma once

#include "app/appsettings.h"
#include "domain/package.h"
#include "domain/policy.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace topup {

// What the rules form holds, exactly as typed and chosen.
struct PolicyFormInput final
{
    bool enabled = false;
    bool threshold = false;
    Resource resource = Resource::Data;
    QString below;     // as typed
    QString unit;      // "MB", "GB", "GiB", "s", "min", "h"
    QString thresholdPackage;
    bool monthly = false;
    QString day;       // as typed
    int minuteOfDay = 9 * 60;
    QString monthlyPackage;
    QString method;
    QString fallback;
    QString cap;       // as typed; empty: no cap
    QString max;       // as typed; empty: no count cap
};

// The form read: a complete policy to ask the service about — a field
// whose text is not a value at all stands in with a harmless one, so that
// the service still checks every other field at once — and, by field path
// ("threshold.below", "monthly.day", "monthly_cap", "max_per_month"), why
// each such text is not a value.
struct PolicyFormReading final
{
    Policy policy;
    QHash<QString, QString> errors;
};

// Reads the texts of the rules form without changing them: "1e30", "-1" or
// "2.5" is never turned into a number it is not; it gets a message.
class PolicyFormReader final
{
    Q_DECLARE_TR_FUNCTIONS(PolicyFormReader)

public:
    PolicyFormReader() = delete;

    [[nodiscard]] static PolicyFormReading read(const PolicyFormInput &input);
    // A threshold at or above what its package adds is valid but leaves the
    // line below it after a top-up, so it tops up again and again: what the
    // form says beside the field; empty when it is below.
    [[nodiscard]] static QString thresholdWarning(const ThresholdTrigger &threshold, const Package &package,
                                                  const QString &packageName, DataUnits units);
};

} // namespace topup
