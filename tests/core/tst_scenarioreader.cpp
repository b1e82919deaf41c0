// The scenario reader (SPEC §2 validation, §8 format): every problem is
// reported, each at the path of the field that is wrong.
#include "testmain.h"
#include "jsonpatch.h"
#include "scenarioproblems.h"
#include "scenario/duplicatekeys.h"
#include "scenario/jsonscan.h"
#include "scenario/scenarioreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace tst_scenarioreader {

using namespace topup;
using topup::test::baseScenario;
using topup::test::describe;
using topup::test::object;
using topup::test::toJson;
using topup::test::withValue;

namespace {

QJsonArray strings(std::initializer_list<const char *> items)
{
    QJsonArray array;
    for (const char *item : items)
        array.append(QString::fromUtf8(item));
    return array;
}

} // namespace

class TestScenarioReader final : public QObject
{
    Q_OBJECT

private slots:
    void baseIsValid()
    {
        const ScenarioReader::Result result = ScenarioReader::read(toJson(baseScenario()));
        QVERIFY2(result.problems.empty(), qPrintable(describe(result.problems)));
        QVERIFY(result.world);
        QCOMPARE(result.world->lines.size(), std::size_t(1));
        QCOMPARE(result.world->methods.size(), std::size_t(2));
        QCOMPARE(result.world->packages.size(), std::size_t(2));
        QCOMPARE(result.world->lines[0].data.bytes(), qint64(3'000'000'000));
        QVERIFY(result.world->lines[0].policy && result.world->lines[0].policy->threshold);
        QCOMPARE(result.world->lines[0].policy->threshold->below, qint64(1'000'000'000));
        QVERIFY(result.world->methods[0].expires);
        QCOMPARE(result.world->methods[0].expires->month, 6);
        QVERIFY(!result.world->methods[1].expires);
        QCOMPARE(result.world->packages[1].voice.seconds(), qint64(0)); // missing voice is zero
    }

    void oneProblem_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("problemPath");
        QTest::addColumn<QString>("mentions");
        const QJsonValue remove(QJsonValue::Undefined);
        const QString policy = QStringLiteral("lines[0].policy");

        QTest::newRow("typo key") << policy + ".threshhold" << QJsonValue(QJsonObject()) << policy + ".threshhold" << "unknown key (did you mean \"threshold\"?)";
        QTest::newRow("unknown top-level key") << "extra" << QJsonValue(1) << "extra" << "unknown key";
        QTest::newRow("day as string") << policy + ".monthly" << QJsonValue(object(R"({"day": "31", "package": "2GB"})")) << policy + ".monthly.day" << "must be a whole number, not a string";
        QTest::newRow("day 32") << policy + ".monthly" << QJsonValue(object(R"({"day": 32, "package": "2GB"})")) << policy + ".monthly.day" << "must be between 1 and 31 (got 32)";
        QTest::newRow("day 0") << policy + ".monthly" << QJsonValue(object(R"({"day": 0, "package": "2GB"})")) << policy + ".monthly.day" << "must be between 1 and 31 (got 0)";
        QTest::newRow("day 1.5") << policy + ".monthly" << QJsonValue(object(R"({"day": 1.5, "package": "2GB"})")) << policy + ".monthly.day" << "whole number";
        QTest::newRow("time 9:00") << policy + ".monthly" << QJsonValue(object(R"({"day": 3, "time": "9:00", "package": "2GB"})")) << policy + ".monthly.time" << "HH:MM";
        QTest::newRow("time 24:00") << policy + ".monthly" << QJsonValue(object(R"({"day": 3, "time": "24:00", "package": "2GB"})")) << policy + ".monthly.time" << "HH:MM";
        QTest::newRow("monthly without day") << policy + ".monthly" << QJsonValue(object(R"({"package": "2GB"})")) << policy + ".monthly.day" << "missing (required)";
        QTest::newRow("unknown monthly package") << policy + ".monthly" << QJsonValue(object(R"({"day": 3, "package": "9GB"})")) << policy + ".monthly.package" << "unknown package \"9GB\"";
        QTest::newRow("deposit as number") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "method": "mc", "deposit": 50})")) << "events[0].deposit" << "must be a string, not a number";
        QTest::newRow("deposit zero") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "method": "mc", "deposit": "0.00"})")) << "events[0].deposit" << "more than zero";
        QTest::newRow("duplicate line id") << "lines[1]" << QJsonValue(object(R"({"id": "phone"})")) << "lines[1].id" << "used twice (first at lines[0])";
        QTest::newRow("duplicate package id") << "packages[2]" << QJsonValue(object(R"({"id": "2GB", "price": "1"})")) << "packages[2].id" << "used twice";
        QTest::newRow("duplicate method id") << "methods[2]" << QJsonValue(object(R"({"id": "mc", "kind": "paypal", "funds": "1"})")) << "methods[2].id" << "used twice";
        QTest::newRow("unknown method") << policy + ".method" << QJsonValue("amex") << policy + ".method" << "unknown method \"amex\"";
        QTest::newRow("unknown fallback") << policy + ".fallback" << QJsonValue("amex") << policy + ".fallback" << "unknown method";
        QTest::newRow("fallback equals method") << policy + ".fallback" << QJsonValue("mc") << policy + ".fallback" << "must differ from method";
        QTest::newRow("below zero") << policy + ".threshold.below" << QJsonValue("0MB") << policy + ".threshold.below" << "more than zero";
        QTest::newRow("package adds none of the resource") << policy + ".threshold" << QJsonValue(object(R"({"resource": "voice", "below": "10min", "package": "2GB"})")) << policy + ".threshold.package" << "adds no voice";
        QTest::newRow("unknown resource") << policy + ".threshold.resource" << QJsonValue("sms") << policy + ".threshold.resource" << "\"data\" or \"voice\"";
        QTest::newRow("below with wrong unit") << policy + ".threshold.below" << QJsonValue("10min") << policy + ".threshold.below" << "unknown unit \"min\"";
        QTest::newRow("enabled without trigger") << policy + ".threshold" << remove << policy << "needs a threshold or a monthly trigger";
        QTest::newRow("enabled without method") << policy + ".method" << remove << policy + ".method" << "required when the policy is enabled";
        QTest::newRow("line cap zero") << policy + ".monthly_cap" << QJsonValue("0") << policy + ".monthly_cap" << "more than zero";
        QTest::newRow("account cap zero") << "account" << QJsonValue(object(R"({"monthly_cap": "0.00"})")) << "account.monthly_cap" << "more than zero";
        QTest::newRow("max per month zero") << policy + ".max_per_month" << QJsonValue(0) << policy + ".max_per_month" << "must be at least 1 (got 0)";
        QTest::newRow("enabled as string") << policy + ".enabled" << QJsonValue("yes") << policy + ".enabled" << "true or false";
        QTest::newRow("end before start") << "end" << QJsonValue("2027-03-01T00:00:00Z") << "end" << "must not be before start";
        QTest::newRow("bad start") << "start" << QJsonValue("2027-04-01 00:00") << "start" << "not an instant";
        QTest::newRow("event before start") << "events[0]" << QJsonValue(object(R"({"at": "2027-03-31T23:59:59Z", "line": "phone", "use": {"data": "1MB"}})")) << "events[0].at" << "outside start..end";
        QTest::newRow("event after end") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-30T00:00:00.001Z", "line": "phone", "use": {"data": "1MB"}})")) << "events[0].at" << "outside start..end";
        QTest::newRow("use without amount") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "use": {}})")) << "events[0].use" << "needs an amount";
        QTest::newRow("use on unknown line") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "line": "tablet", "use": {"data": "1MB"}})")) << "events[0].line" << "unknown line \"tablet\"";
        QTest::newRow("use without line") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "use": {"data": "1MB"}})")) << "events[0].line" << "missing";
        QTest::newRow("empty fail_next") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "method": "mc", "fail_next": []})")) << "events[0].fail_next" << "at least one reason";
        QTest::newRow("unknown reason") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "method": "mc", "fail_next": ["declined", "card_expired"]})")) << "events[0].fail_next[1]" << "unknown reason \"card_expired\"";
        QTest::newRow("two actions") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "use": {"data": "1MB"}, "topup": {"package": "2GB", "method": "mc"}})")) << "events[0].topup" << "exactly one action";
        QTest::newRow("no action") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone"})")) << "events[0]" << "needs one action";
        QTest::newRow("line on a deposit") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "method": "mc", "deposit": "5"})")) << "events[0].line" << "not allowed with deposit";
        QTest::newRow("policy event with unknown package in disabled policy") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "policy": {"enabled": false, "monthly": {"day": 2, "package": "9GB"}}})")) << "events[0].policy.monthly.package" << "unknown package";
        QTest::newRow("disabled policy with unknown method") << policy << QJsonValue(object(R"({"enabled": false, "method": "amex"})")) << policy + ".method" << "unknown method";
        QTest::newRow("topup unknown package") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "line": "phone", "topup": {"package": "1TB", "method": "mc"}})")) << "events[0].topup.package" << "unknown package";
        QTest::newRow("currency JPY") << "currency" << QJsonValue("JPY") << "currency" << "2 minor digits";
        QTest::newRow("currency lowercase") << "currency" << QJsonValue("eur") << "currency" << "unknown currency";
        QTest::newRow("currency unknown") << "currency" << QJsonValue("XYZ") << "currency" << "unknown currency";
        QTest::newRow("unknown timezone") << "timezone" << QJsonValue("Mars/Olympus") << "timezone" << "unknown time zone";
        QTest::newRow("wrong format") << "format" << QJsonValue("topup-scenario/2") << "format" << "topup-scenario/1";
        QTest::newRow("missing format") << "format" << remove << "format" << "missing (required)";
        QTest::newRow("missing packages") << "packages" << remove << "packages" << "missing (required)";
        QTest::newRow("packages not an array") << "packages" << QJsonValue(QJsonObject()) << "packages" << "must be an array";
        QTest::newRow("package not an object") << "packages[2]" << QJsonValue(3) << "packages[2]" << "must be an object";
        QTest::newRow("missing price") << "packages[1].price" << remove << "packages[1].price" << "missing (required)";
        QTest::newRow("price with symbol") << "packages[1].price" << QJsonValue("$2.50") << "packages[1].price" << "not an amount of money";
        QTest::newRow("data huge") << "lines[0].data" << QJsonValue("99999999999TB") << "lines[0].data" << "too large";
        QTest::newRow("data unknown unit") << "lines[0].data" << QJsonValue("3GBB") << "lines[0].data" << "unknown unit \"GBB\"";
        QTest::newRow("data negative") << "lines[0].data" << QJsonValue("-3GB") << "lines[0].data" << "negative";
        QTest::newRow("card without expiry") << "methods[0].expires" << remove << "methods[0].expires" << "missing (required)";
        QTest::newRow("card expiry shape") << "methods[0].expires" << QJsonValue("06/31") << "methods[0].expires" << "YYYY-MM";
        QTest::newRow("wallet with expiry") << "methods[1].expires" << QJsonValue("2030-01") << "methods[1].expires" << "no expiry";
        QTest::newRow("unknown kind") << "methods[1].kind" << QJsonValue("cash") << "methods[1].kind" << "unknown kind";
        QTest::newRow("missing funds") << "methods[1].funds" << remove << "methods[1].funds" << "missing (required)";
        QTest::newRow("id with slash") << "lines[0].id" << QJsonValue("a/b") << "lines[0].id" << "'/'";
        QTest::newRow("empty id") << "packages[0].id" << QJsonValue("") << "packages[0].id" << "must not be empty";
        QTest::newRow("generate unknown profile") << "generate[0]" << QJsonValue(object(R"({"line": "phone", "profile": "gamer", "seed": 1, "every": "5min"})")) << "generate[0].profile" << "unknown profile";
        QTest::newRow("generate zero every") << "generate[0]" << QJsonValue(object(R"({"line": "phone", "profile": "light", "seed": 1, "every": "0s"})")) << "generate[0].every" << "more than zero";
        QTest::newRow("generate unknown line") << "generate[0]" << QJsonValue(object(R"({"line": "tablet", "profile": "light", "seed": 1, "every": "5min"})")) << "generate[0].line" << "unknown line";
        QTest::newRow("deposit to unknown method") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "method": "amex", "deposit": "5.00"})")) << "events[0].method" << "unknown method \"amex\"";
        QTest::newRow("fail_next on unknown method") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "method": "amex", "fail_next": ["declined"]})")) << "events[0].method" << "unknown method \"amex\"";
        QTest::newRow("policy event on unknown line") << "events[0]" << QJsonValue(object(R"({"at": "2027-04-02T00:00:00Z", "line": "tablet", "policy": {"enabled": false}})")) << "events[0].line" << "unknown line \"tablet\"";
        QTest::newRow("timezone as UTC offset") << "timezone" << QJsonValue("UTC+05:00") << "timezone" << "\"UTC+05:00\" is a UTC offset, not a time zone";
        QTest::newRow("timezone as bare offset") << "timezone" << QJsonValue("+05:00") << "timezone" << "is a UTC offset";
        QTest::newRow("timezone as POSIX rule") << "timezone" << QJsonValue("ABC-3") << "timezone" << "unknown time zone \"ABC-3\"";
        QTest::newRow("timezone as a path") << "timezone" << QJsonValue("Europe/../UTC") << "timezone" << "unknown time zone";
        QTest::newRow("timezone in posix/") << "timezone" << QJsonValue("posix/Europe/Paris") << "timezone" << "unknown time zone";
        QTest::newRow("start in year 0 through its offset") << "start" << QJsonValue("0001-01-01T00:00:00+14:00") << "start" << "\"0001-01-01T00:00:00+14:00\" is outside the years 0001 to 9999 in UTC";
        QTest::newRow("end in year 10000 through its offset") << "end" << QJsonValue("9999-12-31T23:59:59-01:00") << "end" << "outside the years 0001 to 9999";
        QTest::newRow("generate every rounds to 0 s") << "generate[0]" << QJsonValue(object(R"({"line": "phone", "profile": "light", "seed": 1, "every": "0.001s"})")) << "generate[0].every" << "\"0.001s\" rounds to 0 s";
        QTest::newRow("generate every 0.4 s") << "generate[0]" << QJsonValue(object(R"({"line": "phone", "profile": "light", "seed": 1, "every": "0.4 s"})")) << "generate[0].every" << "rounds to 0 s";
        QTest::newRow("generate negative seed") << "generate[0]" << QJsonValue(object(R"({"line": "phone", "profile": "light", "seed": -1, "every": "5min"})")) << "generate[0].seed" << "must be at least 0 (got -1)";
    }

    void oneProblem()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, problemPath);
        QFETCH(QString, mentions);
        const ScenarioReader::Result result = ScenarioReader::read(toJson(withValue(baseScenario(), path, value)));
        QVERIFY(!result.world);
        const QString all = describe(result.problems);
        QVERIFY2(result.problems.size() == 1, qPrintable(all));
        QCOMPARE(result.problems[0].path, problemPath);
        QVERIFY2(result.problems[0].message.contains(mentions), qPrintable(all));
    }

    void edgesThatAreAccepted_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("EST5EDT, an IANA zone") << "timezone" << QJsonValue("EST5EDT");
        QTest::newRow("US/Eastern, an IANA link") << "timezone" << QJsonValue("US/Eastern");
        QTest::newRow("Etc/GMT-5, the IANA way to say +05:00") << "timezone" << QJsonValue("Etc/GMT-5");
        QTest::newRow("UTC") << "timezone" << QJsonValue("UTC");
        QTest::newRow("start at the first instant of year 1") << "start" << QJsonValue("0001-01-01T14:00:00+14:00");
        QTest::newRow("every 0.5 s rounds to 1 s") << "generate[0]" << QJsonValue(object(R"({"line": "phone", "profile": "light", "seed": 1, "every": "0.5s"})"));
        QTest::newRow("id with a character outside the BMP") << "packages[2]" << QJsonValue(object("{\"id\": \"\xf0\x9f\x98\x80\", \"price\": \"1\"}"));
    }

    void edgesThatAreAccepted()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        const ScenarioReader::Result result = ScenarioReader::read(toJson(withValue(baseScenario(), path, value)));
        QVERIFY2(result.world, qPrintable(describe(result.problems)));
    }

    void loneSurrogatesInIdsAreRefused()
    {
        // JSON's \u escapes can hold half of a UTF-16 pair; two such ids
        // would print alike ("A?"), so they are refused. A whole pair is a
        // character like any other.
        const QByteArray json = R"({"format": "topup-scenario/1", "timezone": "UTC", "currency": "EUR",
            "start": "2027-01-01T00:00:00Z", "end": "2027-01-02T00:00:00Z",
            "packages": [{"id": "A\ud800", "price": "1"}, {"id": "A\udc00", "price": "1"}],
            "methods": [{"id": "\ud83d\ude00", "kind": "paypal", "funds": "1"}, {"id": "x\ude00\ud83d", "kind": "paypal", "funds": "1"}],
            "lines": []})";
        const ScenarioReader::Result result = ScenarioReader::read(json);
        QVERIFY(!result.world);
        QCOMPARE(result.problems.size(), std::size_t(3));
        QCOMPARE(result.problems[0].path, QStringLiteral("packages[0].id"));
        QCOMPARE(result.problems[0].message, QStringLiteral("must not contain a lone UTF-16 surrogate (\\uD800 at character 2), which is not a character"));
        QCOMPARE(result.problems[1].path, QStringLiteral("packages[1].id"));
        QVERIFY2(result.problems[1].message.contains(QLatin1String("\\uDC00")), qPrintable(result.problems[1].message));
        QCOMPARE(result.problems[2].path, QStringLiteral("methods[1].id")); // a low half before a high half is no pair
    }

    void limitsAreRefusedNamingTheLimit_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problemPath");
        QTest::addColumn<QString>("mentions");
        const auto repeated = [](const QByteArray &item, qsizetype count) {
            QByteArray list = "[";
            for (qsizetype i = 0; i < count; ++i)
                list += (i ? "," : "") + item;
            return list + "]";
        };
        const QByteArray head = R"({"format": "topup-scenario/1", "timezone": "UTC", "currency": "EUR",
            "start": "2027-01-01T00:00:00Z", "end": "2027-04-15T00:00:00Z", "packages": [], "methods": [], )";
        QTest::newRow("events") << head + R"("lines": [], "events": )" + repeated("{}", ScenarioReader::maxEvents + 1) + "}"
                                << "events" << "200001 entries, more than the limit of 200000";
        QTest::newRow("lines") << head + R"("lines": )" + repeated("{}", ScenarioReader::maxListEntries + 1) + "}"
                               << "lines" << "10001 entries, more than the limit of 10000";
        // 2027-01-01 .. 2027-04-15 is 104 days: 8 985 601 samples at 1 s,
        // under the limit of one entry; six of them are over the total.
        const QByteArray stream = R"({"line": "L", "profile": "light", "seed": 1, "every": "1s"})";
        QTest::newRow("generate, all entries") << head + R"("lines": [{"id": "L"}], "generate": )" + repeated(stream, 6) + "}"
                                               << "generate" << "make 53913606 usage events in all, more than the limit of 50000000";
        // 2027-01-01 .. 2027-12-31 is 364 days: 31 449 601 samples at 1 s.
        QTest::newRow("generate, one entry")
            << QByteArray(head).replace("2027-04-15", "2027-12-31") + R"("lines": [{"id": "L"}], "generate": )" + repeated(stream, 1) + "}"
            << "generate[0].every" << "makes 31449601 usage events from start to end, more than the limit of 10000000 for one generate entry";
        QTest::newRow("generate, 1 s from year 1 to 9999")
            << QByteArray(head).replace("2027-01-01", "0001-01-01").replace("2027-04-15", "9999-12-31") + R"("lines": [{"id": "L"}], "generate": )" + repeated(stream, 1) + "}"
            << "generate[0].every" << "makes 315537811201 usage events";
    }

    void limitsAreRefusedNamingTheLimit()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problemPath);
        QFETCH(QString, mentions);
        const ScenarioReader::Result result = ScenarioReader::read(json);
        QVERIFY(!result.world);
        const QString all = describe(result.problems);
        QVERIFY2(result.problems.size() == 1, qPrintable(all));
        QCOMPARE(result.problems[0].path, problemPath);
        QVERIFY2(result.problems[0].message.contains(mentions), qPrintable(all));
    }

    void reportsEveryProblem()
    {
        QJsonObject scenario = baseScenario();
        scenario = withValue(scenario, QStringLiteral("currency"), QStringLiteral("KWD"));
        scenario = withValue(scenario, QStringLiteral("lines[0].policy.fallback"), QStringLiteral("mc"));
        scenario = withValue(scenario, QStringLiteral("lines[0].policy.monthly"), object(R"({"day": 40, "package": "2GB"})"));
        scenario = withValue(scenario, QStringLiteral("packages[1].prize"), QStringLiteral("1"));
        scenario = withValue(scenario, QStringLiteral("events[0]"), object(R"({"at": "2027-04-02T00:00:00Z", "method": "mc", "fail_next": ["nope"]})"));
        const ScenarioReader::Result result = ScenarioReader::read(toJson(scenario));
        QStringList paths;
        for (const Problem &problem : result.problems)
            paths << problem.path;
        paths.sort();
        QCOMPARE(paths, (QStringList{QStringLiteral("currency"), QStringLiteral("events[0].fail_next[0]"),
                                     QStringLiteral("lines[0].policy.fallback"),
                                     QStringLiteral("lines[0].policy.monthly.day"),
                                     QStringLiteral("packages[1].prize")}));
    }

    void repeatedKeysAreReportedNotSilentlyDropped()
    {
        // Qt keeps the last of two equal keys; the reader says so instead.
        QByteArray json = toJson(baseScenario());
        json.replace("\"below\":\"1GB\"", "\"below\":\"1GB\",\"b\\u0065low\":\"2GB\"");
        json.replace("\"format\":", "\"currency\":\"USD\",\"format\":");
        const ScenarioReader::Result result = ScenarioReader::read(json);
        QVERIFY(!result.world);
        QStringList paths;
        for (const Problem &problem : result.problems)
            paths << problem.path;
        QCOMPARE(paths, (QStringList{QStringLiteral("currency"), QStringLiteral("lines[0].policy.threshold.below")}));
        QVERIFY(result.problems[0].message.contains(QLatin1String("twice")));
    }

    void malformedJsonNamesThePlace()
    {
        const ScenarioReader::Result result = ScenarioReader::read("{\n  \"format\": \"topup-scenario/1\",\n  \"x\": [1,,2]\n}");
        QCOMPARE(result.problems.size(), std::size_t(1));
        QVERIFY2(result.problems[0].message.contains(QLatin1String("line 3")), qPrintable(result.problems[0].message));
    }

    void optionalPartsDefault()
    {
        QJsonObject scenario = baseScenario();
        scenario.remove(QStringLiteral("events"));
        scenario = withValue(scenario, QStringLiteral("lines[0].policy.monthly"), object(R"({"day": 31, "package": "500MB"})"));
        scenario = withValue(scenario, QStringLiteral("lines[1]"), object(R"({"id": "bare"})"));
        const ScenarioReader::Result result = ScenarioReader::read(toJson(scenario));
        QVERIFY2(result.world, qPrintable(describe(result.problems)));
        QCOMPARE(result.world->lines.size(), std::size_t(2));
        QVERIFY(result.world->lines[0].policy && result.world->lines[0].policy->monthly);
        QCOMPARE(result.world->lines[0].policy->monthly->minuteOfDay, 9 * 60); // time defaults to 09:00
        QVERIFY(result.world->lines[0].policy->enabled);
        QVERIFY(!result.world->lines[1].policy);
        QCOMPARE(result.world->lines[1].data.bytes(), qint64(0));
        QVERIFY(result.world->events.empty());
    }

    void largeCountsAreWholeNumbersToo()
    {
        const QJsonObject scenario = withValue(baseScenario(), QStringLiteral("lines[0].policy.max_per_month"), 5000000000.0);
        const ScenarioReader::Result result = ScenarioReader::read(toJson(scenario));
        QVERIFY2(result.world, qPrintable(describe(result.problems)));
        QCOMPARE(result.world->lines.size(), std::size_t(1));
        QVERIFY(result.world->lines[0].policy && result.world->lines[0].policy->maxPerMonth);
        QCOMPARE(*result.world->lines[0].policy->maxPerMonth, qint64(5000000000));
    }

    void disabledPolicyNeedsNothingElse()
    {
        const QJsonObject scenario =
            withValue(baseScenario(), QStringLiteral("lines[0].policy"), object(R"({"enabled": false})"));
        const ScenarioReader::Result result = ScenarioReader::read(toJson(scenario));
        QVERIFY2(result.world, qPrintable(describe(result.problems)));
        QCOMPARE(result.world->lines.size(), std::size_t(1));
        QVERIFY(result.world->lines[0].policy);
        QVERIFY(!result.world->lines[0].policy->enabled);
    }

    void duplicateKeysAreReportedAtTheirPath()
    {
        // Qt's parser would keep the last of two equal keys without a word;
        // the reader reports each repeat where it is and accepts nothing.
        QByteArray json = toJson(baseScenario());
        QVERIFY(json.startsWith('{') && json.contains(R"("below":"1GB")"));
        json.insert(1, R"("timezone":"UTC",)");
        json.replace(R"("below":"1GB")", R"("below":"1GB","below":"1MB")");
        const ScenarioReader::Result result = ScenarioReader::read(json);
        QVERIFY(!result.world);
        // Reported in file order, at the second of the two (the compact text
        // has its keys sorted: the original "timezone" comes after "lines").
        QCOMPARE(describe(result.problems), QStringLiteral("lines[0].policy.threshold.below: this key appears twice in the same object\n"
                                                           "timezone: this key appears twice in the same object"));
    }

    void duplicateKeysInAnyShape_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QString twice = QStringLiteral(": this key appears twice in the same object");
        QTest::newRow("none") << QByteArray(R"({"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]})") << QString();
        QTest::newRow("root") << QByteArray(R"({"a": 1, "a": 2})") << QStringLiteral("a") + twice;
        QTest::newRow("three times") << QByteArray(R"({"a": 1, "a": 2, "a": 3})")
                                     << QStringLiteral("a") + twice + QLatin1Char('\n') + QStringLiteral("a") + twice;
        QTest::newRow("in arrays") << QByteArray(R"({"e": [{"x": 1}, {"y": [1, {"z": 1, "z": 2}], "y": 0}]})")
                                   << QStringLiteral("e[1].y[1].z") + twice + QLatin1Char('\n') + QStringLiteral("e[1].y") + twice;
        QTest::newRow("root array") << QByteArray(R"([[], {"k": "}", "k": "{"}])") << QStringLiteral("[1].k") + twice;
        QTest::newRow("escaped same") << QByteArray("{\"day\": 1, \"d\\u0061y\": 2}") << QStringLiteral("day") + twice;
        QTest::newRow("escape differs") << QByteArray("{\"a\\\"b\": 1, \"a\\\\b\": 2, \"a\\\"b\\n\": 3}") << QString();
        QTest::newRow("escaped path") << QByteArray("{\"x\\ty\": {\"q\": 1, \"q\": 2}}") << QStringLiteral("x\ty.q") + twice;
        QTest::newRow("quotes in values") << QByteArray("{\"a\": \"\\\"a\\\": 1\", \"b\": \"\\\\\", \"a\\\"\": 2}") << QString();
        QTest::newRow("not utf-8 equal bytes") << QByteArray("{\"\xc3\xa9\": 1, \"\\u00e9\": 2}")
                                               << QString::fromUtf8("\xc3\xa9") + twice;
        QByteArray many = "{";
        for (int i = 0; i < 100; ++i)
            many += "\"k" + QByteArray::number(i) + "\": " + QByteArray::number(i) + ",";
        many += "\"k7\": 0, \"k\\u0039\": 0, \"k100\": 0}";
        QTest::newRow("many keys") << many << QStringLiteral("k7") + twice + QLatin1Char('\n') + QStringLiteral("k9") + twice;
    }

    void duplicateKeysInAnyShape()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QVERIFY2(!QJsonDocument::fromJson(json).isNull(), json.constData()); // the scan expects JSON Qt accepts
        QCOMPARE(describe(findDuplicateKeys(json)), expected);
    }

    void malformedTextIsReportedAsQtSeesIt_data()
    {
        QTest::addColumn<QByteArray>("json");
        QByteArray base = toJson(withValue(baseScenario(), QStringLiteral("events"),
                                           QJsonValue(QJsonDocument::fromJson(R"([{"at": "2027-04-02T10:00:00Z", "line": "phone", "use": {"data": "5MB"}}])").array())));
        QVERIFY(!base.contains('\n'));
        QTest::newRow("truncated") << base.left(base.size() - 3);
        QTest::newRow("truncated in events") << base.left(base.indexOf("5MB"));
        QTest::newRow("trailing garbage") << QByteArray(base + " x");
        QTest::newRow("two roots") << QByteArray(base + base);
        QTest::newRow("bad unicode escape") << QByteArray(base).replace("5MB", "5\\u12");
        QTest::newRow("bad number") << QByteArray(base).replace(R"("5MB")", "01");
        QTest::newRow("bad utf-8") << QByteArray(base).replace("5MB", "5\xff\xfeMB");
        QTest::newRow("comma before brace") << QByteArray(base).replace(R"("5MB"})", R"("5MB",})");
        QByteArray deep = base;
        deep.replace(R"("5MB")", QByteArray(2000, '[') + QByteArray(2000, ']'));
        QTest::newRow("deep nesting") << deep;
    }

    void malformedTextIsReportedAsQtSeesIt()
    {
        // One line of text: the column is Qt's offset + 1, within the text.
        QFETCH(QByteArray, json);
        QJsonParseError error;
        QVERIFY(QJsonDocument::fromJson(json, &error).isNull());
        QVERIFY(!JsonScan::scan(json).plain);
        const ScenarioReader::Result result = ScenarioReader::read(json);
        QVERIFY(!result.world);
        QCOMPARE(describe(result.problems),
                 QStringLiteral(": malformed JSON at line 1, column %1: %2").arg(std::min(qsizetype(error.offset), json.size()) + 1).arg(error.errorString()));
    }

    void utcIsAZone()
    {
        const ScenarioReader::Result result =
            ScenarioReader::read(toJson(withValue(baseScenario(), QStringLiteral("timezone"), QStringLiteral("UTC"))));
        QVERIFY2(result.world, qPrintable(describe(result.problems)));
    }

    void failNextKeepsOrder()
    {
        const QJsonObject scenario = withValue(baseScenario(), QStringLiteral("events[0]"),
                                               QJsonObject{{QStringLiteral("at"), QStringLiteral("2027-04-02T00:00:00Z")},
                                                           {QStringLiteral("method"), QStringLiteral("mc")},
                                                           {QStringLiteral("fail_next"), strings({"gateway_error", "declined", "insufficient_funds"})}});
        const ScenarioReader::Result result = ScenarioReader::read(toJson(scenario));
        QVERIFY2(result.world, qPrintable(describe(result.problems)));
        QCOMPARE(result.world->events.size(), std::size_t(1));
        QCOMPARE(result.world->events[0].faults,
                 (std::vector<Reason>{Reason::GatewayError, Reason::Declined, Reason::InsufficientFunds}));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestScenarioReader)
} // namespace tst_scenarioreader
#include "tst_scenarioreader.moc"
