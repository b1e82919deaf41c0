// Low funds (core/rules/lowfunds): a method a policy pays with that holds
// less than the dearest package it buys — and funds the provider could not
// tell are unknown, never low as if they were 0.00 (issue 14).
#include "testmain.h"
#include "rules/lowfunds.h"

#include <QTest>

namespace tst_lowfunds {

using namespace topup;

class TestLowFunds final : public QObject
{
    Q_OBJECT

private slots:
    void lowOnlyWhenTheFundsAreKnown_data()
    {
        QTest::addColumn<qint64>("funds");
        QTest::addColumn<bool>("known");
        QTest::addColumn<bool>("low");
        QTest::newRow("4.00 for 5.00: low") << qint64(400) << true << true;
        QTest::newRow("5.00 for 5.00: enough") << qint64(500) << true << false;
        QTest::newRow("0.00 known: low") << qint64(0) << true << true;
        QTest::newRow("unknown: not low") << qint64(0) << false << false;
    }

    void lowOnlyWhenTheFundsAreKnown()
    {
        QFETCH(qint64, funds);
        QFETCH(bool, known);
        QFETCH(bool, low);
        Policy policy;
        policy.monthly = MonthlyTrigger{1, 9 * 60, QStringLiteral("P1")};
        policy.method = QStringLiteral("M1");
        const std::vector<Package> packages{Package{QStringLiteral("P1"), DataAmount(1'000'000'000), VoiceAmount(), Money::fromCents(500)}};
        PaymentMethod method{QStringLiteral("M1"), MethodKind::PayPal, Money::fromCents(funds), std::nullopt};
        method.fundsKnown = known;
        const std::vector<LowFundsFinding> found = lowFundsFor(policy, packages, {method});
        QCOMPARE(found.empty(), !low);
        if (low)
            QCOMPARE(found.front().needed, Money::fromCents(500));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestLowFunds)
} // namespace tst_lowfunds
#include "tst_lowfunds.moc"
