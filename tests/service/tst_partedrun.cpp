// A run ahead in two engines at once (PartedRun): lines on their own make
// the same attempts, to the same instant, as in one engine — on seeded
// random worlds where some lines share methods that can run dry, some
// methods expire, and an account cap is sometimes out of reach.
#include "testmain.h"
#include "service/linecoupling.h"
#include "service/partedrun.h"
#include "checked.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <limits>
#include <tuple>

namespace tst_partedrun {

using namespace topup;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
constexpr std::size_t never = std::numeric_limits<std::size_t>::max() / 4;

QString id(char letter, std::size_t number)
{
    return QLatin1Char(letter) + QString::number(number + 1);
}

// `lines` lines over 45 days from the 20th: M1 and M2 hold plenty, M3 little
// (its lines meet), M4 is a card that expires inside the run.
World seededWorld(quint32 seed, int lines)
{
    QRandomGenerator draw(seed);
    World world;
    world.zone = QTimeZone("Europe/Berlin");
    world.start = test::at("2027-03-20T00:00:00Z");
    world.end = test::at("2027-05-04T00:00:00Z");
    world.packages = {Package{QStringLiteral("P1"), DataAmount(5 * gigabyte), VoiceAmount(), Money::fromCents(1500)},
                      Package{QStringLiteral("P2"), DataAmount(), VoiceAmount(100 * 60), Money::fromCents(500)},
                      Package{QStringLiteral("P3"), DataAmount(gigabyte), VoiceAmount(), Money::fromCents(500)}};
    const Money plenty = Money::fromCents(1'000'000'000);
    world.methods = {PaymentMethod{QStringLiteral("M1"), MethodKind::PayPal, plenty, std::nullopt},
                     PaymentMethod{QStringLiteral("M2"), MethodKind::CreditCard, plenty, YearMonth{2030, 1}},
                     PaymentMethod{QStringLiteral("M3"), MethodKind::PayPal, Money::fromCents(4000), std::nullopt},
                     PaymentMethod{QStringLiteral("M4"), MethodKind::CreditCard, plenty, YearMonth{2027, 4}}};
    switch (draw.bounded(3)) {
    case 0:
        break;
    case 1:
        world.accountCap = plenty; // out of reach: lines may still be on their own
        break;
    default:
        world.accountCap = Money::fromCents(draw.bounded(20000)); // ties every line
    }
    for (int i = 0; i < lines; ++i) {
        const QString line = id('L', std::size_t(i));
        Policy policy;
        policy.enabled = draw.bounded(10) != 0;
        if (draw.bounded(4) != 0)
            policy.threshold = ThresholdTrigger{Resource::Data, qint64(draw.bounded(1, 2000)) * 1000 * 1000,
                                                draw.bounded(2) ? QStringLiteral("P1") : QStringLiteral("P3")};
        else if (draw.bounded(2))
            policy.threshold = ThresholdTrigger{Resource::Voice, qint64(draw.bounded(1, 120)) * 60, QStringLiteral("P2")};
        if (draw.bounded(2))
            policy.monthly = MonthlyTrigger{int(draw.bounded(1, 32)), int(draw.bounded(24 * 60)), QStringLiteral("P2")};
        if (draw.bounded(4) == 0)
            policy.monthlyCap = Money::fromCents(draw.bounded(500, 6000));
        if (draw.bounded(5) == 0)
            policy.maxPerMonth = draw.bounded(1, 4);
        const int method = int(draw.bounded(10));
        policy.method = method < 6 ? QStringLiteral("M1") : method < 8 ? QStringLiteral("M2") : method < 9 ? QStringLiteral("M3") : QStringLiteral("M4");
        if (draw.bounded(3) == 0)
            policy.fallback = policy.method == QLatin1String("M1") ? QStringLiteral("M2") : QStringLiteral("M1");
        std::optional<Policy> rules;
        if (draw.bounded(8) != 0)
            rules = policy;
        world.lines.push_back(Line{line, DataAmount(qint64(draw.bounded(4000)) * 1000 * 1000), VoiceAmount(draw.bounded(6000)), rules});
        world.streams.push_back(UsageStream{line, UsageProfile(draw.bounded(4)), quint64(seed) * 10000 + quint64(i), 300, std::nullopt, 0});
        if (draw.bounded(6) == 0)
            world.priorSpend.push_back(PriorSpend{i, YearMonth{2027, 3}, Money::fromCents(draw.bounded(3000)), Money(), int(draw.bounded(3))});
    }
    return world;
}

using AttemptKey = std::tuple<int, qint64, int, QString, int, int, int, qint64, int, int>;

// Each line's attempts in the order its engine made them.
std::vector<AttemptKey> byLine(const std::vector<AttemptRecord> &attempts)
{
    std::vector<AttemptKey> keys;
    for (const AttemptRecord &a : attempts)
        keys.emplace_back(a.line, a.at.msecs(), int(a.trigger), a.key, a.attempt, a.method, a.package, a.amount.cents(), int(a.status),
                          a.reason ? int(*a.reason) : -1);
    std::stable_sort(keys.begin(), keys.end(), [](const AttemptKey &x, const AttemptKey &y) { return std::get<0>(x) < std::get<0>(y); });
    return keys;
}

} // namespace

class TestPartedRun final : public QObject
{
    Q_OBJECT

private slots:
    void partsMakeWhatOneEngineMakes_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 24; ++seed)
            QTest::addRow("seed %u", seed) << seed;
    }

    void partsMakeWhatOneEngineMakes()
    {
        QFETCH(quint32, seed);
        const World world = seededWorld(seed, 60);
        const std::vector<bool> alone = LineCoupling::onTheirOwn(world, false);
        const PartedRun::Result whole = PartedRun::run(world, alone, never);
        const PartedRun::Result parted = PartedRun::run(world, alone, 2);
        QVERIFY2(!whole.outcome.error, qPrintable(whole.outcome.error ? whole.outcome.error->message : QString()));
        QVERIFY2(!parted.outcome.error, qPrintable(parted.outcome.error ? parted.outcome.error->message : QString()));
        QVERIFY(!whole.outcome.attempts.empty());
        QCOMPARE(parted.complete, whole.complete);
        QCOMPARE(byLine(parted.outcome.attempts), byLine(whole.outcome.attempts));
        QVERIFY(std::is_sorted(parted.outcome.attempts.begin(), parted.outcome.attempts.end(),
                               [](const AttemptRecord &x, const AttemptRecord &y) { return x.at < y.at; }));
    }

    // The comparison above means something only if worlds do fall apart,
    // and some lines are drawn short.
    void seededWorldsFallApart()
    {
        int parted = 0;
        int cutShort = 0;
        int tied = 0;
        for (quint32 seed = 1; seed <= 24; ++seed) {
            const World world = seededWorld(seed, 60);
            const std::vector<bool> alone = LineCoupling::onTheirOwn(world, false);
            const auto onTheirOwn = std::count(alone.begin(), alone.end(), true);
            parted += onTheirOwn >= 4 ? 1 : 0;
            tied += onTheirOwn == 0 ? 1 : 0;
            const PartedRun::Result run = PartedRun::run(world, alone, 2);
            cutShort += std::count_if(run.complete.begin(), run.complete.end(), [&](Instant at) { return at < world.end; }) > 0 ? 1 : 0;
        }
        QVERIFY2(parted >= 8, qPrintable(QString::number(parted)));
        QVERIFY2(cutShort >= 8, qPrintable(QString::number(cutShort)));
        QVERIFY2(tied >= 2, qPrintable(QString::number(tied)));
    }

    // A line left below its threshold acts at the next instant its engine
    // visits: another line's monthly occurrence off the usage grid (09:02)
    // is one in a single engine. A resumed run starting 1 ms after a clock
    // where the line waits (World::startVisited): the line is not on its own
    // (LineCoupling::waitingForAVisit), and the second part takes only lines
    // whose instants fall on the grid, so the line still meets 09:02.
    void aLineLeftBelowMeetsTheOtherPartsInstants()
    {
        World world;
        world.zone = QTimeZone("Europe/Berlin");
        world.start = test::at("2027-04-05T07:00:00.001Z"); // 09:00:00.001 in Berlin
        world.end = test::at("2027-04-06T07:00:00Z");
        world.packages = {Package{QStringLiteral("P1"), DataAmount(5 * gigabyte), VoiceAmount(), Money::fromCents(1500)},
                          Package{QStringLiteral("P3"), DataAmount(gigabyte), VoiceAmount(), Money::fromCents(500)}};
        world.methods = {PaymentMethod{QStringLiteral("M1"), MethodKind::PayPal, Money::fromCents(1'000'000'000), std::nullopt}};
        for (int i = 0; i < 5; ++i) {
            Policy policy;
            policy.method = QStringLiteral("M1");
            // L1 waits below 2 GB; its 1 GB package leaves it below.
            policy.threshold = i == 0 ? ThresholdTrigger{Resource::Data, 2 * gigabyte, QStringLiteral("P3")}
                                      : ThresholdTrigger{Resource::Data, gigabyte, QStringLiteral("P1")};
            if (i >= 3)
                policy.monthly = MonthlyTrigger{5, 9 * 60 + 2, QStringLiteral("P3")};
            const QString line = id('L', std::size_t(i));
            world.lines.push_back(Line{line, DataAmount(i == 0 ? gigabyte / 2 : 50 * gigabyte), VoiceAmount(), policy});
            world.progress.push_back(LineProgress{});
            world.streams.push_back(UsageStream{line, UsageProfile::Light, quint64(i), 300, test::at("2027-04-05T00:00:00Z"), 0});
        }
        const std::vector<bool> alone = LineCoupling::onTheirOwn(world, false);
        QCOMPARE(alone, (std::vector<bool>{false, true, true, true, true}));
        const PartedRun::Result whole = PartedRun::run(world, alone, never);
        const PartedRun::Result parted = PartedRun::run(world, alone, 2);
        QVERIFY(!whole.outcome.error && !parted.outcome.error);
        const auto first = std::find_if(whole.outcome.attempts.begin(), whole.outcome.attempts.end(),
                                        [](const AttemptRecord &attempt) { return attempt.line == 0; });
        QVERIFY(first != whole.outcome.attempts.end());
        QCOMPARE(first->key, QStringLiteral("L1/threshold/1"));
        QCOMPARE(first->at, test::at("2027-04-05T07:02:00Z")); // with L4's and L5's monthly top-ups
        QCOMPARE(byLine(parted.outcome.attempts), byLine(whole.outcome.attempts));
    }

    void restrictedToRenumbersWhatItKeeps()
    {
        World world = seededWorld(7, 5);
        world.retries = {PendingRetryState{1, TriggerKind::Threshold, QStringLiteral("k1"), 2, world.start.plusMsecs(60000)},
                         PendingRetryState{3, TriggerKind::Monthly, QStringLiteral("k3"), 2, world.start.plusMsecs(60000)}};
        world.priorSpend = {PriorSpend{1, YearMonth{2027, 3}, Money::fromCents(100), Money(), 1},
                            PriorSpend{2, YearMonth{2027, 3}, Money::fromCents(200), Money(), 1}};
        WorldEvent deposit;
        deposit.at = world.start;
        deposit.kind = WorldEvent::Kind::Deposit;
        deposit.method = QStringLiteral("M3");
        deposit.deposit = Money::fromCents(500);
        WorldEvent use;
        use.at = world.start;
        use.kind = WorldEvent::Kind::Use;
        use.line = QStringLiteral("L3");
        world.events = {deposit, use};

        const World part = PartedRun::restrictedTo(world, {1, 3});
        QCOMPARE(part.lines.size(), std::size_t(2));
        QCOMPARE(part.lines[0].id, QStringLiteral("L2"));
        QCOMPARE(part.lines[1].id, QStringLiteral("L4"));
        QCOMPARE(part.retries.size(), std::size_t(2));
        QCOMPARE(part.retries[0].line, 0);
        QCOMPARE(part.retries[1].line, 1);
        QCOMPARE(part.retries[1].key, QStringLiteral("k3"));
        // Line 2's spend so far still counts against the account cap.
        QCOMPARE(part.priorSpend.size(), std::size_t(2));
        QCOMPARE(part.priorSpend[0].line, 0);
        QCOMPARE(part.priorSpend[1].line, PriorSpend::otherLines);
        QCOMPARE(part.priorSpend[1].autoSpend, Money::fromCents(200));
        // The method's event stays; line 3's (L3) goes with it.
        QCOMPARE(part.events.size(), std::size_t(1));
        QCOMPARE(part.events[0].kind, WorldEvent::Kind::Deposit);
        QCOMPARE(part.streams.size(), std::size_t(2));
        QCOMPARE(part.streams[0].line, QStringLiteral("L2"));
        QCOMPARE(part.streams[1].line, QStringLiteral("L4"));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestPartedRun)
} // namespace tst_partedrun
#include "tst_partedrun.moc"
