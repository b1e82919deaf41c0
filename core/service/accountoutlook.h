#pragma once

#include "advicetask.h"
#include "domain/expected.h"
#include "domain/lineoutlook.h"
#include "domain/policy.h"
#include "outlookbuilder.h"
#include "outlookkeeper.h"
#include "recentusage.h"
#include "store/linestore.h"

#include <memory>
#include <optional>

namespace topup {

class AccountSession;
class Database;
class JournalGateway;

// What lies ahead for the signed-in account's lines, for the Service: the
// outlook of every line (OutlookBuilder), what other rules would do on one
// (a preview), and which rules would have cost least (AdviceTask). Nothing
// is charged or saved; every call goes through AccountSession. The
// outlook's run is kept while only the engine moves the world
// (OutlookKeeper), so the screens that follow a play step or a catch-up
// read the store again but do not run the engine again; so are the lines'
// last 7 days of usage (RecentUsage: only the days since are read) and
// their parsed rules (LineStore::ReadRules: parsed again where changed).
class AccountOutlook final
{
    Q_DISABLE_COPY_MOVE(AccountOutlook)

public:
    // The narrowing of previews and outlooks, and whether the outlook's run
    // is kept: Service::Options.
    AccountOutlook(Database &store, JournalGateway &provider, AccountSession &session, bool narrowPreviews, bool narrowOutlooks,
                   bool keepOutlooks);

    Expected<Outlook> outlook();
    // How many outlooks ran the engine (the others took the run kept).
    int outlookRuns() const noexcept { return m_runs; }
    // How many outlooks took some lines of the last one again (OutlookKeeper::countTaken).
    int outlooksTakingLines() const noexcept { return m_keeper.partialBuilds(); }
    // How many outlooks read some lines only (OutlookKeeper::countRead).
    int outlooksReadingSomeLines() const noexcept { return m_keeper.partialReads(); }
    Expected<LineOutlook> preview(qint64 lineId, const Policy &policy, int days);

    // How outlook() builds, and what it keeps (`kept`, when it keeps),
    // lent to a thread that prepares the outlook after a move
    // (PreparedOutlook) until giveBack(): outlook() meanwhile builds
    // without what it keeps, which that thread alone touches.
    struct Lent final
    {
        bool narrow = true;
        std::optional<OutlookBuilder::Keeping> kept;
    };
    Lent lend();
    void giveBack() noexcept { m_lent = false; }
    Expected<std::unique_ptr<AdviceTask>> advise(qint64 lineId, int days);

private:
    Database &m_store;
    JournalGateway &m_provider;
    AccountSession &m_session;
    bool m_narrowPreviews;
    bool m_narrowOutlooks;
    bool m_keepOutlooks;
    OutlookKeeper m_keeper;
    RecentUsage m_recent;
    LineStore::ReadRules m_readRules;
    int m_runs = 0;
    bool m_lent = false;
};

} // namespace topup
