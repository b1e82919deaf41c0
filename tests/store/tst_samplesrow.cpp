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
        const QByteArray lastOfTheDay = "1;68399999:2"; // hour 5: 19 hours to the day's end
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
        QCOMPARE(hour.text(), QByteArray("51234;0,60;3599999:9223372036854775807,3600"));
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
        QCOMPARE(buffer, QByteArray("9223372036854775807,9223372036854775807;86399999:-9223372036854775808,-9223372036854775808"));
        QCOMPARE(buffer, longest.text());
        SamplesRow one;
        one.add(300000, 12, 3);
        one.writeText(buffer);
        QCOMPARE(buffer, QByteArray("300000:12,3"));
        SamplesRow none;
        none.writeText(buffer);
        QVERIFY(buffer.isEmpty());
        QVERIFY(none.text().isEmpty());
    }

    // In any order, one instant twice is one sample (added up), as the
    // samples table's upsert did.
    void samplesKeepTheOrderOfTimeAndAddUp()
    {
        SamplesRow hour;
        hour.add(600000, 3, 1);
        hour.add(0, 1, 0);
        hour.add(600000, 4, 2);
        hour.add(300000, 2, 0);
        QCOMPARE(hour.text(), QByteArray("1;2;7,3"));
        SamplesRow more;
        more.add(300000, 10, 10);
        more.add(900000, 5, 5);
        hour.add(more);
        QCOMPARE(hour.text(), QByteArray("1;12,10;7,3;5,5"));
    }

    // A sample 5 minutes after the one before (the first: at the hour's
    // start) is its amounts only; one elsewhere — off the grid, after a gap,
    // the first later in the hour — says its instant, and the samples after
    // it follow from there. No seconds: none. Every text reads back the same.
    void theInstantsOnTheGridGoWithoutSaying()
    {
        SamplesRow row;
        row.add(600000, 5, 0);      // the first, 10 minutes in
        row.add(900000, 0, 0);      // on the grid, no use
        row.add(1200000, 0, 30);    // voice only
        row.add(1200001, 7, 0);     // 1 ms off the grid
        row.add(1500001, 8, 1);     // the grid from the one before
        row.add(3600000, 9, 2);     // after a gap
        QCOMPARE(row.text(), QByteArray("600000:5;0;0,30;1200001:7;8,1;3600000:9,2"));
        const Expected<SamplesRow> back = SamplesRow::parse(row.text(), 0);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->text(), row.text());
        QCOMPARE(back->samples().size(), std::size_t(6));
        QCOMPARE(back->samples()[3].offsetMs, qint64(1200001));
        QCOMPARE(back->samples()[4].offsetMs, qint64(1500001));
        QCOMPARE(back->samples()[4].voiceSeconds, qint64(1));
        QCOMPARE(back->samples()[2].dataBytes, qint64(0));
        QCOMPARE(back->samples()[2].voiceSeconds, qint64(30));
        // A whole day of one hour's row on the grid: no instant at all.
        SamplesRow day;
        for (qint64 at = 0; at < SamplesRow::spanMs(0); at += SamplesRow::gridMs)
            day.add(at, 1234567, at % 7);
        QVERIFY(!day.text().contains(':'));
        const Expected<SamplesRow> dayBack = SamplesRow::parse(day.text(), 0);
        QVERIFY2(dayBack, qPrintable(dayBack.error()));
        QCOMPARE(dayBack->samples().size(), std::size_t(288));
        QCOMPARE(dayBack->samples().back().offsetMs, SamplesRow::spanMs(0) - SamplesRow::gridMs);
        QCOMPARE(dayBack->text(), day.text());
        // Explicit instants that say where the grid would have put them read the same.
        const Expected<SamplesRow> said = SamplesRow::parse("0:1;300000:2,0", 0);
        QVERIFY2(said, qPrintable(said.error()));
        QCOMPARE(said->text(), QByteArray("1;2"));
    }

    void aTextThatIsNotOneIsRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("the old form, three fields") << QByteArray("0,1,0") << "sample 1 of the row is not";
        QTest::newRow("a letter") << QByteArray("1;x") << "sample 2 of the row is not";
        QTest::newRow("a space") << QByteArray("1, 1") << "sample 1 of the row is not";
        QTest::newRow("no amount after the instant") << QByteArray("300000:") << "sample 1 of the row is not";
        QTest::newRow("no instant before the colon") << QByteArray(":5") << "sample 1 of the row is not";
        QTest::newRow("two instants") << QByteArray("0:300000:5") << "sample 1 of the row is not";
        QTest::newRow("an instant after the amounts") << QByteArray("5,1:300000") << "sample 1 of the row is not";
        QTest::newRow("an empty sample") << QByteArray("1;;2") << "sample 2 of the row is not";
        QTest::newRow("past the day") << QByteArray("1;86400000:1") << "sample 2 of the row is 86400000 ms from its hour's start";
        QTest::newRow("the grid past the day") << QByteArray("86100000:1;2") << "sample 2 of the row is 86400000 ms from its hour's start";
        QTest::newRow("before the hour") << QByteArray("-5:1") << "sample 1 of the row is -5 ms from its hour's start";
        QTest::newRow("not after the one before") << QByteArray("1;300000:2;300000:3") << "sample 3 of the row is 300000 ms from its hour's start, not after";
        QTest::newRow("back in time") << QByteArray("600000:1;0:2") << "sample 2 of the row is 0 ms from its hour's start, not after";
        QTest::newRow("a trailing separator") << QByteArray("1;") << "end with";
        QTest::newRow("too large") << QByteArray("99999999999999999999") << "sample 1 of the row is not";
        QTest::newRow("a prefix of the migration") << QByteArray("not converted at store version 14: 0,1") << "sample 1 of the row is not";
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
