#include "testmain.h"
#include "domain/loginid.h"

#include <QTest>

Q_DECLARE_METATYPE(topup::LoginId::Kind)

namespace tst_loginid {

using namespace topup;

namespace {
const QString notALogin = QStringLiteral(
    "not an e-mail address or a phone number in international format, e.g. +8613800138000");
const QString oneAt = QStringLiteral("exactly one '@'");
const QString badLocal = QStringLiteral("the part before '@' may hold");
const QString badDomain = QStringLiteral("is not valid: each part between dots");
const QString badTld = QStringLiteral("must end in at least two letters");
const QString phoneChars = QStringLiteral("may contain only digits, spaces, dashes and parentheses");
const QString countryZero = QStringLiteral("a country code does not start with 0");

QString phoneDigitCount(int got)
{
    return QStringLiteral("has 8 to 15 digits after the '+' (got %1)").arg(got);
}
} // namespace

// Sign-in with an e-mail address or an E.164 phone number.
class TestLoginId final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void masked_data();
    void masked();
    void equality();
    void emailAddressRules();
};

void TestLoginId::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<LoginId::Kind>("kind");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("error"); // empty: must parse; else a part of the message

    const auto email = LoginId::Kind::Email;
    const auto phone = LoginId::Kind::Phone;
    const QString local64(64, QLatin1Char('a'));
    const QString label63(63, QLatin1Char('b'));
    // 64 + '@' + 63 + '.' + 63 + '.' + 57 + ".com" = 254; one more 'c' makes 255.
    const auto address = [&](int cs) {
        return local64 + QLatin1Char('@') + label63 + QLatin1Char('.') + label63 + QLatin1Char('.')
            + QString(cs, QLatin1Char('c')) + QStringLiteral(".com");
    };
    const QString address254 = address(57);
    const QString address255 = address(58);

    QTest::newRow("plain e-mail") << "jane@example.com" << email << "jane@example.com" << QString();
    QTest::newRow("lower-cased") << "Jane.Doe@Example.COM" << email << "jane.doe@example.com" << QString();
    QTest::newRow("trimmed") << "  \tjane@example.com \n" << email << "jane@example.com" << QString();
    QTest::newRow("subdomain") << "a@mail.example.co.uk" << email << "a@mail.example.co.uk" << QString();
    QTest::newRow("plus tag") << "jane+topup@example.com" << email << "jane+topup@example.com" << QString();
    QTest::newRow("symbols") << "o'neil_x-y!#$%&*/=?^`{|}~@ex.io" << email << "o'neil_x-y!#$%&*/=?^`{|}~@ex.io" << QString();
    QTest::newRow("hyphen inside label") << "j@my-host.example" << email << "j@my-host.example" << QString();
    QTest::newRow("digit labels") << "j@123.example.org" << email << "j@123.example.org" << QString();
    QTest::newRow("local 64") << local64 + "@example.com" << email << local64 + "@example.com" << QString();
    QTest::newRow("label 63") << "j@" + label63 + ".com" << email << "j@" + label63 + ".com" << QString();
    QTest::newRow("total 254") << address254 << email << address254 << QString();

    QTest::newRow("two @") << "jane@doe@example.com" << email << QString() << oneAt;
    QTest::newRow("@ only") << "@" << email << QString() << QStringLiteral("the part before '@' is empty");
    QTest::newRow("empty local") << "@example.com" << email << QString() << QStringLiteral("the part before '@' is empty");
    QTest::newRow("local 65") << local64 + "a@example.com" << email << QString()
                              << QStringLiteral("the part before '@' has at most 64 characters (got 65)");
    QTest::newRow("space in local") << "jane doe@example.com" << email << QString() << badLocal;
    QTest::newRow("leading dot") << ".jane@example.com" << email << QString() << badLocal;
    QTest::newRow("trailing dot") << "jane.@example.com" << email << QString() << badLocal;
    QTest::newRow("double dot") << "ja..ne@example.com" << email << QString() << badLocal;
    QTest::newRow("non-ASCII local") << QStringLiteral("j\u00E9r\u00F4me@example.com") << email << QString() << badLocal;
    QTest::newRow("empty domain") << "jane@" << email << QString() << QStringLiteral("the part after '@' is empty");
    QTest::newRow("no dot") << "jane@localhost" << email << QString()
                            << QStringLiteral("the domain \"localhost\" needs at least one dot");
    QTest::newRow("empty label") << "jane@example..com" << email << QString() << badDomain;
    QTest::newRow("trailing dot domain") << "jane@example.com." << email << QString() << badDomain;
    QTest::newRow("leading dot domain") << "jane@.example.com" << email << QString() << badDomain;
    QTest::newRow("label starts with -") << "jane@-example.com" << email << QString() << badDomain;
    QTest::newRow("label ends with -") << "jane@example-.com" << email << QString() << badDomain;
    QTest::newRow("underscore in domain") << "jane@ex_ample.com" << email << QString() << badDomain;
    QTest::newRow("label 64") << "j@" + label63 + "b.com" << email << QString() << badDomain;
    QTest::newRow("one-letter TLD") << "jane@example.c" << email << QString() << badTld;
    QTest::newRow("digit TLD") << "jane@example.c0m" << email << QString() << badTld;
    QTest::newRow("numeric TLD") << "jane@192.168.0.1" << email << QString() << badTld;
    QTest::newRow("total 255") << address255 << email << QString()
                               << QStringLiteral("an e-mail address has at most 254 characters (got 255)");

    QTest::newRow("E.164") << "+8613800138000" << phone << "+8613800138000" << QString();
    QTest::newRow("spaces and dashes") << "+86 138-0013-8000" << phone << "+8613800138000" << QString();
    QTest::newRow("parentheses") << "+1 (415) 555-2671" << phone << "+14155552671" << QString();
    QTest::newRow("trimmed phone") << " +44 20 7946 0958 " << phone << "+442079460958" << QString();
    QTest::newRow("8 digits") << "+12345678" << phone << "+12345678" << QString();
    QTest::newRow("15 digits") << "+123456789012345" << phone << "+123456789012345" << QString();

    QTest::newRow("7 digits") << "+1234567" << phone << QString() << phoneDigitCount(7);
    QTest::newRow("16 digits") << "+1234567890123456" << phone << QString() << phoneDigitCount(16);
    QTest::newRow("plus only") << "+" << phone << QString() << phoneDigitCount(0);
    QTest::newRow("leading zero") << "+0123456789" << phone << QString() << countryZero;
    QTest::newRow("letters") << "+86 138 CALL ME" << phone << QString() << phoneChars;
    QTest::newRow("dot separator") << "+86.138.0013.8000" << phone << QString() << phoneChars;
    QTest::newRow("two pluses") << "++8613800138000" << phone << QString() << phoneChars;
    QTest::newRow("fullwidth digits") << QStringLiteral("+\uFF18\uFF16138001380000") << phone << QString() << phoneChars;

    QTest::newRow("national number") << "13800138000" << phone << QString() << notALogin;
    QTest::newRow("00 prefix") << "008613800138000" << phone << QString() << notALogin;
    QTest::newRow("name") << "jane" << email << QString() << notALogin;
    QTest::newRow("empty") << "" << email << QString() << notALogin;
    QTest::newRow("blank") << "   " << email << QString() << notALogin;
}

void TestLoginId::parse()
{
    QFETCH(QString, text);
    QFETCH(LoginId::Kind, kind);
    QFETCH(QString, canonical);
    QFETCH(QString, error);

    const Expected<LoginId> parsed = LoginId::parse(text);
    if (error.isEmpty()) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed->kind(), kind);
        QCOMPARE(parsed->text(), canonical);
    } else {
        QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("parsed as %1").arg(parsed ? parsed->text() : QString())));
        QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
    }
}

void TestLoginId::masked_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");

    QTest::newRow("e-mail") << "jane@example.com" << "j•••@example.com";
    QTest::newRow("e-mail upper") << "Jane@Example.com" << "j•••@example.com";
    QTest::newRow("one-letter local") << "j@example.com" << "j•••@example.com";
    QTest::newRow("China mobile") << "+8613800138000" << "+86•••••••8000";
    QTest::newRow("US") << "+1 415 555 2671" << "+14•••••2671";
    QTest::newRow("shortest") << "+12345678" << "+12••5678";
    QTest::newRow("longest") << "+123456789012345" << "+12•••••••••2345";
}

void TestLoginId::masked()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    const Expected<LoginId> parsed = LoginId::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed->masked(), masked);
}

void TestLoginId::equality()
{
    const Expected<LoginId> a = LoginId::parse(u"Jane@Example.com");
    const Expected<LoginId> b = LoginId::parse(u" jane@example.com");
    const Expected<LoginId> c = LoginId::parse(u"+86 138 0013 8000");
    const Expected<LoginId> d = LoginId::parse(u"+8613800138000");
    QVERIFY(a && b && c && d);
    QVERIFY(*a == *b);
    QVERIFY(*c == *d);
    QVERIFY(*a != *c);
}

// The shared function takes its input as is: trimming is the caller's.
void TestLoginId::emailAddressRules()
{
    const auto lowered = parseEmailAddress(u"A.B@C.de");
    QVERIFY2(lowered, qPrintable(lowered.error()));
    QCOMPARE(*lowered, QStringLiteral("a.b@c.de"));
    QVERIFY(!parseEmailAddress(u" a@b.de").ok());
    QVERIFY(parseEmailAddress(u"no-at-sign.de").error().contains(oneAt));
    QCOMPARE(maskEmailAddress(u"zoe@b.de"), QStringLiteral("z•••@b.de"));
}

TOPUP_TEST_GUILESS_MAIN(TestLoginId)
} // namespace tst_loginid
#include "tst_loginid.moc"
