// Service::adviseRules: a line's stored history replayed by the rules advisor
// on a thread of its own (core/service/advisorhistory, advicetask).
#include "testmain.h"
#include "storeengine.h"
#include "service/service.h"
#include "checked.h"
#include "storefixture.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace tst_serviceadvice {

using namespace topup;
using namespace topup::test;

namespace {

// Ana's account, a wallet with `cents`, and a heavy line with 3 GB.
struct Ana
{
    std::unique_ptr<Service> service;
    MethodRecord wallet;
    LineRecord line;
};

Ana anasWorld(const QString &dir, qint64 cents)
{
    Ana world{openService(dir, at("2027-03-01T08:00:00Z")), {}, {}};
    if (!world.service)
        return world;
    Service &service = *world.service;
    TOPUP_VALUE(service.signUp(SignUpForm{QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery"),
                                          QStringLiteral("EUR"), QStringLiteral("Europe/Paris"), std::nullopt}));
    TOPUP_VALUE(service.catchUpToNow());
    world.wallet = TOPUP_VALUE(service.addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(cents)}));
    world.line = TOPUP_VALUE(service.addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Heavy, 7, DataAmount(3 * gigabyte), {}}));
    return world;
}

// "Below 1 GB buy 5 GB data" on Ana's phone, paid from her wallet; capped
// a month when `monthlyCap` is given.
Policy belowOneBuyFive(Service &service, const Ana &world, std::optional<Money> monthlyCap = std::nullopt)
{
    Policy policy;
    policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageNamed(service, "5 GB data")};
    policy.method = world.wallet.engineId();
    policy.monthlyCap = monthlyCap;
    return policy;
}

// Runs the task to its end; the advice it finished with, or a failed test.
RulesAdvice adviceOf(AdviceTask &task)
{
    QSignalSpy finished(&task, &AdviceTask::finished);
    QSignalSpy failed(&task, &AdviceTask::failed);
    task.start();
    if (!QTest::qVerify(finished.wait(60000) || !finished.isEmpty(), "finished.wait()",
                        failed.isEmpty() ? "no answer" : qPrintable(failed.first().first().toString()), __FILE__, __LINE__))
        return {};
    return finished.first().first().value<RulesAdvice>();
}

} // namespace

class TestServiceAdvice final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void currentRulesReplayAsTheyRan()
    {
        // Ten days of heavy use under "below 1 GB buy 5 GB" from 3 GB. The
        // replay of those rules over the stored hours starts from the
        // balance the line had (3 GB: nothing before the window) and buys a
        // package each time the use passes 2 GB, 7 GB, 12 GB…: as many as the
        // world did, for the same money, and ends where the line is now.
        QTemporaryDir dir;
        Ana world = anasWorld(dir.path(), 100000);
        QVERIFY(world.service);
        Service &service = *world.service;
        TOPUP_VERIFY_OK(service.setPolicy(world.line.id, belowOneBuyFive(service, world)));
        TOPUP_VERIFY_OK(service.advanceBy(10 * day));
        const std::vector<AttemptRow> attempts = TOPUP_VALUE(service.attempts());
        QVERIFY(attempts.size() >= 5);
        const LineRecord now = TOPUP_FIRST(service.lines());
        const Instant clock = TOPUP_VALUE(service.worldClock());

        Expected<std::unique_ptr<AdviceTask>> task = service.adviseRules(world.line.id, 30);
        QVERIFY2(task, qPrintable(task.error()));
        const RulesAdvice advice = adviceOf(**task);
        QCOMPARE(advice.to, clock);
        QCOMPARE(advice.days, 30);
        QCOMPARE(advice.from.msecs() % (3600 * 1000), qint64(0));
        QVERIFY(advice.from < clock.plusMsecs(-30 * day + 3600 * 1000) && !(advice.from < clock.plusMsecs(-30 * day)));
        QCOMPARE(advice.hoursWithUsage, 10 * 24 + 1); // from 08:00 on day one to 08:00 on day eleven
        QCOMPARE(advice.current.topUps, int(attempts.size()));
        QCOMPARE(advice.current.cost, Money::fromCents(1500 * qint64(attempts.size())));
        QCOMPARE(advice.current.dataLeftBytes, now.dataBytes);
        QCOMPARE(advice.current.hoursWithoutService, 0);
        QCOMPARE(advice.current.policy.threshold->below, gigabyte);

        QVERIFY(advice.candidates > 100);
        QVERIFY(advice.anyKeepsServed);
        QVERIFY(!advice.best.empty() && int(advice.best.size()) <= AdviceTask::bestCount);
        QVERIFY(!(advice.current.cost < advice.best.front().cost) || advice.current.hoursWithoutService > 0);
        for (std::size_t i = 1; i < advice.best.size(); ++i) {
            const CandidateResult &a = advice.best[i - 1];
            const CandidateResult &b = advice.best[i];
            QVERIFY(a.hoursWithoutService < b.hoursWithoutService || a.cost <= b.cost);
            QVERIFY(a.hoursWithoutService != b.hoursWithoutService || a.cost != b.cost || a.topUps != b.topUps
                    || a.largestMonthSpend != b.largestMonthSpend || a.blockedAttempts != b.blockedAttempts);
        }
        for (const CandidateResult &candidate : advice.best)
            QCOMPARE(candidate.policy.method, world.wallet.engineId());
        // Nothing was charged or written.
        QCOMPARE(TOPUP_VALUE(service.attempts()).size(), attempts.size());
        QCOMPARE(TOPUP_FIRST(service.methods()).funds, Money::fromCents(100000 - 1500 * qint64(attempts.size())));
    }

    void lineWithoutRulesIsAdvisedWithTheDefaultMethod()
    {
        // No rules: 3 GB run out within a day of heavy use, and the line is
        // short every hour after; the candidates pay with the wallet, the
        // account's only (so default) method.
        QTemporaryDir dir;
        Ana world = anasWorld(dir.path(), 100000);
        QVERIFY(world.service);
        TOPUP_VERIFY_OK(world.service->advanceBy(3 * day));
        Expected<std::unique_ptr<AdviceTask>> task = world.service->adviseRules(world.line.id, 30);
        QVERIFY2(task, qPrintable(task.error()));
        const RulesAdvice advice = adviceOf(**task);
        QCOMPARE(advice.current.topUps, 0);
        // The stored hours hold what was served: 3 GB, then nothing.
        QCOMPARE(advice.current.hoursWithoutService, 0);
        QCOMPARE(advice.current.dataLeftBytes, qint64(0));
        QVERIFY(!advice.best.empty());
        QCOMPARE(advice.best.front().policy.method, world.wallet.engineId());
        QVERIFY(advice.best.front().policy.enabled);
    }

    void accountCapCountsTheOtherLinesSpend()
    {
        // An account cap of 45.00 a month. A tablet that starts empty buys
        // 20 GB (35.00) at once; the phone's "below 1 GB buy 5 GB" (15.00)
        // is then blocked by the account cap when it first fires, and the
        // line's use stops when its 3 GB are gone. The replay counts the
        // tablet's March spend against the cap: the saved rules are blocked
        // the same way and buy nothing.
        QTemporaryDir dir;
        Ana world = anasWorld(dir.path(), 100000);
        QVERIFY(world.service);
        Service &service = *world.service;
        TOPUP_VERIFY_OK(service.setAccountCap(Money::fromCents(4500)));
        const LineRecord tablet = TOPUP_VALUE(service.addLine(
            LineForm{QStringLiteral("Tablet"), {}, UsageProfile::Heavy, 8, DataAmount(0), {}}));
        Policy tabletRules;
        tabletRules.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageNamed(service, "20 GB data")};
        tabletRules.method = world.wallet.engineId();
        TOPUP_VERIFY_OK(service.setPolicy(tablet.id, tabletRules));
        Policy phoneRules;
        phoneRules.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageNamed(service, "5 GB data")};
        phoneRules.method = world.wallet.engineId();
        TOPUP_VERIFY_OK(service.setPolicy(world.line.id, phoneRules));
        TOPUP_VERIFY_OK(service.advanceBy(3 * day));
        int phoneBlocked = 0;
        for (const AttemptRow &attempt : TOPUP_VALUE(service.attempts(1000, world.line.id))) {
            QCOMPARE(attempt.status, AttemptStatus::Blocked);
            QCOMPARE(attempt.reason, Reason::AccountBudgetCap);
            ++phoneBlocked;
        }
        QVERIFY(phoneBlocked >= 1);

        Expected<std::unique_ptr<AdviceTask>> task = service.adviseRules(world.line.id, 30);
        QVERIFY2(task, qPrintable(task.error()));
        const RulesAdvice advice = adviceOf(**task);
        QCOMPARE(advice.current.topUps, 0);
        QVERIFY(advice.current.blockedAttempts >= 1);
        QCOMPARE(advice.current.blockedBy, std::vector<Reason>{Reason::AccountBudgetCap});
        for (const CandidateResult &candidate : advice.best) // only 1 GB packages (5.00) fit beside the tablet's 35.00
            QVERIFY(candidate.cost <= Money::fromCents(1000));
    }

    void lineCapCountsTheMonthsSpendBeforeTheWindow()
    {
        // A line cap of 30.00: the heavy phone buys 5 GB (15.00) twice in
        // the first days of March, is blocked for the rest of the month, and
        // buys twice again early in April. Asked on April 5 about the last
        // 30 days (from March 6), the replay counts March's 30.00 against the
        // cap: the saved rules buy nothing in March, as in the world, and
        // exactly what the world bought in April.
        QTemporaryDir dir;
        Ana world = anasWorld(dir.path(), 100000);
        QVERIFY(world.service);
        Service &service = *world.service;
        TOPUP_VERIFY_OK(service.setPolicy(world.line.id, belowOneBuyFive(service, world, Money::fromCents(3000))));
        TOPUP_VERIFY_OK(service.advanceBy(35 * day));

        Expected<std::unique_ptr<AdviceTask>> task = service.adviseRules(world.line.id, 30);
        QVERIFY2(task, qPrintable(task.error()));
        const RulesAdvice advice = adviceOf(**task);
        int boughtBefore = 0;
        int boughtInWindow = 0;
        for (const AttemptRow &attempt : TOPUP_VALUE(service.attempts(1000, world.line.id))) {
            if (attempt.status != AttemptStatus::Succeeded)
                continue;
            ++(attempt.at < advice.from ? boughtBefore : boughtInWindow);
        }
        QCOMPARE(boughtBefore, 2);
        QCOMPARE(boughtInWindow, 2);
        QCOMPARE(advice.current.topUps, boughtInWindow);
        QCOMPARE(advice.current.cost, Money::fromCents(3000));
        QCOMPARE(advice.current.largestMonth, (YearMonth{2027, 4}));
        QVERIFY(advice.current.blockedAttempts >= 1);
        QCOMPARE(advice.current.blockedBy, std::vector<Reason>{Reason::BudgetCap});
    }

    void candidatesAreTheRegionsPackages()
    {
        // A Global line added before its region's packages were in the
        // store buys from the general offers: its rules buy the general
        // "5 GB data" (€15). Buying a second Global line brings the Global
        // packages in, and they are what the first line may buy from then
        // on. The advisor suggests only those (though the general 20 GB for
        // €35 would beat every one of them), and replays the saved rules
        // with the package they buy, which is no longer offered.
        QTemporaryDir dir;
        Ana world = anasWorld(dir.path(), 100000);
        QVERIFY(world.service);
        Service &service = *world.service;
        const LineRecord global = TOPUP_VALUE(service.addLine(
            LineForm{QStringLiteral("Travel"), QStringLiteral("GLOBAL"), UsageProfile::Heavy, 11, DataAmount(3 * gigabyte), {}}));
        const QString general5 = packageNamed(service, "5 GB data");
        QVERIFY(!general5.isEmpty());
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, general5};
        policy.method = world.wallet.engineId();
        TOPUP_VERIFY_OK(service.setPolicy(global.id, policy));
        TOPUP_VERIFY_OK(service.advanceBy(5 * day));
        const LinePurchaseResult bought = TOPUP_VALUE(service.buyLine(
            LinePurchaseForm{QStringLiteral("Second"), QStringLiteral("GLOBAL"), QStringLiteral("GLOBAL/data-1gb"),
                             world.wallet.id, UsageProfile::Light, 1}));
        QVERIFY(bought.line);

        QSet<QString> offered;
        for (const PackageRecord &record : TOPUP_VALUE(service.packages(global.id)))
            offered.insert(record.package.id);
        QVERIFY(!offered.isEmpty());
        QVERIFY(!offered.contains(general5));

        Expected<std::unique_ptr<AdviceTask>> task = service.adviseRules(global.id, 30);
        QVERIFY2(task, qPrintable(task.error()));
        const RulesAdvice advice = adviceOf(**task);
        QVERIFY(advice.current.policy.threshold);
        QCOMPARE(advice.current.policy.threshold->package, general5);
        QVERIFY(advice.current.topUps >= 2);
        QCOMPARE(advice.current.cost, Money::fromCents(1500 * qint64(advice.current.topUps)));
        QVERIFY(!advice.best.empty());
        for (const CandidateResult &candidate : advice.best) {
            if (candidate.policy.threshold)
                QVERIFY2(offered.contains(candidate.policy.threshold->package), qPrintable(candidate.policy.threshold->package));
            if (candidate.policy.monthly)
                QVERIFY2(offered.contains(candidate.policy.monthly->package), qPrintable(candidate.policy.monthly->package));
        }
    }

    void cancelledAndRefused()
    {
        QTemporaryDir dir;
        Ana world = anasWorld(dir.path(), 100000);
        QVERIFY(world.service);
        TOPUP_VERIFY_OK(world.service->advanceBy(2 * day));

        // Cancelled before it starts: it stops at its first candidate.
        Expected<std::unique_ptr<AdviceTask>> task = world.service->adviseRules(world.line.id, 90);
        QVERIFY2(task, qPrintable(task.error()));
        AdviceTask &run = **task;
        QSignalSpy cancelled(&run, &AdviceTask::cancelled);
        QSignalSpy finished(&run, &AdviceTask::finished);
        run.cancel();
        run.start();
        QVERIFY(cancelled.wait(60000) || !cancelled.isEmpty());
        QVERIFY(finished.isEmpty());

        // Destroyed while it runs: it stops and is waited for.
        Expected<std::unique_ptr<AdviceTask>> dropped = world.service->adviseRules(world.line.id, 90);
        QVERIFY2(dropped, qPrintable(dropped.error()));
        (*dropped)->start();
        std::unique_ptr<AdviceTask> owned = dropped.take();
        owned.reset();

        for (const int days : {0, 367}) {
            const Expected<std::unique_ptr<AdviceTask>> wrong = world.service->adviseRules(world.line.id, days);
            QVERIFY(!wrong);
            QVERIFY2(wrong.error().contains(QString::number(days)), qPrintable(wrong.error()));
        }
        QVERIFY(!world.service->adviseRules(world.line.id + 100, 30));
        world.service->signOut();
        QVERIFY(!world.service->adviseRules(world.line.id, 30));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestServiceAdvice)
} // namespace tst_serviceadvice
#include "tst_serviceadvice.moc"
