#include "candidatepolicies.h"

#include "domain/civil.h"
#include "domain/saturating.h"
#include "rules/policyrules.h"

#include <algorithm>
#include <iterator>

namespace topup {
namespace {

constexpr qint64 megabyte = 1000 * 1000;
constexpr qint64 minute = 60;

// Amounts a person would type into the threshold field.
constexpr qint64 dataLadder[] = {
    10 * megabyte,    20 * megabyte,    50 * megabyte,     100 * megabyte,    200 * megabyte,
    300 * megabyte,   500 * megabyte,   750 * megabyte,    1000 * megabyte,   1500 * megabyte,
    2000 * megabyte,  3000 * megabyte,  5000 * megabyte,   7500 * megabyte,   10000 * megabyte,
    15000 * megabyte, 20000 * megabyte, 30000 * megabyte,  50000 * megabyte,  100000 * megabyte,
};
constexpr qint64 voiceLadder[] = {
    1 * minute,  2 * minute,   5 * minute,   10 * minute,  15 * minute,  20 * minute,  30 * minute,
    45 * minute, 60 * minute,  90 * minute,  120 * minute, 180 * minute, 300 * minute, 600 * minute,
};

qint64 amountOf(Resource resource, const UsageHour &hour) noexcept
{
    return resource == Resource::Data ? hour.dataBytes : hour.voiceSeconds;
}

qint64 amountOf(Resource resource, const Package &package) noexcept
{
    return resource == Resource::Data ? package.data.bytes() : package.voice.seconds();
}

// The most used in one hour, and in any 24 hours in a row.
std::pair<qint64, qint64> peaks(Resource resource, const std::vector<UsageHour> &usage)
{
    qint64 hour = 0;
    qint64 day = 0;
    qint64 inWindow = 0;
    std::size_t first = 0;
    for (std::size_t last = 0; last < usage.size(); ++last) {
        hour = std::max(hour, amountOf(resource, usage[last]));
        inWindow = saturatingAdd(inWindow, amountOf(resource, usage[last]));
        while (usage[first].at.msecs() <= usage[last].at.msecs() - civil::msPerDay)
            inWindow = saturatingSub(inWindow, amountOf(resource, usage[first++]));
        day = std::max(day, inWindow);
    }
    return {hour, day};
}

bool uses(Resource resource, const std::vector<UsageHour> &usage)
{
    return std::any_of(usage.begin(), usage.end(), [resource](const UsageHour &hour) { return amountOf(resource, hour) > 0; });
}

} // namespace

std::vector<qint64> CandidatePolicies::thresholdSteps(Resource resource, const std::vector<UsageHour> &usage)
{
    const auto [busiestHour, busiestDay] = peaks(resource, usage);
    const qint64 *ladder = resource == Resource::Data ? std::begin(dataLadder) : std::begin(voiceLadder);
    const qint64 *ladderEnd = resource == Resource::Data ? std::end(dataLadder) : std::end(voiceLadder);
    // The largest step not above the busiest hour (else the smallest) ...
    const qint64 *low = std::upper_bound(ladder, ladderEnd, busiestHour);
    if (low != ladder)
        --low;
    // ... to the smallest step not below twice the busiest day (else the largest).
    const qint64 *high = std::lower_bound(ladder, ladderEnd, saturatingAdd(busiestDay, busiestDay));
    if (high == ladderEnd)
        --high;
    return std::vector<qint64>(low, std::max(high, low) + 1);
}

std::vector<int> CandidatePolicies::monthlyDays()
{
    std::vector<int> days;
    for (int day = 1; day <= 28; ++day)
        days.push_back(day);
    days.push_back(31);
    return days;
}

CandidatePolicies::Triggers CandidatePolicies::triggers(const AdvisorInput &input)
{
    const Policy &current = input.current;
    std::vector<Resource> used;
    for (const Resource resource : {Resource::Data, Resource::Voice}) {
        if (uses(resource, input.usage))
            used.push_back(resource);
    }
    if (used.empty()) // nothing used: the resource the rules watch now, else data
        used.push_back(current.threshold ? current.threshold->resource : Resource::Data);

    Triggers triggers;
    std::vector<ThresholdTrigger> &thresholds = triggers.thresholds;
    for (const Resource resource : used) {
        std::vector<qint64> steps = thresholdSteps(resource, input.usage);
        if (current.threshold && current.threshold->resource == resource) { // the current amount is tried too
            const auto at = std::lower_bound(steps.begin(), steps.end(), current.threshold->below);
            if (at == steps.end() || *at != current.threshold->below)
                steps.insert(at, current.threshold->below);
        }
        // Larger amounts first: between rules that did equally well, the
        // ranking keeps the one with more margin (its last tie-break is
        // this order).
        std::reverse(steps.begin(), steps.end());
        for (const qint64 below : steps) {
            for (const Package &package : input.packages) {
                if (!PolicyRules::packageProblem(resource, package))
                    thresholds.push_back(ThresholdTrigger{resource, below, package.id});
            }
        }
    }

    const int minuteOfDay = current.monthly ? current.monthly->minuteOfDay : 9 * 60;
    std::vector<MonthlyTrigger> &monthlies = triggers.monthlies;
    for (const Package &package : input.packages) {
        const bool useful = std::any_of(used.begin(), used.end(),
                                        [&package](Resource resource) { return amountOf(resource, package) > 0; });
        if (!useful)
            continue;
        for (const int day : monthlyDays())
            monthlies.push_back(MonthlyTrigger{day, minuteOfDay, package.id});
    }
    return triggers;
}

qint64 CandidatePolicies::count(const AdvisorInput &input)
{
    const Triggers made = triggers(input);
    const qint64 thresholds = qint64(made.thresholds.size());
    const qint64 monthlies = qint64(made.monthlies.size());
    return thresholds + monthlies + thresholds * monthlies;
}

std::vector<Policy> CandidatePolicies::generate(const AdvisorInput &input)
{
    const Triggers made = triggers(input);
    const std::vector<ThresholdTrigger> &thresholds = made.thresholds;
    const std::vector<MonthlyTrigger> &monthlies = made.monthlies;

    Policy base = input.current;
    base.enabled = true;
    base.threshold.reset();
    base.monthly.reset();
    std::vector<Policy> policies;
    policies.reserve(thresholds.size() + monthlies.size() + thresholds.size() * monthlies.size());
    for (const ThresholdTrigger &threshold : thresholds) {
        policies.push_back(base);
        policies.back().threshold = threshold;
    }
    for (const MonthlyTrigger &monthly : monthlies) {
        policies.push_back(base);
        policies.back().monthly = monthly;
    }
    for (const ThresholdTrigger &threshold : thresholds) {
        for (const MonthlyTrigger &monthly : monthlies) {
            policies.push_back(base);
            policies.back().threshold = threshold;
            policies.back().monthly = monthly;
        }
    }
    return policies;
}

} // namespace topup
