#include "testmain.h"
#include "rules/monthlyschedule.h"
#include "rules/zonedcalendar.h"
#include "checked.h"

#include <QTest>
#include <QTimeZone>

#include <limits>

namespace tst_calendar {

using namespace topup;

// Every expected instant below was worked out by hand from the zone's 2027
// transitions (`zdump -v ZONE | grep 2027`) and checked with Python's zoneinfo
// (fold=0, which is SPEC §5's rule: a gap moves forward, an overlap takes the
// earlier instant).
//   America/New_York     2027-03-14 07:00Z  EST→EDT   2027-11-07 06:00Z  EDT→EST
//   Europe/London        2027-03-28 01:00Z  GMT→BST   2027-10-31 01:00Z  BST→GMT
//   Europe/Paris         2027-03-28 01:00Z  CET→CEST  2027-10-31 01:00Z  CEST→CET
//   Australia/Lord_Howe  2027-04-03 15:00Z  +11→+1030 (01:30–02:00 twice)
//                        2027-10-02 15:30Z  +1030→+11 (02:00–02:30 missing)
//   Pacific/Chatham      2027-04-03 14:00Z  +1345→+1245  2027-09-25 14:00Z  +1245→+1345
namespace {

// An instant of the test data; a typo fails the test.
Instant iso(const QString &text)
{
    return TOPUP_VALUE(Instant::parse(text));
}

ZonedCalendar calendarFor(const QByteArray &zone)
{
    return ZonedCalendar(QTimeZone(zone));
}

} // namespace

class TestCalendar final : public QObject
{
    Q_OBJECT

private slots:
    void toInstant_data();
    void toInstant();
    void monthStart_data();
    void monthStart();
    void monthOf_data();
    void monthOf();
    void localMinuteOfDay_data();
    void localMinuteOfDay();
    void offsetsInAnyOrder_data();
    void offsetsInAnyOrder();
    void occurrenceIn_data();
    void occurrenceIn();
    void firstAtOrAfter_data();
    void firstAtOrAfter();
};

void TestCalendar::toInstant_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("day");
    QTest::addColumn<int>("minuteOfDay");
    QTest::addColumn<QString>("expected");

    const QByteArray ny = "America/New_York";
    const QByteArray london = "Europe/London";
    const QByteArray lordHowe = "Australia/Lord_Howe";
    const QByteArray chatham = "Pacific/Chatham";
    QTest::newRow("NY summer") << ny << 2027 << 7 << 1 << 9 * 60 << "2027-07-01T13:00:00Z";
    QTest::newRow("NY 01:59 before gap") << ny << 2027 << 3 << 14 << 1 * 60 + 59 << "2027-03-14T06:59:00Z";
    QTest::newRow("NY 02:00 in gap") << ny << 2027 << 3 << 14 << 2 * 60 << "2027-03-14T07:00:00Z";
    QTest::newRow("NY 02:30 in gap → 03:30 EDT") << ny << 2027 << 3 << 14 << 2 * 60 + 30 << "2027-03-14T07:30:00Z";
    QTest::newRow("NY 03:00 after gap") << ny << 2027 << 3 << 14 << 3 * 60 << "2027-03-14T07:00:00Z";
    QTest::newRow("NY 00:59 before overlap") << ny << 2027 << 11 << 7 << 59 << "2027-11-07T04:59:00Z";
    QTest::newRow("NY 01:00 overlap earlier") << ny << 2027 << 11 << 7 << 60 << "2027-11-07T05:00:00Z";
    QTest::newRow("NY 01:30 overlap earlier") << ny << 2027 << 11 << 7 << 90 << "2027-11-07T05:30:00Z";
    QTest::newRow("NY 02:00 after overlap") << ny << 2027 << 11 << 7 << 120 << "2027-11-07T07:00:00Z";
    QTest::newRow("London 01:30 in gap") << london << 2027 << 3 << 28 << 90 << "2027-03-28T01:30:00Z";
    QTest::newRow("London 01:30 overlap") << london << 2027 << 10 << 31 << 90 << "2027-10-31T00:30:00Z";
    QTest::newRow("London winter") << london << 2027 << 1 << 15 << 9 * 60 << "2027-01-15T09:00:00Z";
    QTest::newRow("Lord Howe 01:59 before gap") << lordHowe << 2027 << 10 << 3 << 119 << "2027-10-02T15:29:00Z";
    QTest::newRow("Lord Howe 02:00 in gap") << lordHowe << 2027 << 10 << 3 << 120 << "2027-10-02T15:30:00Z";
    QTest::newRow("Lord Howe 02:15 in gap → 02:45") << lordHowe << 2027 << 10 << 3 << 135 << "2027-10-02T15:45:00Z";
    QTest::newRow("Lord Howe 02:30 after gap") << lordHowe << 2027 << 10 << 3 << 150 << "2027-10-02T15:30:00Z";
    QTest::newRow("Lord Howe 01:30 overlap") << lordHowe << 2027 << 4 << 4 << 90 << "2027-04-03T14:30:00Z";
    QTest::newRow("Lord Howe 01:45 overlap") << lordHowe << 2027 << 4 << 4 << 105 << "2027-04-03T14:45:00Z";
    QTest::newRow("Lord Howe 02:00 after overlap") << lordHowe << 2027 << 4 << 4 << 120 << "2027-04-03T15:30:00Z";
    QTest::newRow("Chatham 03:00 in gap") << chatham << 2027 << 9 << 26 << 180 << "2027-09-25T14:15:00Z";
    QTest::newRow("Chatham 02:50 overlap") << chatham << 2027 << 4 << 4 << 170 << "2027-04-03T13:05:00Z";
    QTest::newRow("Kathmandu +05:45") << QByteArray("Asia/Kathmandu") << 2027 << 1 << 1 << 0 << "2026-12-31T18:15:00Z";
    QTest::newRow("Tokyo midnight") << QByteArray("Asia/Tokyo") << 2027 << 4 << 1 << 0 << "2027-03-31T15:00:00Z";
    QTest::newRow("UTC") << QByteArray("UTC") << 2027 << 2 << 28 << 9 * 60 << "2027-02-28T09:00:00Z";
    QTest::newRow("UTC 23:59") << QByteArray("UTC") << 2027 << 12 << 31 << 1439 << "2027-12-31T23:59:00Z";
    QTest::newRow("Asuncion 00:00 in a midnight gap → 01:00") << QByteArray("America/Asuncion") << 2023 << 10 << 1 << 0 << "2023-10-01T04:00:00Z";
    QTest::newRow("Asuncion 00:30 in a midnight gap → 01:30") << QByteArray("America/Asuncion") << 2023 << 10 << 1 << 30 << "2023-10-01T04:30:00Z";
    QTest::newRow("Havana 00:30 twice, earlier") << QByteArray("America/Havana") << 2026 << 11 << 1 << 30 << "2026-11-01T04:30:00Z";
    QTest::newRow("Beirut 00:00 in the March gap → 01:00") << QByteArray("Asia/Beirut") << 2027 << 3 << 28 << 0 << "2027-03-27T22:00:00Z";
}

void TestCalendar::toInstant()
{
    QFETCH(QByteArray, zone);
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, day);
    QFETCH(int, minuteOfDay);
    QFETCH(QString, expected);

    QVERIFY(QTimeZone(zone).isValid());
    const ZonedCalendar calendar = calendarFor(zone);
    const Instant actual = calendar.toInstant(year, month, day, minuteOfDay);
    QCOMPARE(actual.toString(), expected);
    QCOMPARE(actual.msecs(), iso(expected).msecs());
}

void TestCalendar::monthStart_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Tokyo April") << QByteArray("Asia/Tokyo") << 2027 << 4 << "2027-03-31T15:00:00Z";
    QTest::newRow("NY January (EST)") << QByteArray("America/New_York") << 2027 << 1 << "2027-01-01T05:00:00Z";
    QTest::newRow("NY April (EDT)") << QByteArray("America/New_York") << 2027 << 4 << "2027-04-01T04:00:00Z";
    QTest::newRow("London April (BST)") << QByteArray("Europe/London") << 2027 << 4 << "2027-03-31T23:00:00Z";
    QTest::newRow("Kathmandu January") << QByteArray("Asia/Kathmandu") << 2027 << 1 << "2026-12-31T18:15:00Z";
    QTest::newRow("Chatham March") << QByteArray("Pacific/Chatham") << 2027 << 3 << "2027-02-28T10:15:00Z";
    QTest::newRow("Lord Howe May") << QByteArray("Australia/Lord_Howe") << 2027 << 5 << "2027-04-30T13:30:00Z";
    QTest::newRow("UTC leap February") << QByteArray("UTC") << 2028 << 2 << "2028-02-01T00:00:00Z";
    // SPEC §3: 00:00 in a DST gap -> the instant the gap ends; 00:00 twice ->
    // the earlier one. Transitions at local midnight (zdump -v):
    // Asuncion 2023-10-01 00:00 -04 -> 01:00 -03 at 04:00Z (gap);
    // Amman 2016-04-01 00:00 +02 -> 01:00 +03 at 22:00Z on Mar 31 (gap);
    // Havana 2026-11-01 01:00 CDT -> 00:00 CST at 05:00Z (00:00 at 04:00Z and 05:00Z).
    QTest::newRow("Asuncion October 2023, midnight in the gap") << QByteArray("America/Asuncion") << 2023 << 10 << "2023-10-01T04:00:00Z";
    QTest::newRow("Amman April 2016, midnight in the gap") << QByteArray("Asia/Amman") << 2016 << 4 << "2016-03-31T22:00:00Z";
    QTest::newRow("Havana November 2026, midnight twice") << QByteArray("America/Havana") << 2026 << 11 << "2026-11-01T04:00:00Z";
}

void TestCalendar::monthStart()
{
    QFETCH(QByteArray, zone);
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(QString, expected);

    const ZonedCalendar calendar = calendarFor(zone);
    const Instant start = calendar.monthStart(YearMonth{year, month});
    QCOMPARE(start.toString(), expected);
    QCOMPARE(start.msecs(), iso(expected).msecs());
    // The start belongs to its month; one millisecond earlier is the month before.
    QCOMPARE(calendar.monthOf(start).toString(), YearMonth({year, month}).toString());
    QCOMPARE(calendar.monthOf(start.plusMsecs(-1)).toString(),
             YearMonth::fromIndex(YearMonth{year, month}.index() - 1).toString());
}

void TestCalendar::monthOf_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Tokyo April starts") << QByteArray("Asia/Tokyo") << "2027-03-31T15:00:00Z" << "2027-04";
    QTest::newRow("Tokyo 1 ms earlier") << QByteArray("Asia/Tokyo") << "2027-03-31T14:59:59.999Z" << "2027-03";
    QTest::newRow("NY still April") << QByteArray("America/New_York") << "2027-05-01T03:59:59.999Z" << "2027-04";
    QTest::newRow("NY May starts") << QByteArray("America/New_York") << "2027-05-01T04:00:00Z" << "2027-05";
    QTest::newRow("Kathmandu New Year") << QByteArray("Asia/Kathmandu") << "2026-12-31T18:15:00Z" << "2027-01";
    QTest::newRow("Kathmandu old year") << QByteArray("Asia/Kathmandu") << "2026-12-31T18:14:59.999Z" << "2026-12";
    QTest::newRow("Chatham March (+13:45)") << QByteArray("Pacific/Chatham") << "2027-02-28T10:15:00Z" << "2027-03";
    QTest::newRow("Lord Howe April (+11)") << QByteArray("Australia/Lord_Howe") << "2027-03-31T13:00:00Z" << "2027-04";
    QTest::newRow("UTC last ms of year") << QByteArray("UTC") << "2027-12-31T23:59:59.999Z" << "2027-12";
    QTest::newRow("UTC new year") << QByteArray("UTC") << "2028-01-01T00:00:00Z" << "2028-01";
    QTest::newRow("UTC before 1970") << QByteArray("UTC") << "1969-12-31T23:59:59.999Z" << "1969-12";
    QTest::newRow("Asuncion 23:59:59 local before the gap") << QByteArray("America/Asuncion") << "2023-10-01T03:59:59Z" << "2023-09";
    QTest::newRow("Havana second midnight is still November") << QByteArray("America/Havana") << "2026-11-01T05:00:00Z" << "2026-11";
    QTest::newRow("Havana 23:59:59 CDT is October") << QByteArray("America/Havana") << "2026-11-01T03:59:59Z" << "2026-10";
}

void TestCalendar::monthOf()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, at);
    QFETCH(QString, expected);
    QCOMPARE(calendarFor(zone).monthOf(iso(at)).toString(), expected);
}

void TestCalendar::localMinuteOfDay_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("at");
    QTest::addColumn<int>("expected");

    QTest::newRow("NY 03:30 EDT") << QByteArray("America/New_York") << "2027-03-14T07:30:00Z" << 210;
    QTest::newRow("NY 01:59 EST") << QByteArray("America/New_York") << "2027-03-14T06:59:00Z" << 119;
    QTest::newRow("NY first 01:30") << QByteArray("America/New_York") << "2027-11-07T05:30:00Z" << 90;
    QTest::newRow("NY second 01:30") << QByteArray("America/New_York") << "2027-11-07T06:30:00Z" << 90;
    QTest::newRow("Kathmandu 05:45") << QByteArray("Asia/Kathmandu") << "2027-01-01T00:00:00Z" << 345;
    QTest::newRow("Chatham 12:45") << QByteArray("Pacific/Chatham") << "2027-07-01T00:00:00Z" << 765;
    QTest::newRow("Lord Howe 01:59:59") << QByteArray("Australia/Lord_Howe") << "2027-10-02T15:29:59.999Z" << 119;
    QTest::newRow("Lord Howe 02:30") << QByteArray("Australia/Lord_Howe") << "2027-10-02T15:30:00Z" << 150;
    QTest::newRow("Lord Howe first 01:45") << QByteArray("Australia/Lord_Howe") << "2027-04-03T14:45:00Z" << 105;
    QTest::newRow("Lord Howe second 01:45") << QByteArray("Australia/Lord_Howe") << "2027-04-03T15:15:00Z" << 105;
    QTest::newRow("Tokyo midnight") << QByteArray("Asia/Tokyo") << "2027-03-31T15:00:00Z" << 0;
    QTest::newRow("UTC before 1970") << QByteArray("UTC") << "1969-12-31T23:59:59.999Z" << 1439;
}

void TestCalendar::localMinuteOfDay()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, at);
    QFETCH(int, expected);
    QCOMPARE(calendarFor(zone).localMinuteOfDay(iso(at)), expected);
}

// One calendar asked in the given order: the offset cache must never answer
// with the offset of a range the instant is not in.
void TestCalendar::offsetsInAnyOrder_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QStringList>("instants");
    QTest::addColumn<QList<int>>("offsets");

    QTest::newRow("Paris summer, winter, summer")
        << QByteArray("Europe/Paris")
        << QStringList{"2027-07-01T00:00:00Z", "2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z"}
        << QList<int>{7200, 3600, 7200};
    QTest::newRow("Paris around both transitions")
        << QByteArray("Europe/Paris")
        << QStringList{"2027-03-28T00:59:59.999Z", "2027-03-28T01:00:00Z", "2027-03-28T00:59:59.999Z",
                       "2027-10-31T01:00:00Z", "2027-10-31T00:59:59.999Z", "2027-03-28T01:00:00Z"}
        << QList<int>{3600, 7200, 3600, 3600, 7200, 7200};
    QTest::newRow("Paris years backwards")
        << QByteArray("Europe/Paris")
        << QStringList{"2030-07-01T00:00:00Z", "2028-01-01T00:00:00Z", "2027-07-01T00:00:00Z",
                       "2026-01-01T00:00:00Z", "2030-01-01T00:00:00Z"}
        << QList<int>{7200, 3600, 7200, 3600, 3600};
    QTest::newRow("NY transitions backwards")
        << QByteArray("America/New_York")
        << QStringList{"2027-11-07T06:00:00Z", "2027-11-07T05:59:59.999Z", "2027-03-14T07:00:00Z",
                       "2027-03-14T06:59:59.999Z", "2027-11-07T06:00:00Z"}
        << QList<int>{-18000, -14400, -14400, -18000, -18000};
    QTest::newRow("Lord Howe half hours")
        << QByteArray("Australia/Lord_Howe")
        << QStringList{"2027-04-03T15:00:00Z", "2027-04-03T14:59:59.999Z", "2027-10-02T15:30:00Z",
                       "2027-10-02T15:29:59.999Z", "2027-01-01T00:00:00Z"}
        << QList<int>{37800, 39600, 39600, 37800, 39600};
    QTest::newRow("Chatham")
        << QByteArray("Pacific/Chatham")
        << QStringList{"2027-07-01T00:00:00Z", "2027-02-01T00:00:00Z", "2027-09-25T14:00:00Z",
                       "2027-09-25T13:59:59.999Z"}
        << QList<int>{45900, 49500, 49500, 45900};
    QTest::newRow("UTC") << QByteArray("UTC") << QStringList{"2027-07-01T00:00:00Z", "1969-01-01T00:00:00Z"}
                         << QList<int>{0, 0};
}

void TestCalendar::offsetsInAnyOrder()
{
    QFETCH(QByteArray, zone);
    QFETCH(QStringList, instants);
    QFETCH(QList<int>, offsets);
    QCOMPARE(instants.size(), offsets.size());

    const ZonedCalendar shared = calendarFor(zone);
    for (qsizetype i = 0; i < instants.size(); ++i) {
        const Instant at = iso(instants[i]);
        QVERIFY2(shared.offsetSecondsAt(at) == offsets[i],
                 qPrintable(QStringLiteral("%1: got %2, want %3")
                                .arg(instants[i])
                                .arg(shared.offsetSecondsAt(at))
                                .arg(offsets[i])));
        QCOMPARE(calendarFor(zone).offsetSecondsAt(at), offsets[i]); // a fresh cache agrees
    }
}

void TestCalendar::occurrenceIn_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("day");
    QTest::addColumn<int>("minuteOfDay");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<QString>("expected");

    const QByteArray paris = "Europe/Paris";
    QTest::newRow("31 in Feb 2028 → 29th") << paris << 31 << 9 * 60 << 2028 << 2 << "2028-02-29T08:00:00Z";
    QTest::newRow("31 in Feb 2027 → 28th") << paris << 31 << 9 * 60 << 2027 << 2 << "2027-02-28T08:00:00Z";
    QTest::newRow("31 in April → 30th") << paris << 31 << 9 * 60 << 2027 << 4 << "2027-04-30T07:00:00Z";
    QTest::newRow("30 in Feb 2028 → 29th") << paris << 30 << 9 * 60 << 2028 << 2 << "2028-02-29T08:00:00Z";
    QTest::newRow("31 in March 2028") << paris << 31 << 9 * 60 << 2028 << 3 << "2028-03-31T07:00:00Z";
    QTest::newRow("NY 14th 02:30 in gap") << QByteArray("America/New_York") << 14 << 150 << 2027 << 3
                                           << "2027-03-14T07:30:00Z";
    QTest::newRow("London 31st 01:30 overlap") << QByteArray("Europe/London") << 31 << 90 << 2027 << 10
                                                << "2027-10-31T00:30:00Z";
}

void TestCalendar::occurrenceIn()
{
    QFETCH(QByteArray, zone);
    QFETCH(int, day);
    QFETCH(int, minuteOfDay);
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(QString, expected);

    const ZonedCalendar calendar = calendarFor(zone);
    const Instant at = MonthlySchedule(day, minuteOfDay).occurrenceIn(YearMonth{year, month}, calendar);
    QCOMPARE(at.toString(), expected);
    QCOMPARE(at.msecs(), iso(expected).msecs());
}

void TestCalendar::firstAtOrAfter_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("day");
    QTest::addColumn<int>("minuteOfDay");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("expectedAt");
    QTest::addColumn<QString>("expectedMonth");

    const QByteArray paris = "Europe/Paris";
    QTest::newRow("still ahead") << paris << 15 << 540 << "2027-01-10T00:00:00Z" << "2027-01-15T08:00:00Z" << "2027-01";
    QTest::newRow("exactly now") << paris << 15 << 540 << "2027-01-15T08:00:00Z" << "2027-01-15T08:00:00Z" << "2027-01";
    QTest::newRow("1 ms past") << paris << 15 << 540 << "2027-01-15T08:00:00.001Z" << "2027-02-15T08:00:00Z"
                               << "2027-02";
    QTest::newRow("past, next in summer time") << paris << 31 << 540 << "2028-02-29T08:00:00.001Z"
                                               << "2028-03-31T07:00:00Z" << "2028-03";
    QTest::newRow("past, next year") << QByteArray("UTC") << 31 << 23 * 60 << "2027-12-31T23:00:00.001Z"
                                     << "2028-01-31T23:00:00Z" << "2028-01";
    // Local April starts on UTC March 31: the occurrence at 00:00 on the 1st.
    QTest::newRow("Tokyo, now is the local month start")
        << QByteArray("Asia/Tokyo") << 1 << 0 << "2027-03-31T15:00:00Z" << "2027-03-31T15:00:00Z" << "2027-04";
    QTest::newRow("Tokyo, 1 ms before local month start")
        << QByteArray("Asia/Tokyo") << 1 << 0 << "2027-03-31T14:59:59.999Z" << "2027-03-31T15:00:00Z" << "2027-04";
    QTest::newRow("NY gap occurrence still ahead") << QByteArray("America/New_York") << 14 << 150
                                                   << "2027-03-14T07:29:59.999Z" << "2027-03-14T07:30:00Z"
                                                   << "2027-03";
}

void TestCalendar::firstAtOrAfter()
{
    QFETCH(QByteArray, zone);
    QFETCH(int, day);
    QFETCH(int, minuteOfDay);
    QFETCH(QString, now);
    QFETCH(QString, expectedAt);
    QFETCH(QString, expectedMonth);

    const ZonedCalendar calendar = calendarFor(zone);
    const MonthlyOccurrence next = MonthlySchedule(day, minuteOfDay).firstAtOrAfter(iso(now), calendar);
    QCOMPARE(next.at.toString(), expectedAt);
    QCOMPARE(next.at.msecs(), iso(expectedAt).msecs());
    QCOMPARE(next.month.toString(), expectedMonth);
}

TOPUP_TEST_GUILESS_MAIN(TestCalendar)
} // namespace tst_calendar
#include "tst_calendar.moc"
