// A catch-up's charges as one group (ChargeGroup, RecordingGateway): what
// the group writes down, once, and what the run's funds count while it is
// open. On both engines: on PostgreSQL the group's write-down is a few
// statements for all its charges (ChargeGroup::writeDownInArrays), on
// SQLite a statement a charge.
#include "testmain.h"
#include "checked.h"
#include "service/chargegroup.h"
#include "service/openedworld.h"
#include "service/service.h"
#include "store/database.h"
#include "store/journalgateway.h"
#include "store/statement.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QTemporaryDir>
#include <QTest>

namespace tst_chargegroup {

using namespace topup;
using topup::test::at;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
const char *const start = "2027-03-01T08:00:00Z";

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
        QTemporaryDir dir;
        const Expected<WorldLocation> world = m_engine.worldAt(dir.path());
        TOPUP_VERIFY_OK(world);
        qint64 accountId = 0;
        qint64 cardId = 0;
        qint64 emptyId = 0;
        std::vector<PackageRecord> packages;
        std::vector<LineRecord> lines;
        {
            Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(*world, at(start));
            QVERIFY2(opened, qPrintable(opened.error()));
            Service &service = **opened;
            const Expected<Account> account = service.signUp(SignUpForm{QStringLiteral("group@example.com"), topup::test::testPassword(),
                                                                        QStringLiteral("EUR"), QStringLiteral("UTC"), std::nullopt});
            TOPUP_VERIFY_OK(account);
            accountId = account->id;
            cardId = TOPUP_VALUE(service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Ana Test"), QStringLiteral("4111 1111 1111 1111"),
                                                          QStringLiteral("09/31"), QStringLiteral("123"), Money::fromCents(100000)})).id;
            emptyId = TOPUP_VALUE(service.addWallet(WalletForm{QStringLiteral("group@example.com"), Money::fromCents(1)})).id;
            packages = TOPUP_VALUE(service.packages());
            for (int i = 0; i < 2; ++i)
                lines.push_back(TOPUP_VALUE(service.addLine(LineForm{QStringLiteral("Line %1").arg(i), {}, UsageProfile::Light, quint64(7 + i),
                                                                    DataAmount(gigabyte), VoiceAmount(600)})));
        }
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(packages.size() >= 2);
        Expected<OpenedWorld> opened = OpenedWorld::open(*world);
        QVERIFY2(opened, qPrintable(opened.error()));
        Database &store = *opened->store;
        JournalGateway &journal = *opened->provider;
        const Instant when = at("2027-03-01T09:00:00Z");
        const auto request = [&](std::size_t line, qint64 method, std::size_t package, const char *key) {
            ChargeRequest each;
            each.accountId = accountId;
            each.lineId = lines[line].id;
            each.methodId = method;
            each.packageId = packages[package].id;
            each.trigger = TriggerKind::Threshold;
            each.chainKey = QStringLiteral("L%1/%2").arg(lines[line].id).arg(QLatin1String(key));
            each.at = when;
            each.month = QStringLiteral("2027-03");
            return each;
        };
        const std::vector<ChargeRequest> requests{request(0, cardId, 0, "threshold/1"), request(0, cardId, 1, "monthly/2027-03"),
                                                  request(1, emptyId, 0, "threshold/1")};
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
        const auto count = [&](Database &database, const char *table) {
            Statement select(database, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
            return select.run() && select.next() ? select.integer(0) : qint64(-1);
        };
        const std::vector<std::pair<qint64, qint64>> before = balances();
        QCOMPARE(before.size(), std::size_t(2));
        const qint64 attemptsBefore = count(store, "attempts");
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
            QCOMPARE(count(store, "attempts"), attemptsBefore + 3);
            QCOMPARE(count(store, "charge_intents"), qint64(0));
            QCOMPARE(TOPUP_VALUE(journal.charges()).size(), std::size_t(3));
        }
    }

};

TOPUP_TEST_GUILESS_MAIN(TestChargeGroup)
} // namespace tst_chargegroup
#include "tst_chargegroup.moc"
