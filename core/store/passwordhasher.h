#pragma once

#include <QString>

namespace topup {

// PBKDF2-HMAC-SHA256 password hashes, stored as the self-describing string
// "pbkdf2-sha256$<iterations>$<salt base64>$<key base64>" so that the count
// can be raised later without invalidating existing hashes.
class PasswordHasher final
{
public:
    // OWASP Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA256.
    static constexpr int productIterations = 600000;
    static constexpr int saltBytes = 16;
    static constexpr int keyBytes = 32;

    // Any count >= 1, for tests. The product uses forProduct() and never
    // hashes with fewer than productIterations.
    explicit PasswordHasher(int iterations) noexcept;
    [[nodiscard]] static PasswordHasher forProduct() noexcept;

    int iterations() const noexcept { return m_iterations; }

    // A fresh random salt each call, so equal passwords give different strings.
    [[nodiscard]] QString hash(QStringView password) const;
    // Recomputes with the algorithm, count and salt recorded in `stored` and
    // compares in constant time. A malformed string verifies nothing.
    // With a given 16-byte salt: only for the demo world, whose password is
    // public anyway and which must come out byte for byte the same.
    [[nodiscard]] QString hashWithSalt(QStringView password, const QByteArray &salt) const;
    [[nodiscard]] static bool verify(QStringView password, const QString &stored);
    // True when `stored` is malformed or was made with fewer than `iterations`
    // (or a different salt size): hash again after the next successful sign-in.
    [[nodiscard]] static bool needsRehash(const QString &stored, int iterations);

private:
    int m_iterations;
};

} // namespace topup
