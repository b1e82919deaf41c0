// The last days of a scenario as the rules advisor's input
// (core/advisor/worldwindow): the window, what the line asked for hour by
// hour, and where everything stood when the window began.
#include "testmain.h"
#include "advisor/worldwindow.h"
#include "checked.h"
#include "engine/engine.h"
#include "jsonpatch.h"
#include "scenario/scenarioreader.h"

#include <QJsonArray>
#include <QTest>

namespace tst_worldwindow {

using namespace topup;
using topup::test::at;
using topup::test::object;
using topup::test::toJson;
using topup::test::withEvents;
using topup::test::withValue;

namespace {

constexpr qint64 megabyte = 1000 * 1000;

// UTC, 2027-01-01 .. 2027-03-31T23:59:59Z; `phone` with 3 GB and a threshold
// paid by `card`, falling back to `wallet`; a `tablet` and a third method.
QJsonObject quarter()
{
    return object(R"({
      "format": "topup-scenario/1", "timezone": "UTC", "currency": "USD",
      "start": "2027-01-01T00:00:00Z", "end": "2027-03-31T23:59:59Z",
      "packages": [ { "id": "1GB", "data": "1GB", "price": "5.00" },
                    { "id": "5GB", "data": "5GB", "price": "15.00" } ],
      "methods": [ { "id": "card", "kind": "credit_card", "funds": "100.00", "expires": "2030-12" },
                   { "id": "wallet", "kind": "paypal", "funds": "10.00" },
                   { "id": "other", "kind": "paypal", "funds": "50.00" } ],
      "lines": [ { "id": "phone", "data": "3GB",
                   "policy": { "threshold": { "resource": "data", "below": "500MB", "package": "1GB" },
                               "method": "card", "fallback": "wallet" } },
                 { "id": "tablet", "data": "0B",
                   "policy": { "threshold": { "resource": "data", "below": "100MB", "package": "5GB" },
                               "method": "other" } } ],
      "events": []
    })");
}

World worldOf(const QJsonObject &scenario)
{
    ScenarioReader::Result read = ScenarioReader::read(toJson(scenario));
    if (!QTest::qVerify(read.world.has_value(), "read", read.problems.empty() ? "" : qPrintable(read.problems.front().message),
                        __FILE__, __LINE__))
        return {};
    return std::move(*read.world);
}

} // namespace

class TestWorldWindow final : public QObject
{
    Q_OBJECT

private slots:
    void window_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("from");
        QTest::newRow("the whole quarter") << "2027-01-01T00:00:00Z" << "2027-03-31T23:59:59Z" << 90 << "2027-01-01T00:00:00Z";
        QTest::newRow("its last 30 days") << "2027-01-01T00:00:00Z" << "2027-03-31T23:59:59Z" << 30 << "2027-03-02T00:00:00Z";
        QTest::newRow("more days than it has") << "2027-01-01T00:00:00Z" << "2027-03-31T23:59:59Z" << 366 << "2027-01-01T00:00:00Z";
        // From the first whole hour inside the last day.
        QTest::newRow("end mid-hour") << "2027-01-01T00:00:00Z" << "2027-01-10T10:30:00Z" << 1 << "2027-01-09T11:00:00Z";
        QTest::newRow("end on the hour") << "2027-01-01T00:00:00Z" << "2027-01-10T10:00:00Z" << 1 << "2027-01-09T11:00:00Z";
        // A scenario shorter than the days asked for starts at its start, whole hour or not.
        QTest::newRow("short scenario") << "2027-01-05T07:20:00Z" << "2027-01-10T10:30:00Z" << 30 << "2027-01-05T07:20:00Z";
    }

    void window()
    {
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(int, days);
        QFETCH(QString, from);
        QJsonObject scenario = withValue(quarter(), QStringLiteral("start"), start);
        scenario = withValue(scenario, QStringLiteral("end"), end);
        const Expected<AdvisorInput> input = WorldWindow::advisorInput(worldOf(scenario), QStringLiteral("phone"), days);
        TOPUP_VERIFY_OK(input);
        QCOMPARE(input->from.toString(), from);
        QCOMPARE(input->to.toString(), end);
    }

    void usageIsWhatTheLineAskedForHourByHour()
    {
        // 3 GB, no rules: the 2 GB at 10:05 and 10:50 are one hour's 4 GB
        // though only 3 GB were served; the tablet's use is not the phone's;
        // a use before the window stays out of it.
        QJsonObject scenario = withValue(quarter(), QStringLiteral("lines[0].policy"), object(R"({"enabled": false, "method": "card"})"));
        scenario = withEvents(scenario, QJsonArray{
            object(R"({"at": "2027-02-01T10:00:00Z", "line": "phone", "use": {"data": "10MB"}})"),
            object(R"({"at": "2027-03-20T10:05:00Z", "line": "phone", "use": {"data": "2GB", "voice": "1min"}})"),
            object(R"({"at": "2027-03-20T10:50:00Z", "line": "phone", "use": {"data": "2GB"}})"),
            object(R"({"at": "2027-03-20T10:50:00Z", "line": "tablet", "use": {"data": "7GB"}})"),
            object(R"({"at": "2027-03-21T00:00:00Z", "line": "phone", "use": {"voice": "30s"}})"),
        });
        const Expected<AdvisorInput> input = WorldWindow::advisorInput(worldOf(scenario), QStringLiteral("phone"), 30);
        TOPUP_VERIFY_OK(input);
        QCOMPARE(input->usage.size(), std::size_t(2));
        QCOMPARE(input->usage[0].at, at("2027-03-20T10:00:00Z"));
        QCOMPARE(input->usage[0].dataBytes, 4000 * megabyte);
        QCOMPARE(input->usage[0].voiceSeconds, qint64(60));
        QCOMPARE(input->usage[1].at, at("2027-03-21T00:00:00Z"));
        QCOMPARE(input->usage[1].voiceSeconds, qint64(30));
        QCOMPARE(input->startDataBytes, 2990 * megabyte); // the 10 MB of Feb 1
    }

    void generatedUsageAddsUpToTheRun()
    {
        // With a balance nothing empties, what the engine served is what was
        // asked: the hours' sums equal the run's recorded usage from `from`.
        QJsonObject scenario = withValue(quarter(), QStringLiteral("lines[0].data"), QStringLiteral("1000TB"));
        scenario = withValue(scenario, QStringLiteral("lines[0].voice"), QStringLiteral("1000000h"));
        scenario.insert(QStringLiteral("generate"),
                        QJsonArray{object(R"({"line": "phone", "profile": "heavy", "seed": 7, "every": "7min"})"),
                                   object(R"({"line": "tablet", "profile": "light", "seed": 8, "every": "5min"})")});
        World world = worldOf(scenario);
        const Expected<AdvisorInput> input = WorldWindow::advisorInput(world, QStringLiteral("phone"), 20);
        TOPUP_VERIFY_OK(input);
        world.recordUsage = true;
        Engine engine(world);
        const Outcome outcome = engine.run();
        qint64 data = 0;
        qint64 voice = 0;
        for (const UsageRecord &sample : outcome.usage) {
            if (sample.line == 0 && !(sample.at < input->from)) {
                data += sample.dataBytes;
                voice += sample.voiceSeconds;
            }
        }
        qint64 hourData = 0;
        qint64 hourVoice = 0;
        for (const UsageHour &hour : input->usage) {
            hourData += hour.dataBytes;
            hourVoice += hour.voiceSeconds;
            QCOMPARE(hour.at.msecs() % (3600 * 1000), qint64(0));
        }
        QVERIFY(data > 0 && voice > 0);
        QCOMPARE(hourData, data);
        QCOMPARE(hourVoice, voice);
        QCOMPARE(input->usage.size(), std::size_t(20 * 24)); // heavy uses data every hour
    }

    void startingPointAndTheRulesNow()
    {
        // Before the window (Mar 2 on): the phone's threshold buys 1 GB on Feb
        // 10 (3 GB − 2.6 GB = 400 MB < 500 MB) paid by the card (100 → 95); a
        // deposit of 20.00 to the wallet before the window and one in it. The
        // tablet buys 5 GB at the start (0 < 100 MB), in January, and on Mar
        // 20, in the window's month. A policy event on Mar 10 gives the phone
        // a monthly top-up paid by the wallet and a cap: the rules now.
        QJsonObject scenario = withEvents(quarter(), QJsonArray{
            object(R"({"at": "2027-02-10T08:00:00Z", "line": "phone", "use": {"data": "2600MB"}})"),
            object(R"({"at": "2027-02-11T08:00:00Z", "method": "wallet", "deposit": "20.00"})"),
            object(R"({"at": "2027-03-05T08:00:00Z", "method": "wallet", "deposit": "7.00"})"),
            object(R"({"at": "2027-03-05T09:00:00Z", "method": "other", "deposit": "7.00"})"),
            object(R"({"at": "2027-03-10T08:00:00Z", "line": "phone",
                       "policy": {"monthly": {"day": 3, "time": "07:15", "package": "5GB"}, "monthly_cap": "30.00",
                                  "method": "wallet"}})"),
            object(R"({"at": "2027-03-20T08:00:00Z", "line": "tablet", "use": {"data": "5GB"}})"),
        });
        scenario = withValue(scenario, QStringLiteral("account"), object(R"({"monthly_cap": "100.00"})"));
        const Expected<AdvisorInput> input = WorldWindow::advisorInput(worldOf(scenario), QStringLiteral("phone"), 30);
        TOPUP_VERIFY_OK(input);
        QCOMPARE(input->from, at("2027-03-02T00:00:00Z"));
        QCOMPARE(input->startDataBytes, 1400 * megabyte);
        QVERIFY(input->current.monthly);
        QCOMPARE(input->current.monthly->day, 3);
        QCOMPARE(input->current.monthly->minuteOfDay, 7 * 60 + 15);
        QVERIFY(!input->current.threshold);
        QCOMPARE(input->current.method, QStringLiteral("wallet"));
        QCOMPARE(input->current.monthlyCap, std::optional<Money>(Money::fromCents(3000)));
        // Only the methods the rules now name, funds as at the window's start.
        QCOMPARE(input->methods.size(), std::size_t(1));
        QCOMPARE(input->methods[0].id, QStringLiteral("wallet"));
        QCOMPARE(input->methods[0].funds, Money::fromCents(3000));
        QCOMPARE(input->deposits.size(), std::size_t(1));
        QCOMPARE(input->deposits[0].at, at("2027-03-05T08:00:00Z"));
        QCOMPARE(input->deposits[0].amount, Money::fromCents(700));
        QCOMPARE(input->accountCap, std::optional<Money>(Money::fromCents(10000)));
        // March: the phone bought nothing yet; the tablet's 5 GB of Mar 20
        // (0.10 left after 5 GB: 5 GB − 5 GB < 100 MB) counts for the account.
        QCOMPARE(input->spentBefore.size(), std::size_t(1));
        QCOMPARE(input->spentBefore[0].month, (YearMonth{2027, 3}));
        QCOMPARE(input->spentBefore[0].lineAuto, Money());
        QCOMPARE(input->spentBefore[0].otherLinesAuto, Money::fromCents(1500));
        QCOMPARE(input->packages.size(), std::size_t(2));
    }

    void lineSpendBeforeTheWindowCounts()
    {
        // The phone's threshold buys on Mar 1 at 10:00, before a window that
        // starts on Mar 2: March's caps already count it.
        QJsonObject scenario = withEvents(quarter(), QJsonArray{
            object(R"({"at": "2027-03-01T10:00:00Z", "line": "phone", "use": {"data": "2600MB"}})")});
        const Expected<AdvisorInput> input = WorldWindow::advisorInput(worldOf(scenario), QStringLiteral("phone"), 30);
        TOPUP_VERIFY_OK(input);
        QCOMPARE(input->spentBefore.size(), std::size_t(1));
        QCOMPARE(input->spentBefore[0].month, (YearMonth{2027, 3}));
        QCOMPARE(input->spentBefore[0].lineAuto, Money::fromCents(500));
        QCOMPARE(input->spentBefore[0].lineAutoCount, 1);
        QCOMPARE(input->methods[0].funds, Money::fromCents(9500));
    }

    void refusals()
    {
        const World world = worldOf(quarter());
        const Expected<AdvisorInput> unknown = WorldWindow::advisorInput(world, QStringLiteral("watch"), 30);
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().contains(QLatin1String("\"watch\"")), qPrintable(unknown.error()));
        for (const int days : {0, -1, WorldWindow::maxDays + 1}) {
            const Expected<AdvisorInput> wrong = WorldWindow::advisorInput(world, QStringLiteral("phone"), days);
            QVERIFY(!wrong);
            QVERIFY2(wrong.error().contains(QString::number(days)), qPrintable(wrong.error()));
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestWorldWindow)
} // namespace tst_worldwindow
#include "tst_worldwindow.moc"
