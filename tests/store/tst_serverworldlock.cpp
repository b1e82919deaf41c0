// The claim on a world on a PostgreSQL server (ServerWorldLock): a second
// claim is refused while the first is held, and one released is free again
// at once — even when claimed anew in the same instant, before the server
// has ended the released connection's session (a desktop or a test that
// closes a world and opens it again).
#include "testmain.h"
#include "checked.h"
#include "postgresserver.h"
#include "store/databaseurl.h"
#include "store/serverworldlock.h"

#include <QTest>

#include <optional>

namespace tst_serverworldlock {

using namespace topup;

class TestServerWorldLock final : public QObject
{
    Q_OBJECT

    test::PostgresServer m_server;
    std::optional<DatabaseUrl> m_world;

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_server.start());
        TOPUP_VERIFY_OK(m_server.createDatabase(QStringLiteral("world")));
        Expected<DatabaseUrl> world = DatabaseUrl::parse(m_server.url(QStringLiteral("world")));
        QVERIFY2(world, qPrintable(world ? QString() : world.error()));
        m_world = *world;
    }

    void aSecondClaimIsRefusedWhileHeld()
    {
        QVERIFY(m_world);
        const Expected<std::unique_ptr<ServerWorldLock>> first = ServerWorldLock::claim(*m_world);
        QVERIFY2(first, qPrintable(first ? QString() : first.error()));
        const Expected<std::unique_ptr<ServerWorldLock>> second = ServerWorldLock::claim(*m_world);
        QVERIFY(!second);
        QVERIFY2(second.error().contains(QLatin1String("already in use by another TopUp Dashboard")), qPrintable(second.error()));
    }

    // Released, claimed again at once: 200 times in a row, each claim must
    // find the world free (the release does not wait for the server to
    // notice a closed connection).
    void aReleasedClaimIsFreeAtOnce()
    {
        QVERIFY(m_world);
        for (int round = 0; round < 200; ++round) {
            const Expected<std::unique_ptr<ServerWorldLock>> claim = ServerWorldLock::claim(*m_world);
            QVERIFY2(claim, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(claim ? QString() : claim.error())));
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestServerWorldLock)
} // namespace tst_serverworldlock
#include "tst_serverworldlock.moc"
