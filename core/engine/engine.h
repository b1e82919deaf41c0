#pragma once

#include "outcome.h"
#include "rules/monthlyschedule.h"
#include "rules/spendbook.h"
#include "rules/thresholdstate.h"
#include "rules/zonedcalendar.h"
#include "sim/paymentgateway.h"
#include "sim/usagegenerator.h"
#include "world.h"

#include <QCoreApplication>
#include <QHash>

#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace topup {

// The discrete-event timeline of SPEC §3. It takes a validated World and
// returns what happened; it never reads a clock and does no I/O.
class Engine final
{
    Q_DECLARE_TR_FUNCTIONS(Engine)

public:

    // With its own in-memory gateway (scenarios), or with the given one.
    explicit Engine(const World &world);
    Engine(const World &world, Gateway &gateway);
    // With World::recordUsage, the samples go to `sink` as they are made
    // (Outcome::usage stays empty); the sink outlives the run.
    void setUsageSink(UsageSink *sink) noexcept { m_usageSink = sink; }
    // Asked, at the end of each instant, about each attempt that instant
    // made: true when the attempt's line needs its usage drawn no longer (a
    // run ahead that wants only a line's first top-ups: DryRun). That
    // line's stream then draws no further sample; nothing else changes.
    void setDrawingStop(std::function<bool(const AttemptRecord &)> enough) { m_drawingStop = std::move(enough); }
    Q_DISABLE_COPY_MOVE(Engine)

    Outcome run();

private:
    struct LineState
    {
        // What every instant's threshold check reads first, together.
        qint64 data = 0;
        qint64 voice = 0;
        const ThresholdTrigger *threshold = nullptr; // the policy's, when active
        ThresholdState state = ThresholdState::Armed;
        bool dirty = false;
        qint64 unservedData = 0;
        qint64 unservedVoice = 0;
        qint64 usesShortOfData = 0;
        qint64 usesShortOfVoice = 0;
        qint64 usesShort = 0;
        const Policy *policy = nullptr;
        int method = -1;
        int fallback = -1;
        int thresholdPackage = -1;
        int monthlyPackage = -1;
        int thresholdChains = 0;
        int manualTopUps = 0;
        int lastMonthlyKey = -1; // month index of the latest monthly chain
        std::optional<MonthlySchedule> schedule;
        MonthlyOccurrence nextMonthly;
        qint64 queuedMonthly = std::numeric_limits<qint64>::max(); // its key in m_monthlyQueue
    };

    struct Chain
    {
        int line = 0;
        TriggerKind trigger = TriggerKind::Threshold;
        QString key;
        int attempt = 1;
    };

    struct PendingRetry
    {
        qint64 due = 0;
        qint64 order = 0; // scheduling order, for retries due together
        Chain chain;
    };

    // The World entry an error names, built into a path only when needed.
    struct Where
    {
        const char *array = "lines";
        int index = 0;
        const char *field = nullptr;
        QString path() const;
    };

    struct StreamCursor
    {
        qint64 next = 0;
        qint64 everyMs = 0;
        int stream = 0;
        int line = 0;
    };

    void resumeProgress();
    void applyPolicy(int line, const Policy *policy, Instant now);
    void applyEvent(int eventIndex, Instant now);
    int lineOf(const QString &id); // the index of a line the World names
    void applyUsage(int line, qint64 dataBytes, qint64 voiceSeconds, const Where &where);
    void manualTopUp(int line, int method, int package, Instant now, const Where &where);
    void runDueRetries(Instant now);
    void runMonthly(Instant now);
    void checkThresholds(Instant now);
    bool checkLine(int index, Instant now); // true: its check acts again at the next instant
    void runAttempt(Chain chain, Instant now);
    bool chargeAndRecord(const Chain &chain, int method, int package, Instant now);
    void creditPackage(LineState &line, int package);
    bool wouldOverflow(int line, int package, const QString &autoKey, Instant now, const Where &where);
    bool roomForRecords(std::size_t count);
    void stop(const QString &path, const QString &message);
    bool stopped() const noexcept { return m_outcome.error.has_value(); }
    void markDirty(int line);
    void scheduleNextMonthly(int line, Instant from);
    qint64 nextRetryDue() const;

    const World &m_world;
    ZonedCalendar m_calendar;
    PaymentGateway m_ownGateway;
    Gateway &m_gateway;
    UsageSink *m_usageSink = nullptr;
    std::function<bool(const AttemptRecord &)> m_drawingStop;
    SpendBook m_spend;
    QHash<QString, int> m_lineIndex;
    QString m_lastLineId; // lineOf()'s last question and answer
    int m_lastLine = -1;
    QHash<QString, int> m_methodIndex;
    QHash<QString, int> m_packageIndex;
    std::vector<LineState> m_lines;
    std::vector<UsageGenerator> m_generators;
    std::vector<PendingRetry> m_retries;
    std::vector<int> m_dirtyLines;
    std::vector<int> m_blockedLines; // lines blocked this month, armed again at the next month start
    std::vector<int> m_stillDue; // lines whose step-4 check acts again at the next instant
    qint64 m_retryOrder = 0;
    std::set<std::pair<qint64, int>> m_monthlyQueue; // (next occurrence, line)
    qint64 m_nextMonthly = std::numeric_limits<qint64>::max(); // no monthly occurrence ahead
    Outcome m_outcome;
};

} // namespace topup
