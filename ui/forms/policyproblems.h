#pragma once

#include "domain/fieldproblem.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace topup {

class RuleChoices;
class Service;
struct PolicyFormReading;

// What is wrong with the rules form, by field path ("monthly.day"), all at
// once: what the form's reading found is not a value at all, a package the
// line's region no longer offers, and what the service refuses of the rest
// (its word on a field the reading already refused is not shown).
class PolicyProblems final
{
    // The form's words, with the form's translations.
    Q_DECLARE_TR_FUNCTIONS(topup::PolicyEditor)

public:
    PolicyProblems() = delete;

    static QHash<QString, QString> of(Service &service, qint64 lineId, const PolicyFormReading &reading, const RuleChoices &choices);
    // The service's problems by field path (several for one field, a line
    // each); those about the whole policy under no path, which no field claims.
    static QHash<QString, QString> byField(const FieldProblems &problems);
};

} // namespace topup
