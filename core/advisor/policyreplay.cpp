#include "policyreplay.h"

#include "engine/engine.h"

#include <map>

namespace topup {
namespace {

// A line the caps see but the engine never moves: it holds the other lines'
// auto spend, so the account cap counts it. The unit separator keeps it
// from matching a real line id.
const QString otherLinesId = QStringLiteral("\x1f" "other lines");

} // namespace

PolicyReplay::PolicyReplay(const AdvisorInput &input) : m_calendar(input.zone)
{
    m_world.zone = input.zone;
    m_world.start = input.from;
    m_world.end = input.to;
    m_world.accountCap = input.accountCap;
    m_world.packages = input.packages;
    m_world.packages.insert(m_world.packages.end(), input.currentOnly.begin(), input.currentOnly.end());
    m_world.methods = input.methods;
    m_world.lines.push_back(Line{input.lineId, DataAmount(input.startDataBytes), VoiceAmount(input.startVoiceSeconds),
                                 std::nullopt});

    bool othersSpent = false;
    for (const AdvisorMonthSpend &spent : input.spentBefore) {
        if (!spent.lineAuto.isZero() || spent.lineAutoCount > 0)
            m_world.priorSpend.push_back(PriorSpend{0, spent.month, spent.lineAuto, Money(), spent.lineAutoCount});
        if (!spent.otherLinesAuto.isZero()) {
            m_world.priorSpend.push_back(PriorSpend{1, spent.month, spent.otherLinesAuto, Money(), 0});
            othersSpent = true;
        }
    }
    if (othersSpent)
        m_world.lines.push_back(Line{otherLinesId, DataAmount(), VoiceAmount(), std::nullopt});

    // Usage first, then deposits: at one instant the file order is the
    // engine's order (SPEC §3 step 1), and the engine sorts by instant.
    m_world.events.reserve(input.usage.size() + input.deposits.size());
    for (const UsageHour &hour : input.usage) {
        if (hour.dataBytes == 0 && hour.voiceSeconds == 0)
            continue;
        WorldEvent use;
        use.at = hour.at;
        use.kind = WorldEvent::Kind::Use;
        use.line = input.lineId;
        use.data = DataAmount(hour.dataBytes);
        use.voice = VoiceAmount(hour.voiceSeconds);
        m_world.events.push_back(std::move(use));
    }
    for (const AdvisorDeposit &deposit : input.deposits) {
        WorldEvent event;
        event.at = deposit.at;
        event.kind = WorldEvent::Kind::Deposit;
        event.method = deposit.method;
        event.deposit = deposit.amount;
        m_world.events.push_back(std::move(event));
    }
}

Outcome PolicyReplay::runEngine(const Policy &policy)
{
    m_world.lines.front().policy = policy;
    Engine engine(m_world);
    return engine.run();
}

CandidateResult PolicyReplay::summarize(const Policy &policy, const Outcome &outcome) const
{
    CandidateResult result;
    result.policy = policy;
    std::map<int, Money> spendByMonth;
    bool blockedBy[3] = {false, false, false};
    for (const AttemptRecord &attempt : outcome.attempts) {
        if (attempt.line != 0)
            continue;
        switch (attempt.status) {
        case AttemptStatus::Succeeded:
            result.cost += attempt.amount;
            ++result.topUps;
            spendByMonth[m_calendar.monthOf(attempt.at).index()] += attempt.amount;
            break;
        case AttemptStatus::Failed:
            ++result.failedCharges;
            break;
        case AttemptStatus::Blocked:
            ++result.blockedAttempts;
            if (attempt.reason == Reason::BudgetCap)
                blockedBy[0] = true;
            else if (attempt.reason == Reason::CountCap)
                blockedBy[1] = true;
            else if (attempt.reason == Reason::AccountBudgetCap)
                blockedBy[2] = true;
            break;
        }
    }
    const Reason caps[3] = {Reason::BudgetCap, Reason::CountCap, Reason::AccountBudgetCap};
    for (int i = 0; i < 3; ++i) {
        if (blockedBy[i])
            result.blockedBy.push_back(caps[i]);
    }
    for (const auto &[month, spend] : spendByMonth) {
        if (spend > result.largestMonthSpend) { // strictly more: the earliest of equal months stays
            result.largestMonth = YearMonth::fromIndex(month);
            result.largestMonthSpend = spend;
        }
    }
    if (spendByMonth.empty())
        result.largestMonth = m_calendar.monthOf(m_world.start);

    if (!outcome.lines.empty()) {
        const LineOutcome &line = outcome.lines.front();
        result.hoursWithoutData = int(line.usesShortOfData); // one usage event an hour
        result.hoursWithoutVoice = int(line.usesShortOfVoice);
        result.hoursWithoutService = int(line.usesShort);
        result.unservedDataBytes = line.unservedDataBytes;
        result.unservedVoiceSeconds = line.unservedVoiceSeconds;
        result.dataLeftBytes = line.dataBytes;
        result.voiceLeftSeconds = line.voiceSeconds;
    }
    return result;
}

} // namespace topup
