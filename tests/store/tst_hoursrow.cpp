// A line's hourly roll-ups of one UTC day as one row of usage_hours: its
// text and back, an hour twice added up, and a text that is not one
// refused with what is wrong in it.
#include "testmain.h"
#include "store/hoursrow.h"

#include <QTest>

namespace tst_hoursrow {

using namespace topup;

class TestHoursRow final : public QObject
{
    Q_OBJECT

private slots:
    void daysCountFrom1970EvenBeforeIt()
    {
        QCOMPARE(HoursRow::dayOf(0), qint64(0));
        QCOMPARE(HoursRow::dayOf(23), qint64(0));
        QCOMPARE(HoursRow::dayOf(24), qint64(1));
        QCOMPARE(HoursRow::dayOf(-1), qint64(-1));
        QCOMPARE(HoursRow::dayOf(-24), qint64(-1));
        QCOMPARE(HoursRow::dayOf(-25), qint64(-2));
        QCOMPARE(HoursRow::firstHourOf(-2), qint64(-48));
        QCOMPARE(HoursRow::firstHourOf(20891), qint64(501384));
    }

    void theTextAndBack()
    {
        HoursRow day;
        day.add(0, 51234, 0);
        day.add(7, 0, 60);
        day.add(23, 9223372036854775807LL, -9223372036854775807LL - 1);
        QCOMPARE(day.text(), QByteArray("0,51234,0;7,0,60;23,9223372036854775807,-9223372036854775808"));
        const Expected<HoursRow> back = HoursRow::parse(day.text());
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->text(), day.text());
        QCOMPARE(back->hours().size(), std::size_t(3));
        QCOMPARE(back->hours()[2].hour, 23);
        QCOMPARE(back->hours()[2].dataBytes, 9223372036854775807LL);
    }

    // Each text replaces what the buffer held, longer or shorter.
    void theTextIntoABufferReplacesWhatItHeld()
    {
        HoursRow all;
        for (int hour = 23; hour >= 0; --hour)
            all.add(hour, -9223372036854775807LL - 1, 9223372036854775807LL);
        QByteArray buffer("left over");
        all.writeText(buffer);
        QCOMPARE(buffer, all.text());
        QCOMPARE(buffer.count(';'), 23);
        QVERIFY(buffer.startsWith("0,-9223372036854775808,9223372036854775807;1,"));
        HoursRow one;
        one.add(5, 12, 3);
        one.writeText(buffer);
        QCOMPARE(buffer, QByteArray("5,12,3"));
    }

    // In any order, an hour twice is one hour, added up (a run that ended
    // inside an hour, a save that continues the day a save left open).
    void hoursKeepTheirOrderAndAddUp()
    {
        HoursRow day;
        day.add(10, 3, 1);
        day.add(2, 1, 0);
        day.add(10, 4, 2);
        day.add(5, 2, 0);
        QCOMPARE(day.text(), QByteArray("2,1,0;5,2,0;10,7,3"));
        HoursRow more;
        more.add(5, 10, 10);
        more.add(11, 5, 5);
        day.add(more);
        QCOMPARE(day.text(), QByteArray("2,1,0;5,12,10;10,7,3;11,5,5"));
    }

    void aTextThatIsNotOneIsRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray() << "the row holds no hours";
        QTest::newRow("two fields") << QByteArray("0,1") << "hour 1 of the row is not \"hour,bytes,seconds\"";
        QTest::newRow("a letter") << QByteArray("0,1,0;3,x,0") << "hour 2 of the row is not";
        QTest::newRow("a space") << QByteArray("0, 1,0") << "hour 1 of the row is not";
        QTest::newRow("four fields") << QByteArray("0,1,0,5") << "hour 1 of the row is not";
        QTest::newRow("past the day") << QByteArray("0,1,0;24,1,0") << "hour 2 of the row is hour 24 of its day, not one of 0 to 23";
        QTest::newRow("before the day") << QByteArray("-1,1,0") << "hour 1 of the row is hour -1 of its day";
        QTest::newRow("out of order") << QByteArray("5,1,0;3,1,0") << "hour 2 of the row is hour 3 of its day, not after the one before it";
        QTest::newRow("twice") << QByteArray("5,1,0;5,1,0") << "hour 2 of the row is hour 5 of its day, not after";
        QTest::newRow("a trailing separator") << QByteArray("0,1,0;") << "end with";
        QTest::newRow("too large") << QByteArray("0,99999999999999999999,0") << "hour 1 of the row is not";
    }

    void aTextThatIsNotOneIsRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, says);
        const Expected<HoursRow> day = HoursRow::parse(text);
        QVERIFY(!day);
        QVERIFY2(day.error().contains(says), qPrintable(day.error()));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestHoursRow)
} // namespace tst_hoursrow
#include "tst_hoursrow.moc"
