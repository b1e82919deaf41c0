#pragma once

#include "domain/package.h"
#include "domain/policy.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace topup {

// One broken rule, worded twice where it is made: `text` follows a path in
// a scenario's or the service's message ("policy.monthly.day: must be
// between 1 and 31 (got 32)"), `sentence` stands alone under the field in a
// form ("Must be between 1 and 31 (got 32).").
struct RuleText final
{
    QString text;
    QString sentence;
};

// One broken rule of a policy: `field` is its path inside the policy
// ("threshold.package", "fallback"; empty for the policy as a whole).
struct PolicyProblem final
{
    QString field;
    QString message;
    QString sentence;
};

// The validation rules of SPEC §2 for one policy, on the Policy value
// itself: the scenario reader applies them as it reads the JSON, the store
// before it saves a policy, so both refuse the same things with the same
// words.
class PolicyRules final
{
    Q_DECLARE_TR_FUNCTIONS(PolicyRules)

public:
    static constexpr qint64 largestMaxPerMonth = qint64(1) << 53; // JSON-safe

    [[nodiscard]] static std::optional<RuleText> belowProblem(qint64 below);
    // SPEC §2: the package must add some of what the trigger watches (a
    // package smaller than `below` is allowed; step 4 fires again).
    [[nodiscard]] static std::optional<RuleText> packageProblem(Resource resource, const Package &package);
    [[nodiscard]] static std::optional<RuleText> dayProblem(int day);
    [[nodiscard]] static std::optional<RuleText> minuteOfDayProblem(int minuteOfDay);
    [[nodiscard]] static std::optional<RuleText> capProblem(Money cap);
    [[nodiscard]] static std::optional<RuleText> maxPerMonthProblem(qint64 max);
    [[nodiscard]] static std::optional<RuleText> methodProblem(bool enabled, bool hasMethod);
    [[nodiscard]] static std::optional<RuleText> fallbackProblem(const QString &method, const QString &fallback);
    [[nodiscard]] static std::optional<RuleText> triggerProblem(bool enabled, bool hasTrigger);
    [[nodiscard]] static RuleText unknownPackage(const QString &id);
    [[nodiscard]] static RuleText unknownMethod(const QString &id);

    // Every rule, in the order the scenario reader reports them, against the
    // packages and method ids the policy may name.
    [[nodiscard]] static std::vector<PolicyProblem> check(const Policy &policy, const std::vector<Package> &packages,
                                                          const QStringList &methodIds);
};

} // namespace topup
