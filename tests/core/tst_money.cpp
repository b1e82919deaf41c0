#include "testmain.h"
#include "domain/money.h"
#include "domain/saturating.h"

#include <QTest>

#include <limits>

namespace tst_money {

using namespace topup;

namespace {
constexpr qint64 maxCents = std::numeric_limits<qint64>::max();
constexpr qint64 minCents = std::numeric_limits<qint64>::min();
} // namespace

// SPEC §1: money is int64 cents; digits, optional '.' and 1–2 digits, nothing else.
class TestMoney final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void toString_data();
    void toString();
    void roundTrip_data();
    void roundTrip();
    void arithmetic_data();
    void arithmetic();
    void saturatingAdd_data();
    void saturatingAdd();
    void compoundAssignment();
};

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("error"); // empty: must parse

    QTest::newRow("4.50") << "4.50" << qint64(450) << QString();
    QTest::newRow("4.5") << "4.5" << qint64(450) << QString();
    QTest::newRow("4") << "4" << qint64(400) << QString();
    QTest::newRow("0") << "0" << qint64(0) << QString();
    QTest::newRow("0.05") << "0.05" << qint64(5) << QString();
    QTest::newRow("0.5") << "0.5" << qint64(50) << QString();
    QTest::newRow("0.00") << "0.00" << qint64(0) << QString();
    QTest::newRow("007.10") << "007.10" << qint64(710) << QString();
    QTest::newRow("1234.99") << "1234.99" << qint64(123499) << QString();
    QTest::newRow("max") << "92233720368547758.07" << maxCents << QString();
    QTest::newRow("max whole") << "92233720368547758" << qint64(9223372036854775800) << QString();

    const QString notMoney = QStringLiteral("not an amount of money");
    QTest::newRow("3 decimals") << "4.505" << qint64(0) << QStringLiteral("more than 2 decimals");
    QTest::newRow("3 zero decimals") << "4.500" << qint64(0) << QStringLiteral("more than 2 decimals");
    QTest::newRow("negative") << "-1" << qint64(0) << QStringLiteral("must not be negative");
    QTest::newRow("plus") << "+1" << qint64(0) << notMoney;
    QTest::newRow("exponent") << "1e2" << qint64(0) << notMoney;
    QTest::newRow("leading space") << " 4" << qint64(0) << notMoney;
    QTest::newRow("trailing space") << "4 " << qint64(0) << notMoney;
    QTest::newRow("symbol") << "$4" << qint64(0) << notMoney;
    QTest::newRow("code") << "4 USD" << qint64(0) << notMoney;
    QTest::newRow("dot no decimals") << "4." << qint64(0) << notMoney;
    QTest::newRow("no whole part") << ".5" << qint64(0) << notMoney;
    QTest::newRow("empty") << "" << qint64(0) << notMoney;
    QTest::newRow("comma") << "1,00" << qint64(0) << notMoney;
    QTest::newRow("two dots") << "1.2.3" << qint64(0) << notMoney;
    QTest::newRow("letters") << "abc" << qint64(0) << notMoney;
    QTest::newRow("fullwidth digit") << QStringLiteral("\uFF14") << qint64(0) << notMoney;
    QTest::newRow("max + 1 cent") << "92233720368547758.08" << qint64(0) << QStringLiteral("too large");
    QTest::newRow("whole too large") << "92233720368547759" << qint64(0) << QStringLiteral("too large");
    QTest::newRow("20 digits") << "99999999999999999999" << qint64(0) << QStringLiteral("too large");
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    QFETCH(QString, error);

    const Expected<Money> parsed = Money::parse(text);
    if (error.isEmpty()) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed->cents(), cents);
    } else {
        QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("parsed as %1").arg(parsed ? parsed->cents() : 0)));
        QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
    }
}

void TestMoney::toString_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << "0.00";
    QTest::newRow("5 cents") << qint64(5) << "0.05";
    QTest::newRow("50 cents") << qint64(50) << "0.50";
    QTest::newRow("4.50") << qint64(450) << "4.50";
    QTest::newRow("1.00") << qint64(100) << "1.00";
    QTest::newRow("7.10") << qint64(710) << "7.10";
    QTest::newRow("-0.05") << qint64(-5) << "-0.05";
    QTest::newRow("-4.45") << qint64(-445) << "-4.45";
    QTest::newRow("max") << maxCents << "92233720368547758.07";
    QTest::newRow("-max") << -maxCents << "-92233720368547758.07";
    // Reachable by saturating subtraction; -min does not fit in int64.
    QTest::newRow("min") << minCents << "-92233720368547758.08";
}

void TestMoney::toString()
{
    QFETCH(qint64, cents);
    QFETCH(QString, expected);
    QCOMPARE(Money::fromCents(cents).toString(), expected);
}

void TestMoney::roundTrip_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::newRow("0") << qint64(0);
    QTest::newRow("1") << qint64(1);
    QTest::newRow("99") << qint64(99);
    QTest::newRow("100") << qint64(100);
    QTest::newRow("123456789") << qint64(123456789);
    QTest::newRow("max") << maxCents;
}

void TestMoney::roundTrip()
{
    QFETCH(qint64, cents);
    const Expected<Money> parsed = Money::parse(Money::fromCents(cents).toString());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed->cents(), cents);
}

void TestMoney::arithmetic_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<qint64>("sum");
    QTest::addColumn<qint64>("difference");

    QTest::newRow("plain") << qint64(450) << qint64(5) << qint64(455) << qint64(445);
    QTest::newRow("goes negative") << qint64(5) << qint64(450) << qint64(455) << qint64(-445);
    QTest::newRow("max and 1") << maxCents << qint64(1) << maxCents << maxCents - 1;
    QTest::newRow("max and max") << maxCents << maxCents << maxCents << qint64(0);
    QTest::newRow("max and -1") << maxCents << qint64(-1) << maxCents - 1 << maxCents;
    QTest::newRow("min and -1") << minCents << qint64(-1) << minCents << minCents + 1;
    QTest::newRow("min and 1") << minCents << qint64(1) << minCents + 1 << minCents;
    QTest::newRow("0 and max") << qint64(0) << maxCents << maxCents << -maxCents;
    QTest::newRow("-max and 1 exactly min") << -maxCents << qint64(1) << -maxCents + 1 << minCents;
    QTest::newRow("-max and 2 saturates") << -maxCents << qint64(2) << -maxCents + 2 << minCents;
    // a − min is a + 2^63: it must saturate to max (or be exact when it fits),
    // never wrap through negating min.
    QTest::newRow("max minus min") << maxCents << minCents << qint64(-1) << maxCents;
    QTest::newRow("0 minus min") << qint64(0) << minCents << minCents << maxCents;
    QTest::newRow("-1 minus min fits") << qint64(-1) << minCents << minCents << maxCents;
    QTest::newRow("-5 minus min fits") << qint64(-5) << minCents << minCents << maxCents - 4;
}

void TestMoney::arithmetic()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(qint64, sum);
    QFETCH(qint64, difference);

    // Volatile so the compiler cannot fold anything at compile time.
    volatile qint64 va = a;
    volatile qint64 vb = b;
    const Money x = Money::fromCents(va);
    const Money y = Money::fromCents(vb);
    QCOMPARE((x + y).cents(), sum);
    QCOMPARE((y + x).cents(), sum);
    QCOMPARE((x - y).cents(), difference);
}

void TestMoney::saturatingAdd_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("1 + 2") << qint64(1) << qint64(2) << qint64(3);
    QTest::newRow("-1 + -2") << qint64(-1) << qint64(-2) << qint64(-3);
    QTest::newRow("max + 0") << maxCents << qint64(0) << maxCents;
    QTest::newRow("max + 1") << maxCents << qint64(1) << maxCents;
    QTest::newRow("1 + max") << qint64(1) << maxCents << maxCents;
    QTest::newRow("max + max") << maxCents << maxCents << maxCents;
    QTest::newRow("min + -1") << minCents << qint64(-1) << minCents;
    QTest::newRow("min + min") << minCents << minCents << minCents;
    QTest::newRow("max + min") << maxCents << minCents << qint64(-1);
    QTest::newRow("max-1 + 1 exact") << maxCents - 1 << qint64(1) << maxCents;
    QTest::newRow("min+1 + -1 exact") << minCents + 1 << qint64(-1) << minCents;
}

void TestMoney::saturatingAdd()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(qint64, expected);
    volatile qint64 va = a;
    volatile qint64 vb = b;
    QCOMPARE(topup::saturatingAdd(va, vb), expected);
}

void TestMoney::compoundAssignment()
{
    Money funds = Money::fromCents(1000);
    funds -= Money::fromCents(450);
    QCOMPARE(funds.cents(), qint64(550));
    funds += Money::fromCents(25);
    QCOMPARE(funds.cents(), qint64(575));
    funds += Money::fromCents(maxCents);
    QCOMPARE(funds.cents(), maxCents);
    funds -= Money::fromCents(maxCents);
    QCOMPARE(funds.cents(), qint64(0));
    QVERIFY(funds.isZero());
    QVERIFY(Money::fromCents(1) < Money::fromCents(2));
    QVERIFY(Money::fromCents(2) >= Money::fromCents(2));
    QVERIFY(Money::fromCents(2) != Money::fromCents(3));
}

TOPUP_TEST_GUILESS_MAIN(TestMoney)
} // namespace tst_money
#include "tst_money.moc"
