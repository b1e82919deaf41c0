// A threshold shown in the form reads back as the same amount.
#include "testmain.h"
#include "text/amountunits.h"

#include <QTest>

namespace tst_amountunits {

using namespace topup;

class TestAmountUnits final : public QObject
{
    Q_OBJECT

private slots:
    void splitAndReadBack_data()
    {
        QTest::addColumn<bool>("data");
        QTest::addColumn<int>("units");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("unit");
        const int gb = int(DataUnits::Decimal);
        const int gib = int(DataUnits::Binary);
        QTest::newRow("1 GB") << true << gb << qint64(1000000000) << "1" << "GB";
        QTest::newRow("500 MB") << true << gb << qint64(500000000) << "500" << "MB";
        QTest::newRow("1.5 GB") << true << gb << qint64(1500000000) << "1.5" << "GB";
        QTest::newRow("2 GiB in MB") << true << gb << qint64(2147483648) << "2147.483648" << "MB";
        QTest::newRow("one byte") << true << gb << qint64(1) << "0.000001" << "MB";
        QTest::newRow("1.25 MB") << true << gb << qint64(1250000) << "1.25" << "MB";
        QTest::newRow("zero data") << true << gb << qint64(0) << "0" << "MB";
        QTest::newRow("2 GiB") << true << gib << qint64(2147483648) << "2" << "GiB";
        QTest::newRow("1.5 GiB") << true << gib << qint64(1610612736) << "1.5" << "GiB";
        QTest::newRow("1 GB in MiB") << true << gib << qint64(1000000000) << "953.674316" << "MiB";
        QTest::newRow("500 MB in MiB") << true << gib << qint64(500000000) << "476.837158" << "MiB";
        QTest::newRow("one byte in MiB") << true << gib << qint64(1) << "0.000001" << "MiB";
        // 11 B is 0.000010 MiB to six decimals, which reads back as 10 B.
        QTest::newRow("11 bytes in KiB") << true << gib << qint64(11) << "0.011" << "KiB";
        QTest::newRow("zero in MiB") << true << gib << qint64(0) << "0" << "MiB";
        QTest::newRow("2 h") << false << gb << qint64(7200) << "2" << "h";
        QTest::newRow("90 min") << false << gib << qint64(5400) << "90" << "min";
        QTest::newRow("90 s") << false << gb << qint64(90) << "90" << "s";
    }

    void splitAndReadBack()
    {
        QFETCH(bool, data);
        QFETCH(int, units);
        QFETCH(qint64, amount);
        QFETCH(QString, number);
        QFETCH(QString, unit);
        const AmountInUnits split = AmountUnits::split(data ? Resource::Data : Resource::Voice, amount, DataUnits(units));
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

TOPUP_TEST_GUILESS_MAIN(TestAmountUnits)
} // namespace tst_amountunits
#include "tst_amountunits.moc"
