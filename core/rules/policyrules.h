#pragma once

#include "domain/package.h"
#include "domain/policy.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace topup {

// One broken rule of a policy: `field` is its path inside the policy
// ("threshold.package", "fallback"; empty for the policy as a whole).
struct PolicyProblem final
{
    QString field;
    QString message;
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

    [[nodiscard]] static std::optional<QString> belowProblem(qint64 below);
    // SPEC §2: the package must add some of what the trigger watches (a
    // package smaller than `below` is allowed; step 4 fires again).
    [[nodiscard]] static std::optional<QString> packageProblem(Resource resource, const Package &package);
    [[nodiscard]] static std::optional<QString> dayProblem(int day);
    [[nodiscard]] static std::optional<QString> minuteOfDayProblem(int minuteOfDay);
    [[nodiscard]] static std::optional<QString> capProblem(Money cap);
    [[nodiscard]] static std::optional<QString> maxPerMonthProblem(qint64 max);
    [[nodiscard]] static std::optional<QString> methodProblem(bool enabled, bool hasMethod);
    [[nodiscard]] static std::optional<QString> fallbackProblem(const QString &method, const QString &fallback);
    [[nodiscard]] static std::optional<QString> triggerProblem(bool enabled, bool hasTrigger);
    [[nodiscard]] static QString unknownPackage(const QString &id);
    [[nodiscard]] static QString unknownMethod(const QString &id);

    // Every rule, in the order the scenario reader reports them, against the
    // packages and method ids the policy may name.
    [[nodiscard]] static std::vector<PolicyProblem> check(const Policy &policy, const std::vector<Package> &packages,
                                                          const QStringList &methodIds);
};

} // namespace topup
