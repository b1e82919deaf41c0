#pragma once

#include "domain/expected.h"
#include "domain/linerecord.h"
#include "domain/policy.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace topup {

// Why a save of a line's rules is refused when they changed elsewhere (on
// another desktop) since the form loaded them: what changed, part by part
// ("threshold 1 GB → 2 GB"), from the rules the form loaded to the rules
// saved now, and what to do ("review them and save again"). Nothing is
// overwritten silently; the form shows the sentence and the current rules.
class RulesConflict final
{
    Q_DECLARE_TR_FUNCTIONS(RulesConflict)

public:
    // The refusal for the line `lineName`; with who saved the rules now in
    // place and when (its clock, shown in the account's `zone`), when known.
    static Failure refusal(const QString &lineName, const std::optional<Policy> &loaded, const std::optional<Policy> &now,
                           const std::optional<RulesAuthor> &by = std::nullopt, const QString &zone = QString());
    // Each part that differs, "threshold 1 GB → 2 GB"; empty when none does.
    static QStringList changes(const std::optional<Policy> &loaded, const std::optional<Policy> &now);
};

} // namespace topup
