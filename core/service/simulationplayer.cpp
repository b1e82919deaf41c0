#include "simulationplayer.h"

namespace topup {

SimulationPlayer::SimulationPlayer(Step step, QObject *parent) : QObject(parent), m_step(std::move(step))
{
    m_timer.setInterval(tickMs);
    connect(&m_timer, &QTimer::timeout, this, &SimulationPlayer::tick);
}

Expected<void> SimulationPlayer::start(qint64 simulatedMsPerSecond)
{
    if (simulatedMsPerSecond <= 0)
        return Expected<void>::failure(tr("the speed must be more than zero"), tr("The speed must be more than zero."));
    if (simulatedMsPerSecond > fastestMsPerSecond)
        return Expected<void>::failure(tr("at most a month of simulated time per second"),
                                       tr("The speed is at most a month of simulated time per second."));
    m_stepMs = std::max<qint64>(1, simulatedMsPerSecond * tickMs / 1000);
    m_timer.start();
    return {};
}

void SimulationPlayer::stop()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    emit stopped(QString());
}

void SimulationPlayer::fail(const QString &error)
{
    m_timer.stop();
    emit stopped(error);
}

void SimulationPlayer::tick()
{
    const Expected<void> step = m_step(m_stepMs);
    if (step)
        return;
    m_timer.stop();
    emit stopped(step.error());
}

} // namespace topup
