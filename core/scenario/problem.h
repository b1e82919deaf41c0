#pragma once

#include <QString>

#include <vector>

namespace topup {

// One thing wrong with an input file: where (a JSON path such as
// `lines[0].policy.monthly.day`) and what.
struct Problem final
{
    QString path;
    QString message;
};

using Problems = std::vector<Problem>;

} // namespace topup
