// A line's 5-minute samples from an hour to at most the end of its UTC day
// as one row of usage_recent: its text and back, samples at one instant
// added up, and a text that is not one refused with what is wrong in it.
#include "testmain.h"
#include "store/samplesrow.h"

#include <QTest>

namespace tst_samplesrow {

using namespace topup;

class TestSamplesRow final : public QObject
{
    Q_OBJECT

private slots:
    void hoursCountFrom1970EvenBeforeIt()
    {
        QCOMPARE(SamplesRow::hourOf(0), qint64(0));
        QCOMPARE(SamplesRow::hourOf(3599999), qint64(0));
        QCOMPARE(SamplesRow::hourOf(3600000), qint64(1));
        QCOMPARE(SamplesRow::hourOf(-1), qint64(-1));
        QCOMPARE(SamplesRow::hourOf(-3600000), qint64(-1));
        QCOMPARE(SamplesRow::hourOf(-3600001), qint64(-2));
        QCOMPARE(SamplesRow::startOf(-2), qint64(-7200000));
    }

    // A row holds samples from its hour to the end of that UTC day.
    void aRowSpansToTheEndOfItsHoursUtcDay()
    {
        QCOMPARE(SamplesRow::dayStartOf(0), qint64(0));
        QCOMPARE(SamplesRow::dayStartOf(23), qint64(0));
        QCOMPARE(SamplesRow::dayStartOf(24), qint64(24));
        QCOMPARE(SamplesRow::dayStartOf(-1), qint64(-24));
        QCOMPARE(SamplesRow::dayStartOf(-24), qint64(-24));
        QCOMPARE(SamplesRow::dayStartOf(-25), qint64(-48));
        QCOMPARE(SamplesRow::spanMs(0), 24 * SamplesRow::msPerHour);
        QCOMPARE(SamplesRow::spanMs(29), 19 * SamplesRow::msPerHour);
        QCOMPARE(SamplesRow::spanMs(-1), SamplesRow::msPerHour);
        const QByteArray lastOfTheDay = "0,1,0;68399999,2,0"; // hour 5: 19 hours to the day's end
        const Expected<SamplesRow> fromFive = SamplesRow::parse(lastOfTheDay, 29);
        QVERIFY2(fromFive, qPrintable(fromFive.error()));
        QCOMPARE(fromFive->samples().size(), std::size_t(2));
        const Expected<SamplesRow> fromSix = SamplesRow::parse(lastOfTheDay, 30);
        QVERIFY(!fromSix);
        QVERIFY2(fromSix.error().contains(QLatin1String("sample 2 of the row is 68399999 ms from its hour's start, outside the hour's UTC day")),
                 qPrintable(fromSix.error()));
    }

    void theTextAndBack()
    {
        SamplesRow hour;
        hour.add(0, 51234, 0);
        hour.add(300000, 0, 60);
        hour.add(3599999, 9223372036854775807LL, 3600);
        QCOMPARE(hour.text(), QByteArray("0,51234,0;300000,0,60;3599999,9223372036854775807,3600"));
        const Expected<SamplesRow> back = SamplesRow::parse(hour.text(), 0);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->text(), hour.text());
        QCOMPARE(back->samples().size(), std::size_t(3));
        QCOMPARE(back->samples()[2].dataBytes, 9223372036854775807LL);
        const Expected<SamplesRow> none = SamplesRow::parse(QByteArray(), 0);
        QVERIFY2(none, qPrintable(none.error()));
        QVERIFY(none->empty());
    }

    // A save writes thousands of rows through one buffer: each text
    // replaces what the buffer held, longer or shorter, the extremes of
    // every number included.
    void theTextIntoABufferReplacesWhatItHeld()
    {
        SamplesRow longest;
        longest.add(86399999, -9223372036854775807LL - 1, -9223372036854775807LL - 1);
        longest.add(0, 9223372036854775807LL, 9223372036854775807LL);
        QByteArray buffer("left over from another row, longer than the next text, and then some more");
        longest.writeText(buffer);
        QCOMPARE(buffer, QByteArray("0,9223372036854775807,9223372036854775807;86399999,-9223372036854775808,-9223372036854775808"));
        QCOMPARE(buffer, longest.text());
        SamplesRow one;
        one.add(300000, 12, 3);
        one.writeText(buffer);
        QCOMPARE(buffer, QByteArray("300000,12,3"));
        SamplesRow none;
        none.writeText(buffer);
        QVERIFY(buffer.isEmpty());
        QVERIFY(none.text().isEmpty());
    }

    // In any order, one instant twice is one sample (added up), as the
    // samples table's upsert did; a text written out of order (the
    // migration's) reads back in order.
    void samplesKeepTheOrderOfTimeAndAddUp()
    {
        SamplesRow hour;
        hour.add(600000, 3, 1);
        hour.add(0, 1, 0);
        hour.add(600000, 4, 2);
        hour.add(300000, 2, 0);
        QCOMPARE(hour.text(), QByteArray("0,1,0;300000,2,0;600000,7,3"));
        SamplesRow more;
        more.add(300000, 10, 10);
        more.add(900000, 5, 5);
        hour.add(more);
        QCOMPARE(hour.text(), QByteArray("0,1,0;300000,12,10;600000,7,3;900000,5,5"));
        const Expected<SamplesRow> unordered = SamplesRow::parse("600000,7,3;0,1,0", 0);
        QVERIFY2(unordered, qPrintable(unordered.error()));
        QCOMPARE(unordered->text(), QByteArray("0,1,0;600000,7,3"));
    }

    void aTextThatIsNotOneIsRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("two fields") << QByteArray("0,1") << "sample 1 of the row is not";
        QTest::newRow("a letter") << QByteArray("0,1,0;300000,x,0") << "sample 2 of the row is not";
        QTest::newRow("a space") << QByteArray("0, 1,0") << "sample 1 of the row is not";
        QTest::newRow("four fields") << QByteArray("0,1,0,5") << "sample 1 of the row is not";
        QTest::newRow("past the day") << QByteArray("0,1,0;86400000,1,0") << "sample 2 of the row is 86400000 ms from its hour's start";
        QTest::newRow("before the hour") << QByteArray("-5,1,0") << "sample 1 of the row is -5 ms from its hour's start";
        QTest::newRow("a trailing separator") << QByteArray("0,1,0;") << "end with";
        QTest::newRow("too large") << QByteArray("0,99999999999999999999,0") << "sample 1 of the row is not";
    }

    void aTextThatIsNotOneIsRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, says);
        const Expected<SamplesRow> hour = SamplesRow::parse(text, 0);
        QVERIFY(!hour);
        QVERIFY2(hour.error().contains(says), qPrintable(hour.error()));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestSamplesRow)
} // namespace tst_samplesrow
#include "tst_samplesrow.moc"
