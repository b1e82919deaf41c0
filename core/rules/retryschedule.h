#pragma once

#include "domain/civil.h"

namespace topup::retry {

// SPEC §6: four attempts at most; each delay counts from the attempt that failed.
constexpr int maxAttempts = 4;

constexpr qint64 delayAfterMs(int failedAttempt) noexcept
{
    switch (failedAttempt) {
    case 1:
        return 1 * civil::msPerHour;
    case 2:
        return 6 * civil::msPerHour;
    case 3:
        return 24 * civil::msPerHour;
    default:
        return -1; // no retry after the last attempt
    }
}

} // namespace topup::retry
