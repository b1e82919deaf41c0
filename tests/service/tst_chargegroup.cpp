// A catch-up's charges as one group (ChargeGroup, RecordingGateway): what
// the group writes down, once, and what the run's funds count while it is
// open. On both engines: on PostgreSQL the group's write-down is a few
// statements for all its charges (ChargeGroup::writeDownInArrays), on
// SQLite a statement a charge.
#include "testmain.h"
#include "checked.h"
#include "engine/engine.h"
#include "rules/zonedcalendar.h"
#include "service/chargegroup.h"
#include "service/openedworld.h"
#include "service/recordinggateway.h"
#include "service/service.h"
#include "service/worldloader.h"
#include "store/database.h"
#include "store/journalgateway.h"
#include "store/statement.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

namespace tst_chargegroup {

using namespace topup;
using topup::test::at;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
const char *const start = "2027-03-01T08:00:00Z";

qint64 rowCount(Database &database, const char *table)
{
    Statement select(database, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    return select.run() && select.next() ? select.integer(0) : qint64(-1);
}

// A world of one account with a card, a wallet of one cent and two lines.
struct ChargeWorld final
{
    QTemporaryDir dir;
    std::optional<WorldLocation> location;
    qint64 accountId = 0;
    MethodRecord card;
    qint64 emptyId = 0;
    std::vector<PackageRecord> packages;
    std::vector<LineRecord> lines;
};

// Made in a temporary place of the engine's (a folder, or a database
// named after it): check QTest::currentTestFailed() after.
void makeChargeWorld(test::StoreEngine &engine, ChargeWorld &made)
{
    Expected<WorldLocation> world = engine.worldAt(made.dir.path());
    TOPUP_VERIFY_OK(world);
    made.location.emplace(world.take());
    Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(*made.location, at(start));
    QVERIFY2(opened, qPrintable(opened.error()));
    Service &service = **opened;
    const Expected<Account> account = service.signUp(SignUpForm{QStringLiteral("group@example.com"), topup::test::testPassword(),
                                                                QStringLiteral("EUR"), QStringLiteral("UTC"), std::nullopt});
    TOPUP_VERIFY_OK(account);
    made.accountId = account->id;
    made.card = TOPUP_VALUE(service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Ana Test"), QStringLiteral("4111 1111 1111 1111"),
                                                     QStringLiteral("09/31"), QStringLiteral("123"), Money::fromCents(100000)}));
    made.emptyId = TOPUP_VALUE(service.addWallet(WalletForm{QStringLiteral("group@example.com"), Money::fromCents(1)})).id;
    made.packages = TOPUP_VALUE(service.packages());
    for (int i = 0; i < 2; ++i)
        made.lines.push_back(TOPUP_VALUE(service.addLine(
            LineForm{QStringLiteral("Line %1").arg(i), {}, UsageProfile::Light, quint64(7 + i), DataAmount(gigabyte), VoiceAmount(600)})));
    QVERIFY(made.packages.size() >= 2);
}

ChargeRequest chargeRequest(const ChargeWorld &world, std::size_t line, qint64 method, std::size_t package, const QString &key)
{
    ChargeRequest each;
    each.accountId = world.accountId;
    each.lineId = world.lines[line].id;
    each.methodId = method;
    each.packageId = world.packages[package].id;
    each.trigger = TriggerKind::Threshold;
    each.chainKey = QStringLiteral("L%1/%2").arg(world.lines[line].id).arg(key);
    each.at = at("2027-03-01T09:00:00Z");
    each.month = QStringLiteral("2027-03");
    return each;
}

// A world of eight lines that top up often (heavy use, a threshold close
// under their balance), moved three days on; what it charged and holds,
// as text to compare.
QString threeDaysOfTopUps(const WorldLocation &world)
{
    Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(world, at(start));
    if (!opened)
        return opened.error();
    Service &service = **opened;
    if (const Expected<Account> account = service.signUp(SignUpForm{QStringLiteral("beside@example.com"), topup::test::testPassword(),
                                                                    QStringLiteral("EUR"), QStringLiteral("UTC"), std::nullopt});
        !account)
        return account.error();
    const Expected<MethodRecord> card = service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Ana Test"),
                                                                 QStringLiteral("4111 1111 1111 1111"), QStringLiteral("09/31"),
                                                                 QStringLiteral("123"), Money::fromCents(5000000)});
    if (!card)
        return card.error();
    const QString package = test::packageNamed(service, "1 GB data");
    for (int i = 0; i < 8; ++i) {
        const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Line %1").arg(i), {}, UsageProfile::Heavy, quint64(11 + i),
                                                                   DataAmount(gigabyte + i * gigabyte / 10), VoiceAmount(600)});
        if (!line)
            return line.error();
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte * 9 / 10, package};
        policy.method = card->engineId();
        if (const Expected<void> saved = service.setPolicy(line->id, policy); !saved)
            return saved.error();
    }
    if (const Expected<CatchUpSummary> moved = service.advanceBy(3 * 24 * 3600 * 1000LL); !moved)
        return moved.error();
    QStringList text;
    const Expected<std::vector<AttemptRow>> attempts = service.attempts(1000);
    const Expected<std::vector<LineRecord>> lines = service.lines();
    const Expected<std::vector<MethodRecord>> methods = service.methods();
    if (!attempts || !lines || !methods)
        return QStringLiteral("could not read the world back");
    for (const AttemptRow &row : *attempts)
        text << QStringLiteral("%1 %2 %3/%4 %5 %6").arg(row.at.toString(), row.lineName, row.key).arg(row.attempt).arg(row.amount.cents())
                    .arg(attemptStatusName(row.status));
    for (const LineRecord &line : *lines)
        text << QStringLiteral("%1 %2 %3").arg(line.name).arg(line.dataBytes).arg(line.voiceSeconds);
    for (const MethodRecord &method : *methods)
        text << QStringLiteral("method %1 %2 %3").arg(method.id).arg(method.funds.cents()).arg(method.fundsKnown);
    return text.join(QLatin1Char('\n'));
}

} // namespace

class TestChargeGroup final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine;

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    // A top-up at the last instant of a run (here a settle's: a line saved
    // below its threshold tops up at the clock) counts in the funds the run
    // ends with: the wallet it empties below the package's price is
    // reported low at once, with what it holds after the charge. (The
    // group's charges are kept until it commits; the run's funds are read
    // after that commit.)
    void aTopUpAtARunsLastInstantCountsInItsFunds()
    {
        QTemporaryDir dir;
        Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(dir.path(), at(start));
        QVERIFY2(opened, qPrintable(opened.error()));
        Service &service = **opened;
        TOPUP_VERIFY_OK(service.signUp(SignUpForm{QStringLiteral("funds@example.com"), topup::test::testPassword(), QStringLiteral("EUR"),
                                                  QStringLiteral("UTC"), std::nullopt}));
        TOPUP_VERIFY_OK(service.catchUpToNow());
        const std::vector<PackageRecord> packages = TOPUP_VALUE(service.packages());
        const QString package = test::packageNamed(service, "1 GB data");
        QVERIFY(!QTest::currentTestFailed());
        Money price;
        for (const PackageRecord &record : packages) {
            if (record.package.id == package)
                price = record.package.price;
        }
        const Money funds = Money::fromCents(price.cents() * 3 / 2);
        const MethodRecord wallet = TOPUP_VALUE(service.addWallet(WalletForm{QStringLiteral("funds@example.com"), funds}));
        const LineRecord line = TOPUP_VALUE(service.addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Light, quint64(3),
                                                                     DataAmount(gigabyte / 2), VoiceAmount(600)}));
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, package};
        policy.method = wallet.engineId();
        TOPUP_VERIFY_OK(service.setPolicy(line.id, policy));
        QVERIFY(!QTest::currentTestFailed());
        const std::vector<AttemptRow> attempts = TOPUP_VALUE(service.attempts(10));
        QCOMPARE(attempts.size(), std::size_t(1));
        QCOMPARE(attempts.front().status, AttemptStatus::Succeeded);
        const std::vector<AlertRow> alerts = TOPUP_VALUE(service.alerts());
        std::optional<LowFunds> low;
        for (const AlertRow &alert : alerts) {
            if (alert.kind == AlertKind::LowFunds && alert.methodId == wallet.id)
                low = alert.lowFunds;
        }
        QVERIFY2(low, "no low-funds alert for the wallet the top-up emptied");
        QCOMPARE(low->funds.cents(), funds.cents() - price.cents());
        QCOMPARE(low->needed.cents(), price.cents());
    }

    // The charges of one instant of a catch-up (ChargeGroup) written down
    // together: each succeeded charge credits its line once, two of one
    // line in one group both; a failed one credits nothing; every intent
    // is gone and every attempt is there once. The same group asked again
    // (a replay) gets the answers written down, writes nothing and moves
    // no money. (On PostgreSQL the group's write-down is four statements
    // for all its charges: a line credited in one of them.)
    void aGroupOfChargesIsWrittenDownOnce()
    {
        ChargeWorld made;
        makeChargeWorld(m_engine, made);
        QVERIFY(!QTest::currentTestFailed());
        const std::vector<LineRecord> &lines = made.lines;
        const std::vector<PackageRecord> &packages = made.packages;
        Expected<OpenedWorld> opened = OpenedWorld::open(*made.location);
        QVERIFY2(opened, qPrintable(opened.error()));
        Database &store = *opened->store;
        JournalGateway &journal = *opened->provider;
        const std::vector<ChargeRequest> requests{chargeRequest(made, 0, made.card.id, 0, QStringLiteral("threshold/1")),
                                                  chargeRequest(made, 0, made.card.id, 1, QStringLiteral("monthly/2027-03")),
                                                  chargeRequest(made, 1, made.emptyId, 0, QStringLiteral("threshold/1"))};
        const auto balances = [&] {
            std::vector<std::pair<qint64, qint64>> read;
            Statement select(store, QStringLiteral("SELECT data_bytes, voice_seconds FROM lines WHERE id = ?"));
            for (const LineRecord &line : lines) {
                select.bind(line.id);
                if (!select.run() || !select.next())
                    return std::vector<std::pair<qint64, qint64>>();
                read.emplace_back(select.integer(0), select.integer(1));
                select.finish();
            }
            return read;
        };
        const std::vector<std::pair<qint64, qint64>> before = balances();
        QCOMPARE(before.size(), std::size_t(2));
        const qint64 attemptsBefore = rowCount(store, "attempts");
        std::vector<ChargeAnswer> first;
        for (int round = 0; round < 2; ++round) {
            ChargeGroup group(store, journal);
            for (std::size_t i = 0; i < requests.size(); ++i) {
                const RecordedCharge charged = group.charge(requests[i]);
                QVERIFY2(charged.answer, charged.error ? qPrintable(charged.error->text()) : "no answer");
                if (round == 0) {
                    first.push_back(*charged.answer);
                } else {
                    QCOMPARE(charged.answer->succeeded, first[i].succeeded);
                    QCOMPARE(charged.answer->reason, first[i].reason);
                }
            }
            TOPUP_VERIFY_OK(group.commit());
            QVERIFY(first[0].succeeded && first[1].succeeded && !first[2].succeeded);
            const std::vector<std::pair<qint64, qint64>> after = balances();
            QCOMPARE(after.size(), std::size_t(2));
            QCOMPARE(after[0].first, before[0].first + packages[0].package.data.bytes() + packages[1].package.data.bytes());
            QCOMPARE(after[0].second, before[0].second + packages[0].package.voice.seconds() + packages[1].package.voice.seconds());
            QCOMPARE(after[1], before[1]);
            QCOMPARE(rowCount(store, "attempts"), attemptsBefore + 3);
            QCOMPARE(rowCount(store, "charge_intents"), qint64(0));
            QCOMPARE(TOPUP_VALUE(journal.charges()).size(), std::size_t(3));
        }
    }

    // A group told to look its replays up at its commit (a catch-up's run)
    // asks neither file anything at a charge once a method's token, a
    // package's price and the provider's account are read: on PostgreSQL
    // two round trips a charge fewer. At the commit it asks both for all its
    // charges; a charge either file holds already (the journal alone, then
    // the store alone) makes it commit nothing — no money, no row, no
    // intent — and then look each charge up, which answers from the file
    // that holds it (from the journal's, the store writes them down again).
    void aGroupLooksItsReplaysUpAtItsCommit()
    {
        ChargeWorld made;
        makeChargeWorld(m_engine, made);
        QVERIFY(!QTest::currentTestFailed());
        Expected<OpenedWorld> opened = OpenedWorld::open(*made.location);
        QVERIFY2(opened, qPrintable(opened.error()));
        Database &store = *opened->store;
        JournalGateway &journal = *opened->provider;
        std::vector<ChargeRequest> requests;
        for (int i = 1; i <= 6; ++i)
            requests.push_back(chargeRequest(made, std::size_t(i % 2), made.card.id, 0, QStringLiteral("threshold/%1").arg(i)));
        std::vector<ChargeAnswer> first;
        {
            ChargeGroup group(store, journal);
            group.lookUpReplaysAtCommit();
            quint64 storeStatements = 0, journalStatements = 0;
            for (std::size_t i = 0; i < requests.size(); ++i) {
                if (i == 1) {
                    storeStatements = store.statementsRun();
                    journalStatements = journal.database().statementsRun();
                }
                const RecordedCharge charged = group.charge(requests[i]);
                QVERIFY2(charged.answer, charged.error ? qPrintable(charged.error->text()) : "no answer");
                QVERIFY(charged.answer->succeeded);
                first.push_back(*charged.answer);
            }
            QCOMPARE(store.statementsRun(), storeStatements);
            QCOMPARE(journal.database().statementsRun(), journalStatements);
            TOPUP_VERIFY_OK(group.commit());
            QVERIFY(!group.metReplay());
        }
        const qint64 attempts = rowCount(store, "attempts");
        const std::size_t charges = TOPUP_VALUE(journal.charges()).size();
        QCOMPARE(charges, requests.size());
        const Money funds = TOPUP_VALUE(journal.fundsOf(made.card.token));
        const auto forget = [&](Database &database, const char *statement) {
            Statement remove(database, QLatin1String(statement));
            remove.bind(QStringLiteral("%/threshold/%"));
            TOPUP_VERIFY_OK(remove.run());
        };
        for (const bool journalKeeps : {true, false}) {
            // One file forgets them (the other keeps its rows).
            if (journalKeeps)
                forget(store, "DELETE FROM attempts WHERE chain_key LIKE ?");
            else
                forget(journal.database(), "DELETE FROM charges WHERE chain_key LIKE ?");
            QVERIFY(!QTest::currentTestFailed());
            const qint64 attemptsThere = rowCount(store, "attempts");
            const std::size_t chargesThere = TOPUP_VALUE(journal.charges()).size();
            {
                ChargeGroup group(store, journal);
                group.lookUpReplaysAtCommit();
                for (const ChargeRequest &request : requests)
                    QVERIFY(group.charge(request).answer);
                QVERIFY2(!group.commit(), journalKeeps ? "the journal keeps them" : "the store keeps them");
                QVERIFY(group.metReplay());
            }
            QCOMPARE(TOPUP_VALUE(journal.fundsOf(made.card.token)), funds);
            QCOMPARE(TOPUP_VALUE(journal.charges()).size(), chargesThere);
            QCOMPARE(rowCount(store, "attempts"), attemptsThere);
            QCOMPARE(rowCount(store, "charge_intents"), qint64(0));
            ChargeGroup group(store, journal);
            for (std::size_t i = 0; i < requests.size(); ++i) {
                const RecordedCharge charged = group.charge(requests[i]);
                QVERIFY2(charged.answer, charged.error ? qPrintable(charged.error->text()) : "no answer");
                QCOMPARE(charged.answer->succeeded, first[i].succeeded);
            }
            // Written down from the journal's answers when the store forgot them.
            TOPUP_VERIFY_OK(group.commit());
            QCOMPARE(TOPUP_VALUE(journal.fundsOf(made.card.token)), funds);
            QCOMPARE(rowCount(store, "attempts"), attempts);
        }
    }

    // A run whose replay is met at the commit a deposit makes first (the
    // journal keeps the order) is made again; nothing of the first making
    // reaches the provider after the replay is met, so the deposit is
    // made once, by the run made again, which answers its top-up from
    // before.
    void aRunMadeAgainReachesTheProviderOnce()
    {
        ChargeWorld made;
        makeChargeWorld(m_engine, made);
        QVERIFY(!QTest::currentTestFailed());
        {
            Expected<std::unique_ptr<Service>> service = topup::test::openTestService(*made.location, at(start));
            QVERIFY2(service, qPrintable(service.error()));
            TOPUP_VERIFY_OK((*service)->signIn(QStringLiteral("group@example.com"), topup::test::testPassword()));
            Policy policy;
            policy.monthly = MonthlyTrigger{2, 9 * 60, test::packageNamed(**service, "1 GB data")};
            policy.method = made.card.engineId();
            QVERIFY(!QTest::currentTestFailed());
            TOPUP_VERIFY_OK((*service)->setPolicy(made.lines[0].id, policy));
        }
        Expected<OpenedWorld> opened = OpenedWorld::open(*made.location);
        QVERIFY2(opened, qPrintable(opened.error()));
        Database &store = *opened->store;
        JournalGateway &journal = *opened->provider;
        Expected<LoadedWorld> loaded = WorldLoader(store, journal).load(made.accountId, at("2027-03-01T08:00:00.001Z"), at("2027-03-03T00:00:00Z"));
        TOPUP_VERIFY_OK(loaded);
        LoadedWorld runWorld = loaded.take();
        const ZonedCalendar calendar(runWorld.world.zone);
        ChargeGroup group(store, journal);
        const auto run = [&](bool replaysAtCommit) {
            if (replaysAtCommit)
                group.lookUpReplaysAtCommit();
            RecordingGateway gateway(group, journal, runWorld, calendar);
            Engine engine(runWorld.world, gateway);
            engine.run();
            gateway.finish();
            return std::make_pair(gateway.runAgain(), gateway.error());
        };
        const auto ran = run(true);
        QVERIFY2(ran.second.isEmpty(), qPrintable(ran.second));
        QVERIFY(!ran.first);
        QCOMPARE(TOPUP_VALUE(journal.charges()).size(), std::size_t(1)); // the monthly top-up of the 2nd at 09:00
        const Money funds = TOPUP_VALUE(journal.fundsOf(made.card.token));
        WorldEvent deposit;
        deposit.kind = WorldEvent::Kind::Deposit;
        deposit.at = at("2027-03-02T12:00:00Z");
        deposit.deposit = Money::fromCents(500);
        const auto card = std::find(runWorld.methodRows.begin(), runWorld.methodRows.end(), made.card.id);
        QVERIFY(card != runWorld.methodRows.end());
        deposit.method = runWorld.world.methods[std::size_t(card - runWorld.methodRows.begin())].id;
        runWorld.world.events.push_back(deposit);
        const auto metAgain = run(true);
        QVERIFY(metAgain.first);
        QCOMPARE(TOPUP_VALUE(journal.fundsOf(made.card.token)), funds);
        QCOMPARE(rowCount(journal.database(), "deposits"), qint64(0));
        const auto madeAgain = run(false);
        QVERIFY2(madeAgain.second.isEmpty(), qPrintable(madeAgain.second));
        QVERIFY(!madeAgain.first);
        QCOMPARE(TOPUP_VALUE(journal.fundsOf(made.card.token)), funds + Money::fromCents(500));
        QCOMPARE(rowCount(journal.database(), "deposits"), qint64(1));
        QCOMPARE(TOPUP_VALUE(journal.charges()).size(), std::size_t(1));
    }
    // A run's group committed beside the save's usage, on a thread and
    // connections of its own (ChargeGroup::commitBeside: on PostgreSQL, a
    // group of 256 charges or more; here of one or more), leaves the world
    // exactly as one committed here: every attempt, balance and fund.
    // (SQLite commits here either way.)
    void aRunCommittedBesideEqualsOneCommittedHere()
    {
        QStringList worlds;
        for (const std::size_t besideFrom : {std::size_t(1), std::numeric_limits<std::size_t>::max()}) {
            ChargeGroup::setBesideFrom(besideFrom);
            QTemporaryDir dir;
            const Expected<WorldLocation> world = m_engine.worldAt(dir.path());
            TOPUP_VERIFY_OK(world);
            worlds << threeDaysOfTopUps(*world);
        }
        ChargeGroup::setBesideFrom(256);
        QVERIFY2(worlds[0].count(QLatin1String("succeeded")) >= 8, qPrintable(worlds[0]));
        QCOMPARE(worlds[0], worlds[1]);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestChargeGroup)
} // namespace tst_chargegroup
#include "tst_chargegroup.moc"
