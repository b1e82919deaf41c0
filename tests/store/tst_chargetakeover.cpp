// A shared world on PostgreSQL taken over from a program killed mid-charge
// (issue 16): the world's lock lives on the store's connection, the charge
// on the journal's, another database. The server ends the dead program's
// store session (and frees the lock) as soon as it sees the socket close,
// while its journal session may still be committing the charge. Here the
// dying program is played by the test: its intent committed in the store,
// its charge written on the journal in a transaction left open (the COMMIT
// "in flight"), its store session gone. The next program to open the world,
// or to move it, must read the books only once that charge has landed: the
// test lets it land only when it sees, on the server, that program waiting
// for it (pg_stat_activity: its session on the journal in pg_sleep), and
// the books must then balance charge by charge, nothing charged twice.
// Readers are not waited for; a charge that never lands refuses the move
// past its limit, the world released.
#include "testmain.h"
#include "checked.h"
#include "postgresserver.h"
#include "stormworld.h"
#include "service/chargerecorder.h"
#include "service/openedworld.h"
#include "service/worldlocation.h"
#include "service/worldonserver.h"
#include "store/database.h"
#include "store/databaseurl.h"
#include "store/journalgateway.h"
#include "store/journalquiet.h"
#include "store/serverworldlock.h"
#include "store/storeschema.h"
#include "store/worldmovelock.h"

#include <QDeadlineTimer>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>

namespace tst_chargetakeover {

using namespace topup;

// How long the test waits for anything before it fails (never reached when it passes).
constexpr int boundMs = 60'000;
constexpr qint64 cardOpening = 5'000'000; // tok-card's funds (test::ensureStormWorld)
constexpr qint64 packagePrice = 450;      // package 1

// The charge of a program that dies in its middle: the intent committed in
// the store under the world's lock, the charge written on the journal in a
// transaction not committed yet, then the store's session gone (the lock
// with it). land() commits the journal's transaction, as the server
// finishing the dead program's COMMIT; rollBack() as the server ending it.
class DyingCharge final
{
public:
    static Expected<std::unique_ptr<DyingCharge>> start(const DatabaseUrl &storeUrl, const QString &chainKey)
    {
        using Result = Expected<std::unique_ptr<DyingCharge>>;
        std::unique_ptr<DyingCharge> dying(new DyingCharge);
        dying->request = ChargeRequest{1, 1, 1, 1, TriggerKind::Manual, chainKey, 1, test::stormNow(), QStringLiteral("2027-01")};
        const Expected<DatabaseUrl> journalUrl = WorldOnServer::journalOf(storeUrl);
        if (!journalUrl)
            return Result::failure(journalUrl);
        Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::openOnServer(*journalUrl, true);
        if (!journal)
            return Result::failure(journal);
        dying->m_journal = journal.take();
        {
            const Expected<std::shared_ptr<Database>> store = Database::openOnServer(storeUrl, storeSchema(), Database::Presence::MustExist);
            if (!store)
                return Result::failure(store);
            const Expected<WorldMoveLock> held = WorldMoveLock::take(**store);
            if (!held)
                return Result::failure(held);
            std::optional<ChargeRecorder::Intended> intended;
            const Expected<void> wrote = (*store)->write([&]() -> Expected<void> {
                Expected<ChargeRecorder::Intended> written = ChargeRecorder::writeIntent(**store, dying->request);
                if (!written)
                    return Expected<void>::failure(written);
                intended = written.take();
                return {};
            });
            if (!wrote)
                return Result::failure(wrote);
            dying->identity = intended->identity;
            if (const Expected<void> begun = dying->m_journal->database().begin(); !begun)
                return Result::failure(begun);
            const Expected<ChargeAnswer> answer = dying->m_journal->chargeToken(intended->identity, intended->price, dying->request.at);
            if (!answer)
                return Result::failure(answer);
            if (!answer->succeeded)
                return Result::failure(QStringLiteral("the dying charge was declined"));
        } // the store's session ends here, the world's lock with it
        return dying;
    }

    Expected<void> land() { return m_journal->database().commit(); }
    void rollBack() { m_journal->database().rollback(); }

    ChargeRequest request;
    ChargeIdentity identity;

private:
    DyingCharge() = default;

    std::unique_ptr<JournalGateway> m_journal;
};

// A program's thread, waited for when the test leaves, failed or not (a
// QThread destroyed while it runs would end the whole test program).
class JoinedThread final
{
public:
    explicit JoinedThread(QThread *thread) : m_thread(thread) { m_thread->start(); }
    ~JoinedThread() { m_thread->wait(); }
    Q_DISABLE_COPY_MOVE(JoinedThread)
    QThread &operator*() const { return *m_thread; }
    QThread *operator->() const { return m_thread.get(); }

private:
    std::unique_ptr<QThread> m_thread;
};

class TestChargeTakeover final : public QObject
{
    Q_OBJECT

    test::PostgresServer m_server;
    int m_worlds = 0;

    // A new world with the crash storm's account, lines and provider accounts.
    std::optional<DatabaseUrl> newWorld()
    {
        const QString name = QStringLiteral("takeover%1").arg(++m_worlds);
        const Expected<void> store = m_server.createDatabase(name);
        const Expected<void> journal = m_server.createDatabase(name + QStringLiteral("_journal"));
        const Expected<DatabaseUrl> url = DatabaseUrl::parse(m_server.url(name));
        if (!QTest::qVerify(store.ok() && journal.ok() && url.ok(), "newWorld",
                            qPrintable(store.error() + journal.error() + url.error()), __FILE__, __LINE__))
            return std::nullopt;
        Expected<OpenedWorld> opened = OpenedWorld::open(WorldLocation::database(*url));
        if (!QTest::qVerify(opened.ok(), "OpenedWorld::open", qPrintable(opened.error()), __FILE__, __LINE__))
            return std::nullopt;
        const Expected<void> made = test::ensureStormWorld(*opened->store, *opened->provider);
        if (!QTest::qVerify(made.ok(), "ensureStormWorld", qPrintable(made.error()), __FILE__, __LINE__))
            return std::nullopt;
        return *url;
    }

    // A connection of the test's own to the world's journal, outside any
    // transaction (each look at pg_stat_activity a fresh one).
    static std::shared_ptr<Database> observerOf(const DatabaseUrl &world)
    {
        const Expected<DatabaseUrl> journalUrl = WorldOnServer::journalOf(world);
        if (!QTest::qVerify(journalUrl.ok(), "journalOf", qPrintable(journalUrl.error()), __FILE__, __LINE__))
            return nullptr;
        const Expected<std::shared_ptr<Database>> observer =
            Database::openOnServer(*journalUrl, JournalGateway::schema(), Database::Presence::MustExist);
        if (!QTest::qVerify(observer.ok(), "the observer", qPrintable(observer.error()), __FILE__, __LINE__))
            return nullptr;
        return *observer;
    }

    // Whether another session on the observer's database waits in pg_sleep
    // (JournalQuiet's pause between two looks at the journal's writers).
    static bool someoneWaits(const Database &observer)
    {
        QSqlQuery look(observer.connection());
        const bool asked = look.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                                    " AND pid <> pg_backend_pid() AND wait_event = 'PgSleep'"))
                           && look.next();
        QTest::qVerify(asked, "pg_stat_activity", qPrintable(look.lastError().text()), __FILE__, __LINE__);
        return asked && look.value(0).toLongLong() > 0;
    }

    // Waits until `program` waits for the journal (true) or has ended
    // without waiting (false); fails past boundMs.
    static bool waitsOrEnds(QThread &program, const Database &observer)
    {
        const QDeadlineTimer deadline(boundMs);
        while (!deadline.hasExpired()) {
            if (program.wait(QDeadlineTimer(JournalQuiet::pollMs)))
                return false;
            if (someoneWaits(observer))
                return true;
        }
        QTest::qFail("the program neither waited for the journal nor ended", __FILE__, __LINE__);
        return false;
    }

    // The books of the world after the dying charge landed: the journal's
    // one charge is the store's one attempt, with its answer, written down
    // by reconciling when `reconciled`; no intent left; the card paid once.
    // Asked again, the same charge is answered from the books, and nothing
    // moves.
    static void verifyBooks(const DatabaseUrl &world, const DyingCharge &dying, bool reconciled)
    {
        Expected<OpenedWorld> opened = OpenedWorld::open(WorldLocation::database(world));
        QVERIFY2(opened, qPrintable(opened.error()));
        Database &store = *opened->store;
        JournalGateway &journal = *opened->provider;
        const Expected<std::vector<JournalCharge>> charges = journal.charges();
        QVERIFY2(charges, qPrintable(charges.error()));
        QCOMPARE(charges->size(), std::size_t(1));
        QSqlQuery attempts(store.connection());
        QVERIFY2(attempts.exec(QStringLiteral("SELECT chain_key, status, amount_cents, reconciled FROM attempts")), qPrintable(attempts.lastError().text()));
        QVERIFY2(attempts.next(), "the journal holds a charge the store does not: the books do not balance");
        QCOMPARE(attempts.value(0).toString(), dying.identity.chainKey);
        QCOMPARE(attempts.value(1).toString(), QStringLiteral("succeeded"));
        QCOMPARE(attempts.value(2).toLongLong(), packagePrice);
        QCOMPARE(attempts.value(3).toInt(), reconciled ? 1 : 0);
        QVERIFY(!attempts.next());
        QSqlQuery intents(store.connection());
        QVERIFY(intents.exec(QStringLiteral("SELECT count(*) FROM charge_intents")) && intents.next());
        QCOMPARE(intents.value(0).toLongLong(), qint64(0));
        QCOMPARE(TOPUP_VALUE(journal.fundsOf(QStringLiteral("tok-card"))).cents(), cardOpening - packagePrice);

        const Expected<ChargeAnswer> again = ChargeRecorder(store, journal).charge(dying.request);
        QVERIFY2(again, qPrintable(again.error()));
        QVERIFY(again->succeeded);
        QCOMPARE(TOPUP_VALUE(journal.charges()).size(), std::size_t(1));
        QCOMPARE(TOPUP_VALUE(journal.fundsOf(QStringLiteral("tok-card"))).cents(), cardOpening - packagePrice);
    }

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_server.start());
        // A role of another desktop: no superuser, no member of the first.
        TOPUP_VERIFY_OK(m_server.execute(QStringLiteral("postgres"), {QStringLiteral("CREATE ROLE desk2 LOGIN")}));
    }

    // The open claims the world once the dead program's store session has
    // let it go, then waits for its charge to land on the journal before
    // it reconciles: the charge is written down from the journal.
    void anOpenWaitsForTheChargeOfAProgramThatDied()
    {
        const std::optional<DatabaseUrl> world = newWorld();
        QVERIFY(world);
        const std::shared_ptr<Database> observer = observerOf(*world);
        QVERIFY(observer);
        Expected<std::unique_ptr<DyingCharge>> dying = DyingCharge::start(*world, QStringLiteral("takeover/open"));
        QVERIFY2(dying, qPrintable(dying ? QString() : dying.error()));

        QString openError = QStringLiteral("not opened");
        int reconciled = -1;
        const JoinedThread opener(QThread::create([&] {
            Expected<OpenedWorld> opened = OpenedWorld::open(WorldLocation::database(*world));
            openError = opened ? QString() : opened.error();
            reconciled = opened ? opened->reconciled : -1;
        })); // the world closes in the thread that opened it
        const bool waited = waitsOrEnds(*opener, *observer);
        const Expected<void> landed = (*dying)->land();
        QVERIFY(opener->wait(QDeadlineTimer(boundMs)));
        QVERIFY2(landed, qPrintable(landed ? QString() : landed.error()));
        QVERIFY2(openError.isEmpty(), qPrintable(openError));

        verifyBooks(*world, **dying, true);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(waited, "the open did not wait for the charge in flight");
        QCOMPARE(reconciled, 1);
    }

    // A program that has the world open already: its next move, once it
    // holds the world, waits the same way before it reads anything.
    void aMoveWaitsForTheChargeOfAProgramThatDied()
    {
        const std::optional<DatabaseUrl> world = newWorld();
        QVERIFY(world);
        const std::shared_ptr<Database> observer = observerOf(*world);
        QVERIFY(observer);
        QSemaphore opened;
        QSemaphore dyingInPlace;
        QString moveError = QStringLiteral("not moved");
        bool landedWhenHeld = false;
        ChargeIdentity identity{QStringLiteral("takeover/move"), 1, QStringLiteral("tok-card")};
        const JoinedThread mover(QThread::create([&] {
            Expected<OpenedWorld> open = OpenedWorld::open(WorldLocation::database(*world));
            opened.release();
            if (!open) {
                moveError = open.error();
                return;
            }
            if (!dyingInPlace.tryAcquire(1, boundMs))
                return;
            const Expected<WorldMoveLock> held = WorldMoveLock::take(*open->store);
            moveError = held ? QString() : held.error();
            const Expected<std::optional<JournalCharge>> charge = open->provider->chargeOf(identity);
            landedWhenHeld = charge && charge->has_value();
        }));
        QVERIFY(opened.tryAcquire(1, boundMs));
        Expected<std::unique_ptr<DyingCharge>> dying = DyingCharge::start(*world, identity.chainKey);
        dyingInPlace.release();
        QVERIFY2(dying, qPrintable(dying ? QString() : dying.error()));
        QCOMPARE((*dying)->identity.method, identity.method);

        const bool waited = waitsOrEnds(*mover, *observer);
        const Expected<void> landed = (*dying)->land();
        QVERIFY(mover->wait(QDeadlineTimer(boundMs)));
        QVERIFY2(landed, qPrintable(landed ? QString() : landed.error()));
        QVERIFY2(moveError.isEmpty(), qPrintable(moveError));
        QVERIFY2(landedWhenHeld, "the move held the world while a charge was still landing on the journal");
        QVERIFY(waited);
        // The next open writes it down.
        verifyBooks(*world, **dying, true);
    }

    // Only transactions that have written are waited for: a reader's, held
    // open, is not (the move, limited, would be refused otherwise). Seen by
    // a role of another desktop too: pg_locks hides nothing from it.
    void readersAreNotWaitedForAndWritersAreSeenByAnyRole()
    {
        const std::optional<DatabaseUrl> world = newWorld();
        QVERIFY(world);
        const std::shared_ptr<Database> observer = observerOf(*world);
        QVERIFY(observer);
        const QString journalName = world->database() + QStringLiteral("_journal");
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("tst_chargetakeover_desk2"));
            other.setHostName(m_server.socketDirectory());
            other.setPort(test::PostgresServer::port);
            other.setUserName(QStringLiteral("desk2"));
            other.setDatabaseName(journalName);
            QVERIFY2(other.open(), qPrintable(other.lastError().text()));

            const Expected<std::shared_ptr<Database>> reader = Database::openOnServer(*WorldOnServer::journalOf(*world), JournalGateway::schema(),
                                                                                     Database::Presence::MustExist);
            QVERIFY2(reader, qPrintable(reader.error()));
            QSqlQuery read((*reader)->connection());
            QVERIFY(read.exec(QStringLiteral("BEGIN")));
            QVERIFY2(read.exec(QStringLiteral("SELECT count(*) FROM charges")) && read.next(), qPrintable(read.lastError().text()));
            QCOMPARE(TOPUP_VALUE(JournalQuiet::writersOn(other)), 0);
            {
                Expected<OpenedWorld> opened = OpenedWorld::open(WorldLocation::database(*world));
                QVERIFY2(opened, qPrintable(opened.error()));
                opened->store->setWorldWait(Database::WorldWait{boundMs, {}, {}});
                const Expected<WorldMoveLock> held = WorldMoveLock::take(*opened->store);
                QVERIFY2(held, qPrintable(held.error()));
            }

            Expected<std::unique_ptr<DyingCharge>> dying = DyingCharge::start(*world, QStringLiteral("takeover/roles"));
            QVERIFY2(dying, qPrintable(dying ? QString() : dying.error()));
            QCOMPARE(TOPUP_VALUE(JournalQuiet::writersOn(other)), 1); // the dying charge, a superuser's session
            QCOMPARE(TOPUP_VALUE(JournalQuiet::writersOn(observer->connection())), 1);
            (*dying)->rollBack();
            QCOMPARE(TOPUP_VALUE(JournalQuiet::writersOn(other)), 0);
            read.exec(QStringLiteral("ROLLBACK"));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst_chargetakeover_desk2"));
    }

    // A charge that does not land within the move's limit: refused, naming
    // the cause, nothing read, and the world let go for the next program.
    void aChargeThatNeverLandsRefusesTheMoveAndLetsTheWorldGo()
    {
        const std::optional<DatabaseUrl> world = newWorld();
        QVERIFY(world);
        Expected<OpenedWorld> opened = OpenedWorld::open(WorldLocation::database(*world));
        QVERIFY2(opened, qPrintable(opened.error()));
        Expected<std::unique_ptr<DyingCharge>> dying = DyingCharge::start(*world, QStringLiteral("takeover/never"));
        QVERIFY2(dying, qPrintable(dying ? QString() : dying.error()));
        opened->store->setWorldWait(Database::WorldWait{300, {}, {}});
        const Expected<WorldMoveLock> held = WorldMoveLock::take(*opened->store);
        QVERIFY(!held);
        const Failure expected = JournalQuiet::stillWriting(opened->store->path(), opened->provider->path(), 300);
        QCOMPARE(held.error(), expected.text());
        QCOMPARE(held.sentences(), expected.sentences());
        QVERIFY2(held.sentences().startsWith(QLatin1String("A desktop that stopped while charging still has a payment being written")),
                 qPrintable(held.sentences()));
        QVERIFY(ServerWorldLock::claim(*world, 0).ok()); // the world let go
        (*dying)->rollBack();
        const Expected<WorldMoveLock> after = WorldMoveLock::take(*opened->store);
        QVERIFY2(after, qPrintable(after.error()));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestChargeTakeover)
} // namespace tst_chargetakeover
#include "tst_chargetakeover.moc"
