#pragma once

#include "domain/dataamount.h"
#include "domain/instant.h"
#include "domain/line.h"
#include "domain/lineprogress.h"
#include "domain/money.h"
#include "domain/package.h"
#include "domain/paymentmethod.h"
#include "domain/policy.h"
#include "domain/reason.h"
#include "domain/triggerkind.h"
#include "domain/usageprofile.h"
#include "domain/voiceamount.h"
#include "domain/yearmonth.h"

#include <QString>
#include <QTimeZone>

#include <memory>
#include <optional>
#include <vector>

namespace topup {

// Something that happens to the world at an instant (SPEC §8 `events`).
struct WorldEvent final
{
    enum class Kind { Use, TopUp, SetPolicy, Deposit, FailNext };

    Instant at;
    Kind kind = Kind::Use;
    QString line;          // Use, TopUp, SetPolicy
    QString method;        // TopUp, Deposit, FailNext
    QString package;       // TopUp
    DataAmount data;       // Use
    VoiceAmount voice;     // Use
    std::shared_ptr<const Policy> policy; // SetPolicy (set only for it: an event stays small)
    Money deposit;         // Deposit
    std::vector<Reason> faults; // FailNext
};

// Usage made up by the simulated carrier (SPEC §8 `generate`).
struct UsageStream final
{
    QString line;
    UsageProfile profile = UsageProfile::Regular;
    quint64 seed = 0;
    qint64 everySeconds = 300;
    // A resumed run continues a stream on its grid: its first sample is at
    // `firstAt` with number `firstIndex`. Unset: at `start`, number 0.
    std::optional<Instant> firstAt;
    qint64 firstIndex = 0;
};

struct PendingRetryState final
{
    int line = 0;
    TriggerKind trigger = TriggerKind::Threshold;
    QString key;
    int attempt = 2;
    Instant due;
};

// Succeeded top-ups already made in a month the run may charge in, so the
// limits of SPEC §7.1 count them.
struct PriorSpend final
{
    // The account's other lines, not in this World (a run of some lines
    // only): their auto spend counts against the account cap.
    static constexpr int otherLines = -1;

    int line = 0;
    YearMonth month;
    Money autoSpend;
    Money manualSpend;
    int autoCount = 0;
};

// Everything the engine needs to run: validated, ids resolvable.
struct World final
{
    QTimeZone zone;
    QString currency;
    Instant start;
    Instant end;
    std::optional<Money> accountCap;
    std::vector<Package> packages;
    std::vector<PaymentMethod> methods;
    std::vector<Line> lines;
    std::vector<WorldEvent> events; // in file order
    std::vector<UsageStream> streams;

    // Keep every generated usage sample in the outcome (the desktop world
    // stores them); scenarios only need the totals.
    bool recordUsage = false;

    // A run that would record more top-up attempts than this stops with an
    // error instead of growing without bound (README, "Limits").
    std::size_t attemptLimit = 1'000'000;

    // Only for a run that resumes an earlier one (the desktop world).
    std::vector<LineProgress> progress; // empty, or one per line
    // A fresh run (no progress) visits its `start` (SPEC §3), so a line that
    // starts below its threshold tops up there. A resumed run starts at the
    // instant after the earlier run's end, which a run going through visits
    // only when something happens there: it visits its `start` only then (an
    // event, a usage sample, a due retry, a monthly occurrence, a month
    // start), or when `startVisited` is set (a run of some lines only, whose
    // other lines have something there: PartedRun::restrictedTo; a write that
    // changed every line: the account's zone). Otherwise only the threshold
    // checks of `changedAtStart` run at `start`: the lines a write changed
    // there (the desktop world settles a write at the instant after the
    // clock: a policy saved, a deposit re-arming, a manual top-up, a drained
    // line). README, "Where SPEC is silent".
    bool startVisited = false;
    std::vector<int> changedAtStart; // line indices
    std::vector<PendingRetryState> retries; // in the order they were scheduled
    std::vector<PriorSpend> priorSpend;
};

} // namespace topup
