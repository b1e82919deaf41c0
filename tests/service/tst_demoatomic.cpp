// --demo is atomic: killed at any step it announces, or failing, it leaves
// either nothing (and --demo then works) or a world that opens and is
// complete. Runs the real topup-sim and a child (demobuilder) that stops at
// a named step to be killed there: no timing involved.
#include "testmain.h"
#include "programrun.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace tst_demoatomic {

namespace {

const QString now = QStringLiteral("2027-06-20T10:00:00Z");

using Run = topup::test::ProgramRun;

Run runSim(const QStringList &arguments)
{
    return topup::test::runProgram(QStringLiteral(TOPUP_SIM), arguments);
}

bool holdsFile(const QString &dir, const char *name)
{
    return QFileInfo::exists(QDir(dir).filePath(QLatin1String(name)));
}

} // namespace

class TestDemoAtomic final : public QObject
{
    Q_OBJECT

private:
    // The demo world is complete: status lists its three lines, a second
    // --demo is refused, and nothing is left in staging.
    static void expectCompleteWorld(const QString &dir)
    {
        const Run status = runSim({QStringLiteral("--data-dir"), dir, QStringLiteral("status"), QStringLiteral("--now"), now});
        QVERIFY2(status.exitCode == 0, status.err.constData());
        QVERIFY2(status.out.contains("demo@topup.example"), status.out.constData());
        for (const char *line : {"Home phone:", "Japan travel eSIM:", "EU tablet:"})
            QVERIFY2(status.out.contains(line), status.out.constData());
        QVERIFY(!QFileInfo::exists(QDir(dir).filePath(QStringLiteral(".topup-building"))));
        const Run again = runSim({QStringLiteral("--data-dir"), dir, QStringLiteral("--demo"), QStringLiteral("--now"), now});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("already holds a world"), again.err.constData());
    }

    // Nothing was left: status says there is no world (and creates none),
    // and --demo then builds it.
    static void expectNothing(const QString &dir)
    {
        QVERIFY(!holdsFile(dir, "topup.sqlite"));
        QVERIFY(!holdsFile(dir, "gateway.sqlite"));
        const Run status = runSim({QStringLiteral("--data-dir"), dir, QStringLiteral("status"), QStringLiteral("--now"), now});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains("holds no world"), status.err.constData());
        QVERIFY(!holdsFile(dir, "topup.sqlite"));
        const Run demo = runSim({QStringLiteral("--data-dir"), dir, QStringLiteral("--demo"), QStringLiteral("--now"), now});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        expectCompleteWorld(dir);
    }

private slots:
    void killedAtEachStep_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<bool>("leavesWorld");
        QTest::newRow("staging folder made") << QStringLiteral("building") << false;
        QTest::newRow("half built (signed up)") << QStringLiteral("signed up") << false;
        QTest::newRow("built, not moved") << QStringLiteral("built") << false;
        QTest::newRow("journal moved, store not") << QStringLiteral("journal moved") << true;
        QTest::newRow("both moved") << QStringLiteral("store moved") << true;
    }

    void killedAtEachStep()
    {
        QFETCH(QString, step);
        QFETCH(bool, leavesWorld);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess child;
        child.start(QStringLiteral(TOPUP_DEMO_BUILDER), {dir.path(), now, step});
        QVERIFY(child.waitForStarted());
        const QByteArray announced = QByteArray("at ") + step.toUtf8() + '\n';
        QByteArray out;
        while (!out.contains(announced)) {
            if (!child.waitForReadyRead(300000)) {
                child.kill();
                child.waitForFinished();
                QFAIL(qPrintable(QStringLiteral("the child never reached \"%1\": %2 %3")
                                     .arg(step, QString::fromUtf8(out), QString::fromUtf8(child.readAllStandardError()))));
            }
            out += child.readAllStandardOutput();
        }
        child.kill(); // SIGKILL: no clean-up of any kind
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        if (step == QLatin1String("journal moved")) {
            QVERIFY(holdsFile(dir.path(), "gateway.sqlite")); // killed exactly between the two moves
            QVERIFY(!holdsFile(dir.path(), "topup.sqlite"));
        }
        if (leavesWorld)
            expectCompleteWorld(dir.path());
        else
            expectNothing(dir.path());
    }

    void aFailedDemoLeavesNothing()
    {
        QTemporaryDir dir;
        // Outside the years a card's MM/YY can name: a clear refusal, no half-built world.
        const Run failed = runSim({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--demo"), QStringLiteral("--now"),
                                   QStringLiteral("9999-12-31T23:59:59Z")});
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains("the demo needs a date from 2000 to 2095"), failed.err.constData());
        QVERIFY2(failed.err.contains("9999-12-31T23:59:59Z"), failed.err.constData());
        QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty()
                || QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) == QStringList{QStringLiteral("topup.lock")});
        expectNothing(dir.path());
    }

    // The years are checked in the demo account's zone (Berlin), and the
    // date is said back in that zone: 23:30 UTC on the last day of 2095 is
    // already 2096 there.
    void theDemoDateLimitIsSaidInTheZoneItIsCheckedIn()
    {
        QTemporaryDir dir;
        const Run failed = runSim({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--demo"), QStringLiteral("--now"),
                                   QStringLiteral("2095-12-31T23:30:00Z")});
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains("from 2000 to 2095 in Europe/Berlin"), failed.err.constData());
        QVERIFY2(failed.err.contains("got 2096-01-01T00:30:00+01:00 there (2095-12-31T23:30:00Z)"), failed.err.constData());
        expectNothing(dir.path());
    }

    void theDemoCardsFollowTheDate_data()
    {
        QTest::addColumn<QString>("when");
        QTest::newRow("2035: after the Visa's old fixed 09/31") << QStringLiteral("2035-06-20T10:00:00Z");
        QTest::newRow("2095: the last year that fits MM/YY") << QStringLiteral("2095-12-20T10:00:00Z");
    }

    void theDemoCardsFollowTheDate()
    {
        QFETCH(QString, when);
        QTemporaryDir dir;
        const Run demo = runSim({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--demo"), QStringLiteral("status"),
                                 QStringLiteral("--now"), when});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        QVERIFY2(demo.out.contains("EU tablet:"), demo.out.constData());
    }
};

TOPUP_TEST_GUILESS_MAIN(TestDemoAtomic)
} // namespace tst_demoatomic
#include "tst_demoatomic.moc"
