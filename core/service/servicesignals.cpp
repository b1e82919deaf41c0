// Service's signals: what its parts say, forwarded as the service's own,
// and on a server what this desktop tells the others and hears from them
// (WorldNotices).
#include "service.h"

#include "accounthistory.h"
#include "accountlines.h"
#include "accountmethods.h"
#include "accountsession.h"
#include "worldnotices.h"
#include "worldrunner.h"

#include <QScopeGuard>

namespace topup {

void Service::forwardSignals()
{
    connect(m_session.get(), &AccountSession::accountChanged, this, &Service::accountChanged);
    connect(m_runner.get(), &WorldRunner::worldAdvanced, this, &Service::worldAdvanced);
    connect(m_runner.get(), &WorldRunner::alertsAdded, this, &Service::alertsAdded);
    connect(m_runner.get(), &WorldRunner::catchUpProgress, this, &Service::catchUpProgress);
    connect(m_runner.get(), &WorldRunner::catchUpFinished, this, &Service::catchUpFinished);
    connect(m_runner.get(), &WorldRunner::playStopped, this, &Service::playStopped);
    connect(m_runner.get(), &WorldRunner::jumpFinished, this, &Service::jumpFinished);
    connect(m_lines.get(), &AccountLines::lineAdded, this, &Service::lineAdded);
    connect(m_lines.get(), &AccountLines::lineRemoved, this, &Service::lineRemoved);
    connect(m_lines.get(), &AccountLines::linesChanged, this, &Service::linesChanged);
    connect(m_lines.get(), &AccountLines::methodsChanged, this, &Service::methodsChanged);
    connect(m_lines.get(), &AccountLines::attemptsAdded, this, &Service::attemptsAdded);
    connect(m_lines.get(), &AccountLines::problem, this, &Service::problem);
    connect(m_methods.get(), &AccountMethods::methodAdded, this, &Service::methodAdded);
    connect(m_methods.get(), &AccountMethods::methodRemoved, this, &Service::methodRemoved);
    connect(m_methods.get(), &AccountMethods::methodsChanged, this, &Service::methodsChanged);
    connect(m_methods.get(), &AccountMethods::linesChanged, this, &Service::linesChanged);
    connect(m_history.get(), &AccountHistory::alertRead, this, &Service::alertRead);
    connect(m_history.get(), &AccountHistory::allAlertsRead, this, &Service::allAlertsRead);
}

void Service::shareSignals()
{
    using Kind = WorldNotices::Kind;
    m_notices = std::make_unique<WorldNotices>(*m_store);
    const auto tell = [this](Kind kind, const QList<qint64> &ids = {}) {
        if (m_hearing)
            return;
        const qint64 account = kind == Kind::World || !m_session->account() ? 0 : m_session->account()->id;
        m_notices->tell(WorldNotices::Notice{kind, account, ids});
    };
    connect(this, &Service::worldAdvanced, this, [tell] { tell(Kind::World); });
    connect(this, &Service::linesChanged, this, [tell](const QList<qint64> &ids) { tell(Kind::LinesChanged, ids); });
    connect(this, &Service::lineAdded, this, [tell](qint64 id) { tell(Kind::LineAdded, {id}); });
    connect(this, &Service::lineRemoved, this, [tell](qint64 id) { tell(Kind::LineRemoved, {id}); });
    connect(this, &Service::methodsChanged, this, [tell](const QList<qint64> &ids) { tell(Kind::MethodsChanged, ids); });
    connect(this, &Service::methodAdded, this, [tell](qint64 id) { tell(Kind::MethodAdded, {id}); });
    connect(this, &Service::methodRemoved, this, [tell](qint64 id) { tell(Kind::MethodRemoved, {id}); });
    connect(this, &Service::attemptsAdded, this, [tell](const QList<qint64> &ids) { tell(Kind::AttemptsAdded, ids); });
    connect(this, &Service::alertsAdded, this, [tell] { tell(Kind::AlertsAdded); });
    connect(this, &Service::alertRead, this, [tell](qint64 id) { tell(Kind::AlertRead, {id}); });
    connect(this, &Service::allAlertsRead, this, [tell] { tell(Kind::AllAlertsRead); });
    // (The account's own settings are told by setAccountCap and setTimeZone:
    // accountChanged also says who signed in here, which is no one else's.)

    connect(m_runner.get(), &WorldRunner::followedElsewhere, this, [this] {
        m_hearing = true; // another program's move: not told back
        const QScopeGuard heard([this] { m_hearing = false; });
        emit worldAdvanced();
    });
    connect(m_notices.get(), &WorldNotices::heard, this, [this](const WorldNotices::Notice &notice) {
        // Another account's lines, methods and alerts are not this one's to show.
        const std::optional<Account> &account = m_session->account();
        if (notice.kind != Kind::World && (!account || account->id != notice.account))
            return;
        m_hearing = true;
        const QScopeGuard heard([this] { m_hearing = false; });
        // Anything but a move of the world: what the outlook kept may no
        // longer hold (AccountSession::writes).
        if (notice.kind != Kind::World)
            m_session->noteChangeElsewhere();
        switch (notice.kind) {
        case Kind::World:
            // Told once the outlook is made off this thread, when it can be (followedElsewhere).
            if (!m_runner->followElsewhere())
                emit worldAdvanced();
            break;
        case Kind::LinesChanged: emit linesChanged(notice.ids); break;
        case Kind::LineAdded: for (const qint64 id : notice.ids) emit lineAdded(id); break;
        case Kind::LineRemoved: for (const qint64 id : notice.ids) emit lineRemoved(id); break;
        case Kind::MethodsChanged: emit methodsChanged(notice.ids); break;
        case Kind::MethodAdded: for (const qint64 id : notice.ids) emit methodAdded(id); break;
        case Kind::MethodRemoved: for (const qint64 id : notice.ids) emit methodRemoved(id); break;
        case Kind::AttemptsAdded: emit attemptsAdded(notice.ids); break;
        case Kind::AlertsAdded: emit alertsAdded(); break;
        case Kind::AlertRead: for (const qint64 id : notice.ids) emit alertRead(id); break;
        case Kind::AllAlertsRead: emit allAlertsRead(); break;
        case Kind::Account:
            // Its cap or zone, read again (and accountChanged said).
            if (const Expected<void> read = m_session->actAs(notice.account); !read)
                emit problem(read.error());
            break;
        }
    });
}

} // namespace topup
