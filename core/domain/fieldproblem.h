#pragma once

#include <QString>

#include <vector>

namespace topup {

// One thing wrong with what a person gave: `field` is its path inside what
// was checked ("monthly.day", "fallback"; empty for the whole of it), and
// `sentence` says what is wrong as a whole sentence in the user's language,
// ready to show under that field.
struct FieldProblem final
{
    QString field;
    QString sentence;

    bool operator==(const FieldProblem &other) const { return field == other.field && sentence == other.sentence; }
};

using FieldProblems = std::vector<FieldProblem>;

} // namespace topup
