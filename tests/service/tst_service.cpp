// The service façade over a real data folder: accounts and their isolation,
// the simulated clock and catch-up, trying rules out, previews, a version
// on each line's rules (the demo world: tst_demoworld).
#include "testmain.h"
#include "domain/engineid.h"
#include "service/catchupworker.h"
#include "service/service.h"
#include "checked.h"
#include "storeengine.h"
#include "storefixture.h"


#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTimer>
#include <QStandardPaths>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace tst_service {

using namespace topup;
using namespace topup::test;

namespace {

SignUpForm form(const char *login)
{
    return SignUpForm{QLatin1String(login), QStringLiteral("correct-horse-battery"), QStringLiteral("EUR"),
                      QStringLiteral("Europe/Paris"), std::nullopt};
}

// A signed-in account with its clock started and one line that tops
// itself up from a wallet whenever data falls below 1 GB.
struct Phone
{
    MethodRecord wallet;
    LineRecord line;
};

Expected<Phone> thresholdPhone(Service &service, qint64 cents, UsageProfile profile, const char *package,
                               VoiceAmount voice = {})
{
    if (const Expected<Account> account = service.signUp(form("ana@example.com")); !account)
        return Expected<Phone>::failure(QStringLiteral("sign-up: ") + account.error());
    if (const Expected<CatchUpSummary> caughtUp = service.catchUpToNow(); !caughtUp)
        return Expected<Phone>::failure(QStringLiteral("catch-up: ") + caughtUp.error());
    const Expected<MethodRecord> wallet = service.addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(cents)});
    if (!wallet)
        return Expected<Phone>::failure(QStringLiteral("wallet: ") + wallet.error());
    const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Phone"), {}, profile, 7, DataAmount(3 * gigabyte), voice});
    if (!line)
        return Expected<Phone>::failure(QStringLiteral("line: ") + line.error());
    Policy policy;
    policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageNamed(service, package)};
    policy.method = wallet->engineId();
    if (const Expected<void> set = service.setPolicy(line->id, policy); !set)
        return Expected<Phone>::failure(QStringLiteral("policy: ") + set.error());
    return Phone{*wallet, *line};
}

} // namespace

class TestService final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void accountsSignUpInAndOut()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        QVERIFY(!service->lines()); // nobody signed in
        QCOMPARE(service->lines().error(), QStringLiteral("sign in first"));
        const Expected<Account> account = service->signUp(form("ana@example.com"));
        QVERIFY2(account, qPrintable(account.error()));
        TOPUP_VERIFY_OK(service->lines());
        service->signOut();
        QVERIFY(!service->account());
        QVERIFY(!service->signIn(QStringLiteral("ana@example.com"), QStringLiteral("wrong-password-1")));
        TOPUP_VERIFY_OK(service->signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery")));
        QVERIFY(service->account());
        QCOMPARE(service->account()->id, account->id);
    }

    void accountsOnlySeeTheirOwnRows()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        TOPUP_VERIFY_OK(service->signUp(form("ana@example.com")));
        const LineRecord anaLine = TOPUP_VALUE(service->addLine(LineForm{QStringLiteral("Ana's phone"), {}, UsageProfile::Light, 1, DataAmount(gigabyte), {}}));
        const MethodRecord anaCard = TOPUP_VALUE(service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(5000)}));
        const QString anaPackage = packageNamed(*service, "1 GB data");
        TOPUP_VERIFY_OK(service->manualTopUp(anaLine.id, EngineId::packageRow(anaPackage).value_or(0), anaCard.id));

        TOPUP_VERIFY_OK(service->signUp(form("+8613800138000")));
        QVERIFY(TOPUP_VALUE(service->lines()).empty());
        QVERIFY(TOPUP_VALUE(service->methods()).empty());
        QVERIFY(TOPUP_VALUE(service->attempts()).empty());
        QVERIFY(!service->renameLine(anaLine.id, QStringLiteral("mine now")));
        QVERIFY(!service->removeLine(anaLine.id));
        QVERIFY(!service->drainLine(anaLine.id));
        QVERIFY(!service->deposit(anaCard.id, Money::fromCents(100)));
        QVERIFY(!service->removeMethod(anaCard.id));
        QVERIFY(!service->setDefaultMethod(anaCard.id));
        QVERIFY(!service->injectFault(anaCard.id, {Reason::Declined}));
        QVERIFY(!service->manualTopUp(anaLine.id, EngineId::packageRow(anaPackage).value_or(0), anaCard.id));
        Policy stolen;
        stolen.threshold = ThresholdTrigger{Resource::Data, gigabyte / 2, anaPackage};
        stolen.method = anaCard.engineId();
        const LineRecord own = TOPUP_VALUE(service->addLine(LineForm{QStringLiteral("B"), {}, UsageProfile::Light, 2, {}, {}}));
        const Expected<void> refused = service->setPolicy(own.id, stolen);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("unknown")), qPrintable(refused.error()));

        TOPUP_VERIFY_OK(service->signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery")));
        const std::vector<LineRecord> lines = TOPUP_VALUE(service->lines());
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0].name, QStringLiteral("Ana's phone"));
        QCOMPARE(lines[0].dataBytes, 2 * gigabyte);
        QCOMPARE(TOPUP_FIRST(service->methods()).funds, Money::fromCents(4500));
        QCOMPARE(TOPUP_VALUE(service->attempts()).size(), std::size_t(1));
    }

    void catchUpRunsTheRulesAndKeepsUsage()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        const Expected<Phone> phone = thresholdPhone(*service, 100000, UsageProfile::Heavy, "5 GB data", VoiceAmount(3600));
        QVERIFY2(phone, qPrintable(phone.error()));
        const MethodRecord wallet = phone->wallet;
        const LineRecord line = phone->line;

        const Instant before = TOPUP_VALUE(service->worldClock()); // setting a policy lets the rules react: 1 ms later
        QCOMPARE(before, at("2027-03-01T08:00:00.001Z"));
        const Expected<CatchUpSummary> summary = service->advanceBy(10 * day);
        QVERIFY2(summary, qPrintable(summary.error()));
        QVERIFY(summary->topUps >= 5); // heavy: about 6 GB a day
        QCOMPARE(summary->usageSamples, qint64(10 * 288));
        QCOMPARE(TOPUP_VALUE(service->worldClock()), before.plusMsecs(10 * day));
        const std::vector<AttemptRow> attempts = TOPUP_VALUE(service->attempts());
        QCOMPARE(int(attempts.size()), summary->topUps);
        QCOMPARE(attempts.back().key, QStringLiteral("L%1/threshold/1").arg(line.id));

        // Balance = start + packages - what was used.
        qint64 used = 0;
        const Expected<std::vector<UsagePoint>> daily = service->dailyUsage(line.id, 11);
        QVERIFY2(daily, qPrintable(daily.error()));
        for (const UsagePoint &point : *daily)
            used += point.dataBytes;
        const LineRecord after = TOPUP_FIRST(service->lines());
        QCOMPARE(after.dataBytes, 3 * gigabyte + qint64(attempts.size()) * 5 * gigabyte - used);
        QCOMPARE(TOPUP_VALUE(service->dailyUsage(line.id, 11)).size(), std::size_t(11));
        qint64 hourly = 0;
        const Expected<std::vector<UsagePoint>> hours = service->hourlyUsage(line.id, 24 * 11);
        QVERIFY2(hours, qPrintable(hours.error()));
        for (const UsagePoint &point : *hours)
            hourly += point.dataBytes;
        QCOMPARE(hourly, used);
        QCOMPARE(TOPUP_FIRST(service->methods()).funds, Money::fromCents(100000 - 1500 * qint64(attempts.size())));
        QCOMPARE(TOPUP_VALUE(service->spendThisMonth()).autoSpend, Money::fromCents(1500 * qint64(attempts.size())));
    }

    void drainAndDepositReactAtOnce()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        const Expected<Phone> phone = thresholdPhone(*service, 100, UsageProfile::Light, "1 GB data");
        QVERIFY2(phone, qPrintable(phone.error()));
        const MethodRecord wallet = phone->wallet;
        const LineRecord line = phone->line;
        QVERIFY(TOPUP_VALUE(service->attempts()).empty());

        TOPUP_VERIFY_OK(service->drainLine(line.id)); // 0 B: the threshold fires at once, and fails (1.00 < 5.00)
        QCOMPARE(TOPUP_VALUE(service->attempts()).size(), std::size_t(1));
        QCOMPARE(TOPUP_FIRST(service->attempts()).reason, Reason::InsufficientFunds);
        const Expected<CatchUpSummary> retried = service->advanceBy(2 * day); // retries at +1 h, +6 h, +24 h: all fail
        QVERIFY2(retried, qPrintable(retried.error()));
        QCOMPARE(TOPUP_VALUE(service->attempts()).size(), std::size_t(4));
        QCOMPARE(TOPUP_FIRST(service->lines()).progress.state, ThresholdState::Suspended);
        QVERIFY(!TOPUP_VALUE(service->alerts(true)).empty());

        TOPUP_VERIFY_OK(service->deposit(wallet.id, Money::fromCents(1000))); // re-arms, and the check fires at once
        QCOMPARE(TOPUP_FIRST(service->lines()).progress.state, ThresholdState::Armed);
        const AttemptRow latest = TOPUP_FIRST(service->attempts());
        QCOMPARE(latest.status, AttemptStatus::Succeeded);
        QCOMPARE(latest.key, QStringLiteral("L%1/threshold/2").arg(line.id));
    }

    void previewChargesNothing()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        TOPUP_VERIFY_OK(service->signUp(form("ana@example.com")));
        TOPUP_VERIFY_OK(service->catchUpToNow());
        const MethodRecord wallet = TOPUP_VALUE(service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(10000)}));
        const LineRecord line = TOPUP_VALUE(service->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Regular, 3, DataAmount(2 * gigabyte), {}}));
        Policy policy;
        policy.monthly = MonthlyTrigger{15, 9 * 60, packageNamed(*service, "20 GB data")};
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageNamed(*service, "5 GB data")};
        policy.method = wallet.engineId();
        policy.monthlyCap = Money::fromCents(6000);
        const Expected<LineOutlook> preview = service->previewPolicy(line.id, policy);
        QVERIFY2(preview, qPrintable(preview.error()));
        QVERIFY(!preview->topUps.empty());
        bool monthly = false;
        bool blocked = false;
        for (const PreviewItem &item : preview->topUps) {
            monthly = monthly || (item.trigger == TriggerKind::Monthly && item.at == at("2027-03-15T08:00:00Z"));
            blocked = blocked || item.status == AttemptStatus::Blocked;
        }
        QVERIFY(monthly); // 09:00 in Paris on the 15th (UTC+1)
        QVERIFY(blocked); // 60.00 a month does not cover a month of regular use
        QVERIFY(TOPUP_VALUE(service->attempts()).empty());
        QCOMPARE(TOPUP_FIRST(service->methods()).funds, Money::fromCents(10000));
        QVERIFY(!service->previewPolicy(line.id, Policy{})); // enabled, no trigger, no method
    }

    void nextEventAndMethodRemoval()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        TOPUP_VERIFY_OK(service->signUp(form("ana@example.com")));
        TOPUP_VERIFY_OK(service->catchUpToNow());
        const MethodRecord wallet = TOPUP_VALUE(service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(10000)}));
        const LineRecord line = TOPUP_VALUE(service->addLine(LineForm{QStringLiteral("Tablet"), {}, UsageProfile::Light, 3, DataAmount(20 * gigabyte), {}}));
        Policy policy;
        policy.monthly = MonthlyTrigger{31, 7 * 60 + 30, packageNamed(*service, "1 GB data")};
        policy.method = wallet.engineId();
        TOPUP_VERIFY_OK(service->setPolicy(line.id, policy));
        const Expected<std::optional<Instant>> next = service->advanceToNextEvent();
        QVERIFY2(next, qPrintable(next.error()));
        QVERIFY(next->has_value());
        QCOMPARE(**next, at("2027-03-31T05:30:00Z")); // 07:30 CEST, after the March 28 change
        QCOMPARE(TOPUP_VALUE(service->worldClock()), at("2027-03-31T05:30:00Z"));
        QCOMPARE(TOPUP_FIRST(service->attempts()).status, AttemptStatus::Succeeded);

        const Expected<void> refused = service->removeMethod(wallet.id);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("Tablet")), qPrintable(refused.error()));
        policy.enabled = false;
        TOPUP_VERIFY_OK(service->setPolicy(line.id, policy));
        TOPUP_VERIFY_OK(service->removeMethod(wallet.id));
        QVERIFY(TOPUP_VALUE(service->methods()).empty());
    }

    // Rules saved from a form that loaded them at an older version, into
    // other rules since (another desktop's save; here the same service's
    // earlier one): refused, naming what changed, and the rules saved
    // meanwhile stay; saved again from the rules as they are now, accepted.
    // A stale version over the very rules loaded is no conflict.
    void aSaveOverRulesChangedElsewhereIsRefused()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        const Expected<Phone> phone = thresholdPhone(*service, 100000, UsageProfile::Light, "5 GB data");
        QVERIFY2(phone, qPrintable(phone.error()));
        const LineRecord loaded = TOPUP_FIRST(service->lines());
        QVERIFY(loaded.rulesVersion > 0);
        const RulesSeen seen{loaded.rulesVersion, loaded.policy};

        Policy elsewhere = *loaded.policy;
        elsewhere.threshold->below = 2 * gigabyte;
        TOPUP_VERIFY_OK(service->setPolicy(loaded.id, elsewhere, seen));
        QCOMPARE(TOPUP_FIRST(service->lines()).rulesVersion, loaded.rulesVersion + 1);

        Policy mine = *loaded.policy;
        mine.monthlyCap = Money::fromCents(3000);
        const Expected<void> refused = service->setPolicy(loaded.id, mine, seen);
        QVERIFY(!refused);
        const QString change = QStringLiteral("threshold %1 → %2").arg(DataAmount(gigabyte).toString(), DataAmount(2 * gigabyte).toString());
        QVERIFY2(refused.error().contains(QLatin1String("the rules of \"Phone\" were changed elsewhere")), qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(change), qPrintable(refused.error()));
        QVERIFY2(refused.sentences().contains(QStringLiteral("Review them and save again.")), qPrintable(refused.sentences()));
        const LineRecord kept = TOPUP_FIRST(service->lines());
        QCOMPARE(kept.policy, std::optional<Policy>(elsewhere));

        // Reviewed: saved from the rules as they are now.
        mine.threshold->below = 2 * gigabyte;
        TOPUP_VERIFY_OK(service->setPolicy(loaded.id, mine, RulesSeen{kept.rulesVersion, kept.policy}));
        QCOMPARE(TOPUP_FIRST(service->lines()).policy, std::optional<Policy>(mine));
        // Saved elsewhere into the rules this form loaded: nothing to lose.
        const LineRecord now = TOPUP_FIRST(service->lines());
        TOPUP_VERIFY_OK(service->setPolicy(loaded.id, mine, RulesSeen{now.rulesVersion - 1, now.policy}));
    }

    void reopeningCatchesUpAndRefusesASecondInstanceOfAFolder()
    {
        QTemporaryDir dir;
        qint64 lineId = 0;
        {
            auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
            QVERIFY(service);
            // The engine this run is about; on a server there is no page-by-page check to run.
            const bool onServer = m_engine.engine() == Dialect::Engine::Postgresql;
            QCOMPARE(service->onServer(), onServer);
            if (onServer)
                QCOMPARE(service->integrity(), Service::Integrity::OnServer);
            TOPUP_VERIFY_OK(service->signUp(form("ana@example.com")));
            TOPUP_VERIFY_OK(service->catchUpToNow());
            lineId = TOPUP_VALUE(service->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Regular, 3, DataAmount(gigabyte), {}})).id;
            const Expected<std::unique_ptr<Service>> second = test::openTestService(dir.path(), at("2027-03-01T08:00:00Z"));
            if (onServer) {
                // A world on a server is shared: a second desktop opens it and sees what the first wrote.
                QVERIFY2(second, qPrintable(second.error()));
                TOPUP_VERIFY_OK((*second)->signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery")));
                QCOMPARE(TOPUP_FIRST((*second)->lines()).id, lineId);
                QCOMPARE(TOPUP_VALUE((*second)->worldClock()), TOPUP_VALUE(service->worldClock()));
            } else {
                // The folder is in use: refused at once, naming this process.
                QVERIFY(!second);
                QVERIFY2(second.error().contains(QLatin1String("already in use by another TopUp Dashboard")), qPrintable(second.error()));
                QVERIFY2(second.error().contains(QStringLiteral("process %1 on ").arg(QCoreApplication::applicationPid())), qPrintable(second.error()));
                QVERIFY(Service::worthRetrying(TOPUP_VALUE(test::worldLocationFor(dir.path()))));
            }
        }
        auto later = openService(dir.path(), at("2027-03-04T08:00:00Z"));
        QVERIFY(later);
        TOPUP_VERIFY_OK(later->signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery")));
        const Expected<CatchUpSummary> away = later->catchUpToNow();
        QVERIFY2(away, qPrintable(away.error()));
        QCOMPARE(away->from, at("2027-03-01T08:00:00Z"));
        QCOMPARE(away->to, at("2027-03-04T08:00:00Z"));
        QCOMPARE(away->usageSamples, qint64(3 * 288));
        QCOMPARE(TOPUP_FIRST(later->lines()).id, lineId);
    }

    void longCatchUpRunsOffTheCallersThread()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        const Expected<Phone> phone = thresholdPhone(*service, 100000, UsageProfile::Heavy, "20 GB data");
        QVERIFY2(phone, qPrintable(phone.error()));
        const MethodRecord wallet = phone->wallet;
        const LineRecord line = phone->line;
        const Instant target = at("2027-04-30T08:00:00Z");

        QSignalSpy progress(service.get(), &Service::catchUpProgress);
        QSignalSpy finished(service.get(), &Service::catchUpFinished);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
        ticker.start(1);
        QVERIFY(service->startCatchUp(target));
        QVERIFY(service->busy());
        QVERIFY(!service->startCatchUp(target)); // one at a time
        // A write meanwhile is refused, worded for the command line and, as
        // a whole sentence, for a screen.
        const Expected<void> refused = service->deposit(wallet.id, Money::fromCents(100));
        QVERIFY(!refused);
        QCOMPARE(refused.error(), QStringLiteral("the world is catching up; try again when it has finished"));
        QCOMPARE(refused.sentences(), QStringLiteral("The world is catching up; try again when it has finished."));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(0).at(1).toString().isEmpty(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(progress.size(), 60); // one a day: 08:00:00.001 on March 1 to 08:00 on April 30
        QCOMPARE(progress.last().at(0).toLongLong(), target.msecs());
        QVERIFY(ticks > 0); // this thread's event loop kept running
        QVERIFY(!service->busy());
        QCOMPARE(TOPUP_VALUE(service->worldClock()), target);
        const CatchUpSummary summary = finished.at(0).at(0).value<CatchUpSummary>();
        QVERIFY(summary.topUps > 10);
        QCOMPARE(int(TOPUP_VALUE(service->attempts(1000)).size()), summary.topUps);
    }

    void playsTheWorldForwardAtASpeed()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        TOPUP_VERIFY_OK(service->signUp(form("ana@example.com")));
        TOPUP_VERIFY_OK(service->catchUpToNow());
        QVERIFY(!service->startPlaying(0));
        QVERIFY(!service->startPlaying(60LL * 24 * 3600 * 1000));
        QSignalSpy clock(service.get(), &Service::worldAdvanced);
        QSignalSpy stopped(service.get(), &Service::playStopped);
        TOPUP_VERIFY_OK(service->startPlaying(3600 * 1000)); // an hour a second: 12 minutes a tick
        QVERIFY(service->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(clock.size() >= 3, 5000);
        service->stopPlaying();
        QVERIFY(!service->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!service->busy(), 5000); // the step under way lands
        QCOMPARE(stopped.size(), 1);
        QVERIFY(stopped.at(0).at(0).toString().isEmpty());
        const qint64 advanced = TOPUP_VALUE(service->worldClock()).msecs() - at("2027-03-01T08:00:00Z").msecs();
        QCOMPARE(advanced % (12 * 60 * 1000), qint64(0));
        QVERIFY(advanced >= 3 * 12 * 60 * 1000);
        const qint64 ticks = clock.size();
        QTest::qWait(500);
        QCOMPARE(clock.size(), ticks); // stopped means stopped
    }

    // The player's steps run in a thread of their own: a write that comes
    // while one runs waits for it and then acts on the world it left,
    // never refused as "catching up"; once stopped and the last step
    // landed, nothing moves.
    void aWriteWaitsForTheRunningPlayStep()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00.250Z"));
        QVERIFY(service);
        TOPUP_VERIFY_OK(service->signUp(form("ana@example.com")));
        TOPUP_VERIFY_OK(service->catchUpToNow());
        std::vector<qint64> lines;
        for (int i = 0; i < 40; ++i) // enough lines that a step of days takes a while
            lines.push_back(TOPUP_VALUE(service->addLine(LineForm{QStringLiteral("Line %1").arg(i), {}, UsageProfile::Heavy, quint64(i),
                                                                  DataAmount(3 * gigabyte), {}})).id);
        QSignalSpy stopped(service.get(), &Service::playStopped);
        TOPUP_VERIFY_OK(service->startPlaying(30LL * 24 * 3600 * 1000)); // a month a second: six days a tick
        for (int write = 0; write < 3; ++write) {
            QTRY_VERIFY_WITH_TIMEOUT(service->busy(), 10000); // a step runs now
            const Instant before = TOPUP_VALUE(service->worldClock());
            TOPUP_VERIFY_OK(service->drainLine(lines[std::size_t(write)]));
            QVERIFY(!service->busy());
            const Instant after = TOPUP_VALUE(service->worldClock());
            QVERIFY2(before < after, "the write waited for the step and settled after it");
            QCOMPARE(TOPUP_VALUE(service->lines())[std::size_t(write)].dataBytes, qint64(0));
        }
        QVERIFY(service->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(service->busy(), 10000);
        service->stopPlaying();
        QTRY_VERIFY_WITH_TIMEOUT(!service->busy(), 10000);
        const Instant stoppedAt = TOPUP_VALUE(service->worldClock());
        QSignalSpy clock(service.get(), &Service::worldAdvanced);
        QTest::qWait(500);
        QCOMPARE(clock.size(), 0);
        QCOMPARE(TOPUP_VALUE(service->worldClock()), stoppedAt);
        QCOMPARE(stopped.size(), 1);
        QVERIFY(stopped.at(0).at(0).toString().isEmpty());
    }

    void readOnlyFileMidRunLosesNothing()
    {
        // Make the store's files immutable while the app runs (chattr +i:
        // even root cannot write then), try to move the world on, and check
        // that the failure is a clear message and nothing was half-written.
        if (m_engine.engine() != Dialect::Engine::Sqlite)
            QSKIP("a file turned read-only: a world on PostgreSQL has no file of its own");
        if (QStandardPaths::findExecutable(QStringLiteral("chattr")).isEmpty())
            QSKIP("chattr is not available");
        QTemporaryDir dir;
        {
            // Some file systems (tmpfs) take the flag but still let a file
            // that is already open be written: the test means nothing there.
            QFile probe(dir.filePath(QStringLiteral("probe")));
            QVERIFY(probe.open(QIODevice::WriteOnly));
            if (QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), probe.fileName()}) != 0)
                QSKIP("this file system or user cannot make files immutable");
            const bool written = probe.write("x") == 1 && probe.flush();
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), probe.fileName()});
            probe.close();
            probe.remove();
            if (written)
                QSKIP("this file system still writes to open files made immutable (tmpfs does)");
        }
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        const Expected<Phone> phone = thresholdPhone(*service, 100000, UsageProfile::Heavy, "5 GB data");
        QVERIFY2(phone, qPrintable(phone.error()));
        const MethodRecord wallet = phone->wallet;
        const LineRecord line = phone->line;
        const Instant clockBefore = TOPUP_VALUE(service->worldClock());
        const qint64 dataBefore = TOPUP_FIRST(service->lines()).dataBytes;

        const QStringList files = {dir.filePath(QStringLiteral("topup.sqlite")), dir.filePath(QStringLiteral("topup.sqlite-wal"))};
        if (QProcess::execute(QStringLiteral("chattr"), QStringList{QStringLiteral("+i")} + files) != 0)
            QSKIP("this file system or user cannot make files immutable");
        const Expected<CatchUpSummary> failed = service->advanceBy(3 * day);
        QProcess::execute(QStringLiteral("chattr"), QStringList{QStringLiteral("-i")} + files);
        QVERIFY(!failed);
        QVERIFY2(failed.error().contains(QLatin1String("topup.sqlite")), qPrintable(failed.error()));
        qInfo("the failure reads: %s", qPrintable(failed.error()));
        QCOMPARE(TOPUP_VALUE(service->worldClock()), clockBefore);
        QCOMPARE(TOPUP_FIRST(service->lines()).dataBytes, dataBefore);
        service.reset();

        // After a restart: whatever the provider charged is written down, the
        // books agree, and the world moves on.
        auto restarted = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(restarted);
        TOPUP_VERIFY_OK(restarted->signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery")));
        const std::vector<AttemptRow> written = TOPUP_VALUE(restarted->attempts());
        qint64 paid = 0;
        for (const AttemptRow &attempt : written)
            paid += attempt.status == AttemptStatus::Succeeded ? attempt.amount.cents() : 0;
        QCOMPARE(TOPUP_FIRST(restarted->methods()).funds, Money::fromCents(100000 - paid));
        TOPUP_VERIFY_OK(restarted->advanceBy(3 * day));
    }

};

TOPUP_TEST_GUILESS_MAIN(TestService)
} // namespace tst_service
#include "tst_service.moc"
