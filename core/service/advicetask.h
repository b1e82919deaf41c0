#pragma once

#include "domain/candidateresult.h"
#include "domain/instant.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace topup {

struct AdvisorInput;

// What the rules advisor found for a line, as the dialog shows it.
struct RulesAdvice final
{
    Instant from; // the window replayed
    Instant to;
    int days = 0;
    int hoursWithUsage = 0;
    int candidates = 0;       // how many policies were replayed
    bool anyKeepsServed = false; // false: every candidate leaves the line short some hours
    CandidateResult current;  // the line's rules now, replayed the same way
    // The best few, best first, each doing something the ones before it do
    // not (of candidates with the same hours, cost, top-ups, largest month
    // and blocks, only the first is kept).
    std::vector<CandidateResult> best;
};

// One run of the rules advisor, on a thread of its own (Service::adviseRules
// makes it): progress and the answer arrive as signals on the thread that
// made it. Destroying it cancels the run and waits for its thread.
class AdviceTask final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdviceTask)

public:
    static constexpr int bestCount = 5;

    AdviceTask(const AdvisorInput &input, int days, QObject *parent = nullptr);
    ~AdviceTask() override;

    // Starts the run; once only.
    void start();
    // Asks the run to stop; `cancelled` follows (unless it had just finished).
    void cancel();
    bool isRunning() const;
    // Blocks until the run's thread has ended (its answer is then queued for
    // the thread that made the task, not yet delivered); false if the
    // deadline passed first or the run never started.
    bool waitForThread(QDeadlineTimer deadline);

signals:
    void progressed(int done, int total);
    void finished(const topup::RulesAdvice &advice);
    // Why the advice could not be made, as a screen shows it (whole sentences).
    void failed(const QString &sentences);
    void cancelled();

private:
    void run();

    std::unique_ptr<AdvisorInput> m_input;
    int m_days;
    std::atomic_bool m_cancel{false};
    std::unique_ptr<QThread> m_thread;
};

} // namespace topup

Q_DECLARE_METATYPE(topup::RulesAdvice)
