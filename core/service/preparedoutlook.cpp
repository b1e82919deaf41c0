#include "preparedoutlook.h"

#include "accountoutlook.h"
#include "accountsession.h"
#include "outlookbuilder.h"
#include "worldrunner.h"
#include "worldsync.h"

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

    void run(Database &store, JournalGateway &journal)
    {
        const Expected<std::optional<Instant>> clock = WorldSync(store, journal).clock();
        if (!clock || !*clock)
            return; // a world whose clock has not started: the screens build as before
        OutlookBuilder builder(store, journal);
        Expected<Outlook> outlook = lent.kept ? builder.build(accountId, **clock, lent.narrow, *lent.kept, &ran)
                                              : builder.build(accountId, **clock, lent.narrow);
        if (!lent.kept)
            ran = true;
        if (outlook)
            made = Made{accountId, writes, **clock, outlook.take()};
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
    auto work = std::make_shared<Work>(Work{account->id, m_session.writes(), m_outlook.lend(), std::nullopt, false});
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
    }
}

std::optional<Outlook> PreparedOutlook::ready()
{
    if (!m_ready)
        return std::nullopt;
    const std::optional<Account> &account = m_session.account();
    if (account && account->id == m_ready->accountId && m_session.writes() == m_ready->writes) {
        if (const Expected<Instant> clock = m_runner.clock(); clock && *clock == m_ready->clock) {
            ++m_handedOut;
            return m_ready->outlook;
        }
    }
    m_ready.reset(); // it cannot hold again: the clock only moves on, the writes only add up
    return std::nullopt;
}

} // namespace topup
