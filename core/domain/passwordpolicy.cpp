#include "passwordpolicy.h"

#include <QCoreApplication>

#include <iterator>
#include <string_view>

namespace topup {
namespace {

// Well-known entries of length >= 10 from public breach-derived lists
// (RockYou, NCSC top 100k, SecLists), lower-case and sorted. Shorter ones are
// refused by the length rule already.
constexpr std::string_view commonPasswords[] = {
    "!qaz2wsx#edc", "0000000000", "0000000001", "0123456789", "0987654321", "1111111111", "1122334455",
    "1212121212", "1231231234", "1234512345", "1234554321", "1234567890", "12345678900", "1234567890a",
    "1234567890q", "12345678910", "123456789a", "123456789q", "12345qwert", "1234qwerasdf", "123qweasdzxc",
    "1314520520", "1a2b3c4d5e", "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx3e", "1qaz2wsx3edc", "1qaz@wsx3edc",
    "1qazxsw23edc", "2222222222", "3333333333", "4444444444", "5201314520", "5555555555", "6666666666",
    "7777777777", "8888888888", "9876543210", "9999999999", "a123456789", "a1b2c3d4e5", "aa12345678",
    "aaaaaaaaaa", "abc1234567", "abcabcabc1", "abcd123456", "abcdefghij", "abcdefghijk", "abcdefghijkl",
    "admin12345", "admin123456", "adminadmin", "administrator", "administrator1", "alexander1", "arsenal123",
    "asdasdasd1", "asdfasdfasdf", "asdfghjkl1", "asdfghjkl123", "autumn2024", "azertyuiop", "barcelona1",
    "baseball123", "basketball", "basketball1", "batman1234", "butterfly1", "butterfly12", "changeme123",
    "charlie123", "chelsea123", "chocolate1", "chocolate12", "christina1", "christopher", "computer12",
    "computer123", "dragon1234", "elizabeth1", "football12", "football123", "football1234", "ilovemylife",
    "ilovemymom", "ilovemyself", "iloveyou!!", "iloveyou01", "iloveyou12", "iloveyou123", "iloveyou1234",
    "iloveyouforever", "internet12", "jennifer12", "jessica123", "letmein123", "letmein1234", "liverpool1",
    "liverpool12", "loveyou123", "manchester", "manchester1", "master1234", "michael123", "monkey1234",
    "mypassword", "mypassword1", "mypassword123", "p@ssw0rd12", "p@ssw0rd123", "p@ssword123", "pa55word123",
    "passw0rd12", "passw0rd123", "password01", "password1!", "password12", "password123", "password1234",
    "password12345", "password99", "passwordpassword", "pokemon123", "princess12", "princess123",
    "princess1234", "q123456789", "q1w2e3r4t5", "q1w2e3r4t5y6", "qazwsxedc1", "qazwsxedcrfv", "qq123456789",
    "qqqqqqqqqq", "qweasdzxc1", "qweqweqwe1", "qwerasdfzxcv", "qwerty1234", "qwerty12345", "qwerty123456",
    "qwertyqwerty", "qwertyuiop", "qwertyuiop123", "qwertzuiop", "realmadrid", "rootroot12", "samantha12",
    "shadow1234", "spiderman1", "spiderman123", "spring2024", "starwars12", "starwars123", "strawberry",
    "summer2023", "summer2024", "sunshine12", "sunshine123", "superman123", "victoria12", "welcome123",
    "welcome1234", "welcome2023", "welcome2024", "whatever12", "winter2023", "winter2024", "woaini1314",
    "zaq12wsxcde3", "zxcvbnm123", "zzzzzzzzzz",
};

constexpr bool listIsWellFormed()
{
    for (std::size_t i = 0; i < std::size(commonPasswords); ++i) {
        if (commonPasswords[i].size() < std::size_t(PasswordPolicy::minimumLength))
            return false;
        for (const char c : commonPasswords[i]) {
            if (c >= 'A' && c <= 'Z')
                return false;
        }
        if (i > 0 && !(commonPasswords[i - 1] < commonPasswords[i]))
            return false;
    }
    return true;
}
static_assert(listIsWellFormed(), "common passwords: lower-case, at least minimumLength long, sorted, unique");

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++count) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
    }
    return count;
}

bool equalsIgnoringCase(QStringView a, QStringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool isAllAsciiDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return !text.isEmpty();
}

bool resemblesLogin(QStringView password, const LoginId &login)
{
    const QString &id = login.text();
    if (equalsIgnoringCase(password, id))
        return true;
    if (login.kind() == LoginId::Kind::Email)
        return equalsIgnoringCase(password, QStringView(id).left(id.indexOf(QLatin1Char('@'))));
    // The digits with or without the country code: "8613800138000" and
    // "13800138000" for +8613800138000. A digits-only password that ends the
    // number is the number as someone would dial it at home.
    const QStringView digits = QStringView(id).mid(1);
    return isAllAsciiDigits(password) && digits.endsWith(password);
}

} // namespace

bool PasswordPolicy::isCommon(QStringView password)
{
    for (const std::string_view common : commonPasswords) {
        if (password.compare(QLatin1String(common.data(), qsizetype(common.size())), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Expected<void> PasswordPolicy::check(QStringView password, const LoginId &login)
{
    const qsizetype length = codePointCount(password);
    if (length < minimumLength)
        return Expected<void>::failure(
            PasswordPolicy::tr("a password needs at least %1 characters (this one has %2)").arg(minimumLength).arg(length),
            PasswordPolicy::tr("A password needs at least %1 characters (this one has %2).").arg(minimumLength).arg(length));
    if (resemblesLogin(password, login))
        return Expected<void>::failure(PasswordPolicy::tr("a password must not be your e-mail address or phone number"),
                                       PasswordPolicy::tr("A password must not be your e-mail address or phone number."));
    if (isCommon(password))
        return Expected<void>::failure(
            PasswordPolicy::tr("this password is one of the most commonly used ones and easy to guess; choose another"),
            PasswordPolicy::tr("This password is one of the most commonly used ones and easy to guess; choose another."));
    return {};
}

} // namespace topup
