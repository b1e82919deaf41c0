// The two-writer crash test (issue 16): two desktops — two processes,
// desktopstorm — move one world on PostgreSQL at once (the engine's top-ups,
// manual ones, deposits, rules saved), each move under the world's lock;
// one of them, drawn at random, is killed with SIGKILL at a random moment,
// and the other must go on moving the world (the server released the dead
// one's lock with its session) before it is killed too. The world is then
// opened again (the open reconciles what the dead left) and the books must
// balance charge by charge: every charge in the provider's journal is one
// attempt in the store with its answer and amount, no identity twice, no
// intent left, and each provider account holds what it opened with, plus
// its deposits, less its charges. Several rounds on the same world.
//
// Every draw comes from one generator whose seed is printed (and can be
// given: TOPUP_SHARED_CRASH_SEED); TOPUP_SHARED_CRASH_ROUNDS sets the
// number of rounds (default 6, a few seconds).
#include "testmain.h"
#include "checked.h"
#include "postgresserver.h"
#include "storeengine.h"
#include "storefixture.h"

#include "service/service.h"
#include "service/worldonserver.h"
#include "store/journalgateway.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <array>
#include <csignal>

namespace tst_shareddesktopcrash {

using namespace topup;
using namespace topup::test;

namespace {

const char *const start = "2027-03-01T08:00:00Z"; // desktopstorm's fixed now too

// The longest a child may take to open the world and move it once, or to
// move it once more: a bound for a hung child, far above a loaded machine.
constexpr int childBoundMs = 120'000;

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// A desktop: the child process and what it said so far.
struct Desktop final
{
    QProcess process;
    QByteArray said;
    int moves = 0; // the last "moved N" it said
};

} // namespace

class TestSharedDesktopCrash final : public QObject
{
    Q_OBJECT

    StoreEngine m_engine;

    // Waits until `desktop` says it has moved the world past `moves` times.
    // Fails, with what the child said, if it exits or stays silent first.
    static void waitForMoveAfter(Desktop &desktop, int moves, const char *which)
    {
        QVERIFY2(desktop.process.waitForStarted(childBoundMs), qPrintable(desktop.process.errorString()));
        const QDeadlineTimer deadline(childBoundMs);
        while (desktop.moves <= moves) {
            const bool running = desktop.process.state() == QProcess::Running;
            QVERIFY2(running && !deadline.hasExpired(),
                     qPrintable(QStringLiteral("the %1 desktop did not move the world (%2); stdout: %3; stderr: %4")
                                    .arg(QLatin1String(which),
                                         running ? QStringLiteral("silent for %1 s").arg(childBoundMs / 1000)
                                                 : QStringLiteral("it exited with %1").arg(desktop.process.exitCode()),
                                         QString::fromLocal8Bit(desktop.said.right(400)),
                                         QString::fromLocal8Bit(desktop.process.readAllStandardError()))));
            desktop.process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            desktop.said += desktop.process.readAllStandardOutput();
            const int last = desktop.said.lastIndexOf("moved ");
            const int end = desktop.said.indexOf('\n', last);
            if (last >= 0 && end > last)
                desktop.moves = desktop.said.mid(last + 6, end - last - 6).toInt();
        }
    }

    // Kills `desktop` and waits for it to end. Its server sessions are left
    // to the server, as a real crash leaves them: the next move or open
    // waits for what it still had landing on the journal (JournalQuiet).
    static void kill(Desktop &desktop)
    {
        const qint64 pid = desktop.process.processId();
        ::kill(pid_t(pid), SIGKILL);
        QVERIFY2(desktop.process.waitForFinished(childBoundMs), "the killed desktop did not end");
    }

    // Opens the world as the next desktop would (the open reconciles), then
    // checks the books charge by charge. The charges the journal holds.
    void reopenAndAudit(const QString &folder, int round, qint64 &chargesSeen, qint64 &reconciledSeen)
    {
        {
            auto service = openService(folder, at(start)); // reconciles what the dead desktops left
            QVERIFY(service);
        }
        const QString where = QStringLiteral("round %1: ").arg(round);
        const Expected<WorldLocation> location = worldLocationFor(folder);
        QVERIFY2(location, qPrintable(location.error()));
        const Expected<DatabaseUrl> journalUrl = WorldOnServer::journalOf(*location->database());
        QVERIFY2(journalUrl, qPrintable(journalUrl.error()));
        Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::openOnServer(*journalUrl, true);
        QVERIFY2(journal, qPrintable(journal.error()));
        const std::vector<JournalCharge> charges = TOPUP_VALUE((*journal)->charges());
        {
            QSqlDatabase db = addWorldConnection(QStringLiteral("books"), folder);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM charge_intents")), qint64(0));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM attempts WHERE method_token IS NOT NULL")), qint64(charges.size()));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM (SELECT chain_key, attempt, method_token FROM attempts"
                                               " WHERE method_token IS NOT NULL GROUP BY chain_key, attempt, method_token"
                                               " HAVING count(*) > 1) AS twice")),
                     qint64(0));
            const Expected<qint64> journalSpend = journalChargesInStore(db, charges);
            QVERIFY2(journalSpend, qPrintable(where + journalSpend.error()));
            QCOMPARE(scalar(db, QStringLiteral("SELECT coalesce(sum(amount_cents), 0) FROM attempts WHERE status = 'succeeded'")),
                     *journalSpend);
            reconciledSeen = scalar(db, QStringLiteral("SELECT count(*) FROM attempts WHERE reconciled = 1"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("books"));
        {
            // Money conserved at the provider: opening + deposits - charges = funds, for every account.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("provider"));
            db.setHostName(journalUrl->host());
            if (journalUrl->port() != 0)
                db.setPort(journalUrl->port());
            db.setUserName(journalUrl->user());
            db.setDatabaseName(journalUrl->database());
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM funding f WHERE f.funds_cents != f.opening_cents"
                                               " + coalesce((SELECT sum(amount_cents) FROM deposits d WHERE d.token = f.token), 0)"
                                               " - coalesce((SELECT sum(amount_cents) FROM charges c WHERE c.token = f.token"
                                               " AND c.succeeded = 1), 0)")),
                     qint64(0));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM funding")), qint64(2));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("provider"));
        chargesSeen = qint64(charges.size());
    }

private slots:
    void initTestCase()
    {
        qputenv("TOPUP_TEST_ENGINE", "postgresql"); // a shared world is one on a server
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void oneOfTwoWritersKilledChargesNothingTwiceAndLosesNothing()
    {
        const quint32 seed = qEnvironmentVariableIsSet("TOPUP_SHARED_CRASH_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("TOPUP_SHARED_CRASH_SEED"))
                                 : 20261206u;
        const int rounds = qEnvironmentVariableIsSet("TOPUP_SHARED_CRASH_ROUNDS") ? qEnvironmentVariableIntValue("TOPUP_SHARED_CRASH_ROUNDS") : 6;
        qInfo("seed %u (TOPUP_SHARED_CRASH_SEED), %d rounds", seed, rounds);
        QRandomGenerator draws(seed);

        // The world: four lines topping up often, from a card and a wallet.
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        {
            auto service = openService(folder.path(), at(start));
            QVERIFY(service);
            SignUpForm form{QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery"), QStringLiteral("EUR"), QStringLiteral("Europe/Paris"),
                            std::nullopt};
            TOPUP_VERIFY_OK(service->signUp(form));
            TOPUP_VERIFY_OK(service->catchUpToNow());
            const MethodRecord card = TOPUP_VALUE(service->addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Ana"),
                                                                             QStringLiteral("4111111111111111"), QStringLiteral("12/30"),
                                                                             QStringLiteral("123"), Money::fromCents(50'000'000)}));
            const MethodRecord wallet =
                TOPUP_VALUE(service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(20'000)}));
            for (int n = 0; n < 4; ++n) {
                const LineRecord line = TOPUP_VALUE(service->addLine(
                    LineForm{QStringLiteral("Phone %1").arg(n), {}, UsageProfile::Heavy, quint64(n + 1), DataAmount(3 * gigabyte), {}}));
                Policy policy;
                policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageNamed(*service, "5 GB data")};
                policy.method = (n % 2 ? card : wallet).engineId();
                policy.fallback = (n % 2 ? wallet : card).engineId();
                TOPUP_VERIFY_OK(service->setPolicy(line.id, policy));
            }
        }
        const Expected<WorldLocation> location = worldLocationFor(folder.path());
        QVERIFY2(location, qPrintable(location.error()));
        QVERIFY(location->database());
        const QString url = location->database()->toString();

        qint64 charges = 0;
        qint64 reconciled = 0;
        for (int round = 1; round <= rounds; ++round) {
            std::array<Desktop, 2> desktops;
            for (Desktop &desktop : desktops)
                desktop.process.start(QStringLiteral(TOPUP_DESKTOP_STORM), {url, QString::number(draws.generate())});
            for (Desktop &desktop : desktops) {
                waitForMoveAfter(desktop, 0, "started");
                if (QTest::currentTestFailed())
                    return;
            }
            // One of them dies at a moment drawn from the generator, maybe mid-charge.
            const int victim = int(draws.bounded(2));
            Desktop &survivor = desktops[std::size_t(1 - victim)];
            QThread::usleep(draws.bounded(400'000));
            kill(desktops[std::size_t(victim)]);
            if (QTest::currentTestFailed())
                return;
            // The other goes on moving the world, twice past the death.
            const int movesAtDeath = survivor.moves;
            waitForMoveAfter(survivor, movesAtDeath + 1, "surviving");
            if (QTest::currentTestFailed())
                return;
            kill(survivor);
            if (QTest::currentTestFailed())
                return;

            const qint64 before = charges;
            reopenAndAudit(folder.path(), round, charges, reconciled);
            if (QTest::currentTestFailed())
                return;
            qInfo("round %d: desktop %d killed after %d moves, the other went on from %d to %d; %lld charges in all, %lld written"
                  " down by reconciling", round, victim, desktops[std::size_t(victim)].moves, movesAtDeath, survivor.moves, charges, reconciled);
            QVERIFY2(charges >= before, "the journal lost charges");
        }
        QVERIFY2(charges > 0, "two desktops moved a world of lines topping up often, yet nothing was charged");
    }
};

TOPUP_TEST_GUILESS_MAIN(TestSharedDesktopCrash)
} // namespace tst_shareddesktopcrash
#include "tst_shareddesktopcrash.moc"
