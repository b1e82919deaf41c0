#pragma once

#include "domain/attemptstatus.h"
#include "domain/instant.h"
#include "domain/money.h"
#include "domain/reason.h"
#include "domain/yearmonth.h"
#include "rules/thresholdstate.h"
#include "world.h"

#include <QString>

#include <optional>
#include <vector>

namespace topup {

// One charge, or one blocked attempt (then `method` is -1).
struct AttemptRecord final
{
    Instant at;
    int line = 0;
    TriggerKind trigger = TriggerKind::Threshold;
    QString key;
    int attempt = 1;
    int method = -1;
    int package = 0;
    Money amount;
    AttemptStatus status = AttemptStatus::Succeeded;
    std::optional<Reason> reason;
};

struct LineOutcome final
{
    qint64 dataBytes = 0;
    qint64 voiceSeconds = 0;
    qint64 unservedDataBytes = 0;
    qint64 unservedVoiceSeconds = 0;
    std::optional<ThresholdState> thresholdState; // none: no enabled threshold trigger
    // Usages (events or generated samples) in this run the line could not
    // serve in full: short of data, short of voice, short of either.
    qint64 usesShortOfData = 0;
    qint64 usesShortOfVoice = 0;
    qint64 usesShort = 0;
    LineProgress progress; // everything a resumed run needs
};

struct SpendRow final
{
    int line = 0;
    YearMonth month;
    Money autoSpend;
    Money manualSpend;
    int autoCount = 0;
};

// A generated usage sample: what the line used (served) and what it could not.
struct UsageRecord final
{
    int line = 0;
    Instant at;
    qint64 dataBytes = 0;
    qint64 voiceSeconds = 0;
};

// Where a run hands its usage samples as they are made, instead of keeping
// them in Outcome::usage (a day of a fleet is millions of samples: the
// desktop world folds them into its roll-ups as they come).
class UsageSink
{
public:
    virtual ~UsageSink() = default;
    virtual void add(const UsageRecord &record) = 0;
};

// Why a run stopped before `end`: an amount would leave int64 (SPEC §1), or
// the run would record more than World::attemptLimit attempts. `path` names the World's
// entry as a scenario file would (`events[3].deposit`, `lines[0]`).
struct RunError final
{
    QString path;
    QString message;
};

// What happened during a run, indices into the World's vectors.
struct Outcome final
{
    std::optional<RunError> error; // set: the run stopped there; the rest is partial

    std::vector<AttemptRecord> attempts;
    std::vector<LineOutcome> lines;
    std::vector<Money> methodFunds;
    std::vector<SpendRow> spend;
    std::vector<PendingRetryState> retries; // still pending at `end`, in scheduling order
    std::vector<UsageRecord> usage;          // only with World::recordUsage and no UsageSink
    qint64 usageEvents = 0;
};

} // namespace topup
