#pragma once

#include "domain/expected.h"
#include "domain/instant.h"
#include "domain/money.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

namespace topup {

class Database;
class JournalGateway;
struct LoadedWorld;
struct Outcome;

// What a catch-up did: the "while you were away" summary.
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

    void add(const CatchUpSummary &other);
};

// Moves the simulated world forward: from the clock saved in the store to
// `now`, one day at a time, every account's engine run recording its
// charges as they happen and then, for all accounts together, the new
// balances, states, retries, blocked attempts, usage, alerts and the clock
// in one transaction. A crash loses at most the day in progress, and the
// replay charges nothing twice.
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

    WorldSync(Database &store, JournalGateway &provider) : m_store(store), m_provider(provider) {}

    // The saved clock; none in a new store.
    Expected<std::optional<Instant>> clock();
    Expected<bool> startClock(Instant now);
    // Stops early, with the days done so far, when the calling thread is
    // asked to stop (QThread::requestInterruption).
    Expected<CatchUpSummary> catchUp(Instant now, const Progress &progress = {});

private:
    Expected<CatchUpSummary> step(Instant from, Instant to);
    Expected<bool> save(const LoadedWorld &loaded, const Outcome &outcome, CatchUpSummary &summary);

    Database &m_store;
    JournalGateway &m_provider;
};

} // namespace topup
