// The dashboard after a move waits for no outlook (issue 16): the thread
// that moved the world (a play step, a catch-up in the background, on a
// server the work after another desktop's move) makes the signed-in
// account's outlook right after (PreparedOutlook), and Service::outlook()
// hands it out at once. Two copies of one world move to the same clock, one
// in a thread (keeping the outlook's run, preparing it) and one on the
// test's thread (making the run at every outlook: keepOutlooks = false):
// what is handed out says what a fresh build says, field by field, and
// outlook() built nothing. After a write, or for another account, the one
// prepared is not handed out.
#include "testmain.h"
#include "outlooktext.h"
#include "storeengine.h"
#include "service/moveconnections.h"
#include "service/service.h"
#include "store/database.h"
#include "store/storeschema.h"
#include "store/worldmovelock.h"
#include "checked.h"
#include "seededworld.h"
#include "storefixture.h"

#include <QSignalSpy>
#include <QTest>

namespace tst_preparedoutlook {

using namespace topup;

namespace {

constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;

// Pat's four lines of the fixed world of tst_outlookkeeping, rules on each;
// a second account (Sam) with a line of its own. Pat's id.
qint64 buildWorld(Service &service)
{
    const qint64 sam = test::signUpAccount(service, QStringLiteral("sam@example.com"), QStringLiteral("UTC"), std::nullopt);
    if (!sam || !service.addLine(LineForm{QStringLiteral("Sam's"), {}, UsageProfile::Light, 9, DataAmount(5000LL * 1000 * 1000), VoiceAmount(0)}))
        return 0;
    const qint64 pat = test::signUpAccount(service, QStringLiteral("pat@example.com"), QStringLiteral("Europe/Paris"), std::nullopt);
    const Expected<MethodRecord> wallet = test::addNumberedMethod(service, 0, Money::fromCents(1500));
    const Expected<MethodRecord> card = test::addNumberedMethod(service, 1, Money::fromCents(100000000));
    const Expected<std::vector<PackageRecord>> records = service.packages();
    if (!pat || !wallet || !card || !records)
        return 0;
    const test::PackageIds packages = test::packageIds(*records);
    for (int i = 0; i < 4; ++i) {
        const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Van %1").arg(i + 1), {},
                                                                   i % 2 == 0 ? UsageProfile::Regular : UsageProfile::Heavy, quint64(101 + i),
                                                                   DataAmount((1500LL + 1500 * i) * 1000 * 1000), VoiceAmount(3000)});
        if (!line)
            return 0;
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, (500LL + 300 * i) * 1000 * 1000, packages.data.front()};
        if (i % 2 == 1)
            policy.monthly = MonthlyTrigger{12 + i, 9 * 60, packages.all.back()};
        policy.method = (i == 2 ? *wallet : *card).engineId();
        if (!service.setPolicy(line->id, policy))
            return 0;
    }
    return pat;
}

enum class Move { PlayStep, CatchUp };

// `service` moves the world in a thread of its own, as the app does, until
// it says worldAdvanced; false (the failure recorded) when it does not.
bool moveInThread(Service &service, Move move)
{
    QSignalSpy advanced(&service, &Service::worldAdvanced);
    if (move == Move::PlayStep) {
        // Six hours a second: 72 minutes a tick.
        if (const Expected<void> playing = service.startPlaying(6 * hour); !playing) {
            QTest::qFail(qPrintable(playing.error()), __FILE__, __LINE__);
            return false;
        }
    } else {
        const Expected<Instant> clock = service.worldClock();
        if (!clock || !service.startCatchUp(clock->plusMsecs(26 * hour + 7 * minute))) {
            QTest::qFail("the catch-up did not start", __FILE__, __LINE__);
            return false;
        }
    }
    const bool moved = advanced.wait(20000);
    service.stopPlaying();
    if (!moved) {
        QTest::qFail("the world did not move", __FILE__, __LINE__);
        return false;
    }
    // A step begun meanwhile lands (and prepares its own).
    if (!QTest::qWaitFor([&] { return !service.busy(); }, 20000)) {
        QTest::qFail("the step did not land", __FILE__, __LINE__);
        return false;
    }
    return true;
}

// `service` jumps to the account's next top-up off the test's thread
// (startJumpToNextEvent), as the line test panel does; false (the failure
// recorded) when it does not land.
bool jumpInThread(Service &service)
{
    QSignalSpy finished(&service, &Service::jumpFinished);
    QString error;
    QObject context;
    QObject::connect(&service, &Service::jumpFinished, &context, [&](const Expected<std::optional<Instant>> &landed) {
        if (!landed)
            error = landed.error();
    });
    if (const Expected<void> started = service.startJumpToNextEvent(); !started) {
        QTest::qFail(qPrintable(started.error()), __FILE__, __LINE__);
        return false;
    }
    if (!finished.wait(20000)) {
        QTest::qFail("the jump did not land", __FILE__, __LINE__);
        return false;
    }
    if (!error.isEmpty()) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return false;
    }
    return true;
}

// What a jump changes, as text: the clock, each line's balances and
// trigger state, the methods' funds, every attempt and alert.
QString worldText(Service &service)
{
    QStringList text;
    const Expected<Instant> clock = service.worldClock();
    const Expected<std::vector<LineRecord>> lines = service.lines();
    const Expected<std::vector<MethodRecord>> methods = service.methods();
    const Expected<std::vector<AttemptRow>> attempts = service.attempts(-1);
    const Expected<std::vector<AlertRow>> alerts = service.alerts();
    if (!clock || !lines || !methods || !attempts || !alerts)
        return QStringLiteral("a query failed");
    text << clock->toString();
    for (const LineRecord &line : *lines)
        text << QStringLiteral("line %1: %2 B, %3 s, %4").arg(line.name).arg(line.dataBytes).arg(line.voiceSeconds).arg(thresholdStateName(line.progress.state));
    for (const MethodRecord &method : *methods)
        text << QStringLiteral("method %1: %2").arg(method.id).arg(method.funds.cents());
    for (const AttemptRow &attempt : *attempts)
        text << QStringLiteral("attempt %1 %2 %3 %4 %5").arg(attempt.at.toString(), attempt.lineName, attempt.key).arg(attempt.amount.cents()).arg(int(attempt.status));
    for (const AlertRow &alert : *alerts)
        text << QStringLiteral("alert %1 %2 %3").arg(alert.at.toString()).arg(int(alert.kind)).arg(alert.lineName);
    return text.join(QLatin1Char('\n'));
}

// `fresh` moved to where `moved` is.
bool follow(Service &fresh, Service &moved)
{
    const Expected<Instant> there = moved.worldClock();
    const Expected<Instant> here = fresh.worldClock();
    if (!there || !here || !(*here < *there)) {
        QTest::qFail("the clocks cannot be followed", __FILE__, __LINE__);
        return false;
    }
    if (const Expected<CatchUpSummary> done = fresh.advanceBy(there->msecs() - here->msecs()); !done) {
        QTest::qFail(qPrintable(done.error()), __FILE__, __LINE__);
        return false;
    }
    return true;
}

} // namespace

class TestPreparedOutlook final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

    // Pat's world in `folders.narrow`, copied to `folders.whole`; the
    // service that prepares (keeping the run) first, the fresh one second.
    test::NarrowedPair openPair(test::WorldFolders &folders, qint64 *pat = nullptr)
    {
        const Instant start = test::at("2027-05-10T08:00:00Z");
        qint64 accountId = 0;
        {
            std::unique_ptr<Service> service = test::openNarrowed(folders.narrow.path(), start, &Service::Options::keepOutlooks, true);
            if (!service)
                return {};
            accountId = buildWorld(*service);
            if (!accountId)
                return {};
        }
        if (pat)
            *pat = accountId;
        return test::copyAndOpenBoth(folders, start, &Service::Options::keepOutlooks, accountId);
    }

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void handedOutAfterAThreadedMove_data()
    {
        QTest::addColumn<Move>("move");
        QTest::addRow("play step") << Move::PlayStep;
        QTest::addRow("catch-up") << Move::CatchUp;
    }

    // Move after move, the outlook handed out is what a fresh build at
    // that clock says, and outlook() built nothing (its run neither).
    void handedOutAfterAThreadedMove()
    {
        QFETCH(Move, move);
        test::WorldFolders folders(QStringLiteral("tst_preparedoutlook"));
        QVERIFY(folders.isValid());
        const test::NarrowedPair pair = openPair(folders);
        QVERIFY(pair.narrow && pair.whole);
        Service &preparing = *pair.narrow;
        Service &fresh = *pair.whole;
        for (int step = 0; step < 3; ++step) {
            const int prepared = preparing.outlooksPrepared();
            QVERIFY(moveInThread(preparing, move));
            QVERIFY(preparing.outlooksPrepared() > prepared);
            QVERIFY(follow(fresh, preparing));
            const int runs = preparing.outlookRuns();
            const int handedOut = preparing.preparedOutlooksHandedOut();
            const Outlook ready = TOPUP_VALUE(preparing.outlook());
            QCOMPARE(preparing.preparedOutlooksHandedOut(), handedOut + 1);
            QCOMPARE(preparing.outlookRuns(), runs);
            QCOMPARE(ready.clock, TOPUP_VALUE(preparing.worldClock()));
            const Outlook made = TOPUP_VALUE(fresh.outlook());
            const QString differs = test::difference(ready, made);
            QVERIFY2(differs.isEmpty(), qPrintable(QStringLiteral("move %1: %2").arg(step).arg(differs)));
            QCOMPARE(ready.lines.size(), std::size_t(4));
            // Asked again at the same clock: handed out once, so built, from
            // the run the move's thread kept.
            QVERIFY(test::difference(TOPUP_VALUE(preparing.outlook()), made).isEmpty());
            QCOMPARE(preparing.preparedOutlooksHandedOut(), handedOut + 1);
            QCOMPARE(preparing.outlookRuns(), runs);
        }
    }

    // An outlook asked while the move's thread runs (another screen) is
    // built without what AccountOutlook keeps, which is lent to that
    // thread until it ends; the one the thread made is handed out after,
    // what a fresh build says.
    void askedWhileTheMoveRunsBuildsWithoutWhatIsLent()
    {
        test::WorldFolders folders(QStringLiteral("tst_preparedoutlook"));
        QVERIFY(folders.isValid());
        const test::NarrowedPair pair = openPair(folders);
        QVERIFY(pair.narrow && pair.whole);
        Service &preparing = *pair.narrow;
        Service &fresh = *pair.whole;
        QSignalSpy finished(&preparing, &Service::catchUpFinished);
        const int runs = preparing.outlookRuns();
        QVERIFY(preparing.startCatchUp(TOPUP_VALUE(preparing.worldClock()).plusMsecs(3 * 24 * hour)));
        QVERIFY(preparing.busy()); // until its end is taken, on this thread: lent until then
        TOPUP_VALUE(preparing.outlook());
        QCOMPARE(preparing.outlookRuns(), runs + 1);
        QCOMPARE(preparing.preparedOutlooksHandedOut(), 0);
        QVERIFY(finished.wait(20000));
        QVERIFY(follow(fresh, preparing));
        const Outlook ready = TOPUP_VALUE(preparing.outlook());
        QCOMPARE(preparing.preparedOutlooksHandedOut(), 1);
        QCOMPARE(preparing.outlookRuns(), runs + 1);
        QVERIFY(test::difference(ready, TOPUP_VALUE(fresh.outlook())).isEmpty());
    }

    // A write after the move: the outlook is built again, and says what a
    // fresh one says; the next threaded move prepares again.
    void notHandedOutAfterAWrite()
    {
        test::WorldFolders folders(QStringLiteral("tst_preparedoutlook"));
        QVERIFY(folders.isValid());
        const test::NarrowedPair pair = openPair(folders);
        QVERIFY(pair.narrow && pair.whole);
        Service &preparing = *pair.narrow;
        Service &fresh = *pair.whole;
        QVERIFY(moveInThread(preparing, Move::CatchUp));
        QVERIFY(follow(fresh, preparing));
        // An account cap: a write that may change every line's run.
        const Money cap = Money::fromCents(4500);
        for (Service *service : {&preparing, &fresh})
            TOPUP_VERIFY_OK(service->setAccountCap(cap));
        const int runs = preparing.outlookRuns();
        const int handedOut = preparing.preparedOutlooksHandedOut();
        const Outlook built = TOPUP_VALUE(preparing.outlook());
        QCOMPARE(preparing.preparedOutlooksHandedOut(), handedOut);
        QCOMPARE(preparing.outlookRuns(), runs + 1);
        QVERIFY(built.accountCap && *built.accountCap == cap);
        QVERIFY(test::difference(built, TOPUP_VALUE(fresh.outlook())).isEmpty());

        QVERIFY(moveInThread(preparing, Move::PlayStep));
        QVERIFY(follow(fresh, preparing));
        const Outlook ready = TOPUP_VALUE(preparing.outlook());
        QCOMPARE(preparing.preparedOutlooksHandedOut(), handedOut + 1);
        QVERIFY(test::difference(ready, TOPUP_VALUE(fresh.outlook())).isEmpty());
    }

    // Acting as another account while the move runs: the outlook prepared
    // is Pat's, made for whoever acted when the move began, and is not
    // handed out to Sam — nor to Pat again once Pat acts again (who acts
    // changed in between); signed out, there is none.
    void notHandedOutToAnotherAccount()
    {
        test::WorldFolders folders(QStringLiteral("tst_preparedoutlook"));
        QVERIFY(folders.isValid());
        qint64 pat = 0;
        const test::NarrowedPair pair = openPair(folders, &pat);
        QVERIFY(pair.narrow);
        Service &service = *pair.narrow;
        const qint64 sam = TOPUP_VALUE(service.allAccounts()).front().id;
        QVERIFY(sam != pat);
        QSignalSpy finished(&service, &Service::catchUpFinished);
        QVERIFY(service.startCatchUp(TOPUP_VALUE(service.worldClock()).plusMsecs(5 * hour)));
        TOPUP_VERIFY_OK(service.actAs(sam)); // while the catch-up runs: acting as another needs no write
        QVERIFY(finished.wait(20000));
        QCOMPARE(service.outlooksPrepared(), 1);
        const Outlook sams = TOPUP_VALUE(service.outlook());
        QCOMPARE(service.preparedOutlooksHandedOut(), 0);
        QCOMPARE(sams.lines.size(), std::size_t(1));
        QCOMPARE(sams.lines.front().line.name, QStringLiteral("Sam's"));
        TOPUP_VERIFY_OK(service.actAs(pat));
        QCOMPARE(TOPUP_VALUE(service.outlook()).lines.size(), std::size_t(4));
        QCOMPARE(service.preparedOutlooksHandedOut(), 0);

        QVERIFY(moveInThread(service, Move::CatchUp));
        service.signOut();
        QVERIFY(!service.outlook());
        QCOMPARE(service.preparedOutlooksHandedOut(), 0);
    }

    // The line test panel's jump to the next top-up, off the test's thread
    // (startJumpToNextEvent), lands where the synchronous one lands on a
    // copy of the world (advanceToNextEvent), with the same balances,
    // funds, attempts and alerts; a write meanwhile is refused, saying so;
    // and its thread prepared the outlook, handed out without a build,
    // what a fresh build says.
    void aJumpLandsAsTheSynchronousOneAndPreparesTheOutlook()
    {
        test::WorldFolders folders(QStringLiteral("tst_preparedoutlook"));
        QVERIFY(folders.isValid());
        const test::NarrowedPair pair = openPair(folders);
        QVERIFY(pair.narrow && pair.whole);
        Service &jumping = *pair.narrow;
        Service &fresh = *pair.whole;
        for (int jump = 0; jump < 3; ++jump) {
            QSignalSpy finished(&jumping, &Service::jumpFinished);
            QSignalSpy advanced(&jumping, &Service::worldAdvanced);
            std::optional<Expected<std::optional<Instant>>> next;
            QObject context;
            connect(&jumping, &Service::jumpFinished, &context, [&](const Expected<std::optional<Instant>> &landed) {
                QVERIFY(advanced.size() == 1); // said before, the outlook made
                next.emplace(landed);
            });
            const int prepared = jumping.outlooksPrepared();
            TOPUP_VERIFY_OK(jumping.startJumpToNextEvent());
            QVERIFY(jumping.busy());
            const Expected<void> refused = jumping.renameLine(TOPUP_VALUE(jumping.lines()).front().id, QStringLiteral("Renamed"));
            QVERIFY(!refused);
            QVERIFY2(refused.error().contains(QLatin1String("jumping")), qPrintable(refused.error()));
            QVERIFY(!jumping.startJumpToNextEvent()); // one at a time
            QVERIFY(finished.wait(20000));
            QCOMPARE(finished.size(), 1);
            QCOMPARE(advanced.size(), 1);
            QVERIFY(!jumping.busy());
            QVERIFY(next);
            QVERIFY2(*next, qPrintable(next->error()));
            const Expected<std::optional<Instant>> synchronous = fresh.advanceToNextEvent();
            QVERIFY2(synchronous, qPrintable(synchronous.error()));
            QVERIFY((*next)->has_value() && synchronous->has_value());
            const Instant landed = ***next;
            QCOMPARE(landed, **synchronous);
            QCOMPARE(TOPUP_VALUE(jumping.worldClock()), landed);
            QCOMPARE(worldText(jumping), worldText(fresh));

            QCOMPARE(jumping.outlooksPrepared(), prepared + 1);
            const int runs = jumping.outlookRuns();
            const int handedOut = jumping.preparedOutlooksHandedOut();
            const Outlook ready = TOPUP_VALUE(jumping.outlook());
            QCOMPARE(jumping.preparedOutlooksHandedOut(), handedOut + 1);
            QCOMPARE(jumping.outlookRuns(), runs);
            QCOMPARE(ready.clock, landed);
            const QString differs = test::difference(ready, TOPUP_VALUE(fresh.outlook()));
            QVERIFY2(differs.isEmpty(), qPrintable(QStringLiteral("jump %1: %2").arg(jump).arg(differs)));
        }
    }

    // Move after move (play steps, a catch-up, a jump, and the outlook
    // each makes after), the moves' thread works on the connections it
    // opened for the first one (issue 16: on a server each new connection
    // is a new server process, its statements prepared again).
    void movesKeepTheirThreadsConnections()
    {
        test::WorldFolders folders(QStringLiteral("tst_preparedoutlook"));
        QVERIFY(folders.isValid());
        test::NarrowedPair pair = openPair(folders);
        QVERIFY(pair.narrow && pair.whole);
        pair.whole.reset();
        Service &service = *pair.narrow;
        const quint64 opened = MoveConnections::opened();
        QVERIFY(moveInThread(service, Move::PlayStep));
        QCOMPARE(MoveConnections::opened(), opened + 1);
        const int prepared = service.outlooksPrepared();
        QVERIFY(moveInThread(service, Move::PlayStep));
        QVERIFY(moveInThread(service, Move::CatchUp));
        QVERIFY(jumpInThread(service));
        QCOMPARE(MoveConnections::opened(), opened + 1);
        QVERIFY(service.outlooksPrepared() >= prepared + 3);
    }

    // A world closed and another opened (another data folder, another
    // database): the new one's moves open connections of their own, to
    // their own world, which moves; the first stays where it was left.
    void aSwitchedWorldMovesOnItsOwnConnections()
    {
        test::WorldFolders folders(QStringLiteral("tst_preparedoutlook"));
        QVERIFY(folders.isValid());
        qint64 pat = 0;
        test::NarrowedPair pair = openPair(folders, &pat);
        QVERIFY(pair.narrow && pair.whole);
        pair.whole.reset();
        const quint64 opened = MoveConnections::opened();
        QVERIFY(moveInThread(*pair.narrow, Move::CatchUp));
        const Instant left = TOPUP_VALUE(pair.narrow->worldClock());
        pair.narrow.reset();

        const Instant start = test::at("2027-05-10T08:00:00Z");
        std::unique_ptr<Service> other = test::openNarrowed(folders.whole.path(), start, &Service::Options::keepOutlooks, true);
        QVERIFY(other);
        TOPUP_VERIFY_OK(other->actAs(pat));
        const Instant before = TOPUP_VALUE(other->worldClock());
        QVERIFY(before < left);
        QVERIFY(moveInThread(*other, Move::CatchUp));
        QCOMPARE(MoveConnections::opened(), opened + 2);
        QCOMPARE(TOPUP_VALUE(other->worldClock()), before.plusMsecs(26 * hour + 7 * minute));
        other.reset();
        std::unique_ptr<Service> first = test::openNarrowed(folders.narrow.path(), start, &Service::Options::keepOutlooks, true);
        QVERIFY(first);
        QCOMPARE(TOPUP_VALUE(first->worldClock()), left);
    }

    // On a server, a move refused (another program holds the world past
    // the wait's limit) drops the thread's connections: the next move
    // opens fresh ones, and moves.
    void aFailedMoveLeavesFreshConnectionsForTheNext()
    {
        if (m_engine.engine() != Dialect::Engine::Postgresql)
            QSKIP("on SQLite the data folder's lock admits one program: no move waits for another");
        test::WorldFolders folders(QStringLiteral("tst_preparedoutlook"));
        QVERIFY(folders.isValid());
        qint64 pat = 0;
        {
            test::NarrowedPair pair = openPair(folders, &pat);
            QVERIFY(pair.narrow && pair.whole);
        }
        const WorldLocation location = TOPUP_VALUE(test::worldLocationFor(folders.narrow.path()));
        QVERIFY(location.onPostgres());
        Service::Options options;
        options.location = location;
        options.fixedNow = test::at("2027-05-10T08:00:00Z");
        options.passwordIterations = test::fastPasswordRounds;
        options.backgroundWorldWaitMs = 50;
        Expected<std::unique_ptr<Service>> open = Service::open(options);
        QVERIFY2(open, qPrintable(open.error()));
        const std::unique_ptr<Service> service = open.take();
        TOPUP_VERIFY_OK(service->actAs(pat));
        QVERIFY(moveInThread(*service, Move::PlayStep));
        const quint64 opened = MoveConnections::opened();
        {
            const std::shared_ptr<Database> holder
                = TOPUP_VALUE(Database::openOnServer(*location.database(), storeSchema(), Database::Presence::MustExist));
            QVERIFY(holder);
            const Expected<WorldMoveLock> held = WorldMoveLock::take(*holder);
            QVERIFY2(held, qPrintable(held.error()));
            const Expected<Instant> clock = service->worldClock();
            QVERIFY2(clock, qPrintable(clock.error()));
            QSignalSpy finished(service.get(), &Service::catchUpFinished);
            QVERIFY(service->startCatchUp(clock->plusMsecs(hour)));
            QVERIFY(finished.wait(20000));
            QVERIFY(!finished.front().at(1).toString().isEmpty()); // refused: the world is held
        }
        QCOMPARE(MoveConnections::opened(), opened);
        QVERIFY(moveInThread(*service, Move::CatchUp));
        QCOMPARE(MoveConnections::opened(), opened + 1);
    }

    // Signed out while the jump runs: it stops at the end of its simulated
    // day, jumpFinished says so at once, and the world is free. The
    // service destroyed while one runs (the window closed) stops it too,
    // and the world opens again, its clock within the jump's 35 days.
    void signingOutOrClosingStopsAJump()
    {
        test::WorldFolders folders(QStringLiteral("tst_preparedoutlook"));
        QVERIFY(folders.isValid());
        qint64 pat = 0;
        test::NarrowedPair pair = openPair(folders, &pat);
        QVERIFY(pair.narrow);
        Service &service = *pair.narrow;
        QSignalSpy finished(&service, &Service::jumpFinished);
        TOPUP_VERIFY_OK(service.startJumpToNextEvent());
        service.signOut();
        QCOMPARE(finished.size(), 1); // said before signOut returned
        QVERIFY(!service.busy());
        QVERIFY(!service.startJumpToNextEvent()); // nobody signed in

        TOPUP_VERIFY_OK(service.actAs(pat));
        const Instant before = TOPUP_VALUE(service.worldClock());
        TOPUP_VERIFY_OK(service.startJumpToNextEvent());
        pair.narrow.reset();
        std::unique_ptr<Service> reopened = test::openNarrowed(folders.narrow.path(), test::at("2027-05-10T08:00:00Z"),
                                                               &Service::Options::keepOutlooks, true);
        QVERIFY(reopened);
        const Instant clock = TOPUP_VALUE(reopened->worldClock());
        QVERIFY(!(clock < before) && !(before.plusMsecs(35 * 24 * hour) < clock));
    }

    // On a server, another desktop's move (heard: WorldNotices): the work
    // after it runs off this desktop's thread, then worldAdvanced, and the
    // outlook is handed out, what a fresh build says.
    void preparedAfterAnotherDesktopsMove()
    {
        if (m_engine.engine() != Dialect::Engine::Postgresql)
            QSKIP("one program per data folder on SQLite: no other desktop moves it");
        test::WorldFolders folders(QStringLiteral("tst_preparedoutlook"));
        QVERIFY(folders.isValid());
        const Instant start = test::at("2027-05-10T08:00:00Z");
        qint64 pat = 0;
        {
            std::unique_ptr<Service> service = test::openNarrowed(folders.narrow.path(), start, &Service::Options::keepOutlooks, true);
            QVERIFY(service);
            pat = buildWorld(*service);
            QVERIFY(pat);
        }
        // Two desktops on one world: this one keeps (and prepares), the other makes its outlooks afresh.
        std::unique_ptr<Service> here = test::openNarrowed(folders.narrow.path(), start, &Service::Options::keepOutlooks, true);
        std::unique_ptr<Service> there = test::openNarrowed(folders.narrow.path(), start, &Service::Options::keepOutlooks, false);
        QVERIFY(here && there);
        TOPUP_VERIFY_OK(here->actAs(pat));
        TOPUP_VERIFY_OK(there->actAs(pat));
        TOPUP_VALUE(here->outlook());
        for (int move = 0; move < 2; ++move) {
            QSignalSpy advanced(here.get(), &Service::worldAdvanced);
            const int prepared = here->outlooksPrepared();
            TOPUP_VERIFY_OK(there->advanceBy(3 * hour));
            QVERIFY(advanced.wait(20000));
            QCOMPARE(here->outlooksPrepared(), prepared + 1);
            const int handedOut = here->preparedOutlooksHandedOut();
            const Outlook ready = TOPUP_VALUE(here->outlook());
            QCOMPARE(here->preparedOutlooksHandedOut(), handedOut + 1);
            const QString differs = test::difference(ready, TOPUP_VALUE(there->outlook()));
            QVERIFY2(differs.isEmpty(), qPrintable(differs));
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestPreparedOutlook)
} // namespace tst_preparedoutlook
#include "tst_preparedoutlook.moc"
