#include "cardnumber.h"

#include <QCoreApplication>

#include <array>
#include <optional>

namespace topup {
namespace {

constexpr qsizetype maxDigits = 19; // ISO/IEC 7812 upper bound; also every brand's

// The digits live in a fixed buffer on the stack, never on the heap, and are
// overwritten before it goes out of scope.
class DigitBuffer final
{
public:
    DigitBuffer() = default;
    Q_DISABLE_COPY_MOVE(DigitBuffer)
    ~DigitBuffer()
    {
        volatile char *bytes = m_digits.data();
        for (std::size_t i = 0; i < m_digits.size(); ++i)
            bytes[i] = 0;
    }

    // Counts every digit but keeps only the first maxDigits: a longer number
    // is the wrong length for every brand anyway.
    void append(char digit) noexcept
    {
        if (m_count < maxDigits)
            m_digits[std::size_t(m_count)] = digit;
        ++m_count;
    }
    qsizetype count() const noexcept { return m_count; }
    // The number formed by the first n digits (n <= count, n <= 4).
    int prefix(qsizetype n) const noexcept
    {
        int value = 0;
        for (qsizetype i = 0; i < n; ++i)
            value = value * 10 + (m_digits[std::size_t(i)] - '0');
        return value;
    }
    bool passesLuhn() const noexcept
    {
        int sum = 0;
        bool twice = false;
        for (qsizetype i = m_count - 1; i >= 0; --i, twice = !twice) {
            int d = m_digits[std::size_t(i)] - '0';
            if (twice) {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
    QString lastFour() const
    {
        QString last;
        for (qsizetype i = m_count - 4; i < m_count; ++i)
            last.append(QLatin1Char(m_digits[std::size_t(i)]));
        return last;
    }

private:
    std::array<char, maxDigits> m_digits{};
    qsizetype m_count = 0;
};

bool inRange(const DigitBuffer &digits, qsizetype prefixLength, int low, int high)
{
    if (digits.count() < prefixLength)
        return false;
    const int prefix = digits.prefix(prefixLength);
    return prefix >= low && prefix <= high;
}

std::optional<CardBrand> brandOfDigits(const DigitBuffer &digits)
{
    if (inRange(digits, 1, 4, 4))
        return CardBrand::Visa;
    if (inRange(digits, 2, 51, 55) || inRange(digits, 4, 2221, 2720))
        return CardBrand::Mastercard;
    if (inRange(digits, 2, 34, 34) || inRange(digits, 2, 37, 37))
        return CardBrand::AmericanExpress;
    // 622126–622925 are also Discover-accepted, but issued as UnionPay.
    if (inRange(digits, 2, 62, 62))
        return CardBrand::UnionPay;
    if (inRange(digits, 4, 6011, 6011) || inRange(digits, 3, 644, 649) || inRange(digits, 2, 65, 65))
        return CardBrand::Discover;
    if (inRange(digits, 4, 3528, 3589))
        return CardBrand::JCB;
    return std::nullopt;
}

bool isAllowedLength(CardBrand brand, qsizetype length)
{
    switch (brand) {
    case CardBrand::Visa:
        return length == 13 || length == 16 || length == 19;
    case CardBrand::Mastercard:
        return length == 16;
    case CardBrand::AmericanExpress:
        return length == 15;
    case CardBrand::UnionPay:
    case CardBrand::Discover:
    case CardBrand::JCB:
        return length >= 16 && length <= 19;
    }
    return false;
}

// Whole sentences per brand, so that translators never see a glued list.
Failure wrongLength(CardBrand brand, qsizetype length)
{
    switch (brand) {
    case CardBrand::Visa:
        return Failure(CardNumber::tr("a Visa card number has 13, 16 or 19 digits (this one has %1)").arg(length),
                       CardNumber::tr("A Visa card number has 13, 16 or 19 digits (this one has %1).").arg(length));
    case CardBrand::Mastercard:
        return Failure(CardNumber::tr("a Mastercard number has 16 digits (this one has %1)").arg(length),
                       CardNumber::tr("A Mastercard number has 16 digits (this one has %1).").arg(length));
    case CardBrand::AmericanExpress:
        return Failure(CardNumber::tr("an American Express card number has 15 digits (this one has %1)").arg(length),
                       CardNumber::tr("An American Express card number has 15 digits (this one has %1).").arg(length));
    case CardBrand::UnionPay:
        return Failure(CardNumber::tr("a UnionPay card number has 16 to 19 digits (this one has %1)").arg(length),
                       CardNumber::tr("A UnionPay card number has 16 to 19 digits (this one has %1).").arg(length));
    case CardBrand::Discover:
        return Failure(CardNumber::tr("a Discover card number has 16 to 19 digits (this one has %1)").arg(length),
                       CardNumber::tr("A Discover card number has 16 to 19 digits (this one has %1).").arg(length));
    case CardBrand::JCB:
        return Failure(CardNumber::tr("a JCB card number has 16 to 19 digits (this one has %1)").arg(length),
                       CardNumber::tr("A JCB card number has 16 to 19 digits (this one has %1).").arg(length));
    }
    return {};
}

} // namespace

QString cardBrandName(CardBrand brand)
{
    switch (brand) {
    case CardBrand::Visa:
        return QStringLiteral("Visa");
    case CardBrand::Mastercard:
        return QStringLiteral("Mastercard");
    case CardBrand::AmericanExpress:
        return QStringLiteral("American Express");
    case CardBrand::UnionPay:
        return QStringLiteral("UnionPay");
    case CardBrand::Discover:
        return QStringLiteral("Discover");
    case CardBrand::JCB:
        return QStringLiteral("JCB");
    }
    return {};
}

Expected<CardNumber> CardNumber::parse(QStringView text)
{
    DigitBuffer digits;
    for (const QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits.append(char(c.unicode()));
        else if (c != QLatin1Char(' '))
            return Expected<CardNumber>::failure(CardNumber::tr("a card number may contain only digits and spaces"),
                                                 CardNumber::tr("A card number may contain only digits and spaces."));
    }
    if (digits.count() == 0)
        return Expected<CardNumber>::failure(CardNumber::tr("enter the card number"), CardNumber::tr("Enter the card number."));
    const std::optional<CardBrand> brand = brandOfDigits(digits);
    if (!brand)
        return Expected<CardNumber>::failure(
            CardNumber::tr("card brand not recognised; Visa, Mastercard, American Express, UnionPay, Discover and JCB are accepted"),
            CardNumber::tr("Card brand not recognised; Visa, Mastercard, American Express, UnionPay, Discover and JCB are accepted."));
    if (!isAllowedLength(*brand, digits.count()))
        return Expected<CardNumber>::failure(wrongLength(*brand, digits.count()));
    // Some UnionPay numbers are issued without a valid Luhn check digit and
    // networks accept them; we still require it, because a typo caught here
    // is worth more than the rare card refused (and the gateway decides).
    if (!digits.passesLuhn())
        return Expected<CardNumber>::failure(CardNumber::tr("this card number is not valid; check it for typing mistakes"),
                                             CardNumber::tr("This card number is not valid; check it for typing mistakes."));
    return CardNumber(*brand, digits.lastFour());
}

std::optional<CardBrand> CardNumber::brandOf(QStringView partialText)
{
    DigitBuffer digits;
    for (const QChar c : partialText) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits.append(char(c.unicode()));
        else if (c != QLatin1Char(' '))
            return std::nullopt;
    }
    return brandOfDigits(digits);
}

} // namespace topup
