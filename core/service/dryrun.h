#pragma once

#include "domain/expected.h"
#include "domain/instant.h"
#include "domain/policy.h"
#include "engine/outcome.h"
#include "worldloader.h"

#include <QCoreApplication>

#include <optional>

namespace topup {

class Database;
class JournalGateway;

// The future of one account's world, found by running the engine on a copy
// of it: the store's lines, rules, progress, pending retries and spend, the
// provider's funds and queued faults, and an in-memory provider, so nothing
// is charged or written. The outlook, the rules preview and "run to the next
// top-up" all ask it: what a screen says will happen is what the engine does
// when the clock moves on (tst_outlookproperty holds it to that).
class DryRun final
{
    Q_DECLARE_TR_FUNCTIONS(DryRun)

public:
    struct Result final
    {
        LoadedWorld loaded; // the world at the start of the run (a candidate's rules in place)
        // What happens: `attempts` holds every attempt of line i up to
        // complete[i], and after it only monthly ones its usage cannot
        // change; balances, funds and spend at the end are not kept.
        Outcome outcome;
        // Up to where each line's attempts are all there: the end of the run,
        // or for a line on its own (LineCoupling) the instant at which the
        // first attempt of each of its triggers became known.
        std::vector<Instant> complete;
        // A candidate's line run alone: `loaded` holds that line only.
        bool narrowed = false;
        // One flag per line: drawn only until its first top-ups were known
        // (LineCoupling said it is on its own). Empty when the run was made
        // again with every line drawn whole (a balance past int64).
        std::vector<bool> cutShort;
    };
    // A run's world, set up but not run yet: `result` holds what was loaded
    // and which lines will be cut short (result.cutShort), `working` the
    // world the engine runs (only the usage of lines with a threshold).
    struct Setup final
    {
        Result result;
        World working;
        std::vector<UsageStream> allStreams;
    };
    // One line's rules replaced as a policy event would: new rules, the
    // threshold trigger armed, the line's pending retries dropped.
    struct Candidate final
    {
        qint64 lineId = 0;
        Policy policy;
    };

    // `narrow`: only what can change the answer runs — a candidate's line
    // that nothing ties to the others (LineCoupling; no account cap) runs
    // alone, and a line on its own is drawn only until its first top-ups
    // are known. Off: every line runs and is drawn to the end, the
    // reference the tests compare with.
    // `readRules` (when given): the lines' rules parsed before (LineStore::ReadRules).
    DryRun(Database &store, JournalGateway &provider, bool narrow = true, LineStore::ReadRules *readRules = nullptr)
        : m_store(store), m_provider(provider), m_narrow(narrow), m_readRules(readRules)
    {
    }

    // From just after `clock` to `end`, both inclusive; the candidate's line
    // is drawn whole.
    [[nodiscard]] Expected<Result> run(qint64 accountId, Instant clock, Instant end,
                                       const std::optional<Candidate> &candidate = std::nullopt);
    // The same in two steps: the world loaded and which lines will be cut
    // short (what an outlook kept from an earlier clock is checked against:
    // OutlookKeeper), then the engine's run of it.
    [[nodiscard]] Expected<Setup> setUp(qint64 accountId, Instant clock, Instant end,
                                        const std::optional<Candidate> &candidate = std::nullopt);
    // The same from a world already loaded from just after `clock` to the
    // end (WorldLoader::load, or a world kept with some lines read again:
    // WorldLoader::mergeLines).
    [[nodiscard]] Expected<Setup> setUpFrom(LoadedWorld loaded, const std::optional<Candidate> &candidate = std::nullopt);
    [[nodiscard]] static Expected<Result> run(Setup setup);

private:
    // False when the run stops on an error (result.outcome holds it).
    static bool runCutShort(Result &result, const World &working);
    // The world of line `index` alone (there is no account cap).
    static void keepOnly(LoadedWorld &loaded, int index);

    Database &m_store;
    JournalGateway &m_provider;
    bool m_narrow = true;
    LineStore::ReadRules *m_readRules = nullptr;
};

} // namespace topup
