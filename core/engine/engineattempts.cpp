// The engine's attempts (SPEC §6-7): a chain's charge on its method or
// fallback, the package credited, the records' limit and the amounts that
// would leave int64. Engine's own file holds the timeline that calls them.
#include "engine.h"

#include "domain/saturating.h"
#include "rules/limits.h"
#include "rules/retryschedule.h"

#include <limits>

namespace topup {
namespace {

constexpr qint64 largestAmount = std::numeric_limits<qint64>::max();

} // namespace

void Engine::runAttempt(Chain chain, Instant now)
{
    LineState &line = m_lines[std::size_t(chain.line)];
    const bool threshold = chain.trigger == TriggerKind::Threshold;
    const int package = threshold ? line.thresholdPackage : line.monthlyPackage;
    const Money price = m_world.packages[std::size_t(package)].price;
    const YearMonth month = m_calendar.monthOf(now);

    if (const std::optional<Reason> blocked =
            checkLimits(*line.policy, m_world.accountCap, m_spend, chain.line, month, price)) {
        if (!roomForRecords(1))
            return;
        m_outcome.attempts.push_back(AttemptRecord{now, chain.line, chain.trigger, chain.key, chain.attempt, -1, package,
                                                   price, AttemptStatus::Blocked, blocked});
        if (threshold) {
            line.state = ThresholdState::Blocked;
            m_blockedLines.push_back(chain.line);
        }
        return;
    }

    if (wouldOverflow(chain.line, package, chain.key, now, Where{"lines", chain.line}))
        return;
    bool paid = chargeAndRecord(chain, line.method, package, now);
    if (!paid && line.fallback >= 0 && !stopped())
        paid = chargeAndRecord(chain, line.fallback, package, now);
    if (stopped())
        return;
    if (paid) {
        creditPackage(line, package);
        m_spend.addAuto(chain.line, month, price);
        if (threshold)
            line.state = ThresholdState::Armed;
        return;
    }

    const qint64 delay = retry::delayAfterMs(chain.attempt);
    if (delay < 0) { // the last attempt failed: the chain has failed
        if (threshold)
            line.state = ThresholdState::Suspended;
        return;
    }
    if (threshold)
        line.state = ThresholdState::Retrying;
    // A retry beyond `end` never runs in this run; it stays pending in the
    // outcome, for a run that resumes this one.
    ++chain.attempt;
    m_retries.push_back(PendingRetry{now.msecs() + delay, m_retryOrder++, std::move(chain)});
}

bool Engine::chargeAndRecord(const Chain &chain, int method, int package, Instant now)
{
    if (!roomForRecords(1))
        return false;
    const Money price = m_world.packages[std::size_t(package)].price;
    const ChargeAnswer answer =
        m_gateway.charge(ChargeIdentity{chain.key, chain.attempt, m_world.methods[std::size_t(method)].id}, method,
                         price, now, ChargeContext{chain.line, package, int(chain.trigger)});
    m_outcome.attempts.push_back(AttemptRecord{now, chain.line, chain.trigger, chain.key, chain.attempt, method,
                                               package, price,
                                               answer.succeeded ? AttemptStatus::Succeeded : AttemptStatus::Failed,
                                               answer.reason});
    return answer.succeeded;
}

void Engine::creditPackage(LineState &line, int package)
{
    const Package &bought = m_world.packages[std::size_t(package)];
    line.data += bought.data.bytes(); // wouldOverflow() made sure it fits
    line.voice += bought.voice.seconds();
}

bool Engine::roomForRecords(std::size_t count)
{
    if (m_outcome.attempts.size() + count <= m_world.attemptLimit)
        return true;
    stop(QString(), Engine::tr("the run makes more than %1 top-up attempts, the limit for one run; shorten start..end")
                        .arg(m_world.attemptLimit));
    return false;
}

// SPEC §1: amounts are int64 and overflow is an error. Checked before the
// charge, so no money moves for a top-up the books could not hold.
bool Engine::wouldOverflow(int lineIndex, int package, const QString &autoKey, Instant now, const Where &where)
{
    const LineState &line = m_lines[std::size_t(lineIndex)];
    const Package &bought = m_world.packages[std::size_t(package)];
    const QString &id = m_world.lines[std::size_t(lineIndex)].id;
    const YearMonth month = m_calendar.monthOf(now);
    const qint64 price = bought.price.cents();
    const bool manual = autoKey.isEmpty();
    QString message;
    if (sumOverflows(line.data, bought.data.bytes()))
        message = Engine::tr("data balance of line \"%1\" would exceed the largest amount (%2 B)").arg(id).arg(largestAmount);
    else if (sumOverflows(line.voice, bought.voice.seconds()))
        message = Engine::tr("voice balance of line \"%1\" would exceed the largest amount (%2 s)").arg(id).arg(largestAmount);
    else if (manual && sumOverflows(m_spend.lineManual(lineIndex, month).cents(), price))
        message = Engine::tr("manual spend of line \"%1\" in %2 would exceed the largest amount (%3)")
                      .arg(id, month.toString(), Money::fromCents(largestAmount).toString());
    else if (!manual && sumOverflows(m_spend.lineAuto(lineIndex, month).cents(), price))
        message = Engine::tr("auto spend of line \"%1\" in %2 would exceed the largest amount (%3)")
                      .arg(id, month.toString(), Money::fromCents(largestAmount).toString());
    else if (!manual && sumOverflows(m_spend.accountAuto(month).cents(), price))
        message = Engine::tr("the account's auto spend in %1 would exceed the largest amount (%2)")
                      .arg(month.toString(), Money::fromCents(largestAmount).toString());
    if (message.isEmpty())
        return false;
    if (!manual)
        message = Engine::tr("the top-up %1 at %2: %3").arg(autoKey, now.toString(), message);
    stop(where.path(), message);
    return true;
}

} // namespace topup
