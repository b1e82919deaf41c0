#pragma once

#include <QtGlobal>

#include <limits>

namespace topup {

// Balances, funds and spend add up without wrapping: a hostile file with
// amounts near int64's limit pins at the limit instead of turning negative.
constexpr qint64 saturatingAdd(qint64 a, qint64 b) noexcept
{
    qint64 sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return sum;
}

// Whether a + b leaves int64 (the engine stops a run there: SPEC §1).
constexpr bool sumOverflows(qint64 a, qint64 b) noexcept
{
    qint64 sum = 0;
    return __builtin_add_overflow(a, b, &sum);
}

constexpr qint64 saturatingSub(qint64 a, qint64 b) noexcept
{
    qint64 difference = 0;
    if (__builtin_sub_overflow(a, b, &difference))
        return b < 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return difference;
}

} // namespace topup
