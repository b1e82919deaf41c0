#include "recordinggateway.h"

#include "rules/zonedcalendar.h"
#include "store/journalgateway.h"
#include "worldloader.h"

namespace topup {

RecordingGateway::RecordingGateway(ChargeGroup &group, JournalGateway &provider, const LoadedWorld &world, const ZonedCalendar &calendar)
    : m_group(group), m_provider(provider), m_world(world), m_calendar(calendar)
{
}

void RecordingGateway::finish(Commit commit)
{
    const Expected<void> committed = commit == Commit::Beside ? m_group.commitBeside() : m_group.commit();
    if (committed)
        return;
    if (m_group.metReplay())
        m_runAgain = true;
    else if (m_error.isEmpty())
        m_error = committed.error();
}

bool RecordingGateway::beforeProvider()
{
    if (m_group.at()) // the charges before it first, as the journal keeps its order
        finish();
    m_group.lookUpReplaysEachCharge();
    return !m_runAgain;
}

ChargeAnswer RecordingGateway::charge(const ChargeIdentity &identity, int method, Money, Instant at,
                                      const ChargeContext &context)
{
    ChargeRequest request;
    request.accountId = m_world.account.id;
    request.lineId = m_world.lineRows.at(std::size_t(context.line));
    request.methodId = m_world.methodRows.at(std::size_t(method));
    request.packageId = m_world.packageRows.at(std::size_t(context.package));
    request.trigger = TriggerKind(context.trigger);
    request.chainKey = identity.chainKey;
    request.attempt = identity.attempt;
    request.at = at;
    request.month = m_calendar.monthOf(at).toString();
    if (!m_error.isEmpty() || m_runAgain) // nothing more is charged in a run that will not be saved
        return ChargeAnswer{false, Reason::GatewayError};
    const RecordedCharge recorded = m_group.charge(request);
    if (recorded.error && m_error.isEmpty())
        m_error = recorded.error->text();
    // No answer: the provider was not reached, nothing moved.
    return recorded.answer.value_or(ChargeAnswer{false, Reason::GatewayError});
}

void RecordingGateway::deposit(int method, Money amount, Instant at)
{
    if (!beforeProvider())
        return;
    if (const Expected<void> done = m_provider.depositTo(m_world.methodTokens.at(std::size_t(method)), amount, at);
        !done && m_error.isEmpty())
        m_error = done.error();
}

void RecordingGateway::injectFaults(int method, const std::vector<Reason> &reasons)
{
    if (!beforeProvider())
        return;
    if (const Expected<void> done = m_provider.queueFaults(m_world.methodTokens.at(std::size_t(method)), reasons);
        !done && m_error.isEmpty())
        m_error = done.error();
}

Money RecordingGateway::funds(int method) const
{
    // The open group's charges are not in the journal yet (JournalBatch).
    const QString &token = m_world.methodTokens.at(std::size_t(method));
    const Expected<Money> funds = m_provider.fundsOf(token);
    return funds ? *funds - m_group.takenFrom(token) : Money();
}

} // namespace topup
