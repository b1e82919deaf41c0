#pragma once

#include "domain/alertkind.h"
#include "domain/expected.h"
#include "domain/instant.h"
#include "domain/money.h"
#include "engine/outcome.h"
#include "store/usagebatch.h"
#include "store/usagestore.h"
#include "worldloader.h"

#include <QHash>
#include <QVariant>

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace topup {

class Database;
class ChargeGroup;
class JournalGateway;

// What a catch-up did for one account.
struct AccountCatchUp final
{
    qint64 account = 0;
    int topUps = 0;
    int failures = 0;
    int blocked = 0;
    Money spend;
};

// What a catch-up did: the "while you were away" summary, for all accounts
// together and for each (a person sees only their own).
struct CatchUpSummary final
{
    Instant from;
    Instant to;
    int topUps = 0;
    int failures = 0;
    int blocked = 0;
    Money spend;
    qint64 usageSamples = 0;
    // The catch-up stopped at WorldSync::maxSpanMs short of `target`; the
    // next catch-up continues from `to`.
    bool stoppedAtLimit = false;
    Instant target;
    std::vector<AccountCatchUp> accounts; // those with anything to tell, by id

    void add(const CatchUpSummary &other);
    void addAccount(const AccountCatchUp &tally);
    // The same span with one account's part only (nothing: all zero).
    CatchUpSummary forAccount(qint64 account) const;
    bool eventful() const noexcept { return topUps + failures + blocked > 0; }
};

// Moves the simulated world forward: from the clock saved in the store to
// `now`, one day at a time, every account's engine run recording its
// charges as they happen. The worlds are read from the store once and
// carried from day to day in memory; every week of days (sooner in a large
// fleet, saveEveryLineDays), at the end, and when stopped between days,
// the new balances, states, retries, blocked
// attempts, usage, alerts and the clock are saved for all accounts together
// in one transaction. A crash loses at most the days since the last save,
// whose replay charges nothing twice.
class WorldSync final
{
    Q_DECLARE_TR_FUNCTIONS(WorldSync)

public:
    using Progress = std::function<void(Instant reached, Instant target)>;
    static constexpr qint64 stepMs = 24 * 60 * 60 * 1000;
    // At most this much simulated time per catch-up (three years: 1 096
    // days); a catch-up further than that stops there, saved, and the next
    // one continues (CatchUpSummary::stoppedAtLimit).
    static constexpr int maxSpanDays = 1096;
    static constexpr qint64 maxSpanMs = maxSpanDays * stepMs;
    static constexpr qint64 saveEveryMs = 7 * stepMs;
    // And sooner in a large fleet: once the unsaved days of all lines come
    // to this many line-days (every other day at 10 000 lines), so the
    // unsaved hourly roll-ups held in memory stay bounded.
    static constexpr qint64 saveEveryLineDays = 20'000;

    WorldSync(Database &store, JournalGateway &provider);
    ~WorldSync();
    Q_DISABLE_COPY_MOVE(WorldSync)

    // The saved clock; none in a new store. A clock outside the years
    // 0001–9999 is damage (a flipped byte), refused.
    Expected<std::optional<Instant>> clock();
    // The saved clock against what the world recorded, at open: earlier than
    // an hour of usage saved with it, or than a charge by more than the days
    // a catch-up leaves unsaved, it is damage, refused before anything moves.
    Expected<void> checkClock();
    Expected<void> startClock(Instant now);
    // Stops early, with the days done so far, when the calling thread is
    // asked to stop (QThread::requestInterruption).
    Expected<CatchUpSummary> catchUp(Instant now, const Progress &progress = {});
    // Lets the rules react after a write: moves the clock to `at` (the
    // saved clock + 1 ms) running only the lines something can happen to
    // there, when nothing else can (narrowable); else catchUp(at). The same
    // world as catchUp(at) either way (docs/settling.md).
    Expected<CatchUpSummary> settle(Instant at);
    static bool narrowable(Instant clock, Instant at);
    // A write changed the lines `lines` (their rows; none: every line) of
    // account `account`, settled at `at`: the run of that account starting
    // there checks them at `at` (World::changedAtStart), so step 4 may act
    // on the write (a line below its new threshold tops up). Other lines and
    // accounts, like every run resuming at the instant after a catch-up's
    // day, act at their start only when something is due there.
    void markWrite(qint64 account, Instant at, std::optional<std::vector<qint64>> lines)
    {
        m_write = Write{account, at, std::move(lines)};
    }

private:
    // One account carried from day to day, with what its unsaved days
    // will write.
    struct Carried final
    {
        LoadedWorld loaded;
        std::optional<Outcome> last; // the last day run (its usage went to `usage`)
        // The roll-ups since the last save, and the samples a save may still
        // write: the last 48 hours (a save writes those of the target's 48
        // hours; those before are kept for a catch-up that stops early).
        std::unique_ptr<UsageBatch> usage;
        bool narrowed = false; // some of the account's lines only (settle)
    };
    static Carried carry(LoadedWorld loaded, bool narrowed);
    // The lines of `loaded`'s run from `from` a write changed there (markWrite).
    void markChanged(LoadedWorld &loaded, Instant from) const;
    struct PendingAlert final
    {
        qint64 account = 0;
        Instant at;
        AlertKind kind = AlertKind::TopUpFailed;
        QVariant line;
        QVariant method;
        QString detail;
    };
    struct PendingBlocked final
    {
        qint64 account = 0;
        qint64 line = 0;
        Instant at;
        QString month;
        QString trigger;
        QString key;
        int attempt = 0;
        qint64 package = 0;
        qint64 cents = 0;
        QString reason;
    };

    Expected<CatchUpSummary> step(Instant from, Instant to);
    Expected<void> load(Instant from, Instant to);
    Expected<void> collect(Carried &carried, Outcome outcome, CatchUpSummary &summary);
    Expected<bool> cardAlertSeen(qint64 method, const QString &detail);
    Expected<void> collectLowFunds(const Carried &carried, const Outcome &outcome);
    // Saves the days run since the last save (catchUp does at its end, with
    // `last`; the weekly saves before it leave out the 5-minute samples the
    // last one would drop, and keep them in memory until then).
    Expected<void> save(bool last = true);
    // Waits for the charges of the last run committed beside (a fleet's big
    // group on PostgreSQL, ChargeGroup::commitBeside), which the save's
    // usage overlaps; their error, if any.
    Expected<void> finishCommitBeside();

    Database &m_store;
    JournalGateway &m_provider;
    bool m_loaded = false;
    std::vector<Carried> m_accounts;
    std::vector<PendingAlert> m_alerts;
    std::vector<PendingBlocked> m_blocked;
    std::set<std::pair<qint64, QString>> m_cardAlerts; // (method, expiry) alerted since the last save
    QHash<qint64, QString> m_lowFunds; // method → the figures of its low-funds alert since the last save
    std::optional<Instant> m_savedFrom; // the first unsaved day's start
    Instant m_reached;                  // the end of the last day run
    Instant m_target;                   // where the catch-up goes
    struct Write final
    {
        qint64 account = 0;
        Instant at;
        std::optional<std::vector<qint64>> lines;
    };
    std::optional<Write> m_write; // markWrite
    std::unique_ptr<ChargeGroup> m_commitBeside; // the last run's group while it commits beside
};

} // namespace topup
