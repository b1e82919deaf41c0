#include "accountlines.h"

#include "accountsession.h"
#include "chargerecorder.h"
#include "linepurchase.h"
#include "manualtopup.h"
#include "rulesconflict.h"
#include "sim/carriercatalog.h"
#include "store/linestore.h"
#include "store/methodstore.h"
#include "store/packagestore.h"
#include "worldrunner.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace topup {

using Access = AccountSession::Access;

AccountLines::AccountLines(Database &store, JournalGateway &provider, AccountSession &session, WorldRunner &runner,
                           std::function<QString()> tokens, QString desktop)
    : m_store(store), m_provider(provider), m_session(session), m_runner(runner), m_tokens(std::move(tokens)),
      m_desktop(std::move(desktop))
{
}

Expected<std::vector<RegionOffer>> AccountLines::regions()
{
    return m_session.forAccount(Access::Read, [this](qint64) -> Expected<std::vector<RegionOffer>> {
        const QString &currency = m_session.account()->currency;
        if (!CarrierCatalog::pricesIn(currency))
            return Expected<std::vector<RegionOffer>>::failure(
                QCoreApplication::translate("topup::Service", "the carrier's catalog is not priced in %1, the account's currency").arg(currency),
                QCoreApplication::translate("topup::Service", "The carrier's catalog is not priced in %1, the account's currency.").arg(currency));
        return CarrierCatalog::regions(currency);
    });
}

Expected<std::vector<PackageRecord>> AccountLines::packages()
{
    return m_session.forAccount(Access::Read, [this](qint64 id) { return PackageStore(m_store).list(id); });
}

Expected<std::vector<PackageRecord>> AccountLines::packages(qint64 lineId)
{
    return m_session.forAccount(Access::Read, [&](qint64 id) { return LineStore(m_store).packagesOf(id, lineId); });
}

Expected<std::vector<LineRecord>> AccountLines::lines()
{
    return m_session.forAccount(Access::Read, [this](qint64 id) { return LineStore(m_store).list(id); });
}

Expected<std::vector<LineRecord>> AccountLines::historyLines()
{
    return m_session.forAccount(Access::Read, [this](qint64 id) { return LineStore(m_store).listForHistory(id); });
}

Expected<LinePurchaseResult> AccountLines::buy(const LinePurchaseForm &form)
{
    const Expected<LinePurchaseResult> bought = m_session.forAccountAt(Access::Write, [&](qint64, Instant clock) {
        // The simulation's usage of the line: drawn, 53 bits (JSON-safe, as the demo's).
        const quint64 seed = form.seed ? *form.seed : QRandomGenerator::system()->generate64() >> 11;
        ChargeRecorder recorder(m_store, m_provider);
        return LinePurchase(m_store, m_provider, recorder).run(*m_session.account(), form, seed, clock, m_session.calendar());
    });
    if (!bought)
        return bought;
    if (bought->line)
        emit lineAdded(bought->lineId);
    emit methodsChanged({form.methodId});
    emit attemptsAdded({bought->lineId}); // a refused line's too: History keeps it
    return bought;
}

Expected<LineRecord> AccountLines::add(const LineForm &form)
{
    const Expected<LineRecord> line = m_session.forAccount(Access::Write, [&](qint64 id) { return LineStore(m_store).add(id, form); });
    if (line) {
        m_session.touched(Touched::ofLines({line->id}));
        emit lineAdded(line->id);
    }
    return line;
}

Expected<void> AccountLines::rename(qint64 lineId, const QString &name)
{
    const Expected<void> done = m_session.forAccount(Access::Write, [&](qint64 id) { return LineStore(m_store).rename(id, lineId, name); });
    if (done) {
        m_session.touched(Touched::names({lineId})); // no input of the engine
        emit linesChanged({lineId}); // History and the alerts name it too
    }
    return done;
}

Expected<void> AccountLines::remove(qint64 lineId)
{
    const Expected<void> done = m_session.forAccountAt(Access::Write, [&](qint64 id, Instant clock) {
        return LineStore(m_store).remove(id, lineId, clock);
    });
    if (done) {
        m_session.touched(Touched::ofLines({lineId}));
        emit lineRemoved(lineId);
    }
    return done;
}

Expected<void> AccountLines::setPolicy(qint64 lineId, const std::optional<Policy> &policy, const std::optional<RulesSeen> &seen)
{
    const Expected<void> done = m_session.forAccountAt(Access::Write, [&](qint64 id, Instant clock) -> Expected<void> {
        LineStore lines(m_store);
        if (seen) {
            // Under the world's lock: no other program saves between this
            // look and the save below.
            const Expected<LineRecord> current = lines.find(id, lineId);
            if (!current)
                return Expected<void>::failure(current);
            // Saved again elsewhere into the very rules loaded: nothing to lose.
            if (current->rulesVersion != seen->version && current->policy != seen->policy)
                return Expected<void>::failure(
                    RulesConflict::refusal(current->name, seen->policy, current->policy, current->rulesChangedBy, m_session.account()->timezone));
        }
        return lines.setPolicy(id, lineId, policy, m_session.calendar().monthOf(clock), RulesAuthor{m_desktop, m_session.now()});
    });
    if (!done)
        return done;
    m_session.touched(Touched::ofLines({lineId}));
    emit linesChanged({lineId});
    return m_runner.settle(m_session.account()->id, Touched::ofLines({lineId})); // a line already below its new threshold tops up now
}

Expected<void> AccountLines::checkPolicy(qint64 lineId, const Policy &policy)
{
    return m_session.forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        return LineStore(m_store).checkPolicy(id, lineId, policy, m_session.calendar().monthOf(clock));
    });
}

Expected<ChargeAnswer> AccountLines::manualTopUp(qint64 lineId, qint64 packageId, qint64 methodId)
{
    const Expected<ChargeAnswer> answer = m_session.forAccountAt(Access::Write, [&](qint64 id, Instant clock) -> Expected<ChargeAnswer> {
        if (const Expected<MethodRecord> method = MethodStore(m_store, m_provider, m_tokens).find(id, methodId); !method)
            return Expected<ChargeAnswer>::failure(method);
        ChargeRecorder recorder(m_store, m_provider);
        return ManualTopUp(m_store, recorder).run(id, lineId, methodId, packageId, clock, m_session.calendar());
    });
    if (!answer)
        return answer;
    m_session.touched(Touched::ofLines({lineId}, {methodId}));
    // The charge is recorded whatever happens next; a failure to let the
    // rules run after it is reported, not passed off as a failed top-up.
    if (const Expected<void> settled = m_runner.settle(m_session.account()->id, Touched::ofLines({lineId})); !settled)
        emit problem(QCoreApplication::translate("topup::Service", "the top-up was recorded, but the rules could not run after it: %1")
                         .arg(settled.error()));
    emit linesChanged({lineId});
    emit methodsChanged({methodId});
    emit attemptsAdded({lineId});
    return answer;
}

Expected<void> AccountLines::drain(qint64 lineId)
{
    const Expected<void> drained = m_session.forAccount(Access::Write, [&](qint64 id) { return LineStore(m_store).drainData(id, lineId); });
    if (!drained)
        return drained;
    m_session.touched(Touched::ofLines({lineId}));
    emit linesChanged({lineId});
    return m_runner.settle(m_session.account()->id, Touched::ofLines({lineId}));
}

} // namespace topup
