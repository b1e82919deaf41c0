#pragma once

#include "sim/xoshiro256.h"

#include <vector>

namespace topup::test {

// Seeded draws for the tests that build random worlds: the same seed, the
// same world.
class Draws final
{
public:
    explicit Draws(quint64 seed) : m_random(seed) {}

    quint32 below(quint32 bound) { return m_random.below(bound); }
    bool chance(int percent) { return int(below(100)) < percent; }
    template<typename T>
    const T &pick(const std::vector<T> &from) { return from[below(quint32(from.size()))]; }

private:
    Xoshiro256 m_random;
};

} // namespace topup::test
