// A threshold shown in the form reads back as the same amount.
#include "pages/amountunits.h"

#include <QTest>

using namespace topup;

class TestAmountUnits final : public QObject
{
    Q_OBJECT

private slots:
    void splitAndReadBack_data()
    {
        QTest::addColumn<bool>("data");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("unit");
        QTest::newRow("1 GB") << true << qint64(1000000000) << "1" << "GB";
        QTest::newRow("500 MB") << true << qint64(500000000) << "500" << "MB";
        QTest::newRow("1.5 GB in MB") << true << qint64(1500000000) << "1500" << "MB";
        QTest::newRow("2 GiB") << true << qint64(2147483648) << "2" << "GiB";
        QTest::newRow("one byte") << true << qint64(1) << "0.000001" << "MB";
        QTest::newRow("1.25 MB") << true << qint64(1250000) << "1.25" << "MB";
        QTest::newRow("zero data") << true << qint64(0) << "0" << "MB";
        QTest::newRow("2 h") << false << qint64(7200) << "2" << "h";
        QTest::newRow("90 min") << false << qint64(5400) << "90" << "min";
        QTest::newRow("90 s") << false << qint64(90) << "90" << "s";
    }

    void splitAndReadBack()
    {
        QFETCH(bool, data);
        QFETCH(qint64, amount);
        QFETCH(QString, number);
        QFETCH(QString, unit);
        const AmountInUnits split = AmountUnits::split(data ? Resource::Data : Resource::Voice, amount);
        QCOMPARE(split.number, number);
        QCOMPARE(split.unit, unit);
        const QString text = split.number + QLatin1Char(' ') + split.unit;
        if (data) {
            const Expected<DataAmount> back = DataAmount::parse(text);
            QVERIFY2(back, qPrintable(back.error()));
            QCOMPARE(back->bytes(), amount);
        } else {
            const Expected<VoiceAmount> back = VoiceAmount::parse(text);
            QVERIFY2(back, qPrintable(back.error()));
            QCOMPARE(back->seconds(), amount);
        }
    }
};

QTEST_GUILESS_MAIN(TestAmountUnits)
#include "tst_amountunits.moc"
