#pragma once

#include "advisorinput.h"

#include "domain/policy.h"

#include <vector>

namespace topup {

// The policies the rules advisor tries for a line: thresholds at round
// amounts of each resource the line used (from about its busiest hour to
// twice its busiest day), each package that adds what the threshold
// watches; a monthly top-up of each package that adds something the line
// used, on every day 1-28 and on the last day (31); and every threshold
// with every monthly top-up. Each keeps the method, fallback, caps and
// monthly time of the line's current rules. Always the same list, in the
// same order, for the same input: thresholds (larger amounts first, then
// package order), monthly top-ups (package order, then day), pairs.
class CandidatePolicies final
{
public:
    [[nodiscard]] static std::vector<Policy> generate(const AdvisorInput &input);
    // How many generate() makes, without making them.
    [[nodiscard]] static qint64 count(const AdvisorInput &input);

    // The `below` amounts tried for `resource`, ascending: round amounts
    // (10 MB, 20 MB, 50 MB, 100 MB, … or 1 min, 2 min, 5 min, …) from the
    // largest one not above the busiest hour's use to the smallest one not
    // below twice the busiest 24 hours' use.
    [[nodiscard]] static std::vector<qint64> thresholdSteps(Resource resource, const std::vector<UsageHour> &usage);
    // 1..28, then 31 (the last day of every month; 29 and 30 are the last
    // day in February too, and one day before it otherwise).
    [[nodiscard]] static std::vector<int> monthlyDays();

private:
    struct Triggers
    {
        std::vector<ThresholdTrigger> thresholds;
        std::vector<MonthlyTrigger> monthlies;
    };
    static Triggers triggers(const AdvisorInput &input);

    CandidatePolicies() = delete;
};

} // namespace topup
