#include "testmain.h"
#include "rules/thresholdstate.h"

#include <QTest>

#include <limits>

Q_DECLARE_METATYPE(topup::ThresholdState)
Q_DECLARE_METATYPE(topup::ThresholdCheck)

namespace tst_thresholdstate {

using namespace topup;

// SPEC §4: what a step-4 check does in each state. Only `armed` starts a chain
// (balance < below) and only `suspended` re-arms (balance ≥ below); `retrying`
// and `blocked` are left by retries and month starts, never by a check.
class TestThresholdState final : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void name_data();
    void name();
};

void TestThresholdState::check_data()
{
    QTest::addColumn<ThresholdState>("state");
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<qint64>("below");
    QTest::addColumn<ThresholdCheck>("expected");

    const qint64 below = 500000000; // 500 MB
    const struct
    {
        const char *name;
        ThresholdState state;
        ThresholdCheck whenUnder;   // balance < below
        ThresholdCheck whenAtOrOver; // balance ≥ below
    } rows[] = {
        {"armed", ThresholdState::Armed, ThresholdCheck::StartChain, ThresholdCheck::Nothing},
        {"retrying", ThresholdState::Retrying, ThresholdCheck::Nothing, ThresholdCheck::Nothing},
        {"suspended", ThresholdState::Suspended, ThresholdCheck::Nothing, ThresholdCheck::Rearm},
        {"blocked", ThresholdState::Blocked, ThresholdCheck::Nothing, ThresholdCheck::Nothing},
    };
    for (const auto &row : rows) {
        const QByteArray name(row.name);
        QTest::newRow(name + ", balance 0") << row.state << qint64(0) << below << row.whenUnder;
        QTest::newRow(name + ", 1 under") << row.state << below - 1 << below << row.whenUnder;
        QTest::newRow(name + ", equal") << row.state << below << below << row.whenAtOrOver;
        QTest::newRow(name + ", 1 over") << row.state << below + 1 << below << row.whenAtOrOver;
        QTest::newRow(name + ", far over") << row.state << std::numeric_limits<qint64>::max() << below
                                           << row.whenAtOrOver;
    }
    // Voice thresholds are seconds: the same rules with small numbers.
    QTest::newRow("armed, voice 59 s < 60 s") << ThresholdState::Armed << qint64(59) << qint64(60)
                                              << ThresholdCheck::StartChain;
    QTest::newRow("suspended, voice 60 s = 60 s") << ThresholdState::Suspended << qint64(60) << qint64(60)
                                                  << ThresholdCheck::Rearm;
    QTest::newRow("armed, below 1, balance 0") << ThresholdState::Armed << qint64(0) << qint64(1)
                                               << ThresholdCheck::StartChain;
}

void TestThresholdState::check()
{
    QFETCH(ThresholdState, state);
    QFETCH(qint64, balance);
    QFETCH(qint64, below);
    QFETCH(ThresholdCheck, expected);
    QCOMPARE(int(checkThreshold(state, balance, below)), int(expected));
}

void TestThresholdState::name_data()
{
    QTest::addColumn<ThresholdState>("state");
    QTest::addColumn<QString>("expected");
    QTest::newRow("armed") << ThresholdState::Armed << "armed";
    QTest::newRow("retrying") << ThresholdState::Retrying << "retrying";
    QTest::newRow("suspended") << ThresholdState::Suspended << "suspended";
    QTest::newRow("blocked") << ThresholdState::Blocked << "blocked";
}

void TestThresholdState::name()
{
    QFETCH(ThresholdState, state);
    QFETCH(QString, expected);
    QCOMPARE(thresholdStateName(state), expected);
}

TOPUP_TEST_GUILESS_MAIN(TestThresholdState)
} // namespace tst_thresholdstate
#include "tst_thresholdstate.moc"
