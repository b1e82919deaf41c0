#include "accountmethods.h"

#include "accountsession.h"
#include "domain/engineid.h"
#include "store/journalgateway.h"
#include "store/linestore.h"
#include "store/methodstore.h"
#include "worldrunner.h"

#include <QCoreApplication>

namespace topup {

using Access = AccountSession::Access;

AccountMethods::AccountMethods(Database &store, JournalGateway &provider, AccountSession &session, WorldRunner &runner,
                               std::function<QString()> tokens)
    : m_store(store), m_provider(provider), m_session(session), m_runner(runner), m_tokens(std::move(tokens))
{
}

QList<qint64> AccountMethods::linesPayingWith(qint64 methodId)
{
    QList<qint64> paying;
    const QString method = EngineId::method(methodId);
    if (const Expected<std::vector<LineRecord>> lines = LineStore(m_store).list(m_session.account()->id)) {
        for (const LineRecord &line : *lines) {
            if (line.policy && (line.policy->method == method || line.policy->fallback == method))
                paying.append(line.id);
        }
    }
    return paying;
}

Expected<std::vector<MethodRecord>> AccountMethods::methods()
{
    return m_session.forAccount(Access::Read, [this](qint64 id) { return MethodStore(m_store, m_provider, m_tokens).list(id); });
}

Expected<MethodRecord> AccountMethods::addCard(const CardForm &form)
{
    const Expected<MethodRecord> method = m_session.forAccountAt(Access::Write, [&](qint64 id, Instant clock) {
        return MethodStore(m_store, m_provider, m_tokens).addCard(id, form, clock, m_session.calendar());
    });
    if (method)
        emit methodAdded(method->id);
    return method;
}

Expected<MethodRecord> AccountMethods::addWallet(const WalletForm &form)
{
    const Expected<MethodRecord> method = m_session.forAccountAt(Access::Write, [&](qint64 id, Instant clock) {
        return MethodStore(m_store, m_provider, m_tokens).addWallet(id, form, clock);
    });
    if (method)
        emit methodAdded(method->id);
    return method;
}

Expected<void> AccountMethods::deposit(qint64 methodId, Money amount)
{
    std::vector<qint64> rearmedLines;
    const Expected<void> done = m_session.forAccountAt(Access::Write, [&](qint64 id, Instant clock) -> Expected<void> {
        if (const Expected<void> paid = MethodStore(m_store, m_provider, m_tokens).deposit(id, methodId, amount, clock); !paid)
            return paid;
        // SPEC §3: a deposit re-arms every suspended trigger whose policy names the method.
        Expected<std::vector<qint64>> rearmed = LineStore(m_store).rearmSuspendedPayingWith(id, EngineId::method(methodId));
        if (!rearmed)
            return Expected<void>::failure(rearmed);
        rearmedLines = rearmed.take();
        return {};
    });
    if (!done)
        return done;
    // The method's funds (and the lines paying with it); the rows of the lines re-armed.
    const Touched changed = Touched::ofLines(std::move(rearmedLines), {methodId});
    m_session.touched(changed);
    emit methodsChanged({methodId});
    emit linesChanged(linesPayingWith(methodId)); // their suspended triggers re-armed
    return m_runner.settle(m_session.account()->id, changed); // the lines re-armed are checked
}

Expected<void> AccountMethods::setDefault(qint64 methodId)
{
    QList<qint64> changed{methodId}; // and the default before it
    const Expected<void> done = m_session.forAccount(Access::Write, [&](qint64 id) -> Expected<void> {
        MethodStore store(m_store, m_provider, m_tokens);
        const Expected<std::vector<MethodRecord>> before = store.list(id);
        if (!before)
            return Expected<void>::failure(before);
        for (const MethodRecord &method : *before) {
            if (method.isDefault && method.id != methodId)
                changed.append(method.id);
        }
        return store.setDefault(id, methodId);
    });
    if (done) {
        m_session.touched(Touched::nothing()); // the rules name their methods: the default is no input of the engine
        emit methodsChanged(changed);
    }
    return done;
}

Expected<void> AccountMethods::canRemove(qint64 methodId)
{
    return m_session.forAccount(Access::Read, [&](qint64 id) { return MethodStore(m_store, m_provider, m_tokens).checkRemovable(id, methodId); });
}

Expected<void> AccountMethods::remove(qint64 methodId)
{
    const Expected<void> done = m_session.forAccount(Access::Write, [&](qint64 id) {
        return MethodStore(m_store, m_provider, m_tokens).remove(id, methodId);
    });
    if (done)
        emit methodRemoved(methodId); // another may have become the default: the list is read again
    return done;
}

Expected<void> AccountMethods::injectFault(qint64 methodId, const std::vector<Reason> &reasons)
{
    const Expected<void> done = m_session.forAccount(Access::Write, [&](qint64 id) -> Expected<void> {
        if (reasons.empty())
            return Expected<void>::failure(QCoreApplication::translate("topup::Service", "choose at least one failure to inject"),
                                           QCoreApplication::translate("topup::Service", "Choose at least one failure to inject."));
        const Expected<MethodRecord> method = MethodStore(m_store, m_provider, m_tokens).find(id, methodId);
        if (!method)
            return Expected<void>::failure(method);
        return m_provider.queueFaults(method->token, reasons);
    });
    if (done) { // its next charges answer otherwise: the outlook of the lines paying with it changed
        m_session.touched(Touched::ofLines({}, {methodId}));
        emit methodsChanged({methodId});
    }
    return done;
}

} // namespace topup
