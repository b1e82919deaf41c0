#include "accountoutlook.h"

#include "accountsession.h"
#include "advisorhistory.h"
#include "outlookbuilder.h"
#include "store/linestore.h"

namespace topup {

using Access = AccountSession::Access;

AccountOutlook::AccountOutlook(Database &store, JournalGateway &provider, AccountSession &session, bool narrowPreviews,
                               bool narrowOutlooks, bool keepOutlooks)
    : m_store(store)
    , m_provider(provider)
    , m_session(session)
    , m_narrowPreviews(narrowPreviews)
    , m_narrowOutlooks(narrowOutlooks)
    , m_keepOutlooks(keepOutlooks)
{
}

Expected<Outlook> AccountOutlook::outlook()
{
    return m_session.forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        if (!m_keepOutlooks || m_lent) {
            ++m_runs;
            return OutlookBuilder(m_store, m_provider).build(id, clock, m_narrowOutlooks);
        }
        bool ran = true;
        const OutlookBuilder::Keeping kept{m_keeper, m_recent, m_readRules, m_session.writes(), m_session.wideWrites(),
                                           m_session.touchedRecord()};
        Expected<Outlook> outlook = OutlookBuilder(m_store, m_provider).build(id, clock, m_narrowOutlooks, kept, &ran);
        m_runs += ran ? 1 : 0;
        return outlook;
    });
}

AccountOutlook::Lent AccountOutlook::lend()
{
    Lent lent{m_narrowOutlooks, std::nullopt};
    if (m_keepOutlooks) {
        // Values and a copy of the writes' record: the session goes on
        // taking writes and notices on its own thread meanwhile.
        lent.kept.emplace(OutlookBuilder::Keeping{m_keeper, m_recent, m_readRules, m_session.writes(), m_session.wideWrites(),
                                                  m_session.touchedRecord()});
        m_lent = true;
    }
    return lent;
}

Expected<LineOutlook> AccountOutlook::preview(qint64 lineId, const Policy &policy, int days)
{
    return m_session.forAccountAt(Access::Read, [&](qint64 id, Instant clock) -> Expected<LineOutlook> {
        if (const Expected<void> valid = LineStore(m_store).checkPolicy(id, lineId, policy, m_session.calendar().monthOf(clock)); !valid)
            return Expected<LineOutlook>::failure(valid);
        return OutlookBuilder(m_store, m_provider).preview(id, lineId, policy, clock, days, m_narrowPreviews);
    });
}

Expected<std::unique_ptr<AdviceTask>> AccountOutlook::advise(qint64 lineId, int days)
{
    return m_session.forAccountAt(Access::Read, [&](qint64 id, Instant clock) -> Expected<std::unique_ptr<AdviceTask>> {
        const Expected<AdvisorInput> input = AdvisorHistory(m_store, m_provider).input(id, lineId, clock, days);
        if (!input)
            return Expected<std::unique_ptr<AdviceTask>>::failure(input);
        return std::make_unique<AdviceTask>(*input, days);
    });
}

} // namespace topup
