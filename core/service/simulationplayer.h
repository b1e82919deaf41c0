#pragma once

#include "domain/expected.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace topup {

// Plays the simulated world forward continuously: every tick of real time
// it asks for one step of simulated time, until stopped or a step fails.
class SimulationPlayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationPlayer)

public:
    // Moves the world on by `simulatedMs`; a failure stops the player.
    using Step = std::function<Expected<void>(qint64 simulatedMs)>;
    static constexpr int tickMs = 200;
    static constexpr qint64 fastestMsPerSecond = 31LL * 24 * 3600 * 1000;

    explicit SimulationPlayer(Step step, QObject *parent = nullptr);

    Expected<void> start(qint64 simulatedMsPerSecond);
    void stop();
    // Stops because a step failed after it was started (a step that runs
    // on after the tick that started it): stopped(error).
    void fail(const QString &error);
    bool isPlaying() const { return m_timer.isActive(); }
    qint64 stepMs() const noexcept { return m_stepMs; }

signals:
    // Empty when stopped on request, else why it stopped.
    void stopped(const QString &error);

private:
    void tick();

    Step m_step;
    QTimer m_timer;
    qint64 m_stepMs = 0;
};

} // namespace topup
