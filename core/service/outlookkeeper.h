#pragma once

#include "domain/instant.h"
#include "domain/lineoutlook.h"
#include "dryrun.h"
#include "touched.h"

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace topup {

// The outlook's run (DryRun), kept from one outlook to the next while only
// the clock moved. The engine is deterministic (every line's usage drawn
// from its own seed, the same rules, the same provider), and what the
// outlook's run announces is what the engine does when the clock moves on
// (tst_outlookproperty): so the run made at clock T still says, from a later
// clock T', what a run made at T' would say — the attempts after T' — as
// long as nothing but the engine moved the world in between and the run
// still ends where an outlook at T' ends (the same horizon). Lines cut short
// are the exception (DryRun: drawn only until their first top-ups were
// known): a run at T' draws such a line on to its next top-ups once one of
// them fell in (T, T'], so those lines run again from T' — alone, since
// nothing ties them to the others (the argument of PartedRun and of a
// preview run alone) — and the rest is kept. All of it holds only while the
// same lines are cut short at T' (LineCoupling reads the funds, the caps and
// the faults, which the moves change): else the whole run is made again.
//
// Writes (AccountSession::touchedSince) say what they touched. A write
// that touched no input of the engine (a line renamed) keeps the run as it
// is. One that touched some lines, or some methods (and with them the
// lines paying with them), keeps it when each of those lines was on its own
// in the run kept and is on its own at T' (cut short in both, or added, or
// removed): what happens to a line on its own does not depend on the other
// lines, and theirs not on its; those lines run again alone from T' and the
// rest is kept. Anything else — a write to a line tied to others, one that
// said it may have changed everything (the account's cap or zone, who acts,
// a method added or removed, another program's change) — makes the run again.
//
// Everything else an outlook says (balances, this month's spend, the
// forecast, low funds) is read at T' from the store, as always: the keeper
// saves the engine's run, not the queries — but for the outlook it was last
// made into, given again while the clock stayed and the writes since changed
// at most some names (keptOutlook), and whose lines the next outlook of the
// same run takes again where all they were built from is the same
// (lastOutlook; OutlookBuilder compares, line by line).
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
        // The same run but for the writes.
        bool sameRun(const Key &other) const
        {
            return accountId == other.accountId && horizon == other.horizon && narrow == other.narrow;
        }
    };
    // What the writes after the first `since` touched (AccountSession::touchedSince).
    using TouchedSince = std::function<Touched(quint64 since)>;

    // The run at `clock` built from the one kept, which then becomes the
    // one kept; none when it cannot be: `setup` is the world loaded at
    // `clock` (DryRun::setUp) with the lines to be cut short; the result
    // holds that world, the kept run's attempts after `clock` and those of
    // the lines that ran again.
    std::optional<DryRun::Result> follow(const Key &key, Instant clock, DryRun::Setup &setup, const TouchedSince &touchedSince);
    // How many lines the last follow() ran again.
    int redrawn() const noexcept { return m_redrawn; }

    // The world the run kept was made on (its start just after the run's
    // clock), and what the outlook made from it read of the past beyond the
    // world (the reason of each line's latest blocked attempt this month).
    struct Read final
    {
        LoadedWorld loaded;
        QHash<qint64, QString> blocked;
    };
    // Kept with the run made or followed at `clock` (keep, follow), for
    // the next outlook to read some lines only (linesToRead).
    void keepRead(Instant clock, Read read);
    // The lines an outlook at `clock` must read again when it takes the
    // rest from the world kept (takeRead; WorldLoader::mergeLines), none
    // when it must read them all. Nothing but the writes since and the
    // engine may have changed the store: the lines the writes touched
    // (Touched::lines and renamed; a method's funds and faults are read with
    // every method), and those the engine moved — with no usage sample on
    // the 5-minute grid and no local month's start in between, only
    // through an attempt, which the run kept names (every attempt up to a
    // line's `complete`; a line past it is read again too).
    std::optional<std::vector<qint64>> linesToRead(const Key &key, Instant clock, YearMonth monthAfterKept, YearMonth monthAfterClock,
                                                   const TouchedSince &touchedSince) const;
    // The clock of the run kept (the month after it: linesToRead).
    std::optional<Instant> keptClock() const { return m_kept ? std::optional<Instant>(m_kept->clock) : std::nullopt; }
    // What keepRead kept, given up (the next outlook keeps its own).
    std::optional<Read> takeRead();
    // Outlooks that read some lines only, and the lines they read.
    int partialReads() const noexcept { return m_partialReads; }
    void countRead(std::size_t lines)
    {
        ++m_partialReads;
        m_linesRead += qint64(lines);
    }
    qint64 linesRead() const noexcept { return m_linesRead; }
    // Keeps `run`, made at `clock` for `key` (a run made again whole, with
    // no lines cut short listed, is not kept).
    void keep(const Key &key, Instant clock, const DryRun::Result &run);
    // What every line of an outlook was built from beyond its own rules,
    // top-ups and spend (OutlookBuilder::assemble): a line whose own inputs
    // are the same is the same in two outlooks of equal bases, but for what
    // the builder sets again (the clock, the balances and the forecast read
    // from them, the account's spend, low funds).
    struct Basis final
    {
        int thisMonth = 0; // YearMonth::index() of the clock's local month
        std::optional<Money> accountCap;
        std::vector<qint64> methodRows;
        std::vector<std::pair<QString, Money>> packages; // id, price
        bool operator==(const Basis &other) const
        {
            return thisMonth == other.thisMonth && accountCap == other.accountCap && methodRows == other.methodRows
                && packages == other.packages;
        }
    };
    // An outlook with what it was made for (the account, the writes seen,
    // the run's horizon and narrowing; the clock) and what its lines were
    // built from: the one made last here (keepOutlook), and the one a move's
    // thread prepared (PreparedOutlook, which leaves `basis` empty).
    struct Made final
    {
        Key key;
        Instant clock;
        Outlook outlook;
        Basis basis;
    };
    void keepOutlook(const Key &key, Instant clock, const Outlook &outlook, Basis basis);
    // The outlook made last for the same run (`key` but for the writes; at
    // any clock), none else: its lines may be taken again (OutlookBuilder).
    // OutlookBuilder moves the lines it takes out of it (keepOutlook then
    // keeps the new one).
    Made *lastOutlook(const Key &key)
    {
        return m_outlook && m_outlook->key.sameRun(key) ? &*m_outlook : nullptr;
    }
    // Outlooks built taking some lines of the last one again, and the lines taken.
    void countTaken(int lines)
    {
        m_partial += lines > 0 ? 1 : 0;
        m_linesTaken += lines;
    }
    int partialBuilds() const noexcept { return m_partial; }
    qint64 linesTaken() const noexcept { return m_linesTaken; }
    // That outlook, when it still says what one made at `clock` for `key`
    // says but for the names of `renamed` (the caller reads them again into
    // it): the same clock, and the writes since touched no input of the
    // engine. It is then kept for `key`.
    Outlook *keptOutlook(const Key &key, Instant clock, const TouchedSince &touchedSince, std::vector<qint64> &renamed);
    void forget()
    {
        m_kept.reset();
        m_outlook.reset();
    }

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
        std::optional<Read> read; // keepRead
    };
    std::optional<Kept> m_kept;
    std::optional<Made> m_outlook;
    int m_redrawn = 0;
    int m_partialReads = 0;
    qint64 m_linesRead = 0;
    int m_partial = 0;
    qint64 m_linesTaken = 0;
};

} // namespace topup
