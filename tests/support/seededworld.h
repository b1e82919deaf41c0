#pragma once

#include "domain/instant.h"
#include "domain/linerecord.h"
#include "domain/policy.h"
#include "draws.h"
#include "service/service.h"

#include <QString>

#include <memory>
#include <vector>

namespace topup::test {

// What the tests that build seeded random worlds share (tst_outlookproperty
// and the narrowing tests): where a world is kept, when it starts, how the
// service is opened on it, and the draws of its lines and rules. Each draw
// is taken in the order the tests always took it: the same seed, the same
// world.

// A QTemporaryDir template for a world of the test `name`: in memory where
// the machine has it (/dev/shm; the subject is the rules, not the disk, and
// each world syncs a few hundred commits), else in the temporary folder.
QString worldFolderTemplate(const QString &name);

// Somewhere in 2027, at any minute.
Instant drawStartIn2027(Draws &draw);

// The service on `folder` with the clock fixed at `now`, fast password
// hashing, and one of Service::Options' narrowings (narrowSettles,
// narrowPreviews, narrowOutlooks) set to `narrow`; null, the failure
// recorded, when it cannot open.
std::unique_ptr<Service> openNarrowed(const QString &folder, Instant now, bool Service::Options::*narrowing, bool narrow);

// Line `index` of a world: any profile, any usage seed, a balance below
// `dataMegabytes` and `voiceMinutes`.
LineForm drawLine(Draws &draw, int index, quint32 dataMegabytes, quint32 voiceMinutes);

// How often drawRules draws each part, in percent, and how large.
struct RuleOdds final
{
    int disabled = 10;             // the rules switched off
    int threshold = 80;            // a threshold trigger (75 % of them on data)
    quint32 thresholdMegabytes = 3000; // a data threshold: 100 MB and up to this much more
    quint32 capSteps = 8;          // a monthly cap: 5 EUR and up to this many steps of 5 EUR more
};

// Rules with a threshold on data or voice (a package of that kind), a
// monthly top-up (always when there is no threshold, else half the time),
// sometimes a monthly cap and a limit of top-ups a month; no method yet.
Policy drawRules(Draws &draw, const RuleOdds &odds, const std::vector<QString> &dataPackages, const std::vector<QString> &voicePackages,
                 const std::vector<QString> &allPackages);

} // namespace topup::test
