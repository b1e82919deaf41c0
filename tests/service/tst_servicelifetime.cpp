// The service while a catch-up runs off the caller's thread: every call
// that would change the world is refused, and closing the service (a user
// closing the window) stops the catch-up cleanly, losing and doubling
// nothing.
#include "testmain.h"
#include "storeengine.h"
#include "checked.h"
#include "service/service.h"
#include "storefixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace tst_servicelifetime {

using namespace topup;
using topup::test::at;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
const char *const start = "2027-03-01T08:00:00Z";
const char *const target = "2027-05-30T08:00:00Z";

Expected<std::unique_ptr<Service>> openService(const QString &dir, const char *now)
{
    return topup::test::openTestService(dir, at(now));
}

// An account with a heavy line that tops itself up from a wallet whenever
// data falls below 1 GB: a catch-up over weeks charges it many times.
Expected<qint64> heavyPhone(Service &service)
{
    using Result = Expected<qint64>;
    const SignUpForm form{QStringLiteral("ana@example.com"), topup::test::testPassword(),
                          QStringLiteral("EUR"), QStringLiteral("Europe/Paris"), std::nullopt};
    if (const Expected<Account> account = service.signUp(form); !account)
        return Result::failure(account.error());
    if (const Expected<CatchUpSummary> started = service.catchUpToNow(); !started)
        return Result::failure(started.error());
    const Expected<MethodRecord> wallet = service.addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(500000)});
    if (!wallet)
        return Result::failure(wallet.error());
    const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Heavy, 7, DataAmount(3 * gigabyte), {}});
    if (!line)
        return Result::failure(line.error());
    const Expected<std::vector<PackageRecord>> packages = service.packages();
    if (!packages || packages->empty())
        return Result::failure(packages ? QStringLiteral("no packages") : packages.error());
    Policy policy;
    policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packages->back().package.id};
    policy.method = wallet->engineId();
    if (const Expected<void> set = service.setPolicy(line->id, policy); !set)
        return Result::failure(set.error());
    return wallet->id;
}

QStringList attemptsOf(Service &service)
{
    const Expected<std::vector<AttemptRow>> rows = service.attempts(100000);
    QStringList text;
    if (!rows)
        return {QStringLiteral("error: ") + rows.error()};
    for (const AttemptRow &row : *rows)
        text << QStringLiteral("%1 %2 %3 %4 %5").arg(row.at.toString(), row.key).arg(row.attempt).arg(row.amount.toString(), attemptStatusName(row.status));
    text.sort();
    return text;
}

Money fundsOf(Service &service, qint64 methodId)
{
    const Expected<std::vector<MethodRecord>> methods = service.methods();
    if (methods) {
        for (const MethodRecord &method : *methods) {
            if (method.id == methodId)
                return method.funds;
        }
    }
    return Money::fromCents(-1);
}

} // namespace

class TestServiceLifetime final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void writesAreRefusedWhileACatchUpRuns()
    {
        QTemporaryDir dir;
        Expected<std::unique_ptr<Service>> opened = openService(dir.path(), start);
        QVERIFY2(opened, qPrintable(opened.error()));
        std::unique_ptr<Service> service = opened.take();
        const Expected<qint64> wallet = heavyPhone(*service);
        QVERIFY2(wallet, qPrintable(wallet.error()));
        const Expected<std::vector<LineRecord>> before = service->lines();
        QVERIFY2(before && before->size() == 1, "one line expected");

        QSignalSpy finished(service.get(), &Service::catchUpFinished);
        QVERIFY(service->startCatchUp(at(target)));
        QVERIFY(service->busy());
        const QString busy = QStringLiteral("catching up");
        const Expected<LineRecord> added = service->addLine(LineForm{QStringLiteral("Tablet"), {}, UsageProfile::Light, 1, {}, {}});
        QVERIFY(!added);
        QVERIFY2(added.error().contains(busy), qPrintable(added.error()));
        const Expected<void> deposited = service->deposit(*wallet, Money::fromCents(100));
        QVERIFY(!deposited);
        QVERIFY2(deposited.error().contains(busy), qPrintable(deposited.error()));
        QVERIFY(!service->drainLine(before->front().id));
        QVERIFY(!service->setPolicy(before->front().id, std::nullopt));
        QVERIFY(!service->advanceBy(1000));
        QVERIFY(!service->startPlaying(1000));
        const Expected<std::vector<LineRecord>> reading = service->lines(); // reads go on
        QVERIFY2(reading, qPrintable(reading.error()));

        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.at(0).at(1).toString().isEmpty(), qPrintable(finished.at(0).at(1).toString()));
        const Expected<std::vector<LineRecord>> after = service->lines();
        QVERIFY2(after, qPrintable(after.error()));
        QCOMPARE(after->size(), std::size_t(1)); // the refused line was not added
        const Expected<LineRecord> now = service->addLine(LineForm{QStringLiteral("Tablet"), {}, UsageProfile::Light, 1, {}, {}});
        QVERIFY2(now, qPrintable(now.error()));
    }

    void closingDuringACatchUpLosesAndDoublesNothing()
    {
        // The same world twice: one caught up in one go, one closed at its
        // first progress report and caught up after reopening.
        QTemporaryDir whole;
        QTemporaryDir interrupted;
        QStringList expected;
        Money expectedFunds;
        {
            Expected<std::unique_ptr<Service>> opened = openService(whole.path(), start);
            QVERIFY2(opened, qPrintable(opened.error()));
            std::unique_ptr<Service> service = opened.take();
            const Expected<qint64> wallet = heavyPhone(*service);
            QVERIFY2(wallet, qPrintable(wallet.error()));
            const Expected<CatchUpSummary> done = service->advanceBy(at(target).msecs() - at(start).msecs());
            QVERIFY2(done, qPrintable(done.error()));
            expected = attemptsOf(*service);
            expectedFunds = fundsOf(*service, *wallet);
        }
        QVERIFY2(expected.size() > 20, "the heavy line should top up many times");

        qint64 walletId = 0;
        Instant before;
        {
            Expected<std::unique_ptr<Service>> opened = openService(interrupted.path(), start);
            QVERIFY2(opened, qPrintable(opened.error()));
            std::unique_ptr<Service> service = opened.take();
            const Expected<qint64> wallet = heavyPhone(*service);
            QVERIFY2(wallet, qPrintable(wallet.error()));
            walletId = *wallet;
            const Expected<Instant> clock = service->worldClock();
            QVERIFY2(clock, qPrintable(clock.error()));
            before = *clock;
            QSignalSpy progress(service.get(), &Service::catchUpProgress);
            QVERIFY(service->startCatchUp(at(target)));
            QVERIFY(progress.wait(120000));
            // Still busy: the end of the catch-up, if it came, waits in
            // this thread's queue. Closing now must stop the worker, not abort.
            QVERIFY(service->busy());
        }

        Expected<std::unique_ptr<Service>> reopened = openService(interrupted.path(), target);
        QVERIFY2(reopened, qPrintable(reopened.error()));
        std::unique_ptr<Service> service = reopened.take();
        QCOMPARE(service->reconciledAtOpen(), 0); // every charge was written down
        const Expected<std::vector<Account>> accounts = service->allAccounts();
        QVERIFY2(accounts && accounts->size() == 1, "one account expected");
        QVERIFY2(service->actAs(accounts->front().id), "acting for the account");
        const Expected<Instant> clock = service->worldClock();
        QVERIFY2(clock, qPrintable(clock.error()));
        QVERIFY(before < *clock && *clock <= at(target));
        if (*clock != at(target)) // whole days saved
            QCOMPARE((clock->msecs() - before.msecs()) % (24 * 3600 * 1000), qint64(0));
        const Expected<CatchUpSummary> rest = service->catchUpToNow();
        QVERIFY2(rest, qPrintable(rest.error()));
        QCOMPARE(attemptsOf(*service), expected);
        QCOMPARE(fundsOf(*service, walletId), expectedFunds);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestServiceLifetime)
} // namespace tst_servicelifetime
#include "tst_servicelifetime.moc"
