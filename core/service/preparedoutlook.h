#pragma once

#include "catchupworker.h"
#include "domain/instant.h"
#include "domain/lineoutlook.h"
#include "outlookkeeper.h"

#include <memory>
#include <optional>

namespace topup {

class AccountOutlook;
class AccountSession;
class WorldRunner;

// The signed-in account's outlook made by the thread that moved the world,
// right after its move (a play step, a catch-up in the background, the work
// after another program's move: WorldRunner::setAfterMoves), on that
// thread's own connections, so that the screens which follow (worldAdvanced)
// take it at once instead of building it on their thread (the dashboard,
// the one screen that asks, once after each move). It is built as
// AccountOutlook builds (OutlookBuilder, with what AccountOutlook keeps lent
// to that thread for the duration), so it is what a build then says; it is
// handed out while it still holds — the same account, no write since
// (AccountSession::writes: who acts, any write here, a change told by
// another program) and the world's clock where it was made — and dropped
// otherwise.
class PreparedOutlook final
{
    Q_DISABLE_COPY_MOVE(PreparedOutlook)

public:
    PreparedOutlook(AccountSession &session, AccountOutlook &outlook, WorldRunner &runner);
    ~PreparedOutlook();

    // On the Service's thread as a move starts off it: the work for that
    // thread once it has moved the world; none when nobody is signed in or
    // a work still runs.
    CatchUpWorker::AfterMove start();
    // On the Service's thread once that thread has ended: what was lent is
    // given back, and the outlook made (if any) kept for ready().
    void finish();
    // The outlook prepared, when it still holds now (one query: the
    // clock); handed out once.
    std::optional<Outlook> ready();

    // How many outlooks the moves' threads made, how many of them ran the
    // engine (the others followed the run kept: OutlookKeeper), and how
    // many times ready() handed one out: for the tests and the benchmarks.
    int made() const noexcept { return m_made; }
    int runs() const noexcept { return m_runs; }
    int handedOut() const noexcept { return m_handedOut; }
    // What the last outlook made cost its thread, from reading the clock
    // to the outlook built: the time (ms) and the statements run on its
    // store's connection (Database::statementsRun). The benchmarks tell it
    // from the move itself.
    struct Cost final
    {
        double ms = 0;
        quint64 statements = 0;
    };
    Cost lastCost() const noexcept { return m_lastCost; }

private:
    struct Work;
    // The outlook with the account, the writes and the clock it was made
    // for (key.accountId, key.writes, clock), as OutlookKeeper keeps its last.
    using Made = OutlookKeeper::Made;

    AccountSession &m_session;
    AccountOutlook &m_outlook;
    WorldRunner &m_runner;
    std::shared_ptr<Work> m_running;
    std::optional<Made> m_ready;
    int m_made = 0;
    int m_runs = 0;
    int m_handedOut = 0;
    Cost m_lastCost;
};

} // namespace topup
