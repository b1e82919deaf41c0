// The service's signals say what changed (issue 14): a write names the
// line, method or alert it changed, so that a page looks again only at what
// it shows and a model updates the rows concerned; a move of the world —
// the clock, or the rules acting after a write — says so (worldAdvanced)
// rather than naming every line.
#include "testmain.h"
#include "service/service.h"
#include "checked.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace tst_servicesignals {

using namespace topup;
using namespace topup::test;

namespace {

QList<qint64> ids(const QSignalSpy &spy, int emission)
{
    return spy.at(emission).at(0).value<QList<qint64>>();
}

} // namespace

class TestServiceSignals final : public QObject
{
    Q_OBJECT

private:
    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql
    QTemporaryDir m_dir;
    std::unique_ptr<Service> m_service;
    MethodRecord m_wallet;
    LineRecord m_phone;  // tops up from the wallet below 1 GB; 3 GB now
    LineRecord m_tablet; // no rules

    Policy thresholdPolicy(qint64 below) const
    {
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, below, packageNamed(*m_service, "1 GB data")};
        policy.method = m_wallet.engineId();
        return policy;
    }

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void init()
    {
        const Expected<WorldLocation> location = test::worldLocationFor(m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction())));
        QVERIFY2(location, qPrintable(location ? QString() : location.error()));
        Service::Options options;
        options.location = *location;
        options.fixedNow = *Instant::parse(u"2027-03-01T08:00:00.250Z");
        options.passwordIterations = 1000;
        Expected<std::unique_ptr<Service>> opened = Service::open(options);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
        m_service = opened.take();
        TOPUP_VERIFY_OK(m_service->signUp(SignUpForm{QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery"),
                                                     QStringLiteral("EUR"), QStringLiteral("Europe/Paris"), std::nullopt}));
        TOPUP_VERIFY_OK(m_service->catchUpToNow());
        m_wallet = TOPUP_VALUE(m_service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(10000)}));
        m_phone = TOPUP_VALUE(m_service->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Heavy, 7,
                                                          DataAmount(3 * gigabyte), VoiceAmount()}));
        m_tablet = TOPUP_VALUE(m_service->addLine(LineForm{QStringLiteral("Tablet"), {}, UsageProfile::Light, 8,
                                                           DataAmount(2 * gigabyte), VoiceAmount()}));
        TOPUP_VERIFY_OK(m_service->setPolicy(m_phone.id, thresholdPolicy(gigabyte)));
    }

    void cleanup() { m_service.reset(); }

    // One line's rules, name, arrival and leaving name that line, and only it.
    void aWriteNamesTheLineItChanged()
    {
        QSignalSpy changed(m_service.get(), &Service::linesChanged);
        QSignalSpy added(m_service.get(), &Service::lineAdded);
        QSignalSpy removed(m_service.get(), &Service::lineRemoved);
        QSignalSpy world(m_service.get(), &Service::worldAdvanced);

        // Rules that find nothing to do (3 GB left, above the new 500 MB).
        TOPUP_VERIFY_OK(m_service->setPolicy(m_phone.id, thresholdPolicy(500 * 1000 * 1000)));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(ids(changed, 0), QList<qint64>{m_phone.id});

        TOPUP_VERIFY_OK(m_service->renameLine(m_tablet.id, QStringLiteral("Kitchen tablet")));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(ids(changed, 1), QList<qint64>{m_tablet.id});

        const LineRecord watch = TOPUP_VALUE(m_service->addLine(LineForm{QStringLiteral("Watch"), {}, UsageProfile::Light, 9,
                                                                         DataAmount(gigabyte), VoiceAmount()}));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.at(0).at(0).toLongLong(), watch.id);

        TOPUP_VERIFY_OK(m_service->removeLine(watch.id));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).toLongLong(), watch.id);

        QCOMPARE(changed.size(), 2); // adding and removing are said as such
        QCOMPARE(world.size(), 0);   // nothing else moved
    }

    // A drained line falls below its threshold: the rules top it up at once,
    // paying from the wallet — the world moved, and the service says so.
    void theRulesActingAfterAWriteMoveTheWorld()
    {
        QSignalSpy changed(m_service.get(), &Service::linesChanged);
        QSignalSpy world(m_service.get(), &Service::worldAdvanced);
        const std::size_t attemptsBefore = TOPUP_VALUE(m_service->attempts(-1)).size();
        TOPUP_VERIFY_OK(m_service->drainLine(m_phone.id));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(ids(changed, 0), QList<qint64>{m_phone.id});
        QCOMPARE(world.size(), 1);
        QCOMPARE(TOPUP_VALUE(m_service->attempts(-1)).size(), attemptsBefore + 1);

        // Draining the line without rules moves nothing else.
        TOPUP_VERIFY_OK(m_service->drainLine(m_tablet.id));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(ids(changed, 1), QList<qint64>{m_tablet.id});
        QCOMPARE(world.size(), 1);
    }

    // A new method, a deposit (and the lines whose rules pay with it: a
    // suspended trigger re-arms), the default moving from one to another.
    void aWriteNamesTheMethodsItChanged()
    {
        QSignalSpy added(m_service.get(), &Service::methodAdded);
        QSignalSpy methods(m_service.get(), &Service::methodsChanged);
        QSignalSpy lines(m_service.get(), &Service::linesChanged);
        QSignalSpy removed(m_service.get(), &Service::methodRemoved);
        QSignalSpy world(m_service.get(), &Service::worldAdvanced);

        const MethodRecord second = TOPUP_VALUE(m_service->addWallet(WalletForm{QStringLiteral("bo@example.com"), Money::fromCents(500)}));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.at(0).at(0).toLongLong(), second.id);

        TOPUP_VERIFY_OK(m_service->deposit(m_wallet.id, Money::fromCents(2000)));
        QCOMPARE(methods.size(), 1);
        QCOMPARE(ids(methods, 0), QList<qint64>{m_wallet.id});
        QCOMPARE(lines.size(), 1);
        QCOMPARE(ids(lines, 0), QList<qint64>{m_phone.id});

        QVERIFY(m_wallet.isDefault);
        TOPUP_VERIFY_OK(m_service->setDefaultMethod(second.id));
        QCOMPARE(methods.size(), 2);
        QList<qint64> both = ids(methods, 1);
        std::sort(both.begin(), both.end());
        QCOMPARE(both, (QList<qint64>{std::min(m_wallet.id, second.id), std::max(m_wallet.id, second.id)}));

        TOPUP_VERIFY_OK(m_service->removeMethod(second.id));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).toLongLong(), second.id);
        QCOMPARE(world.size(), 0);
    }

    // A fault queued at the provider changes what the method's next charge
    // answers, so the outlook of every line paying with it: the service names
    // the method (the dashboard and the rules preview look again). A refused
    // injection names nothing.
    void aQueuedFaultNamesTheMethod()
    {
        QSignalSpy methods(m_service.get(), &Service::methodsChanged);
        QSignalSpy world(m_service.get(), &Service::worldAdvanced);
        TOPUP_VERIFY_OK(m_service->injectFault(m_wallet.id, {Reason::Declined}));
        QCOMPARE(methods.size(), 1);
        QCOMPARE(ids(methods, 0), QList<qint64>{m_wallet.id});

        QVERIFY(!m_service->injectFault(m_wallet.id, {}));
        QCOMPARE(methods.size(), 1);
        QCOMPARE(world.size(), 0);
    }

    // Reading an alert names it; reading them all says so; neither moves the world.
    void readingAnAlertNamesIt()
    {
        // A wallet too poor for the top-up: the drain's top-up fails, an alert.
        const MethodRecord poor = TOPUP_VALUE(m_service->addWallet(WalletForm{QStringLiteral("bo@example.com"), Money::fromCents(1)}));
        Policy policy = thresholdPolicy(gigabyte);
        policy.method = poor.engineId();
        TOPUP_VERIFY_OK(m_service->setPolicy(m_tablet.id, policy));
        TOPUP_VERIFY_OK(m_service->drainLine(m_tablet.id));
        const std::vector<AlertRow> alerts = TOPUP_VALUE(m_service->alerts(true));
        QVERIFY(!alerts.empty());

        QSignalSpy read(m_service.get(), &Service::alertRead);
        QSignalSpy allRead(m_service.get(), &Service::allAlertsRead);
        QSignalSpy world(m_service.get(), &Service::worldAdvanced);
        TOPUP_VERIFY_OK(m_service->markAlertRead(alerts.front().id));
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.at(0).at(0).toLongLong(), alerts.front().id);
        TOPUP_VERIFY_OK(m_service->markAllAlertsRead());
        QCOMPARE(allRead.size(), 1);
        QCOMPARE(world.size(), 0);
    }

    // A move of the clock may change every line: it says so once, naming none.
    void aMoveOfTheClockSaysTheWorldAdvanced()
    {
        QSignalSpy world(m_service.get(), &Service::worldAdvanced);
        QSignalSpy lines(m_service.get(), &Service::linesChanged);
        const Instant before = TOPUP_VALUE(m_service->worldClock());
        TOPUP_VERIFY_OK(m_service->advanceBy(3 * 24 * 3600 * 1000LL));
        QCOMPARE(world.size(), 1);
        QCOMPARE(lines.size(), 0);
        QVERIFY(before < TOPUP_VALUE(m_service->worldClock()));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestServiceSignals)
} // namespace tst_servicesignals
#include "tst_servicesignals.moc"
