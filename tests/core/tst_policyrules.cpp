// SPEC §2's validation rules on the Policy value, as the store applies them
// before saving (the scenario reader applies the same functions while it
// reads the JSON: tests/scenarios check those paths).
#include "testmain.h"
#include "rules/policyrules.h"

#include <QTest>

Q_DECLARE_METATYPE(topup::Policy)

namespace tst_policyrules {

using namespace topup;

namespace {

const std::vector<Package> packages{
    Package{QStringLiteral("P1"), DataAmount(1000000000), VoiceAmount(0), Money::fromCents(450)},
    Package{QStringLiteral("P2"), DataAmount(0), VoiceAmount(3600), Money::fromCents(300)},
};
const QStringList methods{QStringLiteral("M1"), QStringLiteral("M2")};

Policy valid()
{
    Policy policy;
    policy.threshold = ThresholdTrigger{Resource::Data, 500000000, QStringLiteral("P1")};
    policy.method = QStringLiteral("M1");
    return policy;
}

QString describe(const std::vector<PolicyProblem> &problems)
{
    QStringList lines;
    for (const PolicyProblem &problem : problems)
        lines << problem.field + QLatin1String(": ") + problem.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestPolicyRules final : public QObject
{
    Q_OBJECT

private slots:
    void aValidPolicyHasNoProblem()
    {
        QCOMPARE(describe(PolicyRules::check(valid(), packages, methods)), QString());
        Policy monthly;
        monthly.monthly = MonthlyTrigger{31, 23 * 60 + 59, QStringLiteral("P2")};
        monthly.method = QStringLiteral("M2");
        monthly.fallback = QStringLiteral("M1");
        monthly.monthlyCap = Money::fromCents(1);
        monthly.maxPerMonth = 1;
        QCOMPARE(describe(PolicyRules::check(monthly, packages, methods)), QString());
        Policy off; // a disabled policy needs neither trigger nor method
        off.enabled = false;
        QCOMPARE(describe(PolicyRules::check(off, packages, methods)), QString());
    }

    void eachRuleNamesItsField_data()
    {
        QTest::addColumn<Policy>("policy");
        QTest::addColumn<QString>("expected");
        Policy p = valid();
        p.threshold->below = 0;
        QTest::newRow("below zero") << p << QStringLiteral("threshold.below: must be more than zero");
        p = valid();
        p.threshold->resource = Resource::Voice;
        QTest::newRow("package adds none of the watched resource")
            << p << QStringLiteral("threshold.package: package \"P1\" adds no voice, so it can never lift a voice threshold");
        p = valid();
        p.threshold->package = QStringLiteral("P9");
        QTest::newRow("unknown package") << p << QStringLiteral("threshold.package: unknown package \"P9\"");
        p = valid();
        p.monthly = MonthlyTrigger{32, 9 * 60, QStringLiteral("P1")};
        QTest::newRow("day 32") << p << QStringLiteral("monthly.day: must be between 1 and 31 (got 32)");
        p.monthly = MonthlyTrigger{0, 9 * 60, QStringLiteral("P1")};
        QTest::newRow("day 0") << p << QStringLiteral("monthly.day: must be between 1 and 31 (got 0)");
        p.monthly = MonthlyTrigger{1, 24 * 60, QStringLiteral("P1")};
        QTest::newRow("time 24:00") << p << QStringLiteral("monthly.time: must be a local time from 00:00 to 23:59");
        p = valid();
        p.monthlyCap = Money();
        QTest::newRow("cap of zero") << p << QStringLiteral("monthly_cap: must be more than zero");
        p = valid();
        p.maxPerMonth = 0;
        QTest::newRow("max per month 0") << p << QStringLiteral("max_per_month: must be between 1 and 9007199254740992 (got 0)");
        p = valid();
        p.method = QStringLiteral("M7");
        QTest::newRow("unknown method") << p << QStringLiteral("method: unknown method \"M7\"");
        p = valid();
        p.fallback = QStringLiteral("M1");
        QTest::newRow("fallback equal to method") << p << QStringLiteral("fallback: must differ from method");
        p = valid();
        p.method.clear();
        QTest::newRow("enabled without method") << p << QStringLiteral("method: missing (required when the policy is enabled)");
        p = valid();
        p.threshold.reset();
        QTest::newRow("enabled without trigger") << p << QStringLiteral(": an enabled policy needs a threshold or a monthly trigger");
        p = valid();
        p.enabled = false;
        p.threshold->package = QStringLiteral("P9"); // ids are checked on a disabled policy too (SPEC §2)
        QTest::newRow("disabled with unknown package") << p << QStringLiteral("threshold.package: unknown package \"P9\"");
        p = valid();
        p.threshold->below = 0;
        p.fallback = QStringLiteral("M1");
        QTest::newRow("every problem, in reading order")
            << p << QStringLiteral("threshold.below: must be more than zero\nfallback: must differ from method");
    }

    void eachRuleNamesItsField()
    {
        QFETCH(Policy, policy);
        QFETCH(QString, expected);
        QCOMPARE(describe(PolicyRules::check(policy, packages, methods)), expected);
        // The form's wording of the same rule is a whole sentence (nothing
        // capitalises it later) with the same figures.
        for (const PolicyProblem &problem : PolicyRules::check(policy, packages, methods)) {
            QVERIFY2(problem.sentence.at(0).isUpper() && problem.sentence.endsWith(QLatin1Char('.')), qPrintable(problem.sentence));
            QCOMPARE(problem.sentence.mid(1).chopped(1).replace(QLatin1String("the method"), QLatin1String("method")),
                     problem.message.mid(1));
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestPolicyRules)
} // namespace tst_policyrules
#include "tst_policyrules.moc"
