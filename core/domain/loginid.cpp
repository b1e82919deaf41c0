#include "loginid.h"

#include "asciidigits.h"

#include <QCoreApplication>

namespace topup {
namespace {

constexpr qsizetype maxLocalPart = 64; // RFC 5321 §4.5.3.1.1
constexpr qsizetype maxAddress = 254; // RFC 5321 path limit minus the angle brackets
constexpr qsizetype maxLabel = 63; // RFC 1035 §2.3.4
constexpr int minPhoneDigits = 8;
constexpr int maxPhoneDigits = 15; // E.164 §6.1
constexpr qsizetype maskedPhonePrefix = 3; // '+' and up to two digits of the country code
constexpr qsizetype maskedPhoneSuffix = 4;
constexpr QChar bullet(0x2022);

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

// RFC 5322 "atext": what a local part may hold besides the dots between atoms.
// Quoted local parts and non-ASCII (RFC 6531) addresses are not accepted.
bool isLocalPartChar(QChar c)
{
    return isAsciiLetter(c) || isAsciiDigit(c) || QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(c);
}

bool isValidLocalPart(QStringView local)
{
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')))
        return false;
    QChar previous;
    for (const QChar c : local) {
        if (c == QLatin1Char('.')) {
            if (previous == QLatin1Char('.'))
                return false;
        } else if (!isLocalPartChar(c)) {
            return false;
        }
        previous = c;
    }
    return true;
}

bool isValidLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > maxLabel)
        return false;
    if (label.front() == QLatin1Char('-') || label.back() == QLatin1Char('-'))
        return false;
    for (const QChar c : label) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != QLatin1Char('-'))
            return false;
    }
    return true;
}

// The last label; international TLDs must be typed in their ASCII (xn--) form
// and are still refused, since a TLD here is letters only.
bool isValidTopLevelDomain(QStringView tld)
{
    if (tld.size() < 2)
        return false;
    for (const QChar c : tld) {
        if (!isAsciiLetter(c))
            return false;
    }
    return true;
}

Expected<QString> validateDomain(QStringView domain)
{
    if (domain.isEmpty())
        return Expected<QString>::failure(LoginId::tr("the part after '@' is empty; it should be a domain such as example.com"),
                                          LoginId::tr("The part after '@' is empty; it should be a domain such as example.com."));
    if (!domain.contains(QLatin1Char('.')))
        return Expected<QString>::failure(
            LoginId::tr("the domain \"%1\" needs at least one dot, e.g. example.com").arg(domain.left(maxAddress)),
            LoginId::tr("The domain \"%1\" needs at least one dot, e.g. example.com.").arg(domain.left(maxAddress)));
    const QList<QStringView> labels = domain.split(QLatin1Char('.'));
    for (const QStringView label : labels) {
        if (!isValidLabel(label))
            return Expected<QString>::failure(LoginId::tr("the domain \"%1\" is not valid: each part between dots is 1 to 63 "
                                                          "letters, digits or hyphens, and does not start or end with a hyphen")
                                                  .arg(domain.left(maxAddress)),
                                              LoginId::tr("The domain \"%1\" is not valid: each part between dots is 1 to 63 "
                                                          "letters, digits or hyphens, and does not start or end with a hyphen.")
                                                  .arg(domain.left(maxAddress)));
    }
    if (!isValidTopLevelDomain(labels.back()))
        return Expected<QString>::failure(
            LoginId::tr("the domain \"%1\" must end in at least two letters, e.g. .com").arg(domain.left(maxAddress)),
            LoginId::tr("The domain \"%1\" must end in at least two letters, e.g. .com.").arg(domain.left(maxAddress)));
    return domain.toString();
}

Expected<LoginId> failure(const Failure &why)
{
    return Expected<LoginId>::failure(why);
}

// Digits of "+86 138-0013-8000" -> "8613800138000", or an error.
Expected<QString> phoneDigits(QStringView afterPlus)
{
    QString digits;
    digits.reserve(maxPhoneDigits);
    for (const QChar c : afterPlus) {
        if (isAsciiDigit(c)) {
            digits.append(c);
        } else if (c != QLatin1Char(' ') && c != QLatin1Char('-') && c != QLatin1Char('(') && c != QLatin1Char(')')) {
            return Expected<QString>::failure(
                LoginId::tr("a phone number may contain only digits, spaces, dashes and parentheses after the '+'"),
                LoginId::tr("A phone number may contain only digits, spaces, dashes and parentheses after the '+'."));
        }
    }
    if (digits.size() < minPhoneDigits || digits.size() > maxPhoneDigits)
        return Expected<QString>::failure(LoginId::tr("a phone number in international format has %1 to %2 digits after the "
                                                      "'+' (got %3), e.g. +8613800138000")
                                              .arg(minPhoneDigits)
                                              .arg(maxPhoneDigits)
                                              .arg(digits.size()),
                                          LoginId::tr("A phone number in international format has %1 to %2 digits after the "
                                                      "'+' (got %3), e.g. +8613800138000.")
                                              .arg(minPhoneDigits)
                                              .arg(maxPhoneDigits)
                                              .arg(digits.size()));
    if (digits.front() == QLatin1Char('0'))
        return Expected<QString>::failure(
            LoginId::tr("a country code does not start with 0; write the number in international format, e.g. +8613800138000"),
            LoginId::tr("A country code does not start with 0; write the number in international format, e.g. +8613800138000."));
    return digits;
}

} // namespace

Expected<QString> parseEmailAddress(QStringView text)
{
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    if (at < 0 || text.indexOf(QLatin1Char('@'), at + 1) >= 0)
        return Expected<QString>::failure(LoginId::tr("an e-mail address has exactly one '@'"),
                                          LoginId::tr("An e-mail address has exactly one '@'."));
    const QStringView local = text.left(at);
    if (local.isEmpty())
        return Expected<QString>::failure(LoginId::tr("the part before '@' is empty"), LoginId::tr("The part before '@' is empty."));
    if (local.size() > maxLocalPart)
        return Expected<QString>::failure(
            LoginId::tr("the part before '@' has at most %1 characters (got %2)").arg(maxLocalPart).arg(local.size()),
            LoginId::tr("The part before '@' has at most %1 characters (got %2).").arg(maxLocalPart).arg(local.size()));
    if (!isValidLocalPart(local))
        return Expected<QString>::failure(
            LoginId::tr("the part before '@' may hold letters, digits, dots (not first, last or twice in a row) and "
                        "the symbols ! # $ % & ' * + - / = ? ^ _ ` { | } ~ only"),
            LoginId::tr("The part before '@' may hold letters, digits, dots (not first, last or twice in a row) and "
                        "the symbols ! # $ % & ' * + - / = ? ^ _ ` { | } ~ only."));
    const Expected<QString> domain = validateDomain(text.mid(at + 1));
    if (!domain)
        return domain;
    if (text.size() > maxAddress)
        return Expected<QString>::failure(
            LoginId::tr("an e-mail address has at most %1 characters (got %2)").arg(maxAddress).arg(text.size()),
            LoginId::tr("An e-mail address has at most %1 characters (got %2).").arg(maxAddress).arg(text.size()));
    // Strictly the local part is case-sensitive, but no provider treats it so,
    // and two accounts differing only in case would be a support nightmare.
    return text.toString().toLower();
}

QString maskEmailAddress(QStringView address)
{
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    if (at < 1)
        return QString(3, bullet);
    return address.front() + QString(3, bullet) + address.mid(at).toString();
}

Expected<LoginId> LoginId::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.contains(QLatin1Char('@'))) {
        const Expected<QString> email = parseEmailAddress(trimmed);
        if (!email)
            return failure(email.whyFailed());
        return LoginId(Kind::Email, *email);
    }
    if (trimmed.startsWith(QLatin1Char('+'))) {
        const Expected<QString> digits = phoneDigits(trimmed.mid(1));
        if (!digits)
            return failure(digits.whyFailed());
        return LoginId(Kind::Phone, QLatin1Char('+') + *digits);
    }
    return failure(Failure(LoginId::tr("not an e-mail address or a phone number in international format, e.g. +8613800138000"),
                           LoginId::tr("Not an e-mail address or a phone number in international format, e.g. +8613800138000.")));
}

QString LoginId::masked() const
{
    if (m_kind == Kind::Email)
        return maskEmailAddress(m_text);
    // Parsing guarantees at least 9 characters, so at least 2 are hidden.
    const qsizetype hidden = m_text.size() - maskedPhonePrefix - maskedPhoneSuffix;
    return m_text.left(maskedPhonePrefix) + QString(hidden, bullet) + m_text.right(maskedPhoneSuffix);
}

} // namespace topup
