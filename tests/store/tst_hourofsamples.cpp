// A line-hour of 5-minute samples as one row of usage_recent: its text
// and back, samples at one instant added up, and a text that is not one
// refused with what is wrong in it.
#include "testmain.h"
#include "store/hourofsamples.h"

#include <QTest>

namespace tst_hourofsamples {

using namespace topup;

class TestHourOfSamples final : public QObject
{
    Q_OBJECT

private slots:
    void hoursCountFrom1970EvenBeforeIt()
    {
        QCOMPARE(HourOfSamples::hourOf(0), qint64(0));
        QCOMPARE(HourOfSamples::hourOf(3599999), qint64(0));
        QCOMPARE(HourOfSamples::hourOf(3600000), qint64(1));
        QCOMPARE(HourOfSamples::hourOf(-1), qint64(-1));
        QCOMPARE(HourOfSamples::hourOf(-3600000), qint64(-1));
        QCOMPARE(HourOfSamples::hourOf(-3600001), qint64(-2));
        QCOMPARE(HourOfSamples::startOf(-2), qint64(-7200000));
    }

    void theTextAndBack()
    {
        HourOfSamples hour;
        hour.add(0, 51234, 0);
        hour.add(300000, 0, 60);
        hour.add(3599999, 9223372036854775807LL, 3600);
        QCOMPARE(hour.text(), QByteArray("0,51234,0;300000,0,60;3599999,9223372036854775807,3600"));
        const Expected<HourOfSamples> back = HourOfSamples::parse(hour.text());
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->text(), hour.text());
        QCOMPARE(back->samples().size(), std::size_t(3));
        QCOMPARE(back->samples()[2].dataBytes, 9223372036854775807LL);
        const Expected<HourOfSamples> none = HourOfSamples::parse(QByteArray());
        QVERIFY2(none, qPrintable(none.error()));
        QVERIFY(none->empty());
    }

    // A save writes thousands of rows through one buffer: each text
    // replaces what the buffer held, longer or shorter, the extremes of
    // every number included.
    void theTextIntoABufferReplacesWhatItHeld()
    {
        HourOfSamples longest;
        longest.add(3599999, -9223372036854775807LL - 1, -9223372036854775807LL - 1);
        longest.add(0, 9223372036854775807LL, 9223372036854775807LL);
        QByteArray buffer("left over from another row, longer than the next text, and then some more");
        longest.writeText(buffer);
        QCOMPARE(buffer, QByteArray("0,9223372036854775807,9223372036854775807;3599999,-9223372036854775808,-9223372036854775808"));
        QCOMPARE(buffer, longest.text());
        HourOfSamples one;
        one.add(300000, 12, 3);
        one.writeText(buffer);
        QCOMPARE(buffer, QByteArray("300000,12,3"));
        HourOfSamples none;
        none.writeText(buffer);
        QVERIFY(buffer.isEmpty());
        QVERIFY(none.text().isEmpty());
    }

    // In any order, one instant twice is one sample (added up), as the
    // samples table's upsert did; a text written out of order (the
    // migration's) reads back in order.
    void samplesKeepTheOrderOfTimeAndAddUp()
    {
        HourOfSamples hour;
        hour.add(600000, 3, 1);
        hour.add(0, 1, 0);
        hour.add(600000, 4, 2);
        hour.add(300000, 2, 0);
        QCOMPARE(hour.text(), QByteArray("0,1,0;300000,2,0;600000,7,3"));
        HourOfSamples more;
        more.add(300000, 10, 10);
        more.add(900000, 5, 5);
        hour.add(more);
        QCOMPARE(hour.text(), QByteArray("0,1,0;300000,12,10;600000,7,3;900000,5,5"));
        const Expected<HourOfSamples> unordered = HourOfSamples::parse("600000,7,3;0,1,0");
        QVERIFY2(unordered, qPrintable(unordered.error()));
        QCOMPARE(unordered->text(), QByteArray("0,1,0;600000,7,3"));
    }

    void aTextThatIsNotOneIsRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("two fields") << QByteArray("0,1") << "sample 1 of the hour is not";
        QTest::newRow("a letter") << QByteArray("0,1,0;300000,x,0") << "sample 2 of the hour is not";
        QTest::newRow("a space") << QByteArray("0, 1,0") << "sample 1 of the hour is not";
        QTest::newRow("four fields") << QByteArray("0,1,0,5") << "sample 1 of the hour is not";
        QTest::newRow("past the hour") << QByteArray("0,1,0;3600000,1,0") << "sample 2 of the hour is 3600000 ms from its start";
        QTest::newRow("before the hour") << QByteArray("-5,1,0") << "sample 1 of the hour is -5 ms from its start";
        QTest::newRow("a trailing separator") << QByteArray("0,1,0;") << "end with";
        QTest::newRow("too large") << QByteArray("0,99999999999999999999,0") << "sample 1 of the hour is not";
    }

    void aTextThatIsNotOneIsRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, says);
        const Expected<HourOfSamples> hour = HourOfSamples::parse(text);
        QVERIFY(!hour);
        QVERIFY2(hour.error().contains(says), qPrintable(hour.error()));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestHourOfSamples)
} // namespace tst_hourofsamples
#include "tst_hourofsamples.moc"
