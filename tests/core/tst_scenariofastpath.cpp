// The fast way of reading a scenario (JsonScan's one strict pass, use
// events read from their bytes) against the general way: the same problems
// and events for every file, and the pass refuses what is not plain.
#include "testmain.h"
#include "jsonpatch.h"
#include "scenarioproblems.h"
#include "scenario/jsonscan.h"
#include "scenario/scenarioreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

namespace tst_scenariofastpath {

using namespace topup;
using topup::test::baseScenario;
using topup::test::describe;
using topup::test::describeEvents;
using topup::test::toJson;
using topup::test::withValue;

namespace {

// `plain` read as it is, and the general way (a key written with an escape,
// which the strict pass refuses): empty when both give the same problems
// and the same events, else what differs.
QString waysDiffer(const QByteArray &plain)
{
    QByteArray general = plain;
    if (!general.contains(R"("format":)"))
        return QStringLiteral("no \"format\" key to write with an escape");
    general.replace(R"("format":)", R"("form\u0061t":)");
    if (JsonScan::scan(general).plain)
        return QStringLiteral("the strict pass took the escaped key");
    const ScenarioReader::Result fast = ScenarioReader::read(plain);
    const ScenarioReader::Result slow = ScenarioReader::read(general);
    if (describe(fast.problems) != describe(slow.problems))
        return QStringLiteral("problems differ:\n%1\n---\n%2").arg(describe(fast.problems), describe(slow.problems));
    if (bool(fast.world) != bool(slow.world))
        return QStringLiteral("one way made a world, the other not");
    if (fast.world && describeEvents(*fast.world) != describeEvents(*slow.world))
        return QStringLiteral("events differ:\n%1\n---\n%2").arg(describeEvents(*fast.world), describeEvents(*slow.world));
    return QString();
}

} // namespace

class TestScenarioFastPath final : public QObject
{
    Q_OBJECT

private slots:
    void plainAndGeneralWaysAgree_data()
    {
        QTest::addColumn<QByteArray>("events");
        QTest::addColumn<QByteArray>("lines"); // replaces the base's lines when not empty
        const QByteArray at = R"("at": "2027-04-02T10:00:00Z")";
        QTest::newRow("valid, every kind") << QByteArray("[{" + at + R"(, "line": "phone", "use": {"data": "5MB"}},
            {"use": {"voice": "2min", "data": "1GB"}, "line": "phone", )" + at + R"(},
            {)" + at + R"(, "line": "phone", "use": {"voice": "30s"}},
            {)" + at + R"(, "line": "phone", "topup": {"package": "2GB", "method": "mc"}},
            {)" + at + R"(, "method": "pp", "deposit": "5.00"},
            {)" + at + R"(, "method": "mc", "fail_next": ["declined", "gateway_error"]},
            {)" + at + R"(, "line": "phone", "policy": {"enabled": false}}])") << QByteArray();
        QTest::newRow("unknown line") << QByteArray("[{" + at + R"(, "line": "tablet", "use": {"data": "5MB"}}])") << QByteArray();
        QTest::newRow("outside start..end") << QByteArray(R"([{"at": "2027-06-02T10:00:00Z", "line": "phone", "use": {"data": "5MB"}}])") << QByteArray();
        QTest::newRow("bad instant") << QByteArray(R"([{"at": "2027-04-02 10:00", "line": "phone", "use": {"data": "5MB"}}])") << QByteArray();
        QTest::newRow("bad amount") << QByteArray("[{" + at + R"(, "line": "phone", "use": {"data": "5XB", "voice": "-1s"}}])") << QByteArray();
        QTest::newRow("no amount") << QByteArray("[{" + at + R"(, "line": "phone", "use": {}}])") << QByteArray();
        QTest::newRow("unknown key in use") << QByteArray("[{" + at + R"(, "line": "phone", "use": {"dta": "5MB"}}])") << QByteArray();
        QTest::newRow("amount not a string") << QByteArray("[{" + at + R"(, "line": "phone", "use": {"data": 5}}])") << QByteArray();
        QTest::newRow("use not an object") << QByteArray("[{" + at + R"(, "line": "phone", "use": "5MB"}])") << QByteArray();
        QTest::newRow("use and method") << QByteArray("[{" + at + R"(, "line": "phone", "method": "mc", "use": {"data": "5MB"}}])") << QByteArray();
        QTest::newRow("two actions") << QByteArray("[{" + at + R"(, "line": "phone", "use": {"data": "5MB"}, "topup": {}}])") << QByteArray();
        QTest::newRow("no at") << QByteArray(R"([{"line": "phone", "use": {"data": "5MB"}}])") << QByteArray();
        QTest::newRow("line a number") << QByteArray("[{" + at + R"(, "line": 7, "use": {"data": "5MB"}}])") << QByteArray();
        QTest::newRow("not objects") << QByteArray(R"([5, "x", [], null, {}])") << QByteArray();
        QTest::newRow("unknown key") << QByteArray("[{" + at + R"(, "line": "phone", "use": {"data": "5MB"}, "note": "hi"}])") << QByteArray();
        QTest::newRow("lines incomplete") << QByteArray("[{" + at + R"(, "line": "tablet", "use": {"data": "5MB"}}])")
                                          << QByteArray(R"([{"id": "phone"}, {"id": "a b"}])");
        QTest::newRow("instant longer than a use event's text may be") << QByteArray(R"([{"at": ")" + QByteArray(70000, '7') + R"(", "line": "phone", "use": {"data": "5MB"}}])") << QByteArray();
        QTest::newRow("use shapes with other keys") << QByteArray("[{" + at + R"(, "line": "phone", "use": {"data": "5MB", "voice": "1min", "sms": "1"}},
            {)" + at + R"(, "line": "phone", "use": {"data": "5MB"}, "line2": "x"}])") << QByteArray();
        QTest::newRow("id is the line's") << QByteArray("[{" + at + R"(, "line": "phone", "use": {"data": "5MB"}},
            {)" + at + R"(, "line": "phone2", "use": {"data": "5MB"}}])")
                                          << QByteArray(R"([{"id": "phone2"}, {"id": "phone"}])");
    }

    void plainAndGeneralWaysAgree()
    {
        // The same scenario read the fast way (plain text) and the general
        // way (a key written with an escape): same problems, same events.
        QFETCH(QByteArray, events);
        QFETCH(QByteArray, lines);
        QJsonObject scenario = withValue(baseScenario(), QStringLiteral("events"), QJsonValue(QJsonDocument::fromJson(events).array()));
        QVERIFY2(QJsonDocument::fromJson(events).isArray(), events.constData());
        if (!lines.isEmpty())
            scenario = withValue(scenario, QStringLiteral("lines"), QJsonValue(QJsonDocument::fromJson(lines).array()));
        const QByteArray plain = toJson(scenario);
        QVERIFY(JsonScan::scan(plain).plain);
        const QString differ = waysDiffer(plain);
        QVERIFY2(differ.isEmpty(), qPrintable(differ));
        const ScenarioReader::Result fast = ScenarioReader::read(plain);
        if (QByteArray(QTest::currentDataTag()).startsWith("valid")) {
            QVERIFY2(fast.world, qPrintable(describe(fast.problems)));
            QCOMPARE(fast.world->events.size(), std::size_t(7));
        }
    }

    void plainAndGeneralWaysAgreeOnDrawnEvents()
    {
        // Seeded draws of use events near the shapes people write: keys in
        // any order and spacing, instants in every form (and wrong ones),
        // amounts in every unit and case (and wrong ones), known and unknown
        // lines, now and then another kind of event. The fast way and the
        // general way read each file alike, problems and events.
        QRandomGenerator random(8);
        const auto pick = [&](std::initializer_list<const char *> items) {
            return QByteArray(*(items.begin() + random.bounded(int(items.size()))));
        };
        const QByteArray spaces[] = {"", " ", "\n  ", "\t"};
        const auto space = [&] { return spaces[random.bounded(4)]; };
        int read = 0;
        for (int file = 0; file < 40; ++file) {
            QByteArray events = "[";
            for (int i = 0; i < 200; ++i) {
                const int day = random.bounded(1, 31);
                const int hour = random.bounded(24);
                QByteArray at = QStringLiteral("2027-04-%1T%2:%3:%4")
                                    .arg(day, 2, 10, QLatin1Char('0'))
                                    .arg(hour, 2, 10, QLatin1Char('0'))
                                    .arg(random.bounded(60), 2, 10, QLatin1Char('0'))
                                    .arg(random.bounded(61), 2, 10, QLatin1Char('0'))
                                    .toLatin1();
                at += pick({"Z", "Z", "Z", "+02:00", "-05:30", ".5Z", ".125+01:00", "+18:00", "+18:01", "z", ""});
                const QByteArray line = pick({"phone", "phone", "phone", "tablet", "Phone", ""});
                QList<QByteArray> amounts;
                if (random.bounded(4) != 0)
                    amounts << "\"data\":" + space() + "\"" + QByteArray::number(random.bounded(2000))
                                   + pick({"", ".5", ".0000001"}) + pick({"MB", "mb", " MB", "GiB", "kb", "B", "XB", "", "  MB"}) + "\"";
                if (amounts.isEmpty() || random.bounded(3) == 0)
                    amounts << "\"voice\":" + space() + "\"" + QByteArray::number(random.bounded(300)) + pick({"s", "min", "MIN", "h", "m"}) + "\"";
                if (file % 8 == 7 && i == 100)
                    amounts << amounts.front(); // a key twice: the whole file goes the general way
                std::shuffle(amounts.begin(), amounts.end(), random);
                QList<QByteArray> members = {"\"at\":" + space() + "\"" + at + "\"", "\"line\":" + space() + "\"" + line + "\"",
                                             "\"use\":" + space() + "{" + amounts.join(",") + "}"};
                if (random.bounded(25) == 0)
                    members.removeAt(random.bounded(3));
                if (random.bounded(25) == 0)
                    members << "\"note\": 1";
                std::shuffle(members.begin(), members.end(), random);
                if (random.bounded(30) == 0)
                    members = {"\"at\": \"2027-04-02T10:00:00Z\"", "\"method\": \"pp\"", "\"deposit\": \"1.00\""};
                events += (i ? "," : "") + space() + "{" + space() + members.join("," + space()) + space() + "}";
            }
            events += "]";
            const QJsonDocument parsed = QJsonDocument::fromJson(events);
            QVERIFY2(parsed.isArray(), events.constData());
            // The events as written, spacing and order kept, in place of the base's.
            QByteArray plain = toJson(withValue(baseScenario(), QStringLiteral("events"), QJsonArray()));
            QVERIFY(plain.contains(R"("events":[])"));
            plain.replace(R"("events":[])", "\"events\":" + events);
            const QString differ = waysDiffer(plain);
            QVERIFY2(differ.isEmpty(), qPrintable(differ));
            read += JsonScan::scan(plain).plain ? 1 : 0;
        }
        QVERIFY2(read > 20, qPrintable(QString::number(read))); // most files went the fast way
    }

    void plainScanPicksOutUseEvents()
    {
        // Each element of "events" is kept whole; a `use` shape also has its
        // strings picked out, whatever the order of keys and the spacing.
        const QByteArray json = R"({"events": [
            {"at": "2027-04-02T10:00:00Z", "line": "phone", "use": {"data": "5MB", "voice": "2min"}},
            { "use" : { "voice":"30s" } , "line":"tablet","at" : "2027-04-03T00:00:00+02:00" },
            {"at": "t", "line": "", "use": {"data": ""}},
            {"at": "t", "line": "phone", "use": {"data": 5}},
            {"at": "t", "line": "phone", "use": {}},
            {"at": "t", "use": {"data": "1MB"}},
            {"at": "t", "line": "phone", "use": {"data": "1MB"}, "note": "x"},
            {"at": "t", "method": "card", "deposit": "5.00"},
            7], "lines": []})";
        const JsonScan::Result scan = JsonScan::scan(json);
        QVERIFY(scan.plain);
        QCOMPARE(scan.events.size(), std::size_t(9));
        const auto text = [](std::string_view view) { return QByteArray(view.data(), qsizetype(view.size())); };
        const JsonScan::Event &first = scan.events[0];
        QVERIFY(first.isUse());
        QCOMPARE(text(first.at()), QByteArray("2027-04-02T10:00:00Z"));
        QCOMPARE(text(first.line()), QByteArray("phone"));
        QCOMPARE(text(first.data()), QByteArray("5MB"));
        QCOMPARE(text(first.voice()), QByteArray("2min"));
        QVERIFY(text(first.text()).startsWith("{\"at\"") && text(first.text()).endsWith("}}"));
        const JsonScan::Event &second = scan.events[1];
        QVERIFY(second.isUse());
        QCOMPARE(text(second.at()), QByteArray("2027-04-03T00:00:00+02:00"));
        QCOMPARE(text(second.line()), QByteArray("tablet"));
        QVERIFY(second.data().data() == nullptr); // absent, not empty
        QCOMPARE(text(second.voice()), QByteArray("30s"));
        const JsonScan::Event &third = scan.events[2];
        QVERIFY(third.isUse());
        QVERIFY(third.line().data() != nullptr && third.line().empty()); // empty, not absent
        QVERIFY(third.data().data() != nullptr && third.data().empty());
        for (std::size_t i = 3; i < scan.events.size(); ++i)
            QVERIFY2(!scan.events[i].isUse(), text(scan.events[i].text()).constData());
        QCOMPARE(text(scan.events[7].text()), QByteArray(R"({"at": "t", "method": "card", "deposit": "5.00"})"));
        QCOMPARE(text(scan.events[8].text()), QByteArray("7"));
    }

    void plainScanRefusesWhatIsNotPlain_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("plain");
        QTest::newRow("plain") << QByteArray(R"( {"a": [1, -2.5, 0, true, false, null, {"b": "c"}], "events": [{}, 3]} )") << true;
        QTest::newRow("no events") << QByteArray(R"({"a": 1})") << false;
        QTest::newRow("events not an array") << QByteArray(R"({"events": {}})") << false;
        QTest::newRow("events nested only") << QByteArray(R"({"x": {"events": []}})") << false;
        QTest::newRow("truncated") << QByteArray(R"({"events": [{"at": "x"})") << false;
        QTest::newRow("trailing garbage") << QByteArray(R"({"events": []} x)") << false;
        QTest::newRow("trailing comma") << QByteArray(R"({"events": [1,]})") << false;
        QTest::newRow("escape") << QByteArray("{\"events\": [\"a\\nb\"]}") << false;
        QTest::newRow("non-ascii") << QByteArray("{\"events\": [\"\xc3\xa9\"]}") << false;
        QTest::newRow("control character") << QByteArray("{\"events\": [\"a\tb\"]}") << false;
        QTest::newRow("exponent") << QByteArray(R"({"events": [1e2]})") << false;
        QTest::newRow("leading zero") << QByteArray(R"({"events": [01]})") << false;
        QTest::newRow("bare point") << QByteArray(R"({"events": [1.]})") << false;
        QTest::newRow("huge") << QByteArray(R"({"events": [12345678901234567890]})") << false;
        QTest::newRow("minus zero") << QByteArray(R"({"events": [-0, 31.0]})") << true;
        QTest::newRow("duplicate key") << QByteArray(R"({"events": [{"a": 1, "a": 2}]})") << false;
        QTest::newRow("use event, at twice") << QByteArray(R"({"events": [{"at": "x", "line": "l", "at": "y", "use": {"data": "1MB"}}]})") << false;
        QTest::newRow("use event, use twice") << QByteArray(R"({"events": [{"at": "x", "use": {"data": "1MB"}, "line": "l", "use": {"data": "1MB"}}]})") << false;
        QTest::newRow("use event, data twice") << QByteArray(R"({"events": [{"at": "x", "line": "l", "use": {"data": "1MB", "data": "2MB"}}]})") << false;
        QTest::newRow("use event, escape") << QByteArray(R"({"events": [{"at": "x", "line": "l\u0041", "use": {"data": "1MB"}}]})") << false;
        QTest::newRow("use event, unclosed") << QByteArray(R"({"events": [{"at": "x", "line": "l", "use": {"data": "1MB"}]})") << false;
        QTest::newRow("use event, missing colon") << QByteArray(R"({"events": [{"at" "x", "line": "l", "use": {"data": "1MB"}}]})") << false;
        QTest::newRow("use event, spaced") << QByteArray("{\"events\": [ {\n\"use\" :\t{ \"voice\" : \"1s\" } ,\r\n \"line\":\"l\",\"at\":\"x\" } ]}") << true;
        QTest::newRow("duplicate events") << QByteArray(R"({"events": [], "events": []})") << false;
        QTest::newRow("bad literal") << QByteArray(R"({"events": [tru]})") << false;
        QTest::newRow("root array") << QByteArray(R"([{"events": []}])") << false;
        QByteArray deep = R"({"events": [)";
        for (int i = 0; i < 100; ++i)
            deep += '[';
        for (int i = 0; i < 100; ++i)
            deep += ']';
        QTest::newRow("deep") << QByteArray(deep + "]}") << false;
    }

    void plainScanRefusesWhatIsNotPlain()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, plain);
        const JsonScan::Result scan = JsonScan::scan(json);
        QCOMPARE(scan.plain, plain);
        if (plain) // what it accepts, Qt's parser accepts too
            QVERIFY(QJsonDocument::fromJson(json).isObject());
    }
};

TOPUP_TEST_GUILESS_MAIN(TestScenarioFastPath)
} // namespace tst_scenariofastpath
#include "tst_scenariofastpath.moc"
