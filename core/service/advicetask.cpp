#include "advicetask.h"

#include "advisor/advisor.h"

#include <QThread>

namespace topup {
namespace {

bool sameOutcome(const CandidateResult &a, const CandidateResult &b)
{
    return a.hoursWithoutService == b.hoursWithoutService && a.cost == b.cost && a.topUps == b.topUps
        && a.largestMonthSpend == b.largestMonthSpend && a.blockedAttempts == b.blockedAttempts;
}

} // namespace

AdviceTask::AdviceTask(const AdvisorInput &input, int days, QObject *parent)
    : QObject(parent), m_input(std::make_unique<AdvisorInput>(input)), m_days(days)
{
    qRegisterMetaType<RulesAdvice>();
}

AdviceTask::~AdviceTask()
{
    m_cancel = true;
    if (m_thread)
        m_thread->wait();
}

void AdviceTask::start()
{
    if (m_thread)
        return;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start();
}

void AdviceTask::cancel()
{
    m_cancel = true;
}

bool AdviceTask::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

bool AdviceTask::waitForThread(QDeadlineTimer deadline)
{
    return m_thread && m_thread->wait(deadline);
}

void AdviceTask::run()
{
    // Signals emitted here reach receivers on their own threads (queued).
    const Expected<Advice> advice = Advisor::run(*m_input, &m_cancel, [this](int done, int total) { emit progressed(done, total); });
    if (!advice) {
        emit failed(advice.sentences());
        return;
    }
    if (advice->cancelled) {
        emit cancelled();
        return;
    }
    RulesAdvice result;
    result.from = m_input->from;
    result.to = m_input->to;
    result.days = m_days;
    result.hoursWithUsage = int(m_input->usage.size());
    result.candidates = int(advice->ranking.size());
    result.anyKeepsServed = advice->anyKeepsServed();
    result.current = advice->current;
    for (const CandidateResult &candidate : advice->ranking) {
        if (int(result.best.size()) == bestCount)
            break;
        if (result.best.empty() || !sameOutcome(result.best.back(), candidate))
            result.best.push_back(candidate);
    }
    emit finished(result);
}

} // namespace topup
