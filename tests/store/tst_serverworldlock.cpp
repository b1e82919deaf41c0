// The world on a PostgreSQL server is shared (issue 16): a program claims it
// only while it opens it (ServerWorldLock) and holds it only for each move
// (WorldMoveLock, on the store's own connection), the same advisory lock
// either way. A claim is refused, naming the holder, while a move or another
// claim holds the world past its wait; a move taken twice on one connection
// is counted, and the world is free only once both are released; a claim or
// a move released is free again at once — even when claimed anew in the
// same instant, before the server has ended the released connection's
// session (a desktop or a test that closes a world and opens it again).
#include "testmain.h"
#include "checked.h"
#include "postgresserver.h"
#include "store/database.h"
#include "store/databaseurl.h"
#include "store/serverworldlock.h"
#include "store/storeschema.h"
#include "store/worldmovelock.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace tst_serverworldlock {

using namespace topup;

class TestServerWorldLock final : public QObject
{
    Q_OBJECT

    test::PostgresServer m_server;
    std::optional<DatabaseUrl> m_world;

    // Whether a claim that does not wait finds the world free now.
    bool freeNow()
    {
        return ServerWorldLock::claim(*m_world, 0).ok();
    }

    // The world's store, a connection of its own; null (the test failed) when it cannot be opened.
    std::shared_ptr<Database> openStore()
    {
        const Expected<std::shared_ptr<Database>> store = Database::openOnServer(*m_world, storeSchema());
        if (!QTest::qVerify(store.ok(), "Database::openOnServer", qPrintable(store.error()), __FILE__, __LINE__))
            return nullptr;
        return *store;
    }

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_server.start());
        TOPUP_VERIFY_OK(m_server.createDatabase(QStringLiteral("world")));
        Expected<DatabaseUrl> world = DatabaseUrl::parse(m_server.url(QStringLiteral("world")));
        QVERIFY2(world, qPrintable(world ? QString() : world.error()));
        m_world = *world;
    }

    void aSecondClaimIsRefusedWhileHeldNamingTheHolder()
    {
        QVERIFY(m_world);
        const Expected<std::unique_ptr<ServerWorldLock>> first = ServerWorldLock::claim(*m_world, 0);
        QVERIFY2(first, qPrintable(first ? QString() : first.error()));
        const Expected<std::unique_ptr<ServerWorldLock>> second = ServerWorldLock::claim(*m_world, 0);
        QVERIFY(!second);
        QVERIFY2(second.error().contains(QLatin1String("is moving the world on; try again")), qPrintable(second.error()));
        QVERIFY2(second.error().contains(QStringLiteral("process %1 on ").arg(QCoreApplication::applicationPid())), qPrintable(second.error()));
    }

    // A refused claim held nothing, and releases nothing when it goes: the
    // world stays the first claim's, and the server was never asked to
    // unlock a lock that session did not own (it would warn, "you don't
    // own a lock of type ExclusiveLock", in its log and on the client's
    // stderr).
    void aRefusedClaimReleasesNothing()
    {
        QVERIFY(m_world);
        const QLatin1String unowned("you don't own a lock");
        QVERIFY(!m_server.serverLog().contains(unowned));
        {
            const Expected<std::unique_ptr<ServerWorldLock>> first = ServerWorldLock::claim(*m_world, 0);
            QVERIFY2(first, qPrintable(first ? QString() : first.error()));
            QVERIFY(!ServerWorldLock::claim(*m_world, 0));   // refused at once
            QVERIFY(!ServerWorldLock::claim(*m_world, 100)); // refused after its wait
            QVERIFY(!freeNow());
        }
        QVERIFY(freeNow());
        // The server logs a warning in the statement's own session before
        // it answers; every statement above has been answered.
        const QString log = m_server.serverLog();
        QVERIFY2(!log.contains(unowned), qPrintable(log.right(2000)));
    }

    // A move on a store's connection keeps an opening out: it waits, and
    // past its wait says so (the server's lock_timeout, not a sleep here).
    void aMoveKeepsAClaimWaitingThenOut()
    {
        QVERIFY(m_world);
        const std::shared_ptr<Database> store = openStore();
        QVERIFY(store);
        {
            const Expected<WorldMoveLock> move = WorldMoveLock::take(*store);
            QVERIFY2(move, qPrintable(move.error()));
            const Expected<std::unique_ptr<ServerWorldLock>> claim = ServerWorldLock::claim(*m_world, 200);
            QVERIFY(!claim);
            QVERIFY2(claim.error().contains(QLatin1String("is moving the world on; try again")), qPrintable(claim.error()));
        }
        QVERIFY(freeNow());
    }

    void aMoveTakenTwiceIsCountedAndFreedByTheLastRelease()
    {
        QVERIFY(m_world);
        const std::shared_ptr<Database> store = openStore();
        QVERIFY(store);
        {
            const Expected<WorldMoveLock> outer = WorldMoveLock::take(*store);
            QVERIFY2(outer, qPrintable(outer.error()));
            {
                const Expected<WorldMoveLock> inner = WorldMoveLock::take(*store); // a write that then settles
                QVERIFY2(inner, qPrintable(inner.error()));
                QVERIFY(!freeNow());
            }
            QVERIFY(!freeNow()); // the outer move still holds it
        }
        QVERIFY(freeNow());
    }

    // Released, claimed again at once: 200 times in a row, each claim (and
    // each move between them) must find the world free (the release does not
    // wait for the server to notice a closed connection).
    void aReleasedClaimIsFreeAtOnce()
    {
        QVERIFY(m_world);
        const std::shared_ptr<Database> store = openStore();
        QVERIFY(store);
        for (int round = 0; round < 200; ++round) {
            {
                const Expected<std::unique_ptr<ServerWorldLock>> claim = ServerWorldLock::claim(*m_world, 0);
                QVERIFY2(claim, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(claim ? QString() : claim.error())));
            }
            const Expected<WorldMoveLock> move = WorldMoveLock::take(*store);
            QVERIFY2(move, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(move ? QString() : move.error())));
        }
    }

    // The server cannot be asked (the store's connection ended under it):
    // the move is refused in sentences of its own, which server and what to
    // do, then what the server said; the command line's text stays its own.
    void aMoveOnALostConnectionIsRefusedInSentences_data()
    {
        QTest::addColumn<int>("limitMs");
        QTest::newRow("no limit") << 0;
        QTest::newRow("a limit") << 5'000;
    }

    void aMoveOnALostConnectionIsRefusedInSentences()
    {
        QFETCH(int, limitMs);
        // Nothing is asked of the lost connection after the refusal (Qt would warn "database not open").
        QTest::failOnWarning(QRegularExpression(QStringLiteral("database not open")));
        QVERIFY(m_world);
        const std::shared_ptr<Database> store = openStore();
        QVERIFY(store);
        store->setWorldWait(Database::WorldWait{limitMs, {}, {}});
        {
            // The store's session ended by the server, waited for until it is gone.
            QSqlQuery pid(store->connection());
            QVERIFY(pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next());
            const Expected<std::shared_ptr<Database>> other = Database::openOnServer(*m_world, storeSchema());
            QVERIFY2(other, qPrintable(other ? QString() : other.error()));
            QSqlQuery end((*other)->connection());
            QVERIFY2(end.exec(QStringLiteral("SELECT pg_terminate_backend(%1, 60000)").arg(pid.value(0).toLongLong())) && end.next()
                         && end.value(0).toBool(),
                     qPrintable(end.lastError().text()));
        }
        const Expected<WorldMoveLock> move = WorldMoveLock::take(*store);
        QVERIFY(!move);
        const QStringList sentences = move.sentences().split(QLatin1Char('\n'));
        QCOMPARE(sentences.size(), 2); // what the server said on one line
        QCOMPARE(sentences[0], QStringLiteral("The PostgreSQL server of %1 did not let this desktop wait for its turn to change the world;"
                                              " nothing was changed. Check that the server is still running, then try again.")
                                   .arg(m_world->toString()));
        QVERIFY2(sentences[1].startsWith(QLatin1String("The server says: ")) && sentences[1].size() > 20, qPrintable(sentences[1]));
        QVERIFY2(move.error().contains(QLatin1String(": cannot wait for the world: ")), qPrintable(move.error()));
    }

    // SQLite needs none: the data folder's lock admits one program.
    void aMoveOnSqliteHoldsNothingOnTheServer()
    {
        QTemporaryDir dir;
        const Expected<std::shared_ptr<Database>> file = Database::open(dir.filePath(QStringLiteral("topup.sqlite")), storeSchema());
        QVERIFY2(file, qPrintable(file.error()));
        const Expected<WorldMoveLock> move = WorldMoveLock::take(**file);
        QVERIFY2(move, qPrintable(move.error()));
        QVERIFY(freeNow());
    }
};

TOPUP_TEST_GUILESS_MAIN(TestServerWorldLock)
} // namespace tst_serverworldlock
#include "tst_serverworldlock.moc"
