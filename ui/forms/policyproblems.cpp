#include "policyproblems.h"

#include "forms/policyformreader.h"
#include "forms/rulechoices.h"
#include "service/service.h"

namespace topup {

QHash<QString, QString> PolicyProblems::of(Service &service, qint64 lineId, const PolicyFormReading &reading,
                                           const RuleChoices &choices)
{
    QHash<QString, QString> problems = reading.errors;
    const auto noLongerOffered = [&](const QString &path, const QString &package) {
        if (!package.isEmpty() && !choices.packages().contains(package))
            problems.insert(path, tr("This line's region no longer offers %1; the saved rules still buy it. Choose a package it offers.")
                                      .arg(choices.packageNames().value(package, package)));
    };
    if (reading.policy.threshold)
        noLongerOffered(QStringLiteral("threshold.package"), reading.policy.threshold->package);
    if (reading.policy.monthly)
        noLongerOffered(QStringLiteral("monthly.package"), reading.policy.monthly->package);
    if (const Expected<void> checked = service.checkPolicy(lineId, reading.policy); !checked) {
        const QHash<QString, QString> refused = byField(checked.problems());
        for (auto it = refused.cbegin(); it != refused.cend(); ++it) {
            if (!problems.contains(it.key()))
                problems.insert(it.key(), it.value());
        }
    }
    return problems;
}

QHash<QString, QString> PolicyProblems::byField(const FieldProblems &problems)
{
    QHash<QString, QString> sentences;
    for (const FieldProblem &problem : problems) {
        QString &slot = sentences[problem.field];
        slot = slot.isEmpty() ? problem.sentence : slot + QLatin1Char('\n') + problem.sentence;
    }
    return sentences;
}

} // namespace topup
