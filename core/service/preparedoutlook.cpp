#include "preparedoutlook.h"

#include "accountoutlook.h"
#include "accountsession.h"
#include "outlookbuilder.h"
#include "store/database.h"
#include "worldrunner.h"
#include "worldsync.h"

#include <QElapsedTimer>
#include <QScopeGuard>

#include <utility>

namespace topup {

// What the move's thread is given and leaves: written there, read here
// only once that thread has ended.
struct PreparedOutlook::Work final
{
    qint64 accountId = 0;
    quint64 writes = 0;
    AccountOutlook::Lent lent;
    std::optional<Made> made;
    bool ran = false;
    Cost cost;

    void run(Database &store, JournalGateway &journal)
    {
        QElapsedTimer timer;
        timer.start();
        const quint64 statementsBefore = store.statementsRun();
        const auto took = qScopeGuard([&] { cost = Cost{double(timer.nsecsElapsed()) / 1e6, store.statementsRun() - statementsBefore}; });
        const Expected<std::optional<Instant>> clock = WorldSync(store, journal).clock();
        if (!clock || !*clock)
            return; // a world whose clock has not started: the screens build as before
        OutlookBuilder builder(store, journal);
        Expected<Outlook> outlook = lent.kept ? builder.build(accountId, **clock, lent.narrow, *lent.kept, &ran)
                                              : builder.build(accountId, **clock, lent.narrow);
        if (!lent.kept)
            ran = true;
        if (outlook)
            made = Made{OutlookKeeper::Key{accountId, writes, outlook->horizon, lent.narrow}, **clock, outlook.take(), {}};
    }
};

PreparedOutlook::PreparedOutlook(AccountSession &session, AccountOutlook &outlook, WorldRunner &runner)
    : m_session(session), m_outlook(outlook), m_runner(runner)
{
}

PreparedOutlook::~PreparedOutlook() = default;

CatchUpWorker::AfterMove PreparedOutlook::start()
{
    const std::optional<Account> &account = m_session.account();
    if (!account || m_running)
        return {};
    auto work = std::make_shared<Work>(Work{account->id, m_session.writes(), m_outlook.lend(), std::nullopt, false, {}});
    m_running = work;
    return [work](Database &store, JournalGateway &journal) { work->run(store, journal); };
}

void PreparedOutlook::finish()
{
    if (!m_running)
        return;
    const std::shared_ptr<Work> work = std::exchange(m_running, nullptr);
    if (work->lent.kept)
        m_outlook.giveBack();
    m_ready = std::move(work->made);
    if (m_ready) {
        ++m_made;
        m_runs += work->ran ? 1 : 0;
        m_lastCost = work->cost;
    }
}

std::optional<Outlook> PreparedOutlook::ready()
{
    if (!m_ready)
        return std::nullopt;
    // Handed out once, moved rather than copied (10 000 line outlooks take
    // 10–20 ms to copy); an outlook asked again at the same clock is built
    // as before, its run kept. One that does not hold now cannot hold
    // again: the clock only moves on, the writes only add up.
    std::optional<Made> made = std::exchange(m_ready, std::nullopt);
    const std::optional<Account> &account = m_session.account();
    if (!account || account->id != made->key.accountId || m_session.writes() != made->key.writes)
        return std::nullopt;
    if (const Expected<Instant> clock = m_runner.clock(); !clock || *clock != made->clock)
        return std::nullopt;
    ++m_handedOut;
    return std::move(made->outlook);
}

} // namespace topup
