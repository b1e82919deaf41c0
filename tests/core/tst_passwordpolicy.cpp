#include "testmain.h"
#include "domain/passwordpolicy.h"

#include <QTest>

namespace tst_passwordpolicy {

using namespace topup;

namespace {
const QString tooShort = QStringLiteral("a password needs at least 10 characters (this one has %1)");
const QString isLogin = QStringLiteral("a password must not be your e-mail address or phone number");
const QString isCommon = QStringLiteral("one of the most commonly used");

} // namespace

// New passwords: >= 10 code points, not the login, not a common password.
class TestPasswordPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void freeFunctionAgrees();
};

void TestPasswordPolicy::check_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("error"); // empty: accepted; else the exact message

    const QString jane = QStringLiteral("JaneDoe1990@example.com");
    const QString phone = QStringLiteral("+8613800138000");

    QTest::newRow("ordinary") << "correct horse battery" << jane << QString();
    QTest::newRow("exactly 10") << "k7#pLq9!zR" << jane << QString();
    QTest::newRow("9") << "k7#pLq9!z" << jane << tooShort.arg(9);
    QTest::newRow("empty") << "" << jane << tooShort.arg(0);
    // Five emoji are ten UTF-16 units but five code points.
    QTest::newRow("5 emoji") << QStringLiteral("\U0001F600\U0001F601\U0001F602\U0001F603\U0001F604") << jane
                             << tooShort.arg(5);
    QTest::newRow("10 emoji") << QString(QStringLiteral("\U0001F600")).repeated(10) << jane << QString();
    QTest::newRow("9 CJK") << QStringLiteral("\u6211\u7684\u5BC6\u7801\u5F88\u957F\u4F46\u662F\u77ED") << jane
                           << tooShort.arg(9);
    QTest::newRow("10 CJK") << QStringLiteral("\u6211\u7684\u5BC6\u7801\u5F88\u957F\u800C\u4E14\u5B89\u5168") << jane
                            << QString();

    QTest::newRow("is the e-mail") << "janedoe1990@example.com" << jane << isLogin;
    QTest::newRow("is the e-mail, other case") << "JANEDOE1990@EXAMPLE.COM" << jane << isLogin;
    QTest::newRow("is the local part") << "JaneDoe1990" << jane << isLogin;
    QTest::newRow("local part, other case") << "janedoe1990" << jane << isLogin;
    QTest::newRow("contains the local part") << "JaneDoe1990!" << jane << QString();
    QTest::newRow("is the phone") << "+8613800138000" << phone << isLogin;
    QTest::newRow("is the phone digits") << "8613800138000" << phone << isLogin;
    QTest::newRow("is the national number") << "13800138000" << phone << isLogin;
    QTest::newRow("phone with a letter") << "13800138000x" << phone << QString();
    QTest::newRow("other digits") << "13800138001" << phone << QString();
    QTest::newRow("digits of another phone") << "8613800138000" << "+14155552671" << QString();
    QTest::newRow("e-mail local part vs phone") << "janedoe1990" << phone << QString();

    QTest::newRow("1234567890") << "1234567890" << jane << isCommon;
    QTest::newRow("qwertyuiop") << "qwertyuiop" << jane << isCommon;
    QTest::newRow("password123") << "password123" << jane << isCommon;
    QTest::newRow("iloveyou123") << "iloveyou123" << jane << isCommon;
    QTest::newRow("1q2w3e4r5t") << "1q2w3e4r5t" << jane << isCommon;
    QTest::newRow("qwerty1234") << "qwerty1234" << jane << isCommon;
    QTest::newRow("abcdefghij") << "abcdefghij" << jane << isCommon;
    QTest::newRow("0123456789") << "0123456789" << jane << isCommon;
    QTest::newRow("password1234") << "password1234" << jane << isCommon;
    QTest::newRow("1111111111") << "1111111111" << jane << isCommon;
    QTest::newRow("first in list") << "!qaz2wsx#edc" << jane << isCommon;
    QTest::newRow("last in list") << "zzzzzzzzzz" << jane << isCommon;
    QTest::newRow("upper case") << "PASSWORD123" << jane << isCommon;
    QTest::newRow("mixed case") << "QwErTyUiOp" << jane << isCommon;
    QTest::newRow("common plus a char") << "password1235" << jane << QString();
    QTest::newRow("common with space") << "password123 " << jane << QString();
    // Length is checked first, so a short common password gets the length message.
    QTest::newRow("short common") << "iloveyou" << jane << tooShort.arg(8);
    // The login check comes before the list.
    QTest::newRow("login that is common") << "1234567890" << "1234567890@example.com" << isLogin;
}

void TestPasswordPolicy::check()
{
    QFETCH(QString, password);
    QFETCH(QString, login);
    QFETCH(QString, error);

    const Expected<LoginId> parsed = LoginId::parse(login);
    QVERIFY2(parsed, qPrintable(parsed.error()));
    const Expected<void> result = PasswordPolicy::check(password, *parsed);
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.error()));
    } else {
        QVERIFY(!result.ok());
        if (error == isCommon)
            QVERIFY2(result.error().contains(error), qPrintable(result.error()));
        else
            QCOMPARE(result.error(), error);
        QVERIFY2(password.isEmpty() || !result.error().contains(password), "a message must not echo the password");
    }
}

void TestPasswordPolicy::freeFunctionAgrees()
{
    const Expected<LoginId> parsed = LoginId::parse(u"jane@example.com");
    QVERIFY2(parsed, qPrintable(parsed.error()));
    const LoginId &jane = *parsed;
    QVERIFY(checkNewPassword(u"correct horse battery", jane).ok());
    QVERIFY(checkNewPassword(u"qwerty12345", jane).error().contains(isCommon));
    QVERIFY(PasswordPolicy::isCommon(u"WELCOME2024"));
    QVERIFY(!PasswordPolicy::isCommon(u"welcome2025x"));
}

TOPUP_TEST_GUILESS_MAIN(TestPasswordPolicy)
} // namespace tst_passwordpolicy
#include "tst_passwordpolicy.moc"
