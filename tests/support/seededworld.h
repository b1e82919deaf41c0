#pragma once

#include "domain/instant.h"
#include "domain/linerecord.h"
#include "domain/policy.h"
#include "draws.h"
#include "service/service.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>
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

// How many of a test's `seeds` seeded worlds it builds: all of them on
// SQLite; on PostgreSQL, where each world's few hundred commits and its
// service's opening go through the server (about ten times SQLite's time),
// a quarter of them, at least 4, the first ones — the rules' property is
// held on every world by the SQLite run, the PostgreSQL run holds the
// engine's SQL to it. TOPUP_TEST_WORLDS sets the count on either engine (a
// longer run).
int seededWorldCount(int seeds);

// Somewhere in 2027, at any minute.
Instant drawStartIn2027(Draws &draw);

// The service on `folder` with the clock fixed at `now`, fast password
// hashing, and one of Service::Options' narrowings (narrowSettles,
// narrowPreviews, narrowOutlooks) set to `narrow`; null, the failure
// recorded, when it cannot open.
std::unique_ptr<Service> openNarrowed(const QString &folder, Instant now, bool Service::Options::*narrowing, bool narrow);

// The two folders of a comparison: the world built in `narrow` and copied
// into `whole`.
struct WorldFolders final
{
    explicit WorldFolders(const QString &test) : narrow(worldFolderTemplate(test)), whole(worldFolderTemplate(test)) {}
    bool isValid() const { return narrow.isValid() && whole.isValid(); }

    QTemporaryDir narrow;
    QTemporaryDir whole;
};

// The world in `folders.narrow` copied into `folders.whole` and a service
// opened on each, with `narrowing` on in the first and off in the second,
// both acting as `accountId`; nulls, the failure recorded, when it fails.
struct NarrowedPair final
{
    std::unique_ptr<Service> narrow;
    std::unique_ptr<Service> whole;
};
NarrowedPair copyAndOpenBoth(WorldFolders &folders, Instant now, bool Service::Options::*narrowing, qint64 accountId);

// Signs `login` up (testPassword(), EUR) in `zone` with the account cap
// `cap` and catches its clock up; the account's id, 0 (the failure
// recorded) when it fails.
qint64 signUpAccount(Service &service, const QString &login, const QString &zone, std::optional<Money> cap);

// Pat's payment method number `index` holding `funds`: a wallet first, then a
// credit card valid to 09/31, then ones valid to 12/27.
Expected<MethodRecord> addNumberedMethod(Service &service, int index, Money funds);

// The ids of the account's packages by kind, as drawRules takes them.
struct PackageIds final
{
    std::vector<QString> data;
    std::vector<QString> voice;
    std::vector<QString> all;
};
PackageIds packageIds(const std::vector<PackageRecord> &packages);

// Seven times in ten, the clock moved on by 1 to 25 days and any minute.
Expected<void> maybeAdvanceDays(Service &service, Draws &draw);

// A top-up as a preview or an outlook lists it, on one line.
QString describe(const PreviewItem &item);

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
