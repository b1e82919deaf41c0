#include "testmain.h"
#include "domain/cardexpiry.h"
#include "domain/cardnumber.h"
#include "domain/cardsecuritycode.h"
#include "domain/loginid.h"
#include "domain/walletaddress.h"

#include <QTest>

Q_DECLARE_METATYPE(topup::CardBrand)
Q_DECLARE_METATYPE(topup::YearMonth)

namespace tst_card {

using namespace topup;

namespace {
const QString notRecognised = QStringLiteral("card brand not recognised");
const QString badLuhn = QStringLiteral("this card number is not valid; check it for typing mistakes");
const QString badChars = QStringLiteral("a card number may contain only digits and spaces");
const QString badFormat = QStringLiteral("enter the expiry date as MM/YY, e.g. 08/27");
const QString threeDigits = QStringLiteral("the security code is the 3 digits printed on the back of the card");
const QString fourDigits = QStringLiteral("the security code of an American Express card is the 4 digits printed on its front");
} // namespace

// Card numbers (brand, length, Luhn), expiry dates, security codes, wallets.
class TestCard final : public QObject
{
    Q_OBJECT

private slots:
    void number_data();
    void number();
    void brandNames_data();
    void brandNames();
    void expiry_data();
    void expiry();
    void expiresWithin_data();
    void expiresWithin();
    void securityCode_data();
    void securityCode();
    void wallet_data();
    void wallet();
    void walletSharesLoginRules();
};

void TestCard::number_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<CardBrand>("brand");
    QTest::addColumn<QString>("lastFour");
    QTest::addColumn<QString>("error"); // empty: valid; else the exact message

    const auto visa = CardBrand::Visa;
    const auto mastercard = CardBrand::Mastercard;
    const auto amex = CardBrand::AmericanExpress;
    const auto unionPay = CardBrand::UnionPay;
    const auto discover = CardBrand::Discover;
    const auto jcb = CardBrand::JCB;

    // Published test numbers.
    QTest::newRow("Visa") << "4111111111111111" << visa << "1111" << QString();
    QTest::newRow("Visa spaced") << "4111 1111 1111 1111" << visa << "1111" << QString();
    QTest::newRow("Visa padded") << "  4111 1111 1111 1111  " << visa << "1111" << QString();
    QTest::newRow("Visa 13") << "4222222222222" << visa << "2222" << QString();
    QTest::newRow("Visa 19") << "4000000000000000006" << visa << "0006" << QString();
    QTest::newRow("Mastercard 55") << "5555555555554444" << mastercard << "4444" << QString();
    QTest::newRow("Mastercard 2223") << "2223003122003222" << mastercard << "3222" << QString();
    QTest::newRow("Mastercard 51") << "5100000000000008" << mastercard << "0008" << QString();
    QTest::newRow("Mastercard 2221") << "2221000000000009" << mastercard << "0009" << QString();
    QTest::newRow("Mastercard 2720") << "2720000000000005" << mastercard << "0005" << QString();
    QTest::newRow("Amex 37") << "378282246310005" << amex << "0005" << QString();
    QTest::newRow("Amex 34") << "340000000000009" << amex << "0009" << QString();
    QTest::newRow("Amex 4-6-5") << "3782 822463 10005" << amex << "0005" << QString();
    QTest::newRow("Discover 6011") << "6011111111111117" << discover << "1117" << QString();
    QTest::newRow("Discover 6011 19") << "6011000000000000001" << discover << "0001" << QString();
    QTest::newRow("Discover 644") << "6440000000000005" << discover << "0005" << QString();
    QTest::newRow("Discover 649 19") << "6490000000000000007" << discover << "0007" << QString();
    QTest::newRow("Discover 65") << "6500000000000002" << discover << "0002" << QString();
    QTest::newRow("JCB") << "3530111333300000" << jcb << "0000" << QString();
    QTest::newRow("JCB 3528") << "3528000000000007" << jcb << "0007" << QString();
    QTest::newRow("JCB 3589 19") << "3589000000000000009" << jcb << "0009" << QString();
    QTest::newRow("UnionPay") << "6200000000000005" << unionPay << "0005" << QString();
    QTest::newRow("UnionPay 17") << "62000000000000000" << unionPay << "0000" << QString();
    QTest::newRow("UnionPay 19") << "6200000000000000000" << unionPay << "0000" << QString();

    QTest::newRow("Visa bad Luhn") << "4111111111111112" << visa << QString() << badLuhn;
    QTest::newRow("Mastercard bad Luhn") << "5555555555554445" << mastercard << QString() << badLuhn;
    QTest::newRow("Amex bad Luhn") << "378282246310006" << amex << QString() << badLuhn;
    QTest::newRow("swapped digits") << "4111111111111211" << visa << QString() << badLuhn;
    // Real UnionPay cards may fail Luhn; we refuse them on purpose.
    QTest::newRow("UnionPay bad Luhn") << "6200000000000006" << unionPay << QString() << badLuhn;

    QTest::newRow("Visa 16+1") << "41111111111111111" << visa << QString()
                               << "a Visa card number has 13, 16 or 19 digits (this one has 17)";
    QTest::newRow("Visa 12") << "411111111111" << visa << QString()
                             << "a Visa card number has 13, 16 or 19 digits (this one has 12)";
    QTest::newRow("Visa 1") << "4" << visa << QString() << "a Visa card number has 13, 16 or 19 digits (this one has 1)";
    QTest::newRow("Mastercard 15") << "555555555555444" << mastercard << QString()
                                   << "a Mastercard number has 16 digits (this one has 15)";
    QTest::newRow("Mastercard 19") << "2223003122003222000" << mastercard << QString()
                                   << "a Mastercard number has 16 digits (this one has 19)";
    QTest::newRow("Amex 16") << "3782822463100050" << amex << QString()
                             << "an American Express card number has 15 digits (this one has 16)";
    QTest::newRow("UnionPay 15") << "620000000000005" << unionPay << QString()
                                 << "a UnionPay card number has 16 to 19 digits (this one has 15)";
    QTest::newRow("UnionPay 20") << "62000000000000000005" << unionPay << QString()
                                 << "a UnionPay card number has 16 to 19 digits (this one has 20)";
    QTest::newRow("Discover 15") << "601111111111117" << discover << QString()
                                 << "a Discover card number has 16 to 19 digits (this one has 15)";
    QTest::newRow("JCB 15") << "353011133330000" << jcb << QString()
                            << "a JCB card number has 16 to 19 digits (this one has 15)";
    QTest::newRow("Visa 40 digits") << QString(40, QLatin1Char('4')) << visa << QString()
                                    << "a Visa card number has 13, 16 or 19 digits (this one has 40)";

    QTest::newRow("Mastercard 2220") << "2220000000000000" << visa << QString() << notRecognised;
    QTest::newRow("Mastercard 2721") << "2721000000000004" << visa << QString() << notRecognised;
    QTest::newRow("50") << "5000000000000009" << visa << QString() << notRecognised;
    QTest::newRow("56") << "5600000000000003" << visa << QString() << notRecognised;
    QTest::newRow("35 not JCB") << "350000000000006" << visa << QString() << notRecognised;
    QTest::newRow("3527") << "3527000000000008" << visa << QString() << notRecognised;
    QTest::newRow("3590") << "3590000000000000" << visa << QString() << notRecognised;
    QTest::newRow("643") << "6430000000000007" << visa << QString() << notRecognised;
    QTest::newRow("6012") << "6012000000000003" << visa << QString() << notRecognised;
    QTest::newRow("Diners 36") << "36000000000008" << visa << QString() << notRecognised;
    QTest::newRow("starts with 1") << "1000000000000008" << visa << QString() << notRecognised;
    QTest::newRow("starts with 9") << "9000000000000001" << visa << QString() << notRecognised;

    QTest::newRow("letters") << "4111 1111 1111 111a" << visa << QString() << badChars;
    QTest::newRow("dashes") << "4111-1111-1111-1111" << visa << QString() << badChars;
    QTest::newRow("tab") << "4111\t1111111111111" << visa << QString() << badChars;
    QTest::newRow("fullwidth digit") << QStringLiteral("411111111111111\uFF11") << visa << QString() << badChars;
    QTest::newRow("empty") << "" << visa << QString() << "enter the card number";
    QTest::newRow("spaces only") << "    " << visa << QString() << "enter the card number";
}

void TestCard::number()
{
    QFETCH(QString, text);
    QFETCH(CardBrand, brand);
    QFETCH(QString, lastFour);
    QFETCH(QString, error);

    const Expected<CardNumber> parsed = CardNumber::parse(text);
    if (error.isEmpty()) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed->brand(), brand);
        QCOMPARE(parsed->lastFour(), lastFour);
    } else {
        QVERIFY(!parsed.ok());
        QVERIFY2(error == notRecognised ? parsed.error().startsWith(error) : parsed.error() == error,
                 qPrintable(parsed.error()));
    }
}

void TestCard::brandNames_data()
{
    QTest::addColumn<CardBrand>("brand");
    QTest::addColumn<QString>("name");
    QTest::newRow("Visa") << CardBrand::Visa << "Visa";
    QTest::newRow("Mastercard") << CardBrand::Mastercard << "Mastercard";
    QTest::newRow("Amex") << CardBrand::AmericanExpress << "American Express";
    QTest::newRow("UnionPay") << CardBrand::UnionPay << "UnionPay";
    QTest::newRow("Discover") << CardBrand::Discover << "Discover";
    QTest::newRow("JCB") << CardBrand::JCB << "JCB";
}

void TestCard::brandNames()
{
    QFETCH(CardBrand, brand);
    QFETCH(QString, name);
    QCOMPARE(cardBrandName(brand), name);
}

void TestCard::expiry_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<YearMonth>("current");
    QTest::addColumn<YearMonth>("expected");
    QTest::addColumn<QString>("error"); // empty: valid; else the exact message

    const YearMonth june2025{2025, 6};
    QTest::newRow("future") << "08/27" << june2025 << YearMonth{2027, 8} << QString();
    QTest::newRow("spaced") << "08 / 27" << june2025 << YearMonth{2027, 8} << QString();
    QTest::newRow("space before slash") << "08 /27" << june2025 << YearMonth{2027, 8} << QString();
    QTest::newRow("padded") << "  12/30 " << june2025 << YearMonth{2030, 12} << QString();
    QTest::newRow("current month") << "06/25" << june2025 << YearMonth{2025, 6} << QString();
    QTest::newRow("next month") << "07/25" << june2025 << YearMonth{2025, 7} << QString();
    QTest::newRow("January next year") << "01/26" << june2025 << YearMonth{2026, 1} << QString();
    QTest::newRow("99") << "12/99" << june2025 << YearMonth{2099, 12} << QString();
    QTest::newRow("December, current") << "12/25" << YearMonth{2025, 12} << YearMonth{2025, 12} << QString();

    QTest::newRow("last month") << "05/25" << june2025 << YearMonth() << "card expired (05/25)";
    QTest::newRow("last year") << "12/24" << june2025 << YearMonth() << "card expired (12/24)";
    QTest::newRow("same month, last year") << "06/24" << june2025 << YearMonth() << "card expired (06/24)";
    QTest::newRow("00 is 2000") << "01/00" << june2025 << YearMonth() << "card expired (01/00)";
    QTest::newRow("month 00") << "00/27" << june2025 << YearMonth() << "the expiry month must be 01 to 12 (got 00)";
    QTest::newRow("month 13") << "13/27" << june2025 << YearMonth() << "the expiry month must be 01 to 12 (got 13)";
    QTest::newRow("one-digit month") << "8/27" << june2025 << YearMonth() << badFormat;
    QTest::newRow("four-digit year") << "08/2027" << june2025 << YearMonth() << badFormat;
    QTest::newRow("no slash") << "0827" << june2025 << YearMonth() << badFormat;
    QTest::newRow("dash") << "08-27" << june2025 << YearMonth() << badFormat;
    QTest::newRow("two slashes") << "08//27" << june2025 << YearMonth() << badFormat;
    QTest::newRow("letters") << "ab/cd" << june2025 << YearMonth() << badFormat;
    QTest::newRow("space inside month") << "0 8/27" << june2025 << YearMonth() << badFormat;
    QTest::newRow("sign") << "+8/27" << june2025 << YearMonth() << badFormat;
    QTest::newRow("empty") << "" << june2025 << YearMonth() << badFormat;
}

void TestCard::expiry()
{
    QFETCH(QString, text);
    QFETCH(YearMonth, current);
    QFETCH(YearMonth, expected);
    QFETCH(QString, error);

    const Expected<YearMonth> parsed = parseCardExpiry(text, current);
    if (error.isEmpty()) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed->toString(), expected.toString());
    } else {
        QVERIFY2(!parsed.ok(), qPrintable(parsed ? parsed->toString() : QString()));
        QCOMPARE(parsed.error(), error);
    }
}

void TestCard::expiresWithin_data()
{
    QTest::addColumn<YearMonth>("expiry");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("expected");

    const YearMonth june2025{2025, 6};
    QTest::newRow("first of expiry month") << june2025 << QDate(2025, 6, 1) << 30 << true;
    QTest::newRow("exactly 30 days left") << june2025 << QDate(2025, 5, 31) << 30 << true;
    QTest::newRow("31 days left") << june2025 << QDate(2025, 5, 30) << 30 << false;
    QTest::newRow("last valid day") << june2025 << QDate(2025, 6, 30) << 30 << true;
    QTest::newRow("already expired") << june2025 << QDate(2025, 7, 1) << 30 << false;
    QTest::newRow("far away") << YearMonth{2027, 8} << QDate(2025, 6, 15) << 30 << false;
    QTest::newRow("0 days, last day") << june2025 << QDate(2025, 6, 30) << 0 << true;
    QTest::newRow("0 days, day before") << june2025 << QDate(2025, 6, 29) << 0 << false;
    QTest::newRow("leap February, 30 left") << YearMonth{2024, 2} << QDate(2024, 1, 30) << 30 << true;
    QTest::newRow("leap February, 31 left") << YearMonth{2024, 2} << QDate(2024, 1, 29) << 30 << false;
    QTest::newRow("February, 30 left") << YearMonth{2025, 2} << QDate(2025, 1, 29) << 30 << true;
    QTest::newRow("February, 31 left") << YearMonth{2025, 2} << QDate(2025, 1, 28) << 30 << false;
    QTest::newRow("across the year") << YearMonth{2026, 1} << QDate(2026, 1, 1) << 30 << true;
    QTest::newRow("30 left, window 29") << YearMonth{2025, 12} << QDate(2025, 12, 1) << 29 << false;
    QTest::newRow("negative window") << june2025 << QDate(2025, 6, 30) << -1 << false;
    QTest::newRow("invalid today") << june2025 << QDate() << 30 << false;
}

void TestCard::expiresWithin()
{
    QFETCH(YearMonth, expiry);
    QFETCH(QDate, today);
    QFETCH(int, days);
    QFETCH(bool, expected);
    QCOMPARE(topup::expiresWithin(expiry, today, days), expected);
}

void TestCard::securityCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<CardBrand>("brand");
    QTest::addColumn<QString>("error"); // empty: accepted; else the exact message

    QTest::newRow("Visa 3") << "123" << CardBrand::Visa << QString();
    QTest::newRow("Visa 000") << "000" << CardBrand::Visa << QString();
    QTest::newRow("Visa padded") << " 123 " << CardBrand::Visa << QString();
    QTest::newRow("Visa 4") << "1234" << CardBrand::Visa << threeDigits;
    QTest::newRow("Visa 2") << "12" << CardBrand::Visa << threeDigits;
    QTest::newRow("Visa letter") << "12a" << CardBrand::Visa << threeDigits;
    QTest::newRow("Visa empty") << "" << CardBrand::Visa << threeDigits;
    QTest::newRow("Mastercard 3") << "999" << CardBrand::Mastercard << QString();
    QTest::newRow("Mastercard 4") << "9999" << CardBrand::Mastercard << threeDigits;
    QTest::newRow("UnionPay 3") << "456" << CardBrand::UnionPay << QString();
    QTest::newRow("Discover 3") << "456" << CardBrand::Discover << QString();
    QTest::newRow("JCB 3") << "456" << CardBrand::JCB << QString();
    QTest::newRow("JCB 4") << "4567" << CardBrand::JCB << threeDigits;
    QTest::newRow("Amex 4") << "1234" << CardBrand::AmericanExpress << QString();
    QTest::newRow("Amex 3") << "123" << CardBrand::AmericanExpress << fourDigits;
    QTest::newRow("Amex 5") << "12345" << CardBrand::AmericanExpress << fourDigits;
    QTest::newRow("Amex space inside") << "12 34" << CardBrand::AmericanExpress << fourDigits;
    QTest::newRow("fullwidth") << QStringLiteral("12\uFF13") << CardBrand::Visa << threeDigits;
}

void TestCard::securityCode()
{
    QFETCH(QString, code);
    QFETCH(CardBrand, brand);
    QFETCH(QString, error);

    const Expected<void> checked = checkSecurityCode(code, brand);
    if (error.isEmpty()) {
        QVERIFY2(checked.ok(), qPrintable(checked.error()));
    } else {
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error(), error);
    }
}

void TestCard::wallet_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("masked");
    QTest::addColumn<QString>("error"); // empty: valid; else the exact message

    QTest::newRow("plain") << "jane@example.com" << "jane@example.com" << "j•••@example.com" << QString();
    QTest::newRow("case and spaces") << " Jane.Doe@PayPal.Example " << "jane.doe@paypal.example"
                                     << "j•••@paypal.example" << QString();
    QTest::newRow("one letter") << "x@example.org" << "x@example.org" << "x•••@example.org" << QString();
    QTest::newRow("phone") << "+8613800138000" << QString() << QString()
                           << "a wallet is identified by its e-mail address, e.g. jane@example.com";
    QTest::newRow("empty") << "" << QString() << QString()
                           << "a wallet is identified by its e-mail address, e.g. jane@example.com";
    QTest::newRow("no dot") << "jane@localhost" << QString() << QString()
                            << "the domain \"localhost\" needs at least one dot, e.g. example.com";
    QTest::newRow("two @") << "a@b@example.com" << QString() << QString() << "an e-mail address has exactly one '@'";
}

void TestCard::wallet()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(QString, masked);
    QFETCH(QString, error);

    const Expected<WalletAddress> parsed = WalletAddress::parse(text);
    if (error.isEmpty()) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed->text(), canonical);
        QCOMPARE(parsed->masked(), masked);
    } else {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error(), error);
    }
}

// Same rules, same words: whatever LoginId refuses as an e-mail, so does a wallet.
void TestCard::walletSharesLoginRules()
{
    for (const char *text : {"jane@example..com", "jane@example.c", ".jane@example.com", "@example.com",
                             "jane@-x.com"}) {
        const Expected<LoginId> login = LoginId::parse(QString::fromLatin1(text));
        const Expected<WalletAddress> wallet = WalletAddress::parse(QString::fromLatin1(text));
        QVERIFY2(!login.ok() && !wallet.ok(), text);
        QCOMPARE(wallet.error(), login.error());
    }
    const Expected<LoginId> login = LoginId::parse(u"Jane@Example.com");
    const Expected<WalletAddress> wallet = WalletAddress::parse(u"Jane@Example.com");
    QVERIFY(login && wallet);
    QCOMPARE(wallet->text(), login->text());
    QCOMPARE(wallet->masked(), login->masked());
}

TOPUP_TEST_GUILESS_MAIN(TestCard)
} // namespace tst_card
#include "tst_card.moc"
