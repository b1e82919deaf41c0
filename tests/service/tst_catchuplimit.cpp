// A catch-up runs at most WorldSync::maxSpanDays of simulated time per run:
// further, it stops there (saved), topup-sim exits 2 naming the limit, and
// the next run continues. A --now earlier than the world's clock is said.
#include "testmain.h"
#include "checked.h"
#include "programrun.h"
#include "storeengine.h"
#include "storefixture.h"
#include "service/service.h"

#include <QTemporaryDir>
#include <QTest>

namespace tst_catchuplimit {

using namespace topup;

namespace {

constexpr qint64 day = 24 * 3600 * 1000;

using Run = topup::test::ProgramRun;

Run runSim(const QStringList &arguments)
{
    return topup::test::runProgram(QStringLiteral(TOPUP_SIM), arguments);
}

// The world the test keeps for `dir`, as topup-sim's options name it.
QStringList worldOptions(const QString &dir)
{
    const Expected<WorldLocation> location = topup::test::worldLocationFor(dir);
    if (!location) {
        QTest::qFail(qPrintable(location.error()), __FILE__, __LINE__);
        return {};
    }
    if (location->database())
        return {QStringLiteral("--database"), location->database()->toString()};
    return {QStringLiteral("--data-dir"), location->dataDir()};
}

std::unique_ptr<Service> openAt(const QString &dir, Instant now)
{
    const Expected<WorldLocation> location = topup::test::worldLocationFor(dir);
    if (!location) {
        qWarning("%s", qPrintable(location.error()));
        return nullptr;
    }
    Service::Options options;
    options.location = *location;
    options.fixedNow = now;
    options.passwordIterations = 1000;
    Expected<std::unique_ptr<Service>> service = Service::open(options);
    if (!service) {
        qWarning("%s", qPrintable(service.error()));
        return nullptr;
    }
    return service.take();
}

// A world with one account and a line whose clock starts at `start`.
bool makeWorld(const QString &dir, Instant start)
{
    auto service = openAt(dir, start);
    if (!service || !service->signUp(SignUpForm{QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery"),
                                                QStringLiteral("EUR"), QStringLiteral("Europe/Paris"), std::nullopt}))
        return false;
    if (!service->catchUpToNow())
        return false;
    return bool(service->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Light, 7, DataAmount(1000), VoiceAmount(60)}));
}

std::optional<Instant> clockOf(const QString &dir, Instant now)
{
    auto service = openAt(dir, now);
    if (!service)
        return std::nullopt;
    const Expected<Instant> clock = service->worldClock();
    return clock ? std::optional<Instant>(*clock) : std::nullopt;
}

} // namespace

class TestCatchUpLimit final : public QObject
{
    Q_OBJECT

    topup::test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void farTargetsStopAtTheLimitAndContinue()
    {
        QTemporaryDir dir;
        const Instant start = *Instant::parse(u"2027-01-01T00:00:00Z");
        QVERIFY(makeWorld(dir.path(), start));
        const Instant target = start.plusMsecs(4 * 365 * day); // further than the limit
        const QString targetText = target.toString();
        const QStringList status = worldOptions(dir.path()) + QStringList{QStringLiteral("status"), QStringLiteral("--now"), targetText};

        const Run first = runSim(status);
        QCOMPARE(first.exitCode, 2);
        QVERIFY2(first.err.contains(QByteArray::number(WorldSync::maxSpanDays) + " days"), first.err.constData());
        QVERIFY2(first.err.contains("again to continue"), first.err.constData());
        const std::optional<Instant> reached = clockOf(dir.path(), start);
        QVERIFY(reached);
        QCOMPARE(reached->msecs(), start.msecs() + WorldSync::maxSpanMs); // saved up to the limit
        QVERIFY2(first.err.contains(reached->toString().toUtf8()), first.err.constData());

        const Run second = runSim(status);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QVERIFY2(second.out.contains(QByteArray("clock ") + targetText.toUtf8()), second.out.constData());
        const std::optional<Instant> finished = clockOf(dir.path(), start);
        QVERIFY(finished);
        QCOMPARE(*finished, target);
    }

    void theServiceSaysItStoppedAtTheLimit()
    {
        QTemporaryDir dir;
        const Instant start = *Instant::parse(u"2027-01-01T00:00:00Z");
        QVERIFY(makeWorld(dir.path(), start));
        const Instant far = *Instant::parse(u"9999-12-31T00:00:00Z");
        auto service = openAt(dir.path(), far);
        QVERIFY(service);
        const Expected<CatchUpSummary> summary = service->catchUpToNow();
        QVERIFY2(summary, qPrintable(summary.error()));
        QVERIFY(summary->stoppedAtLimit);
        QCOMPARE(summary->target, far);
        QCOMPARE(summary->to.msecs(), start.msecs() + WorldSync::maxSpanMs);
        const Expected<CatchUpSummary> within = service->advanceBy(10 * day);
        QVERIFY2(within, qPrintable(within.error()));
        QVERIFY(!within->stoppedAtLimit);
    }

    void anEarlierNowIsSaid()
    {
        QTemporaryDir dir;
        const Instant start = *Instant::parse(u"2027-01-01T00:00:00Z");
        QVERIFY(makeWorld(dir.path(), start));
        const Run earlier = runSim(worldOptions(dir.path())
                                   + QStringList{QStringLiteral("status"), QStringLiteral("--now"), QStringLiteral("2026-12-01T00:00:00Z")});
        QVERIFY2(earlier.exitCode == 0, earlier.err.constData());
        QVERIFY2(earlier.err.contains("warning: --now 2026-12-01T00:00:00Z is earlier than the world's clock 2027-01-01T00:00:00Z"),
                 earlier.err.constData());
        QVERIFY2(earlier.out.contains("clock 2027-01-01T00:00:00Z"), earlier.out.constData());
        const Run same = runSim(worldOptions(dir.path())
                                + QStringList{QStringLiteral("status"), QStringLiteral("--now"), QStringLiteral("2027-01-01T00:00:00Z")});
        QVERIFY2(same.exitCode == 0, same.err.constData());
        QVERIFY2(same.err.isEmpty(), same.err.constData()); // no warning when it is not earlier
    }
};

TOPUP_TEST_GUILESS_MAIN(TestCatchUpLimit)
} // namespace tst_catchuplimit
#include "tst_catchuplimit.moc"
