// What a run's outcome leaves for the next save (WorldSync::collect): the
// summary's tallies, the blocked attempts, the alerts (failed top-ups,
// suspended thresholds, expiring cards, low funds). WorldSync's own file
// holds the catch-up's days, the settle and the save.
#include "worldsync.h"

#include "domain/cardexpiry.h"
#include "domain/civil.h"
#include "domain/failedtopup.h"
#include "domain/lineoutlook.h"
#include "rules/lowfunds.h"
#include "rules/thresholdstate.h"
#include "rules/zonedcalendar.h"
#include "store/database.h"
#include "store/linestore.h"
#include "store/statement.h"
#include "worldloader.h"

#include <QDate>
#include <QDateTime>

#include <algorithm>
#include <map>

namespace topup {

Expected<bool> WorldSync::cardAlertSeen(qint64 method, const QString &detail)
{
    if (m_cardAlerts.count({method, detail}) != 0)
        return true;
    Statement seen(m_store, QStringLiteral("SELECT 1 FROM alerts WHERE kind = 'card_expiring' AND method_id = ? AND detail = ?"));
    seen.bind(method).bind(detail);
    if (const auto ran = seen.run(); !ran)
        return Expected<bool>::failure(ran);
    return seen.next();
}

Expected<void> WorldSync::collect(Carried &carried, Outcome outcome, CatchUpSummary &summary)
{
    const LoadedWorld &loaded = carried.loaded;
    const ZonedCalendar calendar(loaded.world.zone);
    const qint64 account = loaded.account.id;
    const QVariant noRow(QMetaType::fromType<qint64>());
    // This account's part of the summary is what it adds to it.
    const AccountCatchUp before{account, summary.topUps, summary.failures, summary.blocked, summary.spend};

    for (std::size_t i = 0; i < outcome.lines.size(); ++i) {
        const LineOutcome &result = outcome.lines[i];
        const ThresholdState before = loaded.world.progress[i].state;
        if (result.thresholdState == ThresholdState::Suspended && before != ThresholdState::Suspended)
            m_alerts.push_back(PendingAlert{account, loaded.world.end, AlertKind::ThresholdSuspended, loaded.lineRows[i], noRow, QString()});
    }

    // Charges were written down as they happened; blocked attempts and
    // alerts are written at the next save.
    std::map<std::pair<QString, int>, bool> paid; // (key, attempt) → some method paid
    for (const AttemptRecord &attempt : outcome.attempts) {
        if (attempt.status == AttemptStatus::Succeeded) {
            paid[{attempt.key, attempt.attempt}] = true;
            ++summary.topUps;
            summary.spend += attempt.amount;
        } else {
            paid.emplace(std::pair{attempt.key, attempt.attempt}, false);
        }
        if (attempt.status != AttemptStatus::Blocked)
            continue;
        ++summary.blocked;
        const qint64 line = loaded.lineRows[std::size_t(attempt.line)];
        m_blocked.push_back(PendingBlocked{account, line, attempt.at, calendar.monthOf(attempt.at).toString(),
                                           triggerKindName(attempt.trigger), attempt.key, attempt.attempt,
                                           loaded.packageRows[std::size_t(attempt.package)], attempt.amount.cents(),
                                           reasonName(*attempt.reason)});
        m_alerts.push_back(PendingAlert{account, attempt.at, AlertKind::TopUpBlocked, line, noRow, reasonName(*attempt.reason)});
    }
    // One alert per failed attempt, naming every method it charged (the
    // method, then the fallback) with its reason.
    // (key, attempt) → its alert and the charges it names so far.
    std::map<std::pair<QString, int>, std::pair<std::size_t, FailedTopUp>> failedAlert;
    for (const AttemptRecord &attempt : outcome.attempts) {
        if (attempt.status != AttemptStatus::Failed || paid[{attempt.key, attempt.attempt}])
            continue;
        const qint64 method = loaded.methodRows[std::size_t(attempt.method)];
        const auto [seen, fresh] = failedAlert.try_emplace(std::pair{attempt.key, attempt.attempt}, m_alerts.size(), FailedTopUp{});
        FailedTopUp &charges = seen->second.second;
        charges.charges.push_back(FailedTopUp::Charge{method, *attempt.reason});
        if (fresh) {
            ++summary.failures;
            m_alerts.push_back(PendingAlert{account, attempt.at, AlertKind::TopUpFailed, loaded.lineRows[std::size_t(attempt.line)],
                                            method, charges.detail()});
            continue;
        }
        m_alerts[seen->second.first].detail = charges.detail();
    }

    // Usage: the run summed it into the roll-ups as it went. No save writes
    // a sample older than the 48 hours before the day's end.
    summary.usageSamples += carried.usage->runSamples();
    carried.usage->keepRun();
    carried.usage->forgetSamplesBefore(UsageStore::samplesKeptFrom(loaded.world.end));

    // Cards that run out within 30 days of the local date: one alert each.
    const QDate today = QDateTime::fromMSecsSinceEpoch(loaded.world.end.msecs(), loaded.world.zone).date();
    for (std::size_t i = 0; i < loaded.world.methods.size(); ++i) {
        const PaymentMethod &method = loaded.world.methods[i];
        if (!method.expires || !expiresWithin(*method.expires, today, 30))
            continue;
        const Expected<bool> seen = cardAlertSeen(loaded.methodRows[i], method.expires->toString());
        if (!seen)
            return Expected<void>::failure(seen);
        if (*seen)
            continue;
        m_cardAlerts.insert({loaded.methodRows[i], method.expires->toString()});
        m_alerts.push_back(PendingAlert{account, loaded.world.end, AlertKind::CardExpiring, noRow, loaded.methodRows[i],
                                        method.expires->toString()});
    }
    if (const Expected<void> low = collectLowFunds(carried, outcome); !low)
        return low;
    carried.last = std::move(outcome);
    summary.addAccount(AccountCatchUp{account, summary.topUps - before.topUps, summary.failures - before.failures,
                                      summary.blocked - before.blocked, summary.spend - before.spend});
    return {};
}

Expected<void> WorldSync::collectLowFunds(const Carried &carried, const Outcome &outcome)
{
    // A method a policy pays with that holds less than the dearest package
    // the policy buys: an alert whenever its figures differ from the last one's.
    const LoadedWorld &loaded = carried.loaded;
    std::vector<PaymentMethod> methods = loaded.world.methods;
    for (std::size_t i = 0; i < methods.size() && i < outcome.methodFunds.size(); ++i)
        methods[i].funds = outcome.methodFunds[i];
    std::map<int, Money> needed;
    if (carried.narrowed) {
        // Some lines only: the dearest package of every line's policy, as
        // the store keeps it beside the policy.
        for (std::size_t i = 0; i < methods.size(); ++i) {
            const Expected<Money> dearest = LineStore(m_store).dearestPaidWith(loaded.account.id, loaded.methodRows[i]);
            if (!dearest)
                return Expected<void>::failure(dearest);
            if (methods[i].fundsKnown && methods[i].funds < *dearest)
                needed[int(i)] = *dearest;
        }
    }
    for (const Line &line : loaded.world.lines) {
        if (!line.policy || carried.narrowed)
            continue;
        for (const LowFundsFinding &low : lowFundsFor(*line.policy, loaded.world.packages, methods))
            needed[low.method] = std::max(needed[low.method], low.needed);
    }
    for (const auto &[index, price] : needed) {
        const qint64 method = loaded.methodRows[std::size_t(index)];
        const QString detail = LowFunds{method, methods[std::size_t(index)].funds, price}.detail();
        QString last = m_lowFunds.value(method);
        if (!m_lowFunds.contains(method)) {
            Statement latest(m_store, QStringLiteral("SELECT detail FROM alerts WHERE kind = 'low_funds' AND method_id = ?"
                                                     " ORDER BY id DESC LIMIT 1"));
            latest.bind(method);
            if (const auto ran = latest.run(); !ran)
                return ran;
            if (latest.next())
                last = latest.text(0);
        }
        if (last == detail)
            continue;
        m_lowFunds.insert(method, detail);
        m_alerts.push_back(PendingAlert{loaded.account.id, loaded.world.end, AlertKind::LowFunds,
                                        QVariant(QMetaType::fromType<qint64>()), method, detail});
    }
    return {};
}

} // namespace topup
