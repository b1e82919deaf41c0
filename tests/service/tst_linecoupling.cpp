// Which lines no other line's future depends on (LineCoupling): what they
// share — the account cap, a method's funds, the faults queued at the
// provider — decides it, with the most each line could spend as the bound.
#include "testmain.h"
#include "service/linecoupling.h"
#include "checked.h"

#include <QTest>

namespace tst_linecoupling {

using namespace topup;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;

// Two lines over 30 days: a heavy one that tops up 5 GB (15.00) below 1 GB,
// and a light one with a monthly 100 minutes (5.00); both pay with M1,
// the second falls back on M2.
World twoLines(Money m1, Money m2)
{
    World world;
    world.zone = QTimeZone("Europe/Paris");
    world.start = test::at("2027-03-10T00:00:00Z");
    world.end = test::at("2027-04-09T00:00:00Z");
    world.packages = {Package{QStringLiteral("P1"), DataAmount(5 * gigabyte), VoiceAmount(), Money::fromCents(1500)},
                      Package{QStringLiteral("P2"), DataAmount(), VoiceAmount(100 * 60), Money::fromCents(500)}};
    world.methods = {PaymentMethod{QStringLiteral("M1"), MethodKind::PayPal, m1, std::nullopt},
                     PaymentMethod{QStringLiteral("M2"), MethodKind::PayPal, m2, std::nullopt}};
    Policy heavy;
    heavy.threshold = ThresholdTrigger{Resource::Data, gigabyte, QStringLiteral("P1")};
    heavy.method = QStringLiteral("M1");
    Policy light;
    light.monthly = MonthlyTrigger{15, 9 * 60, QStringLiteral("P2")};
    light.method = QStringLiteral("M1");
    light.fallback = QStringLiteral("M2");
    world.lines = {Line{QStringLiteral("L1"), DataAmount(3 * gigabyte), VoiceAmount(), heavy},
                   Line{QStringLiteral("L2"), DataAmount(gigabyte), VoiceAmount(), light}};
    world.streams = {UsageStream{QStringLiteral("L1"), UsageProfile::Heavy, 1, 300, std::nullopt, 0},
                     UsageStream{QStringLiteral("L2"), UsageProfile::Light, 2, 300, std::nullopt, 0}};
    return world;
}

} // namespace

class TestLineCoupling final : public QObject
{
    Q_OBJECT

private slots:
    void mostSpentBoundsTheRules()
    {
        const World world = twoLines(Money::fromCents(100000000), Money::fromCents(100000000));
        // The monthly line: two months reached (March and April), 5.00 each.
        QCOMPARE(LineCoupling::mostSpent(world, 1, &world.streams[1]), Money::fromCents(1000));
        // The heavy line: far more than it will spend, but bounded.
        const Money heavy = LineCoupling::mostSpent(world, 0, &world.streams[0]);
        QVERIFY(heavy > Money::fromCents(1500 * 30));
        QVERIFY(heavy < Money::fromCents(1500 * 2000));
        // Its caps bound it further.
        World capped = world;
        capped.lines[0].policy->monthlyCap = Money::fromCents(6000);
        QCOMPARE(LineCoupling::mostSpent(capped, 0, &capped.streams[0]), Money::fromCents(12000));
        capped.lines[0].policy->maxPerMonth = 1;
        QCOMPARE(LineCoupling::mostSpent(capped, 0, &capped.streams[0]), Money::fromCents(3000));
        // No usage drawn, no threshold top-up beyond the one a balance below it starts.
        QCOMPARE(LineCoupling::mostSpent(world, 0, nullptr), Money::fromCents(1500));
        // Rules off: nothing.
        World off = world;
        off.lines[0].policy->enabled = false;
        QCOMPARE(LineCoupling::mostSpent(off, 0, &off.streams[0]), Money());
    }

    void onTheirOwn_data()
    {
        QTest::addColumn<qint64>("m1");
        QTest::addColumn<qint64>("m2");
        QTest::addColumn<qint64>("accountCap"); // 0: none
        QTest::addColumn<bool>("faults");
        QTest::addColumn<bool>("m1Expires"); // at the end of March, inside the run
        QTest::addColumn<bool>("first");
        QTest::addColumn<bool>("second");
        QTest::newRow("both methods hold more than all could spend") << qint64(100000000) << qint64(100000000) << qint64(0) << false << false << true << true;
        QTest::newRow("a fault queued anywhere") << qint64(100000000) << qint64(100000000) << qint64(0) << true << false << false << false;
        // M1 always pays, so the second line's fallback is never charged.
        QTest::newRow("the fallback could run dry, the method always pays") << qint64(100000000) << qint64(400) << qint64(0) << false << false << true << true;
        // Charges on M1 fail from April on (whatever the other line does):
        // then the second line's fallback is charged, and could run dry.
        QTest::newRow("the method expires, the fallback could run dry") << qint64(100000000) << qint64(400) << qint64(0) << false << true << true << false;
        QTest::newRow("the method expires, the fallback holds enough") << qint64(100000000) << qint64(100000000) << qint64(0) << false << true << true << true;
        QTest::newRow("the shared method could run dry") << qint64(5000) << qint64(100000000) << qint64(0) << false << false << false << false;
        QTest::newRow("an account cap they could reach") << qint64(100000000) << qint64(100000000) << qint64(5000) << false << false << false << false;
        QTest::newRow("an account cap out of reach") << qint64(100000000) << qint64(100000000) << qint64(90000000) << false << false << true << true;
    }

    void onTheirOwn()
    {
        QFETCH(qint64, m1);
        QFETCH(qint64, m2);
        QFETCH(qint64, accountCap);
        QFETCH(bool, faults);
        QFETCH(bool, m1Expires);
        QFETCH(bool, first);
        QFETCH(bool, second);
        World world = twoLines(Money::fromCents(m1), Money::fromCents(m2));
        if (m1Expires)
            world.methods[0].expires = YearMonth{2027, 3};
        if (accountCap > 0)
            world.accountCap = Money::fromCents(accountCap);
        const std::vector<bool> alone = LineCoupling::onTheirOwn(world, faults);
        QCOMPARE(alone.size(), std::size_t(2));
        QCOMPARE(bool(alone[0]), first);
        QCOMPARE(bool(alone[1]), second);
    }

    // A fallback that is never charged leaves its funds to the lines that
    // pay with it first: the heavy line pays with M2 alone, the light one
    // with M1 and falls back on M2.
    void aFallbackNeverChargedLeavesItsFundsToOthers()
    {
        World world = twoLines(Money::fromCents(100000000), Money());
        world.lines[0].policy->method = QStringLiteral("M2");
        const Money heavy = LineCoupling::mostSpent(world, 0, &world.streams[0]);
        world.methods[1].funds = heavy;
        const std::vector<bool> alone = LineCoupling::onTheirOwn(world, false);
        QVERIFY(alone[0] && alone[1]);
        // M1 may run dry now: the light line's charges may reach M2.
        world.methods[0].funds = Money::fromCents(700);
        const std::vector<bool> tied = LineCoupling::onTheirOwn(world, false);
        QVERIFY(!tied[0] && !tied[1]);
    }

    // What was spent this month counts against the account cap.
    void spendSoFarCountsAgainstTheAccountCap()
    {
        World world = twoLines(Money::fromCents(100000000), Money::fromCents(100000000));
        const Money most = LineCoupling::mostSpent(world, 0, &world.streams[0]) + LineCoupling::mostSpent(world, 1, &world.streams[1]);
        world.accountCap = most + Money::fromCents(100);
        QVERIFY(LineCoupling::onTheirOwn(world, false)[0]);
        world.priorSpend.push_back(PriorSpend{1, YearMonth{2027, 3}, Money::fromCents(200), Money(), 1});
        QVERIFY(!LineCoupling::onTheirOwn(world, false)[0]);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestLineCoupling)
} // namespace tst_linecoupling
#include "tst_linecoupling.moc"
