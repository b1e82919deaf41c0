// The engine's timeline (SPEC §3–§7) on small worlds built in code: the rule
// sentences that the scenario files do not pin down one by one.
#include "testmain.h"
#include "engine/engine.h"
#include "engine/startvisit.h"
#include "jsonpatch.h"
#include "scenario/scenarioreader.h"
#include "sim/paymentgateway.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonDocument>
#include <QTest>

namespace tst_engine {

using namespace topup;
using topup::test::baseScenario;
using topup::test::object;
using topup::test::toJson;
using topup::test::withEvents;
using topup::test::withValue;

namespace {

struct Run
{
    World world;
    Outcome outcome;
    QString problems; // why the scenario was refused; empty when it ran

    bool ran() const { return problems.isEmpty(); }

    QStringList keys() const
    {
        QStringList list;
        for (const AttemptRecord &attempt : outcome.attempts)
            list << QStringLiteral("%1#%2@%3").arg(attempt.key).arg(attempt.attempt).arg(attempt.at.toString());
        return list;
    }
};

Run run(const QJsonObject &scenario)
{
    ScenarioReader::Result read = ScenarioReader::read(toJson(scenario));
    if (!read.world) {
        Run refused;
        for (const Problem &problem : read.problems)
            refused.problems += QStringLiteral("%1: %2\n").arg(problem.path, problem.message);
        if (refused.problems.isEmpty())
            refused.problems = QStringLiteral("refused without a problem");
        return refused;
    }
    Run result{std::move(*read.world), {}, {}};
    Engine engine(result.world);
    result.outcome = engine.run();
    return result;
}

// What a run did, one line each: its attempts, then every line's balances
// and trigger state, the methods' funds and the retries still pending.
QStringList described(const std::vector<const Outcome *> &parts)
{
    QStringList text;
    qint64 samples = 0;
    for (const Outcome *part : parts) {
        for (const AttemptRecord &attempt : part->attempts)
            text << QStringLiteral("%1#%2@%3:%4").arg(attempt.key).arg(attempt.attempt).arg(attempt.at.toString()).arg(int(attempt.status));
        samples += part->usageEvents;
    }
    const Outcome &last = *parts.back();
    text << QStringLiteral("samples %1").arg(samples);
    for (const LineOutcome &line : last.lines)
        text << QStringLiteral("line %1 B %2 s, unserved %3 B %4 s, state %5")
                    .arg(line.dataBytes).arg(line.voiceSeconds).arg(line.unservedDataBytes).arg(line.unservedVoiceSeconds)
                    .arg(line.thresholdState ? int(*line.thresholdState) : -1);
    for (const Money &funds : last.methodFunds)
        text << QStringLiteral("funds %1").arg(funds.toString());
    for (const PendingRetryState &retry : last.retries)
        text << QStringLiteral("retry %1#%2@%3").arg(retry.key).arg(retry.attempt).arg(retry.due.toString());
    return text;
}

// The scenario run whole, and in two runs cut at `cut`: the second starts
// 1 ms after it, carrying over balances, trigger states, counters, retries,
// spend, the provider's funds and the usage grid, as the desktop world does
// (catch-up day by day, play ticks, a write's settle, the outlook made at the
// clock). Each as described().
struct Split
{
    QStringList whole;
    QStringList split;
    QString problems;
};

Split runWholeAndSplit(const QJsonObject &scenario, Instant cut)
{
    Split result;
    const Run whole = run(scenario);
    if (!whole.ran()) {
        result.problems = whole.problems;
        return result;
    }
    result.whole = described({&whole.outcome});
    World first = whole.world;
    PaymentGateway gateway;
    for (const PaymentMethod &method : first.methods)
        gateway.addMethod(method.id, method.funds, std::nullopt);
    first.end = cut;
    Engine firstEngine(first, gateway);
    const Outcome a = firstEngine.run();

    World second = first;
    second.events.clear();
    for (const WorldEvent &event : whole.world.events) {
        if (cut < event.at)
            second.events.push_back(event);
    }
    second.start = cut.plusMsecs(1);
    second.end = whole.world.end;
    for (std::size_t i = 0; i < second.lines.size(); ++i) {
        second.lines[i].data = DataAmount(a.lines[i].dataBytes);
        second.lines[i].voice = VoiceAmount(a.lines[i].voiceSeconds);
        second.progress.push_back(a.lines[i].progress);
    }
    second.retries = a.retries;
    for (const SpendRow &row : a.spend)
        second.priorSpend.push_back(PriorSpend{row.line, row.month, row.autoSpend, row.manualSpend, row.autoCount});
    for (UsageStream &stream : second.streams) {
        stream.firstAt = first.start;
        stream.firstIndex = 0;
    }
    Engine secondEngine(second, gateway);
    const Outcome b = secondEngine.run();
    result.split = described({&a, &b});
    return result;
}

} // namespace

class TestEngine final : public QObject
{
    Q_OBJECT

private slots:
    void lineStartingBelowTopsUpAtStart()
    {
        const Run r = run(withValue(baseScenario(), QStringLiteral("lines[0].data"), QStringLiteral("100MB")));
        QVERIFY2(r.ran(), qPrintable(r.problems));
        QCOMPARE(r.keys(), QStringList{QStringLiteral("phone/threshold/1#1@2027-04-01T00:00:00Z")});
        QCOMPARE(r.outcome.lines.size(), std::size_t(1));
        QCOMPARE(r.outcome.lines[0].dataBytes, qint64(2'100'000'000));
    }

    void usageNeverGoesBelowZero()
    {
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0].policy"), object(R"({"enabled": false})"));
        scenario = withValue(scenario, QStringLiteral("lines[0].voice"), QStringLiteral("10min"));
        const Run r = run(withEvents(scenario, QJsonArray{object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "use": {"data": "5GB", "voice": "15min"}})")}));
        QVERIFY2(r.ran(), qPrintable(r.problems));
        QCOMPARE(r.outcome.lines.size(), std::size_t(1));
        QCOMPARE(r.outcome.lines[0].dataBytes, qint64(0));
        QCOMPARE(r.outcome.lines[0].unservedDataBytes, qint64(2'000'000'000));
        QCOMPARE(r.outcome.lines[0].voiceSeconds, qint64(0));
        QCOMPARE(r.outcome.lines[0].unservedVoiceSeconds, qint64(300));
        QVERIFY(!r.outcome.lines[0].thresholdState); // disabled: null
        QVERIFY(r.outcome.attempts.empty());
    }

    void shortUsesAreCounted()
    {
        // 3 GB and 10 min, no rules: 2 GB served (not short); 2 GB with 1 GB
        // left (short of data); 5 min of voice (served); 10 min with 5 left
        // (short of voice); both with nothing left (short of both); a use of
        // nothing left of a resource it does not ask for (not short). The
        // other line's use counts for it alone.
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0]"), object(R"({"id": "phone", "data": "3GB", "voice": "10min"})"));
        scenario = withValue(scenario, QStringLiteral("lines[1]"), object(R"({"id": "tablet"})"));
        const Run r = run(withEvents(scenario, QJsonArray{
            object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "use": {"data": "2GB"}})"),
            object(R"({"at": "2027-04-03T00:00:00Z", "line": "phone", "use": {"data": "2GB"}})"),
            object(R"({"at": "2027-04-04T00:00:00Z", "line": "phone", "use": {"voice": "5min"}})"),
            object(R"({"at": "2027-04-05T00:00:00Z", "line": "phone", "use": {"voice": "10min"}})"),
            object(R"({"at": "2027-04-06T00:00:00Z", "line": "phone", "use": {"data": "1MB", "voice": "1s"}})"),
            object(R"({"at": "2027-04-07T00:00:00Z", "line": "phone", "use": {"voice": "0s"}})"),
            object(R"({"at": "2027-04-07T00:00:00Z", "line": "tablet", "use": {"data": "1MB"}})"),
        }));
        QVERIFY2(r.ran(), qPrintable(r.problems));
        QCOMPARE(r.outcome.lines[0].usesShortOfData, qint64(2));
        QCOMPARE(r.outcome.lines[0].usesShortOfVoice, qint64(2));
        QCOMPARE(r.outcome.lines[0].usesShort, qint64(3));
        QCOMPARE(r.outcome.lines[1].usesShortOfData, qint64(1));
        QCOMPARE(r.outcome.lines[1].usesShort, qint64(1));
    }

    void eventsAtOneInstantKeepFileOrder()
    {
        // A manual top-up listed before a use at the same instant serves it;
        // listed after, the use is unserved. An earlier event listed later in
        // the file still happens first.
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0]"), object(R"({"id": "phone"})"));
        const QJsonObject use = object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "use": {"data": "1GB"}})");
        const QJsonObject topUp = object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "topup": {"package": "2GB", "method": "mc"}})");
        const QJsonObject early = object(R"({"at": "2027-04-01T12:00:00Z", "line": "phone", "topup": {"package": "500MB", "method": "pp"}})");
        const Run first = run(withEvents(scenario, QJsonArray{topUp, use, early}));
        QVERIFY2(first.ran(), qPrintable(first.problems));
        QCOMPARE(first.outcome.lines.size(), std::size_t(1));
        QCOMPARE(first.outcome.lines[0].unservedDataBytes, qint64(0));
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("phone/manual/1#1@2027-04-01T12:00:00Z"),
                                            QStringLiteral("phone/manual/2#1@2027-04-02T00:00:00Z")}));
        QCOMPARE(first.outcome.attempts.size(), std::size_t(2));
        QCOMPARE(first.outcome.attempts[0].method, 1); // the wallet bought the early one
        const Run second = run(withEvents(scenario, QJsonArray{use, topUp}));
        QVERIFY2(second.ran(), qPrintable(second.problems));
        QCOMPARE(second.outcome.lines.size(), std::size_t(1));
        QCOMPARE(second.outcome.lines[0].unservedDataBytes, qint64(1'000'000'000));
        QCOMPARE(second.outcome.lines[0].dataBytes, qint64(2'000'000'000));
    }

    void generatedUsageComesAfterFileEvents()
    {
        // One instant only: the line is empty, the file's top-up at `start`
        // must land before the generated usage of `start`.
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0]"), object(R"({"id": "phone"})"));
        scenario = withValue(scenario, QStringLiteral("end"), QStringLiteral("2027-04-01T00:00:00Z"));
        scenario = withValue(scenario, QStringLiteral("start"), QStringLiteral("2027-04-01T00:00:00Z"));
        scenario = withValue(scenario, QStringLiteral("generate[0]"), object(R"({"line": "phone", "profile": "heavy", "seed": 7, "every": "1h"})"));
        scenario = withEvents(scenario, QJsonArray{object(R"({"at": "2027-04-01T00:00:00Z", "line": "phone", "topup": {"package": "2GB", "method": "mc"}})")});
        const Run r = run(scenario);
        QVERIFY2(r.ran(), qPrintable(r.problems));
        QCOMPARE(r.outcome.usageEvents, qint64(1));
        QCOMPARE(r.outcome.lines.size(), std::size_t(1));
        QVERIFY(r.outcome.lines[0].dataBytes < 2'000'000'000); // the sample used something
        QCOMPARE(r.outcome.lines[0].unservedDataBytes, qint64(0));
    }

    void generateCountsAndRepeats()
    {
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("generate[0]"), object(R"({"line": "phone", "profile": "regular", "seed": 42, "every": "7min"})"));
        const Run a = run(scenario);
        QVERIFY2(a.ran(), qPrintable(a.problems));
        const Run b = run(scenario);
        QVERIFY2(b.ran(), qPrintable(b.problems));
        // start..end is 29 days = 41760 min: samples at 0, 7, ..., 41755.
        QCOMPARE(a.outcome.usageEvents, qint64(41760 / 7 + 1));
        QCOMPARE(a.outcome.lines.size(), std::size_t(1));
        QCOMPARE(b.outcome.lines.size(), std::size_t(1));
        QCOMPARE(a.outcome.lines[0].dataBytes, b.outcome.lines[0].dataBytes);
        QCOMPARE(a.keys(), b.keys());
        QVERIFY(!a.outcome.attempts.empty()); // a month of regular use crosses the threshold
        const Run c = run(withValue(scenario, QStringLiteral("generate[0].seed"), 43));
        QVERIFY2(c.ran(), qPrintable(c.problems));
        QCOMPARE(c.outcome.lines.size(), std::size_t(1));
        QVERIFY(c.outcome.lines[0].unservedDataBytes != a.outcome.lines[0].unservedDataBytes
                || c.outcome.lines[0].dataBytes != a.outcome.lines[0].dataBytes);
    }

    void retriesOfOneLineRunInSchedulingOrder()
    {
        // At 09:00 the monthly chain (step 3) fails, then the threshold chain
        // (step 4) fails: both retry at 10:00, monthly first; its 500 MB
        // leaves the line below 1 GB, so the threshold retry still runs.
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0].policy.monthly"), object(R"({"day": 2, "time": "11:00", "package": "500MB"})"));
        scenario = withValue(scenario, QStringLiteral("lines[0].data"), QStringLiteral("1GB"));
        scenario = withEvents(scenario, QJsonArray{
            object(R"({"at": "2027-04-02T08:00:00Z", "method": "mc", "fail_next": ["declined", "declined"]})"),
            object(R"({"at": "2027-04-02T09:00:00Z", "line": "phone", "use": {"data": "600MB"}})"),
        });
        const Run r = run(scenario);
        QVERIFY2(r.ran(), qPrintable(r.problems));
        // Paris is UTC+2 in April: 11:00 local = 09:00Z.
        QCOMPARE(r.keys().mid(0, 4), (QStringList{QStringLiteral("phone/monthly/2027-04#1@2027-04-02T09:00:00Z"),
                                                  QStringLiteral("phone/threshold/1#1@2027-04-02T09:00:00Z"),
                                                  QStringLiteral("phone/monthly/2027-04#2@2027-04-02T10:00:00Z"),
                                                  QStringLiteral("phone/threshold/1#2@2027-04-02T10:00:00Z")}));
    }

    void retriesRunInLineFileOrder()
    {
        // `b` fails first (earlier instant, then a 6 h retry), `a` fails later
        // with a 1 h retry: both retries are due at 16:00, `a` first by file order.
        QJsonObject scenario = baseScenario();
        scenario = withValue(scenario, QStringLiteral("lines[0]"), object(R"({"id": "a", "data": "3GB", "policy": {"threshold": {"resource": "data", "below": "1GB", "package": "2GB"}, "method": "pp"}})"));
        scenario = withValue(scenario, QStringLiteral("lines[1]"), object(R"({"id": "b", "data": "3GB", "policy": {"threshold": {"resource": "data", "below": "1GB", "package": "2GB"}, "method": "mc"}})"));
        scenario = withEvents(scenario, QJsonArray{
            object(R"({"at": "2027-04-02T00:00:00Z", "method": "mc", "fail_next": ["gateway_error", "gateway_error"]})"),
            object(R"({"at": "2027-04-02T09:00:00Z", "line": "b", "use": {"data": "2500MB"}})"),
            object(R"({"at": "2027-04-02T15:00:00Z", "method": "pp", "fail_next": ["declined"]})"),
            object(R"({"at": "2027-04-02T15:00:00Z", "line": "a", "use": {"data": "2500MB"}})"),
        });
        const Run r = run(scenario);
        QVERIFY2(r.ran(), qPrintable(r.problems));
        QCOMPARE(r.keys(), (QStringList{QStringLiteral("b/threshold/1#1@2027-04-02T09:00:00Z"),
                                        QStringLiteral("b/threshold/1#2@2027-04-02T10:00:00Z"),
                                        QStringLiteral("a/threshold/1#1@2027-04-02T15:00:00Z"),
                                        QStringLiteral("a/threshold/1#2@2027-04-02T16:00:00Z"),
                                        QStringLiteral("b/threshold/1#3@2027-04-02T16:00:00Z")}));
    }

    void blockedMonthlyChainLeavesThresholdAlone()
    {
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0].policy.monthly"), object(R"({"day": 2, "package": "2GB"})"));
        scenario = withValue(scenario, QStringLiteral("lines[0].policy.monthly_cap"), QStringLiteral("5.00"));
        const Run r = run(scenario);
        QVERIFY2(r.ran(), qPrintable(r.problems));
        QCOMPARE(r.outcome.attempts.size(), std::size_t(1));
        QCOMPARE(r.outcome.attempts[0].status, AttemptStatus::Blocked);
        QCOMPARE(r.outcome.attempts[0].reason, std::optional<Reason>(Reason::BudgetCap));
        QCOMPARE(r.outcome.attempts[0].method, -1);
        QCOMPARE(r.outcome.attempts[0].amount, Money::fromCents(800));
        QCOMPARE(r.outcome.lines.size(), std::size_t(1));
        QCOMPARE(r.outcome.lines[0].thresholdState, std::optional<ThresholdState>(ThresholdState::Armed));
    }

    void manualTopUpsIgnoreLimitsAndDoNotCount()
    {
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0].policy.monthly_cap"), QStringLiteral("8.00"));
        scenario = withEvents(scenario, QJsonArray{
            object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "topup": {"package": "2GB", "method": "mc"}})"),
            object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "topup": {"package": "2GB", "method": "mc"}})"),
            object(R"({"at": "2027-04-03T00:00:00Z", "line": "phone", "use": {"data": "6500MB"}})"),
        });
        const Run r = run(scenario);
        QVERIFY2(r.ran(), qPrintable(r.problems));
        QCOMPARE(r.outcome.attempts.size(), std::size_t(3));
        QCOMPARE(r.outcome.attempts[2].trigger, TriggerKind::Threshold);
        QCOMPARE(r.outcome.attempts[2].status, AttemptStatus::Succeeded); // 8.00 of auto spend fits the 8.00 cap
        QCOMPARE(r.outcome.spend.size(), std::size_t(1));
        QCOMPARE(r.outcome.spend[0].autoSpend, Money::fromCents(800));
        QCOMPARE(r.outcome.spend[0].manualSpend, Money::fromCents(1600));
    }

    void blockedThresholdRearmsAtLocalMonthStart()
    {
        // Blocked in April by the cap; 00:00 on May 1 in Paris is 22:00Z on
        // April 30, where the trigger is armed again and fires at once.
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0].policy.monthly_cap"), QStringLiteral("8.00"));
        scenario = withValue(scenario, QStringLiteral("end"), QStringLiteral("2027-05-10T00:00:00Z"));
        scenario = withEvents(scenario, QJsonArray{
            object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "use": {"data": "2500MB"}})"),
            object(R"({"at": "2027-04-03T00:00:00Z", "line": "phone", "use": {"data": "2000MB"}})"),
        });
        const Run r = run(scenario);
        QVERIFY2(r.ran(), qPrintable(r.problems));
        QCOMPARE(r.keys(), (QStringList{QStringLiteral("phone/threshold/1#1@2027-04-02T00:00:00Z"),
                                        QStringLiteral("phone/threshold/2#1@2027-04-03T00:00:00Z"),
                                        QStringLiteral("phone/threshold/3#1@2027-04-30T22:00:00Z")}));
        QCOMPARE(r.outcome.attempts.size(), std::size_t(3));
        QCOMPARE(r.outcome.attempts[1].status, AttemptStatus::Blocked);
        QCOMPARE(r.outcome.attempts[2].status, AttemptStatus::Succeeded);
        QCOMPARE(r.outcome.spend.size(), std::size_t(2));
        QCOMPARE(r.outcome.spend[1].month, (YearMonth{2027, 5}));
    }

    void overflowIsAnErrorNamingTheEvent_data()
    {
        // SPEC §1: overflow of int64 is an error. Each row drives one sum to
        // the edge; the run stops at the event that would overflow, naming it,
        // and the top-up that would overflow charges nothing.
        QTest::addColumn<QJsonObject>("scenario");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("attemptsBefore");
        const QString max = QStringLiteral("92233720368547758.07");
        const QJsonObject off = withValue(baseScenario(), QStringLiteral("lines[0].policy"), object(R"({"enabled": false})"));
        const QJsonObject pricey = object(R"({"id": "gold", "data": "1GB", "price": "92233720368547758.07"})");

        QJsonArray deposits;
        for (int i = 0; i < 5; ++i)
            deposits.append(object(R"({"at": "2027-04-02T00:00:00Z", "method": "pp", "deposit": "92233720368547758.00"})"));
        QTest::newRow("five deposits") << withEvents(withValue(off, QStringLiteral("methods[1].funds"), QStringLiteral("0")), deposits)
                                       << "events[1].deposit" << R"(funds of method "pp" would exceed the largest amount (92233720368547758.07))" << 0;

        QTest::newRow("manual top-up, data balance")
            << withEvents(withValue(off, QStringLiteral("lines[0].data"), QStringLiteral("9223372036854775000B")),
                          QJsonArray{object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "topup": {"package": "2GB", "method": "mc"}})")})
            << "events[0].topup" << R"(data balance of line "phone" would exceed the largest amount (9223372036854775807 B))" << 0;

        QJsonObject monthly = withValue(baseScenario(), QStringLiteral("lines[0].voice"), QStringLiteral("9223372036854775000s"));
        monthly = withValue(monthly, QStringLiteral("packages[2]"), object(R"({"id": "talk", "voice": "1h", "price": "1.00"})"));
        monthly = withValue(monthly, QStringLiteral("lines[0].policy.monthly"), object(R"({"day": 3, "package": "talk"})"));
        QTest::newRow("monthly top-up, voice balance")
            << monthly << "lines[0]"
            << R"(the top-up phone/monthly/2027-04 at 2027-04-03T07:00:00Z: voice balance of line "phone" would exceed the largest amount (9223372036854775807 s))" << 0;

        QTest::newRow("unserved data")
            << withEvents(withValue(off, QStringLiteral("lines[0].data"), QStringLiteral("0B")),
                          QJsonArray{object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "use": {"data": "9223372036854775807B"}})"),
                                     object(R"({"at": "2027-04-03T00:00:00Z", "line": "phone", "use": {"data": "1B"}})")})
            << "events[1].use" << R"(unserved data of line "phone" would exceed the largest amount (9223372036854775807 B))" << 0;

        QJsonObject lineSpend = withValue(baseScenario(), QStringLiteral("packages[0]"), pricey);
        lineSpend = withValue(lineSpend, QStringLiteral("methods[0].funds"), max);
        lineSpend = withValue(lineSpend, QStringLiteral("methods[1].funds"), max);
        lineSpend = withValue(lineSpend, QStringLiteral("lines[0].data"), QStringLiteral("0B"));
        lineSpend = withValue(lineSpend, QStringLiteral("lines[0].policy.threshold.package"), QStringLiteral("gold"));
        lineSpend = withValue(lineSpend, QStringLiteral("lines[0].policy.fallback"), QStringLiteral("pp"));
        QTest::newRow("threshold top-up, line auto spend")
            << withEvents(lineSpend, QJsonArray{object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "use": {"data": "1GB"}})")})
            << "lines[0]"
            << R"(the top-up phone/threshold/2 at 2027-04-02T00:00:00Z: auto spend of line "phone" in 2027-04 would exceed the largest amount (92233720368547758.07))" << 1;

        QJsonObject accountSpend = withValue(baseScenario(), QStringLiteral("packages[0]"), pricey);
        accountSpend = withValue(accountSpend, QStringLiteral("methods[0].funds"), max);
        accountSpend = withValue(accountSpend, QStringLiteral("methods[1].funds"), max);
        accountSpend = withValue(accountSpend, QStringLiteral("lines[0]"), object(R"({"id": "a", "policy": {"monthly": {"day": 2, "package": "gold"}, "method": "mc"}})"));
        accountSpend = withValue(accountSpend, QStringLiteral("lines[1]"), object(R"({"id": "b", "policy": {"monthly": {"day": 2, "package": "gold"}, "method": "pp"}})"));
        QTest::newRow("monthly top-ups, account auto spend")
            << accountSpend << "lines[1]"
            << R"(the top-up b/monthly/2027-04 at 2027-04-02T07:00:00Z: the account's auto spend in 2027-04 would exceed the largest amount (92233720368547758.07))" << 1;

        QJsonObject manualSpend = withValue(off, QStringLiteral("packages[0]"), pricey);
        manualSpend = withValue(manualSpend, QStringLiteral("methods[0].funds"), max);
        manualSpend = withValue(manualSpend, QStringLiteral("methods[1].funds"), max);
        QTest::newRow("manual top-ups, manual spend")
            << withEvents(manualSpend, QJsonArray{object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "topup": {"package": "gold", "method": "mc"}})"),
                                                  object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "topup": {"package": "gold", "method": "pp"}})")})
            << "events[1].topup" << R"(manual spend of line "phone" in 2027-04 would exceed the largest amount (92233720368547758.07))" << 1;
    }

    void overflowIsAnErrorNamingTheEvent()
    {
        QFETCH(QJsonObject, scenario);
        QFETCH(QString, path);
        QFETCH(QString, message);
        QFETCH(int, attemptsBefore);
        ScenarioReader::Result read = ScenarioReader::read(toJson(scenario));
        QVERIFY2(read.world, read.problems.empty() ? "" : qPrintable(read.problems.front().message));
        PaymentGateway gateway;
        for (const PaymentMethod &method : read.world->methods)
            gateway.addMethod(method.id, method.funds, std::nullopt);
        Engine engine(*read.world, gateway);
        const Outcome outcome = engine.run();
        QVERIFY2(outcome.error, "the run should stop with an error");
        QCOMPARE(outcome.error->path, path);
        QCOMPARE(outcome.error->message, message);
        QCOMPARE(outcome.attempts.size(), std::size_t(attemptsBefore)); // the overflowing top-up charged nothing
        Money charged;
        for (const AttemptRecord &attempt : outcome.attempts) {
            if (attempt.status == AttemptStatus::Succeeded)
                charged += attempt.amount;
        }
        Money before;
        Money after;
        for (std::size_t i = 0; i < read.world->methods.size(); ++i) {
            before += read.world->methods[i].funds;
            after += gateway.funds(int(i));
        }
        if (!path.endsWith(QLatin1String(".deposit")))
            QCOMPARE(after + charged, before); // the books balance
    }

    void aRunStopsAtItsAttemptLimit()
    {
        // A package of one byte under a 1 GB threshold: every instant visited
        // tops up again (SPEC §2), here every second of generated usage.
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("packages[2]"), object(R"({"id": "byte", "data": "1B", "price": "0"})"));
        scenario = withValue(scenario, QStringLiteral("lines[0].policy.threshold.package"), QStringLiteral("byte"));
        scenario = withValue(scenario, QStringLiteral("lines[0].data"), QStringLiteral("0B"));
        scenario = withValue(scenario, QStringLiteral("generate[0]"), object(R"({"line": "phone", "profile": "light", "seed": 1, "every": "1s"})"));
        ScenarioReader::Result read = ScenarioReader::read(toJson(scenario));
        QVERIFY2(read.world, read.problems.empty() ? "" : qPrintable(read.problems.front().message));
        read.world->attemptLimit = 50;
        Engine engine(*read.world);
        const Outcome outcome = engine.run();
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->path, QString());
        QVERIFY2(outcome.error->message.contains(QLatin1String("more than 50 top-up attempts")), qPrintable(outcome.error->message));
        QCOMPARE(outcome.attempts.size(), std::size_t(50));
        QCOMPARE(outcome.attempts.back().key, QStringLiteral("phone/threshold/50"));
        QCOMPARE(outcome.attempts.back().at, *Instant::parse(u"2027-04-01T00:00:49Z"));
    }

    void aRunSplitInTwoEqualsOneRun()
    {
        // The desktop world runs in pieces (catch-up day by day): carrying
        // balances, trigger states, counters, retries, spend and the usage
        // grid over must give exactly what one run gives.
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0].policy.monthly"), object(R"({"day": 9, "time": "02:30", "package": "500MB"})"));
        scenario = withValue(scenario, QStringLiteral("lines[0].policy.monthly_cap"), QStringLiteral("30.00"));
        scenario = withValue(scenario, QStringLiteral("lines[0].policy.fallback"), QStringLiteral("pp"));
        scenario = withValue(scenario, QStringLiteral("lines[1]"), object(R"({"id": "tab", "data": "500MB", "voice": "1h", "policy": {"threshold": {"resource": "voice", "below": "20min", "package": "talk"}, "method": "pp", "max_per_month": 2}})"));
        scenario = withValue(scenario, QStringLiteral("packages[2]"), object(R"({"id": "talk", "voice": "60min", "price": "3.00"})"));
        scenario = withValue(scenario, QStringLiteral("end"), QStringLiteral("2027-06-30T00:00:00Z"));
        scenario = withValue(scenario, QStringLiteral("generate[0]"), object(R"({"line": "phone", "profile": "heavy", "seed": 5, "every": "5min"})"));
        scenario = withValue(scenario, QStringLiteral("generate[1]"), object(R"({"line": "tab", "profile": "regular", "seed": 6, "every": "10min"})"));
        scenario = withEvents(scenario, QJsonArray{object(R"({"at": "2027-04-10T00:00:00Z", "method": "mc", "fail_next": ["declined", "gateway_error", "gateway_error"]})"),
                                                   object(R"({"at": "2027-04-10T00:00:00Z", "method": "pp", "fail_next": ["declined", "declined"]})")});
        const Expected<Instant> middle = Instant::parse(u"2027-05-13T17:20:00Z");
        QVERIFY2(middle, qPrintable(middle.error()));
        const Split split = runWholeAndSplit(scenario, *middle); // mid-stream, mid-month
        QVERIFY2(split.problems.isEmpty(), qPrintable(split.problems));
        QVERIFY(split.whole.size() > 20);
        QCOMPARE(split.split, split.whole);
    }

    // A run resumed at the instant after another's end visits its start only
    // when something happens there (World::startVisited): a line a top-up
    // left below its threshold tops up again at the next instant a run going
    // through visits (the next usage sample), not at once. The desktop world
    // is cut anywhere, so cut just after such a top-up (and the others).
    void aRunCutJustAfterATopUpEqualsOneRun_data()
    {
        QTest::addColumn<QJsonObject>("scenario");
        QTest::addColumn<QString>("cut");
        // The phone uses 2.6 GB at 09:00 (400 MB left, threshold 1 GB); the
        // tablet's usage is drawn every 5 minutes: the instants visited.
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0].policy.threshold.package"), QStringLiteral("500MB"));
        scenario = withValue(scenario, QStringLiteral("lines[1]"), object(R"({"id": "tab", "data": "50GB"})"));
        scenario = withValue(scenario, QStringLiteral("generate[0]"), object(R"({"line": "tab", "profile": "regular", "seed": 3, "every": "5min"})"));
        scenario = withValue(scenario, QStringLiteral("end"), QStringLiteral("2027-05-03T00:00:00Z"));
        const QJsonObject use = object(R"({"at": "2027-04-05T09:00:00Z", "line": "phone", "use": {"data": "2600MB"}})");
        const QJsonObject smallPackage = withEvents(scenario, QJsonArray{use});
        const QString afterTopUp = QStringLiteral("2027-04-05T09:00:00Z");
        // The 500 MB package leaves it at 900 MB: again at 09:05, then above.
        QTest::addRow("a package smaller than the gap") << smallPackage << afterTopUp;
        QTest::addRow("the second run starts on a usage sample") << smallPackage << QStringLiteral("2027-04-05T09:04:59.999Z");
        // The account cap lets one top-up through: the next one is blocked.
        QTest::addRow("tied by the account cap") << withValue(smallPackage, QStringLiteral("account"), object(R"({"monthly_cap": "2.50"})")) << afterTopUp;
        // At most one a month: blocked at 09:05, armed again at May's start
        // (00:00 in Paris), where the second run starts.
        const QJsonObject oneAMonth = withValue(smallPackage, QStringLiteral("lines[0].policy.max_per_month"), 1);
        QTest::addRow("blocked, cut just after") << oneAMonth << QStringLiteral("2027-04-05T09:05:00Z");
        QTest::addRow("blocked, the second run starts on the month start") << oneAMonth << QStringLiteral("2027-04-30T21:59:59.999Z");
        // Declined at 09:00: retrying, its retry due at 10:00.
        const QJsonObject declined = withEvents(
            scenario, QJsonArray{use, object(R"({"at": "2027-04-05T09:00:00Z", "method": "mc", "fail_next": ["declined"]})")});
        QTest::addRow("a failed attempt") << declined << afterTopUp;
    }

    void aRunCutJustAfterATopUpEqualsOneRun()
    {
        QFETCH(QJsonObject, scenario);
        QFETCH(QString, cut);
        const Expected<Instant> at = Instant::parse(cut);
        QVERIFY2(at, qPrintable(at.error()));
        const Split split = runWholeAndSplit(scenario, *at);
        QVERIFY2(split.problems.isEmpty(), qPrintable(split.problems));
        QCOMPARE(split.split, split.whole);
    }

    // A write the desktop world settles at the instant after the clock
    // changes some lines there: a resumed run checks those at its start
    // (World::changedAtStart), the others at the next instant visited (here
    // the tablet's usage sample at 09:05); one that changed every line
    // visits its start (World::startVisited).
    void aResumedRunChecksTheLinesChangedAtItsStart()
    {
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0].data"), QStringLiteral("100MB"));
        scenario = withValue(scenario, QStringLiteral("lines[1]"), scenario.value(QStringLiteral("lines")).toArray().at(0));
        scenario = withValue(scenario, QStringLiteral("lines[1].id"), QStringLiteral("tab"));
        scenario = withValue(scenario, QStringLiteral("generate[0]"), object(R"({"line": "tab", "profile": "light", "seed": 3, "every": "5min"})"));
        scenario = withValue(scenario, QStringLiteral("start"), QStringLiteral("2027-04-05T09:00:00.001Z"));
        scenario = withValue(scenario, QStringLiteral("end"), QStringLiteral("2027-04-05T10:00:00Z"));
        ScenarioReader::Result read = ScenarioReader::read(toJson(scenario));
        QVERIFY2(read.world, read.problems.empty() ? "" : qPrintable(read.problems.front().message));
        World world = *read.world;
        world.progress.assign(2, LineProgress{});
        for (UsageStream &stream : world.streams)
            stream.firstAt = *Instant::parse(u"2027-04-05T00:00:00Z");
        const auto when = [](const World &resumed) {
            QStringList keys;
            for (const AttemptRecord &attempt : Engine(resumed).run().attempts)
                keys << QStringLiteral("%1@%2").arg(attempt.key, attempt.at.toString());
            return keys;
        };
        const QString atStart = QStringLiteral("@2027-04-05T09:00:00.001Z");
        const QString atSample = QStringLiteral("@2027-04-05T09:05:00Z");
        QVERIFY(!StartVisit::visited(world));
        QCOMPARE(when(world), (QStringList{QStringLiteral("phone/threshold/1") + atSample, QStringLiteral("tab/threshold/1") + atSample}));
        world.changedAtStart = {0};
        QCOMPARE(when(world), (QStringList{QStringLiteral("phone/threshold/1") + atStart, QStringLiteral("tab/threshold/1") + atSample}));
        world.changedAtStart.clear();
        world.startVisited = true;
        QCOMPARE(when(world), (QStringList{QStringLiteral("phone/threshold/1") + atStart, QStringLiteral("tab/threshold/1") + atStart}));
        // A fresh run visits its start whatever it says.
        world.startVisited = false;
        world.progress.clear();
        QCOMPARE(when(world), (QStringList{QStringLiteral("phone/threshold/1") + atStart, QStringLiteral("tab/threshold/1") + atStart}));
    }

    void emptyWorldRuns()
    {
        QJsonObject scenario = baseScenario();
        scenario.insert(QStringLiteral("lines"), QJsonArray());
        scenario.insert(QStringLiteral("end"), QStringLiteral("2029-04-30T00:00:00Z"));
        const Run r = run(scenario);
        QVERIFY2(r.ran(), qPrintable(r.problems));
        QVERIFY(r.outcome.attempts.empty());
        QVERIFY(r.outcome.lines.empty());
        QCOMPARE(r.outcome.methodFunds.size(), std::size_t(2));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestEngine)
} // namespace tst_engine
#include "tst_engine.moc"
