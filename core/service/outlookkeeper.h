#pragma once

#include "domain/instant.h"
#include "dryrun.h"

#include <optional>

namespace topup {

// The outlook's run (DryRun), kept from one outlook to the next while only
// the clock moved. The engine is deterministic (every line's usage drawn
// from its own seed, the same rules, the same provider), and what the
// outlook's run announces is what the engine does when the clock moves on
// (tst_outlookproperty): so the run made at clock T still says, from a later
// clock T', what a run made at T' would say — the attempts after T' — as
// long as nothing but the engine moved the world in between (no write of
// this desktop or another: AccountSession::writes()) and the run still ends
// where an outlook at T' ends (the same horizon). Lines cut short are the
// exception (DryRun: drawn only until their first top-ups were known): a
// run at T' draws such a line on to its next top-ups once one of them fell
// in (T, T'], so those lines run again from T' — alone, since nothing ties
// them to the others (the argument of PartedRun and of a preview run
// alone) — and the rest is kept. All of it holds only while the same lines
// are cut short at T' (LineCoupling reads the funds, the caps and the
// faults, which the moves change): else the whole run is made again.
//
// Everything else an outlook says (balances, this month's spend, the
// forecast, low funds) is read at T' from the store, as always: the keeper
// saves the engine's run, not the queries.
class OutlookKeeper final
{
public:
    // What the run was made for: the account, the writes seen until then
    // (AccountSession::writes) and where it ends.
    struct Key final
    {
        qint64 accountId = 0;
        quint64 writes = 0;
        Instant horizon;
        bool narrow = true;
        bool operator==(const Key &other) const
        {
            return accountId == other.accountId && writes == other.writes && horizon == other.horizon && narrow == other.narrow;
        }
    };

    // The run at `clock` built from the one kept, which then becomes the
    // one kept; none when it cannot be: `setup` is the world loaded at
    // `clock` (DryRun::setUp) with the lines to be cut short; the result
    // holds that world, the kept run's attempts after `clock` and those of
    // the lines that ran again.
    std::optional<DryRun::Result> follow(const Key &key, Instant clock, DryRun::Setup &setup);
    // How many lines the last follow() ran again.
    int redrawn() const noexcept { return m_redrawn; }
    // Keeps `run`, made at `clock` for `key` (a run made again whole, with
    // no lines cut short listed, is not kept).
    void keep(const Key &key, Instant clock, const DryRun::Result &run);
    void forget() { m_kept.reset(); }

private:
    struct Kept final
    {
        Key key;
        Instant clock;
        std::vector<qint64> lineRows;
        std::vector<qint64> methodRows;
        std::vector<qint64> packageRows;
        std::vector<bool> cutShort;
        std::vector<Instant> complete;
        std::vector<AttemptRecord> attempts;
    };
    std::optional<Kept> m_kept;
    int m_redrawn = 0;
};

} // namespace topup
