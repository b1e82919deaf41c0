#include "advisor.h"

#include "candidatepolicies.h"
#include "policyreplay.h"

#include <QSet>

#include <algorithm>
#include <tuple>

namespace topup {
namespace {

bool knows(const std::vector<Package> &packages, const QString &id)
{
    return std::any_of(packages.begin(), packages.end(), [&id](const Package &package) { return package.id == id; });
}

bool knows(const std::vector<PaymentMethod> &methods, const QString &id)
{
    return std::any_of(methods.begin(), methods.end(), [&id](const PaymentMethod &method) { return method.id == id; });
}

} // namespace

std::optional<QString> Advisor::inputProblem(const AdvisorInput &input)
{
    if (input.to < input.from)
        return tr("the period ends (%1) before it starts (%2)").arg(input.to.toString(), input.from.toString());
    if (input.startDataBytes < 0 || input.startVoiceSeconds < 0)
        return tr("the line's balance at the start of the period is negative");
    if (input.packages.empty())
        return tr("there is no package the line could buy");
    QSet<QString> packageIds;
    std::vector<Package> replayed = input.packages;
    replayed.insert(replayed.end(), input.currentOnly.begin(), input.currentOnly.end());
    for (const Package &package : replayed) {
        if (packageIds.contains(package.id))
            return tr("package \"%1\" is listed twice").arg(package.id);
        packageIds.insert(package.id);
    }
    const Policy &current = input.current;
    if (current.method.isEmpty())
        return tr("the line's rules name no payment method; choose the method that pays first");
    for (const QString &method : {current.method, current.fallback}) {
        if (!method.isEmpty() && !knows(input.methods, method))
            return tr("payment method \"%1\" of the line's rules is not among the methods given").arg(method);
    }
    if (current.threshold && !knows(replayed, current.threshold->package))
        return tr("the line's rules buy package \"%1\", which is not among the packages it may buy")
            .arg(current.threshold->package);
    if (current.monthly && !knows(replayed, current.monthly->package))
        return tr("the line's rules buy package \"%1\", which is not among the packages it may buy")
            .arg(current.monthly->package);
    for (std::size_t i = 0; i < input.usage.size(); ++i) {
        const UsageHour &hour = input.usage[i];
        if (hour.at < input.from || input.to < hour.at)
            return tr("the usage at %1 lies outside the period %2 to %3")
                .arg(hour.at.toString(), input.from.toString(), input.to.toString());
        if (i > 0 && !(input.usage[i - 1].at < hour.at))
            return tr("the usage at %1 is not after the hour before it").arg(hour.at.toString());
        if (hour.dataBytes < 0 || hour.voiceSeconds < 0)
            return tr("the usage at %1 is negative").arg(hour.at.toString());
    }
    for (const AdvisorDeposit &deposit : input.deposits) {
        if (!knows(input.methods, deposit.method))
            return tr("the deposit at %1 is to payment method \"%2\", which is not among the methods given")
                .arg(deposit.at.toString(), deposit.method);
        if (deposit.at < input.from || input.to < deposit.at || deposit.amount.isZero())
            return tr("the deposit at %1 lies outside the period or is of nothing").arg(deposit.at.toString());
    }
    return std::nullopt;
}

bool Advisor::ranksBefore(const CandidateResult &a, const CandidateResult &b) noexcept
{
    return std::make_tuple(a.hoursWithoutService, a.cost.cents(), a.topUps, a.largestMonthSpend.cents(),
                           a.blockedAttempts, a.order)
        < std::make_tuple(b.hoursWithoutService, b.cost.cents(), b.topUps, b.largestMonthSpend.cents(),
                          b.blockedAttempts, b.order);
}

Expected<Advice> Advisor::run(const AdvisorInput &input, const std::atomic_bool *cancel, const Progress &progress)
{
    if (const std::optional<QString> problem = inputProblem(input))
        return Expected<Advice>::failure(*problem);

    if (const qint64 count = CandidatePolicies::count(input); count > maxCandidates)
        return Expected<Advice>::failure(
            tr("the line's %1 packages make %2 candidate rules, more than the %3 the advisor replays; offer it fewer packages")
                .arg(input.packages.size())
                .arg(count)
                .arg(maxCandidates),
            tr("The line's %1 packages make %2 candidate rules, more than the %3 the advisor replays; offer it fewer packages.")
                .arg(input.packages.size())
                .arg(count)
                .arg(maxCandidates));
    const std::vector<Policy> candidates = CandidatePolicies::generate(input);
    const int total = int(candidates.size()) + 1; // and the current rules
    const int step = (total + 99) / 100; // about a hundred calls at most
    PolicyReplay replay(input);
    Advice advice;
    advice.ranking.reserve(candidates.size());

    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            Advice cancelled;
            cancelled.cancelled = true;
            return cancelled;
        }
        const bool current = i == 0;
        const Policy &policy = current ? input.current : candidates[std::size_t(i - 1)];
        const Outcome outcome = replay.runEngine(policy);
        if (outcome.error) // the paths name the advisor's own world, not anything a person wrote
            return Expected<Advice>::failure(
                current ? tr("replaying the line's current rules stopped: %1").arg(outcome.error->message)
                        : tr("replaying candidate rules number %1 stopped: %2").arg(i).arg(outcome.error->message));
        CandidateResult result = replay.summarize(policy, outcome);
        if (current) {
            advice.current = std::move(result);
        } else {
            result.order = i - 1;
            advice.ranking.push_back(std::move(result));
        }
        if (progress && ((i + 1) % step == 0 || i + 1 == total))
            progress(i + 1, total);
    }
    std::sort(advice.ranking.begin(), advice.ranking.end(), ranksBefore);
    return advice;
}

} // namespace topup
