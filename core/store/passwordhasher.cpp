#include "passwordhasher.h"

#include "domain/asciidigits.h"

#include <QCryptographicHash>
#include <QList>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <array>
#include <optional>

namespace topup {
namespace {

constexpr QLatin1String algorithmName("pbkdf2-sha256");
constexpr QChar separator(u'$');
// A tampered or corrupt store must not make one sign-in run for hours.
constexpr int maxIterations = 100000000;
constexpr int maxIterationDigits = 9;
constexpr int maxSaltBytes = 64;

static_assert(PasswordHasher::productIterations >= 600000,
              "the product never hashes with fewer than 600 000 PBKDF2-SHA256 iterations");

struct Stored final
{
    int iterations;
    QByteArray salt;
    QByteArray key;
};

// Digits only, no sign, no leading zero, within bounds.
std::optional<int> parseIterations(QStringView text)
{
    if (text.size() > maxIterationDigits || text.startsWith(QLatin1Char('0')))
        return std::nullopt;
    const std::optional<qint64> value = asciiNumber(text);
    if (!value || *value > maxIterations)
        return std::nullopt;
    return int(*value);
}

std::optional<QByteArray> parseBase64(QStringView text)
{
    QByteArray::FromBase64Result decoded
        = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

std::optional<Stored> parseStored(const QString &stored)
{
    const QList<QStringView> parts = QStringView(stored).split(separator);
    if (parts.size() != 4 || parts[0] != algorithmName)
        return std::nullopt;
    const std::optional<int> iterations = parseIterations(parts[1]);
    const std::optional<QByteArray> salt = parseBase64(parts[2]);
    const std::optional<QByteArray> key = parseBase64(parts[3]);
    if (!iterations || !salt || !key)
        return std::nullopt;
    if (salt->size() < PasswordHasher::saltBytes || salt->size() > maxSaltBytes || key->size() != PasswordHasher::keyBytes)
        return std::nullopt;
    return Stored{*iterations, *salt, *key};
}

// NFKC first (NIST SP 800-63B §5.1.1.2), so that the same password typed on
// another keyboard or input method gives the same bytes.
QByteArray deriveKey(QStringView password, const QByteArray &salt, int iterations)
{
    const QByteArray utf8 = password.toString().normalized(QString::NormalizationForm_KC).toUtf8();
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, utf8, salt, iterations,
                                              quint64(PasswordHasher::keyBytes));
}

// Looks at every byte whatever it finds, so the time taken tells nothing
// about where the first difference is.
bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

QByteArray randomSalt()
{
    std::array<quint32, PasswordHasher::saltBytes / sizeof(quint32)> words{};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), PasswordHasher::saltBytes);
}

} // namespace

PasswordHasher::PasswordHasher(int iterations) noexcept
    : m_iterations(qBound(1, iterations, maxIterations))
{
}

PasswordHasher PasswordHasher::forProduct() noexcept
{
    // The only way the product builds a hasher: never below productIterations.
    return PasswordHasher(productIterations);
}

QString PasswordHasher::hash(QStringView password) const
{
    return hashWithSalt(password, randomSalt());
}

QString PasswordHasher::hashWithSalt(QStringView password, const QByteArray &salt) const
{
    const QByteArray key = deriveKey(password, salt, m_iterations);
    return QStringLiteral("%1$%2$%3$%4")
        .arg(algorithmName)
        .arg(m_iterations)
        .arg(QLatin1String(salt.toBase64()), QLatin1String(key.toBase64()));
}

bool PasswordHasher::verify(QStringView password, const QString &stored)
{
    const std::optional<Stored> parsed = parseStored(stored);
    if (!parsed)
        return false;
    return equalInConstantTime(deriveKey(password, parsed->salt, parsed->iterations), parsed->key);
}

bool PasswordHasher::needsRehash(const QString &stored, int iterations)
{
    const std::optional<Stored> parsed = parseStored(stored);
    return !parsed || parsed->iterations < iterations || parsed->salt.size() != saltBytes;
}

} // namespace topup
