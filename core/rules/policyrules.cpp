#include "policyrules.h"

#include <algorithm>

namespace topup {

std::optional<RuleText> PolicyRules::belowProblem(qint64 below)
{
    if (below <= 0)
        return RuleText{tr("must be more than zero"), tr("Must be more than zero.")};
    return std::nullopt;
}

std::optional<RuleText> PolicyRules::packageProblem(Resource resource, const Package &package)
{
    // SPEC §2 refuses a threshold package that adds none of the resource it
    // watches: such a top-up could never lift the balance at all.
    if (resource == Resource::Data && package.data.bytes() == 0)
        return RuleText{tr("package \"%1\" adds no data, so it can never lift a data threshold").arg(package.id),
                        tr("Package \"%1\" adds no data, so it can never lift a data threshold.").arg(package.id)};
    if (resource == Resource::Voice && package.voice.seconds() == 0)
        return RuleText{tr("package \"%1\" adds no voice, so it can never lift a voice threshold").arg(package.id),
                        tr("Package \"%1\" adds no voice, so it can never lift a voice threshold.").arg(package.id)};
    return std::nullopt;
}

std::optional<RuleText> PolicyRules::dayProblem(int day)
{
    if (day < 1 || day > 31)
        return RuleText{tr("must be between 1 and 31 (got %1)").arg(day), tr("Must be between 1 and 31 (got %1).").arg(day)};
    return std::nullopt;
}

std::optional<RuleText> PolicyRules::minuteOfDayProblem(int minuteOfDay)
{
    if (minuteOfDay < 0 || minuteOfDay >= 24 * 60)
        return RuleText{tr("must be a local time from 00:00 to 23:59"), tr("Must be a local time from 00:00 to 23:59.")};
    return std::nullopt;
}

std::optional<RuleText> PolicyRules::capProblem(Money cap)
{
    if (cap.isZero())
        return RuleText{tr("must be more than zero"), tr("Must be more than zero.")};
    return std::nullopt;
}

std::optional<RuleText> PolicyRules::maxPerMonthProblem(qint64 max)
{
    if (max < 1 || max > largestMaxPerMonth)
        return RuleText{tr("must be between 1 and %1 (got %2)").arg(largestMaxPerMonth).arg(max),
                        tr("Must be between 1 and %1 (got %2).").arg(largestMaxPerMonth).arg(max)};
    return std::nullopt;
}

std::optional<RuleText> PolicyRules::methodProblem(bool enabled, bool hasMethod)
{
    if (enabled && !hasMethod)
        return RuleText{tr("missing (required when the policy is enabled)"), tr("Missing (required when the policy is enabled).")};
    return std::nullopt;
}

std::optional<RuleText> PolicyRules::fallbackProblem(const QString &method, const QString &fallback)
{
    if (!fallback.isEmpty() && fallback == method)
        return RuleText{tr("must differ from method"), tr("Must differ from the method.")};
    return std::nullopt;
}

std::optional<RuleText> PolicyRules::triggerProblem(bool enabled, bool hasTrigger)
{
    if (enabled && !hasTrigger)
        return RuleText{tr("an enabled policy needs a threshold or a monthly trigger"), tr("An enabled policy needs a threshold or a monthly trigger.")};
    return std::nullopt;
}

RuleText PolicyRules::unknownPackage(const QString &id)
{
    return RuleText{tr("unknown package \"%1\"").arg(id.left(64)), tr("Unknown package \"%1\".").arg(id.left(64))};
}

RuleText PolicyRules::unknownMethod(const QString &id)
{
    return RuleText{tr("unknown method \"%1\"").arg(id.left(64)), tr("Unknown method \"%1\".").arg(id.left(64))};
}

std::vector<PolicyProblem> PolicyRules::check(const Policy &policy, const std::vector<Package> &packages,
                                              const QStringList &methodIds)
{
    std::vector<PolicyProblem> problems;
    const auto add = [&problems](const QString &field, const std::optional<RuleText> &broken) {
        if (broken)
            problems.push_back(PolicyProblem{field, broken->text, broken->sentence});
    };
    const auto findPackage = [&packages](const QString &id) {
        return std::find_if(packages.begin(), packages.end(), [&id](const Package &p) { return p.id == id; });
    };
    if (policy.threshold) {
        add(QStringLiteral("threshold.below"), belowProblem(policy.threshold->below));
        const auto package = findPackage(policy.threshold->package);
        if (package == packages.end())
            add(QStringLiteral("threshold.package"), unknownPackage(policy.threshold->package));
        else
            add(QStringLiteral("threshold.package"), packageProblem(policy.threshold->resource, *package));
    }
    if (policy.monthly) {
        add(QStringLiteral("monthly.day"), dayProblem(policy.monthly->day));
        add(QStringLiteral("monthly.time"), minuteOfDayProblem(policy.monthly->minuteOfDay));
        if (findPackage(policy.monthly->package) == packages.end())
            add(QStringLiteral("monthly.package"), unknownPackage(policy.monthly->package));
    }
    if (policy.monthlyCap)
        add(QStringLiteral("monthly_cap"), capProblem(*policy.monthlyCap));
    if (policy.maxPerMonth)
        add(QStringLiteral("max_per_month"), maxPerMonthProblem(*policy.maxPerMonth));
    if (!policy.method.isEmpty() && !methodIds.contains(policy.method))
        add(QStringLiteral("method"), unknownMethod(policy.method));
    if (!policy.fallback.isEmpty() && !methodIds.contains(policy.fallback))
        add(QStringLiteral("fallback"), unknownMethod(policy.fallback));
    add(QStringLiteral("method"), methodProblem(policy.enabled, !policy.method.isEmpty()));
    add(QStringLiteral("fallback"), fallbackProblem(policy.method, policy.fallback));
    add(QString(), triggerProblem(policy.enabled, policy.threshold || policy.monthly));
    return problems;
}

} // namespace topup
