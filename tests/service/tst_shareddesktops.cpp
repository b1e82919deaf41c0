// Several desktops on one world on PostgreSQL (issue 16): two Services open
// the same world at once, each on connections of its own, as two desktops
// would. They move it concurrently — catch-ups on threads of their own, and
// a foreground advance on one while the other's catch-up runs — and each
// move waits for the other (WorldMoveLock) and starts from the clock the
// other left. Every top-up is then charged exactly once: the provider's
// journal and the store agree charge by charge, no identity twice, no
// intent left, and both desktops see the same clock and the same attempts.
// What one desktop changes, the other hears (LISTEN/NOTIFY, WorldNotices)
// and says as its own signals, so its screens refresh.
#include "testmain.h"
#include "checked.h"
#include "storeengine.h"
#include "storefixture.h"

#include "domain/attemptstatus.h"
#include "service/service.h"
#include "service/worldnotices.h"
#include "service/worldonserver.h"
#include "store/journalgateway.h"
#include "store/serverworldlock.h"

#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace tst_shareddesktops {

using namespace topup;
using namespace topup::test;

namespace {

constexpr qint64 dayMs = 24 * 60 * 60 * 1000;
const char *const start = "2027-03-01T08:00:00Z";

SignUpForm form()
{
    return SignUpForm{QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery"), QStringLiteral("EUR"),
                      QStringLiteral("Europe/Paris"), std::nullopt};
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// Waits for the catch-up `spy` watches to have ended, and says how.
QString finishedWith(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(240'000))
        return QStringLiteral("the catch-up did not end");
    return spy.first().at(1).toString();
}

// Every attempt of the account, one a line, oldest first.
QStringList attemptsOf(Service &service)
{
    QStringList seen;
    const Expected<std::vector<AttemptRow>> attempts = service.attempts(-1);
    if (!QTest::qVerify(attempts.ok(), "attempts", qPrintable(attempts.error()), __FILE__, __LINE__))
        return seen;
    for (const AttemptRow &attempt : *attempts)
        seen.prepend(QStringLiteral("%1 %2 %3 #%4 %5 %6")
                         .arg(attempt.at.toString(), attempt.lineName, attempt.key)
                         .arg(attempt.attempt)
                         .arg(attempt.amount.toString(), attemptStatusName(attempt.status)));
    return seen;
}

struct Fleet final
{
    MethodRecord wallet;
    QList<qint64> lines;
};

// Eight heavy lines topping up below 1 GB from one wallet: a top-up every
// day or two each, so that two catch-ups would overlap without the lock.
Expected<Fleet> heavyFleet(Service &service)
{
    if (const Expected<CatchUpSummary> caughtUp = service.catchUpToNow(); !caughtUp)
        return Expected<Fleet>::failure(caughtUp);
    const Expected<MethodRecord> wallet = service.addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(5'000'000)});
    if (!wallet)
        return Expected<Fleet>::failure(wallet);
    Fleet fleet{*wallet, {}};
    for (int n = 1; n <= 8; ++n) {
        const Expected<LineRecord> line =
            service.addLine(LineForm{QStringLiteral("Phone %1").arg(n), {}, UsageProfile::Heavy, quint64(n), DataAmount(3 * gigabyte), {}});
        if (!line)
            return Expected<Fleet>::failure(line);
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageNamed(service, "5 GB data")};
        policy.method = wallet->engineId();
        if (const Expected<void> set = service.setPolicy(line->id, policy); !set)
            return Expected<Fleet>::failure(set);
        fleet.lines << line->id;
    }
    return fleet;
}

// A signed-in desktop on the world `dir` keeps, with a wallet; null (the test failed) when not.
std::unique_ptr<Service> desktop(const QString &dir, bool signUp)
{
    auto service = openService(dir, at(start));
    if (!service)
        return nullptr;
    const Expected<Account> account = signUp ? service->signUp(form())
                                             : service->signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery"));
    if (!QTest::qVerify(account.ok(), "sign-in", qPrintable(account.error()), __FILE__, __LINE__))
        return nullptr;
    return service;
}

// A desktop on the world `dir` keeps, signed in, whose writes wait at most
// `waitMs` for another desktop's move (its catch-ups in the background
// `backgroundWaitMs`), named `name` when it saves rules
// (Service::desktopName() when empty); null (the test failed) when not.
std::unique_ptr<Service> desktopWith(const QString &dir, int waitMs, const QString &name = {}, int backgroundWaitMs = Service::defaultWorldWaitMs)
{
    Service::Options options;
    const Expected<WorldLocation> location = worldLocationFor(dir);
    if (!QTest::qVerify(location.ok(), "worldLocationFor", qPrintable(location.error()), __FILE__, __LINE__))
        return nullptr;
    options.location = *location;
    options.fixedNow = at(start);
    options.passwordIterations = fastPasswordRounds;
    options.worldWaitMs = waitMs;
    options.backgroundWorldWaitMs = backgroundWaitMs;
    options.desktopName = name;
    Expected<std::unique_ptr<Service>> service = Service::open(options);
    if (!QTest::qVerify(service.ok(), "Service::open", qPrintable(service.error()), __FILE__, __LINE__))
        return nullptr;
    const Expected<Account> account = (*service)->signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery"));
    if (!QTest::qVerify(account.ok(), "sign-in", qPrintable(account.error()), __FILE__, __LINE__))
        return nullptr;
    return service.take();
}

// Another desktop's long move: the world's lock held from a connection of
// its own, on a thread of its own, by a program that names itself
// "topup-dashboard, process 4242 on desk-9"; let go when told.
class OtherDesktopMove final : public QThread
{
public:
    explicit OtherDesktopMove(QString folder) : m_folder(std::move(folder)) {}

    QSemaphore held;  // released once the lock is held (or could not be: error())
    QSemaphore letGo; // released by the test: the move ends
    QString error() const { return m_error; }

private:
    void run() override
    {
        const QString name = QStringLiteral("other-desktop");
        {
            QSqlDatabase db = addWorldConnection(name, m_folder);
            db.setConnectOptions(QStringLiteral("application_name=topup-dashboard,pid=4242,host=desk-9"));
            if (!db.open()) {
                m_error = db.lastError().text();
            } else {
                QSqlQuery lock(db);
                if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(ServerWorldLock::key)))
                    m_error = lock.lastError().text();
            }
            held.release();
            letGo.acquire();
            db.close(); // the session ends, and the lock with it
        }
        QSqlDatabase::removeDatabase(name);
    }

    QString m_folder;
    QString m_error;
};

} // namespace

class TestSharedDesktops final : public QObject
{
    Q_OBJECT

    StoreEngine m_engine;

private slots:
    void initTestCase()
    {
        qputenv("TOPUP_TEST_ENGINE", "postgresql"); // a shared world is one on a server
        TOPUP_VERIFY_OK(m_engine.start());
    }

    // The notice's words, read back; anything else is not one of ours.
    void noticesReadBack()
    {
        using Kind = WorldNotices::Kind;
        const WorldNotices::Notice lines{Kind::LinesChanged, 7, {3, 4}};
        QCOMPARE(WorldNotices::payloadOf(lines), QStringLiteral("lines 7 3,4"));
        QCOMPARE(WorldNotices::parse(QStringLiteral("lines 7 3,4")), std::optional<WorldNotices::Notice>(lines));
        QCOMPARE(WorldNotices::parse(QStringLiteral("world 0")), std::optional<WorldNotices::Notice>(WorldNotices::Notice{Kind::World, 0, {}}));
        for (const char *bad : {"", "lines", "lines x 3", "lines 7 3,,4", "lines 7 -3", "spam 7 3", "lines 7 3 4"})
            QVERIFY2(!WorldNotices::parse(QLatin1String(bad)), bad);
        // Too many ids for one notice: the world moved on, everything is read again.
        WorldNotices::Notice many{Kind::LinesChanged, 7, {}};
        for (qint64 id = 1'000'000; id < 1'002'000; ++id)
            many.ids << id;
        QCOMPARE(WorldNotices::payloadOf(many), QStringLiteral("world 0"));
    }

    // Rules saved on one desktop: the other says those lines changed (its
    // screens read them again) and reads the new rules; the world moved on
    // one, the other says so too. Neither hears itself.
    void aWriteOnOneDesktopRefreshesTheOther()
    {
        QTemporaryDir dir;
        auto first = desktop(dir.path(), true);
        QVERIFY(first);
        TOPUP_VERIFY_OK(first->catchUpToNow());
        const MethodRecord wallet = TOPUP_VALUE(first->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(100'000)}));
        const LineRecord line = TOPUP_VALUE(first->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Regular, 7, DataAmount(20 * gigabyte), {}}));
        auto second = desktop(dir.path(), false);
        QVERIFY(second);
        QVERIFY(!TOPUP_FIRST(second->lines()).policy);

        QSignalSpy firstChanged(first.get(), &Service::linesChanged);
        QSignalSpy secondChanged(second.get(), &Service::linesChanged);
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, 2 * gigabyte, packageNamed(*first, "5 GB data")};
        policy.method = wallet.engineId();
        TOPUP_VERIFY_OK(first->setPolicy(line.id, policy));
        QVERIFY(secondChanged.count() > 0 || secondChanged.wait(10'000));
        QCOMPARE(secondChanged.first().at(0).value<QList<qint64>>(), QList<qint64>{line.id});
        const LineRecord seen = TOPUP_FIRST(second->lines());
        QVERIFY(seen.policy);
        QVERIFY(seen.policy->threshold);
        QCOMPARE(seen.policy->threshold->below, 2 * gigabyte);
        QCOMPARE(firstChanged.count(), 1); // its own write, said once: not heard back

        QSignalSpy secondAdvanced(second.get(), &Service::worldAdvanced);
        TOPUP_VERIFY_OK(first->advanceBy(dayMs));
        QVERIFY(secondAdvanced.count() > 0 || secondAdvanced.wait(10'000));
        QCOMPARE(TOPUP_VALUE(second->worldClock()), TOPUP_VALUE(first->worldClock()));

        // The account's own settings: read again, and said.
        QSignalSpy secondAccount(second.get(), &Service::accountChanged);
        TOPUP_VERIFY_OK(first->setAccountCap(Money::fromCents(4'000)));
        QVERIFY(secondAccount.count() > 0 || secondAccount.wait(10'000));
        QVERIFY(second->account());
        QCOMPARE(second->account()->monthlyCap, std::optional<Money>(Money::fromCents(4'000)));
    }

    // The outlook's run kept on one desktop (OutlookKeeper) holds while
    // another desktop moves the world, and is made again once the other
    // saves rules: then both outlooks list the same top-ups.
    void anotherDesktopsWriteMakesTheOutlookAgain()
    {
        QTemporaryDir dir;
        auto first = desktop(dir.path(), true);
        QVERIFY(first);
        TOPUP_VERIFY_OK(first->catchUpToNow());
        const MethodRecord wallet = TOPUP_VALUE(first->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(100'000)}));
        const LineRecord line = TOPUP_VALUE(first->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Heavy, 7, DataAmount(20 * gigabyte), {}}));
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, 2 * gigabyte, packageNamed(*first, "5 GB data")};
        policy.method = wallet.engineId();
        TOPUP_VERIFY_OK(first->setPolicy(line.id, policy));
        auto second = desktop(dir.path(), false);
        QVERIFY(second);
        const auto topUps = [](Service &service) {
            QStringList said;
            const Outlook outlook = TOPUP_VALUE(service.outlook());
            for (const LineOutlook &seen : outlook.lines) {
                for (const PreviewItem &item : seen.topUps)
                    said << QStringLiteral("%1 %2 %3 %4").arg(item.at.toString(), item.key, item.amount.toString(), attemptStatusName(item.status));
            }
            return said;
        };
        const QStringList before = topUps(*second);
        QVERIFY(!before.isEmpty());
        QCOMPARE(second->outlookRuns(), 1);

        QSignalSpy secondAdvanced(second.get(), &Service::worldAdvanced);
        TOPUP_VERIFY_OK(first->advanceBy(dayMs / 4));
        QVERIFY(secondAdvanced.count() > 0 || secondAdvanced.wait(10'000));
        QCOMPARE(topUps(*second), topUps(*first));
        QCOMPARE(second->outlookRuns(), 1); // another desktop's move: kept

        QSignalSpy secondChanged(second.get(), &Service::linesChanged);
        policy.threshold->below = 10 * gigabyte;
        TOPUP_VERIFY_OK(first->setPolicy(line.id, policy));
        QVERIFY(secondChanged.count() > 0 || secondChanged.wait(10'000));
        const QStringList after = topUps(*second);
        QCOMPARE(second->outlookRuns(), 2); // another desktop's write: made again
        QCOMPARE(after, topUps(*first));
        QVERIFY(after != before);
    }

    // Two desktops load the same line's rules; the first saves, then the
    // second's save is refused, naming what the first changed, who (the
    // desktop, as it names itself) and when (by its clock, in the account's
    // zone), and the first's rules stay; reloaded, the second saves.
    void twoSavesOfTheSameRulesMeetAConflict()
    {
        QTemporaryDir dir;
        auto first = desktop(dir.path(), true);
        QVERIFY(first);
        const Expected<Fleet> fleet = heavyFleet(*first);
        QVERIFY2(fleet, qPrintable(fleet.error()));
        auto second = desktop(dir.path(), false);
        QVERIFY(second);
        auto bob = desktopWith(dir.path(), Service::defaultWorldWaitMs, QStringLiteral("bob@desk-2"));
        QVERIFY(bob);
        const LineRecord onFirst = TOPUP_FIRST(bob->lines());
        const LineRecord onSecond = TOPUP_FIRST(second->lines());
        QCOMPARE(onSecond.rulesVersion, onFirst.rulesVersion);

        Policy firstRules = *onFirst.policy;
        firstRules.threshold->below = 2 * gigabyte;
        TOPUP_VERIFY_OK(bob->setPolicy(onFirst.id, firstRules, RulesSeen{onFirst.rulesVersion, onFirst.policy}));
        // Kept with the version: who saved them and when (bob's clock, 2027-03-01T08:00Z).
        QCOMPARE(TOPUP_FIRST(second->lines()).rulesChangedBy, std::optional<RulesAuthor>(RulesAuthor{QStringLiteral("bob@desk-2"), at(start)}));
        Policy secondRules = *onSecond.policy;
        secondRules.monthlyCap = Money::fromCents(2'500);
        const Expected<void> refused = second->setPolicy(onSecond.id, secondRules, RulesSeen{onSecond.rulesVersion, onSecond.policy});
        QVERIFY(!refused);
        QCOMPARE(refused.sentences(),
                 QStringLiteral("The rules of “Phone 1” were changed elsewhere (threshold %1 → %2) by bob@desk-2 at 2027-03-01 09:00"
                                " Europe/Paris (by that desktop's clock) while you edited them. Review them and save again.")
                     .arg(DataAmount(gigabyte).toString(), DataAmount(2 * gigabyte).toString()));
        QCOMPARE(TOPUP_FIRST(second->lines()).policy, std::optional<Policy>(firstRules));

        const LineRecord reloaded = TOPUP_FIRST(second->lines());
        secondRules.threshold->below = 2 * gigabyte;
        TOPUP_VERIFY_OK(second->setPolicy(reloaded.id, secondRules, RulesSeen{reloaded.rulesVersion, reloaded.policy}));
        QCOMPARE(TOPUP_FIRST(first->lines()).policy, std::optional<Policy>(secondRules));
    }

    // While another desktop moves the world (a long catch-up), a write
    // says it waits, and who for; past its limit it is refused naming that
    // desktop, nothing of it written. Released in time, the write is made.
    void aWriteWaitingForAnotherDesktopHasALimit()
    {
        QTemporaryDir dir;
        auto first = desktop(dir.path(), true);
        QVERIFY(first);
        TOPUP_VERIFY_OK(first->catchUpToNow());
        const MethodRecord wallet = TOPUP_VALUE(first->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(10'000)}));
        const LineRecord line = TOPUP_VALUE(first->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Regular, 7, DataAmount(20 * gigabyte), {}}));
        auto impatient = desktopWith(dir.path(), 300); // the test's limit: 0.3 s
        QVERIFY(impatient);

        OtherDesktopMove other(dir.path());
        other.start();
        const auto letGoAtTheEnd = qScopeGuard([&other] { // however the test ends
            other.letGo.release();
            other.wait();
        });
        other.held.acquire();
        QVERIFY2(other.error().isEmpty(), qPrintable(other.error()));
        const QString holder = QStringLiteral("topup-dashboard, process 4242 on desk-9");

        QSignalSpy waiting(impatient.get(), &Service::waitingForWorld);
        QSignalSpy ended(impatient.get(), &Service::worldWaitEnded);
        QSignalSpy methodsChanged(impatient.get(), &Service::methodsChanged);
        const Expected<void> deposited = impatient->deposit(wallet.id, Money::fromCents(2'500));
        QVERIFY(!deposited);
        QCOMPARE(deposited.sentences(), QStringLiteral("Another desktop (%1) is moving the world; try again in a moment.").arg(holder));
        QCOMPARE(waiting.count(), 1);
        QCOMPARE(waiting.first().at(0).toString(), QStringLiteral("Waiting for another desktop (%1) to finish moving the world…").arg(holder));
        QCOMPARE(ended.count(), 1);
        QCOMPARE(methodsChanged.count(), 0);
        // Rules too: refused, the line's rules as they were.
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, 2 * gigabyte, packageNamed(*first, "5 GB data")};
        policy.method = wallet.engineId();
        const Expected<void> saved = impatient->setPolicy(line.id, policy);
        QVERIFY(!saved);
        QCOMPARE(saved.sentences(), QStringLiteral("Another desktop (%1) is moving the world; try again in a moment.").arg(holder));
        QCOMPARE(ended.count(), 2);

        // The other desktop finishes while a write waits within its limit: the write is made.
        QSignalSpy firstWaiting(first.get(), &Service::waitingForWorld);
        const QMetaObject::Connection finish = connect(first.get(), &Service::waitingForWorld, this, [&other] { other.letGo.release(); });
        const Expected<void> waited = first->deposit(wallet.id, Money::fromCents(2'500));
        disconnect(finish);
        TOPUP_VERIFY_OK(waited);
        QCOMPARE(firstWaiting.count(), 1);
        QVERIFY(other.wait(60'000));
        // Nothing of the refused writes was made: the wallet holds one deposit more, the line no rules.
        QCOMPARE(TOPUP_FIRST(impatient->methods()).funds, Money::fromCents(12'500));
        QVERIFY(!TOPUP_FIRST(impatient->lines()).policy);
        TOPUP_VERIFY_OK(impatient->setPolicy(line.id, policy)); // the world free, at once
    }

    // A catch-up in the background waits for another desktop's move no
    // longer than its limit either (it used to wait for ever): refused
    // naming that desktop, the world's clock where it was; once the other
    // has finished, the same catch-up runs.
    void aBackgroundCatchUpWaitingForAnotherDesktopHasALimit()
    {
        QTemporaryDir dir;
        auto first = desktop(dir.path(), true);
        QVERIFY(first);
        TOPUP_VERIFY_OK(first->catchUpToNow());
        auto impatient = desktopWith(dir.path(), Service::defaultWorldWaitMs, {}, 300); // the test's limit: 0.3 s
        QVERIFY(impatient);
        const Instant clock = TOPUP_VALUE(impatient->worldClock());
        const Instant target = clock.plusMsecs(2 * day);

        OtherDesktopMove other(dir.path());
        other.start();
        const auto letGoAtTheEnd = qScopeGuard([&other] { // however the test ends
            other.letGo.release();
            other.wait();
        });
        other.held.acquire();
        QVERIFY2(other.error().isEmpty(), qPrintable(other.error()));

        QSignalSpy finished(impatient.get(), &Service::catchUpFinished);
        QVERIFY(impatient->startCatchUp(target));
        const QString refused = finishedWith(finished);
        QVERIFY2(refused.contains(QLatin1String("another desktop (topup-dashboard, process 4242 on desk-9) is moving the world (waited 1 s);"
                                                " try again in a moment")),
                 qPrintable(refused));
        QCOMPARE(TOPUP_VALUE(impatient->worldClock()), clock);

        other.letGo.release();
        QVERIFY(other.wait(60'000));
        finished.clear();
        QVERIFY(impatient->startCatchUp(target));
        QCOMPARE(finishedWith(finished), QString());
        QCOMPARE(TOPUP_VALUE(impatient->worldClock()), target);
    }

    void twoDesktopsMovingOneWorldChargeEachTopUpOnce()
    {
        QTemporaryDir dir;
        auto first = desktop(dir.path(), true);
        QVERIFY(first);
        const Expected<Fleet> fleet = heavyFleet(*first);
        QVERIFY2(fleet, qPrintable(fleet.error()));
        const MethodRecord wallet = fleet->wallet;
        const QList<qint64> lines = fleet->lines;

        // The reference: the same world moved by one desktop alone.
        QStringList alone;
        {
            QTemporaryDir referenceDir;
            auto reference = desktop(referenceDir.path(), true);
            QVERIFY(reference);
            QVERIFY(heavyFleet(*reference));
            TOPUP_VERIFY_OK(reference->advanceBy(40 * dayMs - 8)); // the eight settles moved it by 1 ms each
            QCOMPARE(TOPUP_VALUE(reference->worldClock()), at(start).plusMsecs(40 * dayMs));
            alone = attemptsOf(*reference);
        }

        // The second desktop, at once: the world is shared, not refused.
        auto second = desktop(dir.path(), false);
        QVERIFY(second);
        QVERIFY(second->onServer());
        QCOMPARE(TOPUP_VALUE(second->lines()).size(), std::size_t(8));

        // Both catch up at once, each on its own thread, to different instants.
        {
            QSignalSpy firstDone(first.get(), &Service::catchUpFinished);
            QSignalSpy secondDone(second.get(), &Service::catchUpFinished);
            QVERIFY(first->startCatchUp(at(start).plusMsecs(30 * dayMs)));
            QVERIFY(second->startCatchUp(at(start).plusMsecs(40 * dayMs)));
            const QString firstError = finishedWith(firstDone);
            QVERIFY2(firstError.isEmpty(), qPrintable(firstError));
            const QString secondError = finishedWith(secondDone);
            QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
        }
        QCOMPARE(TOPUP_VALUE(first->worldClock()), at(start).plusMsecs(40 * dayMs));
        // Each day run once, by one or the other: the very world one desktop alone makes.
        QCOMPARE(attemptsOf(*second), alone);

        // One catches up on its thread while the other advances in the
        // foreground (which waits for the world) and then saves rules (a
        // write that settles).
        {
            QSignalSpy secondDone(second.get(), &Service::catchUpFinished);
            QVERIFY(second->startCatchUp(at(start).plusMsecs(50 * dayMs)));
            TOPUP_VERIFY_OK(first->advanceBy(2 * dayMs));
            Policy policy;
            policy.threshold = ThresholdTrigger{Resource::Data, 2 * gigabyte, packageNamed(*first, "5 GB data")};
            policy.method = wallet.engineId();
            TOPUP_VERIFY_OK(first->setPolicy(lines.first(), policy));
            const QString secondError = finishedWith(secondDone);
            QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
        }
        // Whichever went first, the other went on from where it left the world.
        const Instant clock = TOPUP_VALUE(first->worldClock());
        QCOMPARE(TOPUP_VALUE(second->worldClock()), clock);
        // (the background one first: 50 days, then 2 more and a settle; or
        // the foreground ones first: 42 days and a settle, then to 50.)
        const Instant fifty = at(start).plusMsecs(50 * dayMs);
        QVERIFY2(clock == fifty || clock == fifty.plusMsecs(1) || clock == fifty.plusMsecs(2 * dayMs + 1), qPrintable(clock.toString()));

        // The same attempts through either desktop.
        const std::vector<AttemptRow> seenFirst = TOPUP_VALUE(first->attempts(-1));
        const std::vector<AttemptRow> seenSecond = TOPUP_VALUE(second->attempts(-1));
        QCOMPARE(seenFirst.size(), seenSecond.size());
        QVERIFY2(seenFirst.size() >= 10, qPrintable(QString::number(seenFirst.size())));

        // The books, charge by charge: the journal's every charge is one
        // attempt in the store with its answer and amount, and no more.
        const Expected<WorldLocation> location = worldLocationFor(dir.path());
        QVERIFY2(location, qPrintable(location.error()));
        QVERIFY(location->database());
        const Expected<DatabaseUrl> journalUrl = WorldOnServer::journalOf(*location->database());
        QVERIFY2(journalUrl, qPrintable(journalUrl.error()));
        Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::openOnServer(*journalUrl, true);
        QVERIFY2(journal, qPrintable(journal.error()));
        const std::vector<JournalCharge> charges = TOPUP_VALUE((*journal)->charges());
        {
            QSqlDatabase db = addWorldConnection(QStringLiteral("books"), dir.path());
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM charge_intents")), qint64(0));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM attempts WHERE status <> 'blocked'")), qint64(charges.size()));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM (SELECT chain_key, attempt, method_token FROM attempts"
                                               " WHERE status <> 'blocked' GROUP BY chain_key, attempt, method_token HAVING count(*) > 1) AS twice")),
                     qint64(0));
            const Expected<qint64> journalSpend = journalChargesInStore(db, charges);
            QVERIFY2(journalSpend, qPrintable(journalSpend.error()));
            QCOMPARE(scalar(db, QStringLiteral("SELECT coalesce(sum(amount_cents), 0) FROM attempts WHERE status = 'succeeded'")), *journalSpend);
            // The wallet's funds at the provider: what it held, less what was charged.
            const Expected<Money> funds = (*journal)->fundsOf(TOPUP_FIRST(first->methods()).token);
            QVERIFY2(funds, qPrintable(funds.error()));
            QCOMPARE(funds->cents(), 5'000'000 - *journalSpend);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("books"));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestSharedDesktops)
} // namespace tst_shareddesktops
#include "tst_shareddesktops.moc"
