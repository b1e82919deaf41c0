// The provider's journal: the SPEC §7.2 answers, persisted, and a repeated
// identity answered from the journal without moving money, across restarts.
// On both engines (issue 16): `gateway.sqlite` in a folder, or a database of
// its own on the test's PostgreSQL server (TOPUP_TEST_ENGINE=postgresql).
#include "testmain.h"
#include "engine/engine.h"
#include "service/worldonserver.h"
#include "sim/paymentgateway.h"
#include "store/database.h"
#include "store/journalbatch.h"
#include "store/journalgateway.h"
#include "checked.h"
#include "storeengine.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

namespace tst_journalgateway {

using namespace topup;
using topup::test::at;

class TestJournalGateway final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine;

    // The journal of the world the test keeps in `folder`: its
    // gateway.sqlite, or on PostgreSQL the journal's database of that world
    // (the same one each time the folder is opened again).
    Expected<std::unique_ptr<JournalGateway>> openJournal(const QString &folder)
    {
        using Result = Expected<std::unique_ptr<JournalGateway>>;
        const Expected<WorldLocation> world = m_engine.worldAt(folder);
        if (!world)
            return Result::failure(world.error());
        if (!world->onPostgres())
            return JournalGateway::open(QDir(folder).filePath(QStringLiteral("gateway.sqlite")));
        const Expected<DatabaseUrl> journal = WorldOnServer::journalOf(*world->database());
        if (!journal)
            return Result::failure(journal.error());
        return JournalGateway::openOnServer(*journal);
    }

    // A row of bothProvidersDecideAlike_data: the account and the charges.
    struct ProviderCase final
    {
        qint64 funds = 0;
        std::optional<Instant> expires;
        std::vector<Reason> faults;
        QStringList charges; // "CENTS AT"
    };
    static ProviderCase fetchProviderCase()
    {
        QFETCH(qint64, funds);
        QFETCH(QString, expiresAt);
        QFETCH(QStringList, faults);
        QFETCH(QStringList, charges);
        ProviderCase given{funds, expiresAt.isEmpty() ? std::nullopt : std::optional<Instant>(at(qPrintable(expiresAt))), {}, charges};
        for (const QString &name : faults) {
            const std::optional<Reason> reason = parseReason(name);
            if (!QTest::qVerify(reason.has_value(), "parseReason", qPrintable(name), __FILE__, __LINE__))
                return given;
            given.faults.push_back(*reason);
        }
        return given;
    }

private slots:
    void initTestCase()
    {
        const auto started = m_engine.start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
    }

    void answersLikeTheSpec()
    {
        QTemporaryDir dir;
        auto journal = openJournal(dir.path());
        QVERIFY2(journal, qPrintable(journal.error()));
        JournalGateway &gateway = **journal;
        TOPUP_VERIFY_OK(gateway.openAccount(QStringLiteral("card"), Money::fromCents(1000), at("2027-04-01T00:00:00Z")));
        TOPUP_VERIFY_OK(gateway.openAccount(QStringLiteral("wallet"), Money::fromCents(300), std::nullopt));
        QVERIFY(!gateway.openAccount(QStringLiteral("card"), Money::fromCents(1), std::nullopt)); // token taken

        const auto charge = [&](const char *key, const char *token, qint64 cents, const char *when) {
            return gateway.chargeToken(ChargeIdentity{QLatin1String(key), 1, QLatin1String(token)}, Money::fromCents(cents), at(when));
        };
        TOPUP_VERIFY_OK(gateway.queueFaults(QStringLiteral("card"), {Reason::Declined}));
        auto answer = charge("a", "card", 450, "2027-03-31T23:59:59.999Z");
        QVERIFY(answer && !answer->succeeded && answer->reason == Reason::Declined);
        answer = charge("b", "card", 450, "2027-03-31T23:59:59.999Z");
        QVERIFY(answer && answer->succeeded);
        QCOMPARE(TOPUP_VALUE(gateway.fundsOf(QStringLiteral("card"))).cents(), qint64(550));
        TOPUP_VERIFY_OK(gateway.queueFaults(QStringLiteral("card"), {Reason::GatewayError}));
        answer = charge("c", "card", 450, "2027-04-01T00:00:00Z");
        QVERIFY(answer && answer->reason == Reason::CardExpired); // the fault stays queued
        answer = charge("d", "wallet", 450, "2027-04-01T00:00:00Z");
        QVERIFY(answer && answer->reason == Reason::InsufficientFunds);
        TOPUP_VERIFY_OK(gateway.depositTo(QStringLiteral("wallet"), Money::fromCents(200), at("2027-04-01T00:00:00Z")));
        answer = charge("e", "wallet", 500, "2027-04-01T00:00:00Z");
        QVERIFY(answer && answer->succeeded);
        QCOMPARE(TOPUP_VALUE(gateway.fundsOf(QStringLiteral("wallet"))).cents(), qint64(0));
        QVERIFY(!gateway.fundsOf(QStringLiteral("nobody")));
        // No account for the token: declined (as the in-memory gateway of a
        // preview answers), kept nowhere: a charge belongs to an account.
        answer = charge("f", "nobody", 1, "2027-04-01T00:00:00Z");
        QVERIFY(answer && !answer->succeeded && answer->reason == Reason::Declined);
        QCOMPARE(TOPUP_VALUE(gateway.charges()).size(), std::size_t(5));
        QCOMPARE(TOPUP_VALUE(gateway.accountFunds(QStringLiteral("nobody"))), std::optional<Money>());
        PaymentGateway memory;
        const int unheld = memory.addMethod(QStringLiteral("nobody"), Money::fromCents(1000), std::nullopt, false);
        memory.injectFaults(unheld, {Reason::GatewayError});
        QCOMPARE(memory.charge(ChargeIdentity{QStringLiteral("f"), 1, QStringLiteral("nobody")}, unheld, Money::fromCents(1), at("2027-04-01T00:00:00Z")).reason,
                 std::optional<Reason>(Reason::Declined));
    }

    void repeatedIdentityAnswersFirstAnswerAcrossRestarts()
    {
        QTemporaryDir dir;
        const ChargeIdentity identity{QStringLiteral("L1/threshold/1"), 2, QStringLiteral("card")};
        {
            auto journal = openJournal(dir.path());
            QVERIFY2(journal, qPrintable(journal.error()));
            TOPUP_VERIFY_OK((*journal)->openAccount(QStringLiteral("card"), Money::fromCents(1000), std::nullopt));
            const auto first = (*journal)->chargeToken(identity, Money::fromCents(800), at("2027-01-01T00:00:00Z"));
            QVERIFY(first && first->succeeded);
        }
        auto journal = openJournal(dir.path());
        QVERIFY2(journal, qPrintable(journal.error()));
        TOPUP_VERIFY_OK((*journal)->queueFaults(QStringLiteral("card"), {Reason::Declined}));
        const auto again = (*journal)->chargeToken(identity, Money::fromCents(800), at("2027-01-02T00:00:00Z"));
        QVERIFY(again && again->succeeded);
        QCOMPARE(TOPUP_VALUE((*journal)->fundsOf(QStringLiteral("card"))).cents(), qint64(200)); // moved once
        // The queued fault was not consumed by the repeat; a new identity meets it.
        const auto next = (*journal)->chargeToken(ChargeIdentity{identity.chainKey, 3, identity.method},
                                                   Money::fromCents(100), at("2027-01-02T00:00:00Z"));
        QVERIFY(next && next->reason == Reason::Declined);
        QCOMPARE(TOPUP_VALUE((*journal)->charges()).size(), std::size_t(2));
    }

    void engineRunsAgainstTheJournal()
    {
        // The engine charges through the Gateway interface; a second run of
        // the same world repeats every identity and moves no money again.
        QTemporaryDir dir;
        auto journal = openJournal(dir.path());
        QVERIFY2(journal, qPrintable(journal.error()));
        TOPUP_VERIFY_OK((*journal)->openAccount(QStringLiteral("tok"), Money::fromCents(10000), std::nullopt));
        (*journal)->bind({QStringLiteral("tok")});
        World world;
        world.zone = QTimeZone("UTC");
        world.currency = QStringLiteral("EUR");
        world.start = at("2027-01-01T00:00:00Z");
        world.end = at("2027-03-31T00:00:00Z");
        world.packages.push_back(Package{QStringLiteral("p"), DataAmount(1000), VoiceAmount(), Money::fromCents(300)});
        world.methods.push_back(PaymentMethod{QStringLiteral("m"), MethodKind::PayPal, Money::fromCents(10000), std::nullopt});
        Policy policy;
        policy.monthly = MonthlyTrigger{15, 12 * 60, QStringLiteral("p")};
        policy.method = QStringLiteral("m");
        world.lines.push_back(Line{QStringLiteral("L1"), DataAmount(0), VoiceAmount(), policy});
        for (int run = 0; run < 2; ++run) {
            Engine engine(world, **journal);
            const Outcome outcome = engine.run();
            QCOMPARE(outcome.attempts.size(), std::size_t(3));
            QCOMPARE(outcome.methodFunds.size(), std::size_t(1));
            QCOMPARE(outcome.methodFunds[0].cents(), qint64(10000 - 900));
        }
        QCOMPARE(TOPUP_VALUE((*journal)->charges()).size(), std::size_t(3));
    }

    // The in-memory gateway and the journal decide with one function
    // (decideCharge): the same account and the same charges give the same
    // answers and leave the same funds and faults, case by case.
    void bothProvidersDecideAlike_data()
    {
        QTest::addColumn<qint64>("funds");
        QTest::addColumn<QString>("expiresAt"); // empty: a wallet
        QTest::addColumn<QStringList>("faults");
        QTest::addColumn<QStringList>("charges"); // "CENTS AT"
        const QString valid = QStringLiteral("2027-03-31T23:59:59.999Z");
        const QString expiry = QStringLiteral("2027-04-01T00:00:00Z");
        QTest::newRow("pays") << qint64(1000) << expiry << QStringList{} << QStringList{"450 " + valid, "550 " + valid, "1 " + valid};
        QTest::newRow("funds short") << qint64(449) << expiry << QStringList{} << QStringList{"450 " + valid};
        QTest::newRow("funds equal") << qint64(450) << QString() << QStringList{} << QStringList{"450 " + valid};
        QTest::newRow("expired at expiry") << qint64(1000) << expiry << QStringList{} << QStringList{"450 " + expiry};
        QTest::newRow("expired keeps the fault")
            << qint64(1000) << expiry << QStringList{"declined"} << QStringList{"450 " + expiry, "450 " + valid, "450 " + valid};
        QTest::newRow("expired beats funds") << qint64(0) << expiry << QStringList{} << QStringList{"450 " + expiry};
        QTest::newRow("fault beats funds") << qint64(0) << QString() << QStringList{"gateway_error"} << QStringList{"450 " + valid, "450 " + valid};
        QTest::newRow("faults in order") << qint64(5000) << QString() << QStringList{"insufficient_funds", "declined"}
                                         << QStringList{"1 " + valid, "1 " + valid, "1 " + valid};
        QTest::newRow("zero price, no funds") << qint64(0) << QString() << QStringList{} << QStringList{"0 " + valid};
    }

    void bothProvidersDecideAlike()
    {
        const auto [funds, expires, reasons, charges] = fetchProviderCase();
        QVERIFY(!QTest::currentTestFailed());

        PaymentGateway memory;
        const int method = memory.addMethod(QStringLiteral("m"), Money::fromCents(funds), expires);
        memory.injectFaults(method, reasons);
        QTemporaryDir dir;
        auto journal = openJournal(dir.path());
        QVERIFY2(journal, qPrintable(journal.error()));
        TOPUP_VERIFY_OK((*journal)->openAccount(QStringLiteral("m"), Money::fromCents(funds), expires));
        TOPUP_VERIFY_OK((*journal)->queueFaults(QStringLiteral("m"), reasons));

        for (int i = 0; i < charges.size(); ++i) {
            const QStringList words = charges[i].split(QLatin1Char(' '));
            const ChargeIdentity identity{QStringLiteral("K%1").arg(i), 1, QStringLiteral("m")};
            const Money price = Money::fromCents(words[0].toLongLong());
            const Instant when = at(qPrintable(words[1]));
            const ChargeAnswer inMemory = memory.charge(identity, method, price, when);
            const ChargeAnswer inJournal = TOPUP_VALUE((*journal)->chargeToken(identity, price, when));
            QCOMPARE(inJournal.succeeded, inMemory.succeeded);
            QCOMPARE(inJournal.reason, inMemory.reason);
            QCOMPARE(TOPUP_VALUE((*journal)->fundsOf(QStringLiteral("m"))).cents(), memory.funds(method).cents());
        }
    }

    // The same charges as one group of a catch-up makes them (JournalBatch,
    // in the journal's transaction held open) and one by one
    // (chargeToken), on two journals: the same answers, charge by charge,
    // though the batch reads the account once and writes nothing until its
    // flush; a repeated identity in the group gets its first answer and
    // moves no money; after the flush and commit both journals hold the
    // same funds, faults and charges; a group rolled back leaves its journal
    // as it was.
    void aGroupOfChargesDecidesAsOneByOne_data() { bothProvidersDecideAlike_data(); }

    void aGroupOfChargesDecidesAsOneByOne()
    {
        const auto [funds, expires, reasons, charges] = fetchProviderCase();
        QVERIFY(!QTest::currentTestFailed());
        QTemporaryDir batchDir, plainDir;
        auto openedBatch = openJournal(batchDir.path());
        auto openedPlain = openJournal(plainDir.path());
        QVERIFY2(openedBatch, qPrintable(openedBatch.error()));
        QVERIFY2(openedPlain, qPrintable(openedPlain.error()));
        JournalGateway &journal = **openedBatch;
        JournalGateway &plain = **openedPlain;
        for (JournalGateway *each : {&journal, &plain}) {
            TOPUP_VERIFY_OK(each->openAccount(QStringLiteral("m"), Money::fromCents(funds), expires));
            TOPUP_VERIFY_OK(each->queueFaults(QStringLiteral("m"), reasons));
        }
        const auto charge = [&texts = charges](int i) { // C++17 captures no structured binding itself
            const QStringList words = texts[i].split(QLatin1Char(' '));
            return std::make_tuple(ChargeIdentity{QStringLiteral("K%1").arg(i), 1, QStringLiteral("m")}, Money::fromCents(words[0].toLongLong()),
                                   at(qPrintable(words[1])));
        };

        JournalBatch batch(journal.database());
        for (const bool kept : {false, true}) {
            TOPUP_VERIFY_OK(journal.database().begin());
            std::vector<ChargeAnswer> answers;
            for (int i = 0; i < charges.size(); ++i) {
                const auto [identity, price, when] = charge(i);
                const ChargeAnswer inBatch = TOPUP_VALUE(batch.charge(identity, price, when));
                answers.push_back(inBatch);
                const ChargeAnswer again = TOPUP_VALUE(batch.charge(identity, price, when));
                QCOMPARE(again.succeeded, inBatch.succeeded);
                QCOMPARE(again.reason, inBatch.reason);
            }
            QVERIFY(!QTest::currentTestFailed());
            QCOMPARE(TOPUP_VALUE(journal.charges()).size(), std::size_t(0)); // nothing sent before the flush
            QCOMPARE(TOPUP_VALUE(journal.fundsOf(QStringLiteral("m"))).cents(), funds);
            if (!kept) { // rolled back: as it was; the same charges again below
                batch.clear();
                journal.database().rollback();
                QCOMPARE(TOPUP_VALUE(journal.queuedFaults(QStringLiteral("m"))), reasons);
                continue;
            }
            TOPUP_VERIFY_OK(batch.flush());
            TOPUP_VERIFY_OK(journal.database().commit(Database::Sync::Synced));
            for (int i = 0; i < charges.size(); ++i) {
                const auto [identity, price, when] = charge(i);
                const ChargeAnswer oneByOne = TOPUP_VALUE(plain.chargeToken(identity, price, when));
                QCOMPARE(answers[std::size_t(i)].succeeded, oneByOne.succeeded);
                QCOMPARE(answers[std::size_t(i)].reason, oneByOne.reason);
            }
        }
        QCOMPARE(TOPUP_VALUE(journal.fundsOf(QStringLiteral("m"))).cents(), TOPUP_VALUE(plain.fundsOf(QStringLiteral("m"))).cents());
        QCOMPARE(TOPUP_VALUE(journal.queuedFaults(QStringLiteral("m"))), TOPUP_VALUE(plain.queuedFaults(QStringLiteral("m"))));
        const std::vector<JournalCharge> inBatch = TOPUP_VALUE(journal.charges());
        const std::vector<JournalCharge> oneByOne = TOPUP_VALUE(plain.charges());
        QCOMPARE(inBatch.size(), oneByOne.size());
        for (std::size_t i = 0; i < inBatch.size(); ++i) {
            QCOMPARE(inBatch[i].identity.chainKey, oneByOne[i].identity.chainKey);
            QCOMPARE(inBatch[i].amount.cents(), oneByOne[i].amount.cents());
            QCOMPARE(inBatch[i].at, oneByOne[i].at);
            QCOMPARE(inBatch[i].answer.succeeded, oneByOne[i].answer.succeeded);
            QCOMPARE(inBatch[i].answer.reason, oneByOne[i].answer.reason);
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestJournalGateway)
} // namespace tst_journalgateway
#include "tst_journalgateway.moc"
