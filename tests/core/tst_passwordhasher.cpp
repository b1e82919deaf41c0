#include "testmain.h"
#include "store/passwordhasher.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

namespace tst_passwordhasher {

using namespace topup;

namespace {
constexpr int testIterations = 1000;

// Independently computed (Python hashlib.pbkdf2_hmac) so that these also pin
// the algorithm, the UTF-8 encoding and the 32-byte key.
// RFC 6070-style vector for SHA-256: 4096 iterations, 36-byte salt.
const QString rfcVector = QStringLiteral("pbkdf2-sha256$4096$c2FsdFNBTFRzYWx0U0FMVHNhbHRTQUxUc2FsdFNBTFRzYWx0$"
                                         "NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+E=");
// "café au lait!" with a precomposed é, salt "0123456789abcdef".
const QString cafeVector = QStringLiteral(
    "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$112SGG78SpLjcGErO4xxbD+350zstISitc36acvuTnI=");
// "hunter2hunter2" with salts of 8, 64 and 65 bytes.
const QString salt8 = QStringLiteral("pbkdf2-sha256$1000$MTIzNDU2Nzg=$BJVqu4VsoWYWEZuX62Ul9AX3gBJ0WzVeHIsHPPV8+LE=");
const QString salt64 = QStringLiteral(
    "pbkdf2-sha256$1000$"
    "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==$"
    "Q9ibSLZ7psUugCZ7cJHvuBFVHSS2Hz3257l4w/uRHzg=");
const QString salt65 = QStringLiteral(
    "pbkdf2-sha256$1000$"
    "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0A=$"
    "ELfxLrmyokEoQcaIA3B3YNgyT5nHWPMFBzXFDi8RsX8=");

QStringList fields(const QString &stored)
{
    return stored.split(QLatin1Char('$'));
}
} // namespace

// PBKDF2-HMAC-SHA256 password hashes in a self-describing string.
class TestPasswordHasher final : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswers_data();
    void knownAnswers();
    void roundTrip_data();
    void roundTrip();
    void format();
    void differentSalts();
    void storedIterationsAreHonoured();
    void needsRehash_data();
    void needsRehash();
    void malformed_data();
    void malformed();
    void iterationsAreAtLeastOne();
    void forProduct();
};

void TestPasswordHasher::knownAnswers_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("expected");

    QTest::newRow("RFC vector") << rfcVector << "passwordPASSWORDpassword" << true;
    QTest::newRow("RFC vector, wrong case") << rfcVector << "passwordPASSWORDPassword" << false;
    QTest::newRow("RFC vector, prefix") << rfcVector << "passwordPASSWORDpasswor" << false;
    QTest::newRow("RFC vector, empty") << rfcVector << "" << false;
    QTest::newRow("UTF-8") << cafeVector << QStringLiteral("caf\u00E9 au lait!") << true;
    // NFKC: the decomposed é (e + U+0301) and full-width letters are the same password.
    QTest::newRow("decomposed") << cafeVector << QStringLiteral("cafe\u0301 au lait!") << true;
    QTest::newRow("full-width") << cafeVector << QStringLiteral("\uFF43\uFF41\uFF46\u00E9 au lait!") << true;
    QTest::newRow("Latin-1 bytes would differ") << cafeVector << QStringLiteral("cafe au lait!") << false;
    QTest::newRow("8-byte salt is refused") << salt8 << "hunter2hunter2" << false;
    QTest::newRow("64-byte salt") << salt64 << "hunter2hunter2" << true;
    QTest::newRow("65-byte salt is refused") << salt65 << "hunter2hunter2" << false;
}

void TestPasswordHasher::knownAnswers()
{
    QFETCH(QString, stored);
    QFETCH(QString, password);
    QFETCH(bool, expected);
    QCOMPARE(PasswordHasher::verify(password, stored), expected);
}

void TestPasswordHasher::roundTrip_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("wrong");

    QTest::newRow("ASCII") << "correct horse battery" << "correct horse batterY";
    QTest::newRow("trailing space") << "correct horse battery " << "correct horse battery";
    QTest::newRow("CJK") << QStringLiteral("\u6211\u7684\u5BC6\u7801\u5F88\u957F\u800C\u4E14\u5B89\u5168")
                         << QStringLiteral("\u6211\u7684\u5BC6\u7801\u5F88\u957F\u800C\u4E14\u5B89");
    QTest::newRow("emoji") << QStringLiteral("\U0001F600 smile please") << QStringLiteral("\U0001F601 smile please");
    QTest::newRow("empty") << "" << " ";
    QTest::newRow("long") << QString(1000, QLatin1Char('x')) << QString(999, QLatin1Char('x'));
    QTest::newRow("dollars") << "$pbkdf2-sha256$1$" << "$pbkdf2-sha256$1";
}

void TestPasswordHasher::roundTrip()
{
    QFETCH(QString, password);
    QFETCH(QString, wrong);
    const QString stored = PasswordHasher(testIterations).hash(password);
    QVERIFY2(PasswordHasher::verify(password, stored), qPrintable(stored));
    QVERIFY2(!PasswordHasher::verify(wrong, stored), qPrintable(stored));
}

void TestPasswordHasher::format()
{
    const QString stored = PasswordHasher(testIterations).hash(u"correct horse battery");
    static const QRegularExpression shape(
        QStringLiteral("^pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=$"));
    QVERIFY2(shape.match(stored).hasMatch(), qPrintable(stored));
    const QStringList parts = fields(stored);
    QCOMPARE(parts.size(), 4);
    QCOMPARE(QByteArray::fromBase64(parts[2].toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts[3].toLatin1()).size(), 32);
    QVERIFY(!stored.contains(QStringLiteral("correct")));
}

void TestPasswordHasher::differentSalts()
{
    const PasswordHasher hasher(testIterations);
    const QString a = hasher.hash(u"correct horse battery");
    const QString b = hasher.hash(u"correct horse battery");
    QVERIFY(a != b);
    const QStringList first = fields(a);
    const QStringList second = fields(b);
    QCOMPARE(first.size(), 4);
    QCOMPARE(second.size(), 4);
    QVERIFY(first[2] != second[2]);
    QVERIFY(first[3] != second[3]);
    QVERIFY(PasswordHasher::verify(u"correct horse battery", a));
    QVERIFY(PasswordHasher::verify(u"correct horse battery", b));
}

void TestPasswordHasher::storedIterationsAreHonoured()
{
    const QString with1001 = PasswordHasher(1001).hash(u"correct horse battery");
    QVERIFY2(with1001.startsWith(QStringLiteral("pbkdf2-sha256$1001$")), qPrintable(with1001));
    QVERIFY(PasswordHasher::verify(u"correct horse battery", with1001));

    // Same salt and key, another count: the recomputed key no longer matches.
    QStringList parts = fields(with1001);
    QCOMPARE(parts.size(), 4);
    parts[1] = QStringLiteral("1000");
    QVERIFY(!PasswordHasher::verify(u"correct horse battery", parts.join(QLatin1Char('$'))));
    parts[1] = QStringLiteral("1002");
    QVERIFY(!PasswordHasher::verify(u"correct horse battery", parts.join(QLatin1Char('$'))));

    QStringList rfc = fields(rfcVector);
    QCOMPARE(rfc.size(), 4);
    rfc[1] = QStringLiteral("4095");
    QVERIFY(!PasswordHasher::verify(u"passwordPASSWORDpassword", rfc.join(QLatin1Char('$'))));
}

void TestPasswordHasher::needsRehash_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<bool>("expected");

    const QString fake = QStringLiteral("pbkdf2-sha256$%1$MDEyMzQ1Njc4OWFiY2RlZg==$"
                                        "112SGG78SpLjcGErO4xxbD+350zstISitc36acvuTnI=");
    QTest::newRow("same count") << cafeVector << 1000 << false;
    QTest::newRow("lower target") << cafeVector << 999 << false;
    QTest::newRow("higher target") << cafeVector << 1001 << true;
    QTest::newRow("product, product") << fake.arg(600000) << PasswordHasher::productIterations << false;
    QTest::newRow("below product") << fake.arg(599999) << PasswordHasher::productIterations << true;
    QTest::newRow("above product") << fake.arg(1200000) << PasswordHasher::productIterations << false;
    QTest::newRow("36-byte salt") << rfcVector << 4096 << true;
    QTest::newRow("malformed") << QStringLiteral("not a hash") << 1 << true;
    QTest::newRow("empty") << QString() << 1 << true;
}

void TestPasswordHasher::needsRehash()
{
    QFETCH(QString, stored);
    QFETCH(int, iterations);
    QFETCH(bool, expected);
    QCOMPARE(PasswordHasher::needsRehash(stored, iterations), expected);
}

// Each row is the valid cafeVector with one thing wrong, so a lenient parser
// would accept it: verify must say false, needsRehash true.
void TestPasswordHasher::malformed_data()
{
    QTest::addColumn<QString>("stored");

    const QStringList good = fields(cafeVector);
    QCOMPARE(good.size(), 4);
    const auto with = [&good](int index, const QString &value) {
        QStringList parts = good;
        parts[index] = value;
        return parts.join(QLatin1Char('$'));
    };
    const QString goodKey = good[3];

    QTest::newRow("empty") << QString();
    QTest::newRow("algorithm only") << QStringLiteral("pbkdf2-sha256");
    QTest::newRow("upper-case algorithm") << with(0, QStringLiteral("PBKDF2-SHA256"));
    QTest::newRow("other algorithm") << with(0, QStringLiteral("pbkdf2-sha512"));
    QTest::newRow("no algorithm") << with(0, QString());
    QTest::newRow("plus sign") << with(1, QStringLiteral("+1000"));
    QTest::newRow("leading zero") << with(1, QStringLiteral("01000"));
    QTest::newRow("space") << with(1, QStringLiteral(" 1000"));
    QTest::newRow("exponent") << with(1, QStringLiteral("1e3"));
    QTest::newRow("hex") << with(1, QStringLiteral("0x3e8"));
    QTest::newRow("zero") << with(1, QStringLiteral("0"));
    QTest::newRow("negative") << with(1, QStringLiteral("-1000"));
    QTest::newRow("no count") << with(1, QString());
    QTest::newRow("absurd count") << with(1, QStringLiteral("1000000000"));
    QTest::newRow("salt not base64") << with(2, QStringLiteral("MDEyMzQ1Njc4OWFiY2RlZg=!"));
    QTest::newRow("salt with space") << with(2, QStringLiteral("MDEyMzQ1 Njc4OWFiY2RlZg=="));
    QTest::newRow("no salt") << with(2, QString());
    QTest::newRow("key not base64") << with(3, goodKey.left(43) + QLatin1Char('*'));
    const QByteArray keyBytes = QByteArray::fromBase64(goodKey.toLatin1());
    QTest::newRow("31-byte key") << with(3, QString::fromLatin1(keyBytes.left(31).toBase64()));
    QTest::newRow("33-byte key") << with(3, QString::fromLatin1((keyBytes + '\0').toBase64()));
    QTest::newRow("no key") << with(3, QString());
    QTest::newRow("extra field") << cafeVector + QStringLiteral("$x");
    QTest::newRow("trailing $") << cafeVector + QLatin1Char('$');
    QTest::newRow("trailing newline") << cafeVector + QLatin1Char('\n');
    QTest::newRow("leading space") << QLatin1Char(' ') + cafeVector;
    QTest::newRow("missing field") << good[0] + QLatin1Char('$') + good[1] + QLatin1Char('$') + good[3];
}

void TestPasswordHasher::malformed()
{
    QFETCH(QString, stored);
    QVERIFY(!PasswordHasher::verify(QStringLiteral("caf\u00E9 au lait!"), stored));
    QVERIFY(PasswordHasher::needsRehash(stored, 1));
}

void TestPasswordHasher::iterationsAreAtLeastOne()
{
    QCOMPARE(PasswordHasher(testIterations).iterations(), testIterations);
    QCOMPARE(PasswordHasher(0).iterations(), 1);
    QCOMPARE(PasswordHasher(-5).iterations(), 1);
    const QString stored = PasswordHasher(0).hash(u"x");
    QVERIFY2(stored.startsWith(QStringLiteral("pbkdf2-sha256$1$")), qPrintable(stored));
    QVERIFY(PasswordHasher::verify(u"x", stored));
}

// The one hash with the product's count in the whole suite.
void TestPasswordHasher::forProduct()
{
    QCOMPARE(PasswordHasher::productIterations, 600000);
    const PasswordHasher hasher = PasswordHasher::forProduct();
    QCOMPARE(hasher.iterations(), 600000);
    QElapsedTimer timer;
    timer.start();
    const QString stored = hasher.hash(u"correct horse battery");
    qInfo("600000 iterations took %lld ms", timer.elapsed());
    QVERIFY2(stored.startsWith(QStringLiteral("pbkdf2-sha256$600000$")), qPrintable(stored));
    QVERIFY(!PasswordHasher::needsRehash(stored, PasswordHasher::productIterations));
    QVERIFY(PasswordHasher::needsRehash(stored, PasswordHasher::productIterations + 1));
}

TOPUP_TEST_GUILESS_MAIN(TestPasswordHasher)
} // namespace tst_passwordhasher
#include "tst_passwordhasher.moc"
