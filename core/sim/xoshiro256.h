#pragma once

#include <QtGlobal>

namespace topup {

// xoshiro256** seeded through splitmix64 (Blackman & Vigna): our own so a
// seed gives the same numbers on every platform, compiler and Qt version.
class Xoshiro256 final
{
public:
    explicit Xoshiro256(quint64 seed) noexcept
    {
        for (quint64 &word : m_state) {
            seed += 0x9e3779b97f4a7c15ULL;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    quint64 next() noexcept
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, bound) for bound ≤ 2^32, by multiply-shift (bias < 2^-32).
    quint32 below(quint32 bound) noexcept { return quint32(((next() >> 32) * quint64(bound)) >> 32); }

private:
    static quint64 rotl(quint64 x, int k) noexcept { return (x << k) | (x >> (64 - k)); }

    quint64 m_state[4];
};

} // namespace topup
