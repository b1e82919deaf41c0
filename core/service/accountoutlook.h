#pragma once

#include "advicetask.h"
#include "domain/expected.h"
#include "domain/lineoutlook.h"
#include "domain/policy.h"

#include <memory>

namespace topup {

class AccountSession;
class Database;
class JournalGateway;

// What lies ahead for the signed-in account's lines, for the Service: the
// outlook of every line (OutlookBuilder), what other rules would do on one
// (a preview), and which rules would have cost least (AdviceTask). Nothing
// is charged or saved; every call goes through AccountSession.
class AccountOutlook final
{
    Q_DISABLE_COPY_MOVE(AccountOutlook)

public:
    // The narrowing of previews and outlooks: Service::Options.
    AccountOutlook(Database &store, JournalGateway &provider, AccountSession &session, bool narrowPreviews, bool narrowOutlooks);

    Expected<Outlook> outlook();
    Expected<LineOutlook> preview(qint64 lineId, const Policy &policy, int days);
    Expected<std::unique_ptr<AdviceTask>> advise(qint64 lineId, int days);

private:
    Database &m_store;
    JournalGateway &m_provider;
    AccountSession &m_session;
    bool m_narrowPreviews;
    bool m_narrowOutlooks;
};

} // namespace topup
