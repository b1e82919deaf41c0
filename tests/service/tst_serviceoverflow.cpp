// An amount that would leave int64 during a catch-up stops it with a
// message, saves nothing of that day, and is never a saturated balance.
#include "testmain.h"
#include "checked.h"
#include "service/service.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace tst_serviceoverflow {

using namespace topup;
using topup::test::at;

class TestServiceOverflow final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void aBalanceThatWouldOverflowStopsTheCatchUp()
    {
        QTemporaryDir dir;
        Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY2(opened, qPrintable(opened.error()));
        std::unique_ptr<Service> service = opened.take();
        const SignUpForm form{QStringLiteral("ana@example.com"), topup::test::testPassword(), QStringLiteral("EUR"),
                              QStringLiteral("Europe/Paris"), std::nullopt};
        TOPUP_VERIFY_OK(service->signUp(form));
        TOPUP_VERIFY_OK(service->catchUpToNow());
        const MethodRecord wallet =
            TOPUP_VALUE(service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(100000)}));
        const LineRecord line =
            TOPUP_VALUE(service->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Light, 7, DataAmount(0), {}}));
        const PackageRecord package = TOPUP_FIRST(service->packages());
        QVERIFY2(package.package.data.bytes() > 0, "the first package should add data");
        Policy policy;
        policy.monthly = MonthlyTrigger{3, 9 * 60, package.package.id};
        policy.method = wallet.engineId();
        TOPUP_VERIFY_OK(service->setPolicy(line.id, policy));
        {
            // A balance at the very top, as only a damaged or edited store could hold.
            QSqlDatabase db = test::addWorldConnection(QStringLiteral("edit"), dir.path());
            QVERIFY(db.open());
            QSqlQuery edit(db);
            QVERIFY(edit.exec(QStringLiteral("UPDATE lines SET data_bytes = 9223372036854775000")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("edit"));
        const Instant before = TOPUP_VALUE(service->worldClock());

        const Expected<CatchUpSummary> moved = service->advanceBy(5LL * 24 * 3600 * 1000);
        QVERIFY(!moved);
        QVERIFY2(moved.error().contains(QLatin1String("would exceed the largest amount")), qPrintable(moved.error()));
        // The days before the 3rd were saved; the 3rd, where the top-up would overflow, was not.
        const Instant clock = TOPUP_VALUE(service->worldClock());
        QVERIFY(before < clock && clock < at("2027-03-03T08:00:00Z"));
        const qint64 data = TOPUP_FIRST(service->lines()).dataBytes; // used a little, never topped up to a saturated value
        QVERIFY2(data <= 9223372036854775000 && data > 9223372036854775000 - 100000000000, qPrintable(QString::number(data)));
        QCOMPARE(TOPUP_FIRST(service->methods()).funds, Money::fromCents(100000)); // nothing charged

        // A manual top-up that would overflow is refused before the provider is asked.
        const Expected<ChargeAnswer> manual = service->manualTopUp(line.id, package.id, wallet.id);
        QVERIFY(!manual);
        QVERIFY2(manual.error().contains(QLatin1String("would exceed the largest amount; nothing was charged")),
                 qPrintable(manual.error()));
        QCOMPARE(TOPUP_FIRST(service->methods()).funds, Money::fromCents(100000));
        QCOMPARE(TOPUP_VALUE(service->attempts()).size(), std::size_t(0));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestServiceOverflow)
} // namespace tst_serviceoverflow
#include "tst_serviceoverflow.moc"
