#include "testmain.h"
#include "domain/dataamount.h"
#include "domain/voiceamount.h"

#include <QTest>

namespace tst_amounts {

using namespace topup;

// SPEC §1: data and voice amounts. An empty `error` column means the text must
// parse to `expected`; otherwise parsing must fail with a message containing it.
class TestAmounts final : public QObject
{
    Q_OBJECT

private slots:
    void dataParse_data();
    void dataParse();
    void voiceParse_data();
    void voiceParse();
    void dataToString_data();
    void dataToString();
    void voiceToString_data();
    void voiceToString();
};

void TestAmounts::dataParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QString>("error");

    // Every unit, decimal and binary.
    QTest::newRow("0B") << "0B" << qint64(0) << QString();
    QTest::newRow("1B") << "1B" << qint64(1) << QString();
    QTest::newRow("1KB") << "1KB" << qint64(1000) << QString();
    QTest::newRow("1MB") << "1MB" << qint64(1000000) << QString();
    QTest::newRow("1GB") << "1GB" << qint64(1000000000) << QString();
    QTest::newRow("2TB") << "2TB" << qint64(2000000000000) << QString();
    QTest::newRow("1KiB") << "1KiB" << qint64(1024) << QString();
    QTest::newRow("1MiB") << "1MiB" << qint64(1048576) << QString();
    QTest::newRow("2GiB") << "2GiB" << qint64(2147483648) << QString();
    QTest::newRow("1TiB") << "1TiB" << qint64(1099511627776) << QString();
    QTest::newRow("1.5MiB") << "1.5MiB" << qint64(1572864) << QString();
    // Case-insensitive units, one optional space.
    QTest::newRow("1.5gb") << "1.5gb" << qint64(1500000000) << QString();
    QTest::newRow("500 Mb") << "500 Mb" << qint64(500000000) << QString();
    QTest::newRow("500 MB") << "500 MB" << qint64(500000000) << QString();
    QTest::newRow("3kib") << "3kib" << qint64(3072) << QString();
    QTest::newRow("1 TIB") << "1 TIB" << qint64(1099511627776) << QString();
    QTest::newRow("7b") << "7b" << qint64(7) << QString();
    QTest::newRow("leading zeros") << "007KB" << qint64(7000) << QString();
    // Units are compared under Unicode case folding, where U+212A KELVIN
    // SIGN is a 'k' (ASCII units are compared on a faster path; these
    // keep the two ways one).
    QTest::newRow("kelvin sign") << QStringLiteral("1\u212AB") << qint64(1000) << QString();
    QTest::newRow("dotted capital I") << QStringLiteral("1M\u0130B") << qint64(0) << QStringLiteral("unknown unit");
    // Up to 6 decimals, half-up to whole bytes.
    QTest::newRow("0.5B half up") << "0.5B" << qint64(1) << QString();
    QTest::newRow("0.4B down") << "0.4B" << qint64(0) << QString();
    QTest::newRow("0.499999B down") << "0.499999B" << qint64(0) << QString();
    QTest::newRow("0.0005KB half up") << "0.0005KB" << qint64(1) << QString();
    QTest::newRow("0.0004KB down") << "0.0004KB" << qint64(0) << QString();
    QTest::newRow("0.000001KB") << "0.000001KB" << qint64(0) << QString();
    QTest::newRow("0.000001GB") << "0.000001GB" << qint64(1000) << QString();
    QTest::newRow("1.000001MB") << "1.000001MB" << qint64(1000001) << QString();
    QTest::newRow("0.000488KiB down") << "0.000488KiB" << qint64(0) << QString(); // 0.499712
    QTest::newRow("0.000489KiB up") << "0.000489KiB" << qint64(1) << QString();   // 0.500736
    QTest::newRow("0.1KiB") << "0.1KiB" << qint64(102) << QString();              // 102.4
    QTest::newRow("1.123456GiB") << "1.123456GiB" << qint64(1206301695) << QString();
    QTest::newRow("0.000001TiB") << "0.000001TiB" << qint64(1099512) << QString(); // 1099511.627776
    QTest::newRow("0.999999TiB") << "0.999999TiB" << qint64(1099510528264) << QString();
    QTest::newRow("6 decimals GB") << "0.123456GB" << qint64(123456000) << QString();
    // The edge of int64.
    QTest::newRow("int64 max") << "9223372036854775807B" << qint64(9223372036854775807) << QString();
    QTest::newRow("int64 max .4") << "9223372036854775807.4B" << qint64(9223372036854775807) << QString();
    QTest::newRow("9223372TB fits") << "9223372TB" << qint64(9223372000000000000) << QString();
    QTest::newRow("9223372.036854TB") << "9223372.036854TB" << qint64(9223372036854000000) << QString();
    QTest::newRow("8388607.999999TiB") << "8388607.999999TiB" << qint64(9223372036853676296) << QString();

    // Errors.
    const QString notAmount = QStringLiteral("not an amount");
    const QString tooLarge = QStringLiteral("too large");
    QTest::newRow("int64 max + 1") << "9223372036854775808B" << qint64(0) << tooLarge;
    QTest::newRow("int64 max .5 rounds over") << "9223372036854775807.5B" << qint64(0) << tooLarge;
    QTest::newRow("9223373TB") << "9223373TB" << qint64(0) << tooLarge;
    QTest::newRow("9223372.036855TB") << "9223372.036855TB" << qint64(0) << tooLarge;
    QTest::newRow("8388608TiB = 2^63") << "8388608TiB" << qint64(0) << tooLarge;
    QTest::newRow("20 digits") << "99999999999999999999B" << qint64(0) << tooLarge;
    QTest::newRow("7 decimals") << "1.0000005KB" << qint64(0) << QStringLiteral("more than 6 decimals");
    QTest::newRow("7 decimals tiny") << "0.0000005GB" << qint64(0) << QStringLiteral("more than 6 decimals");
    QTest::newRow("negative") << "-1MB" << qint64(0) << QStringLiteral("must not be negative");
    QTest::newRow("plus sign") << "+1MB" << qint64(0) << notAmount;
    QTest::newRow("empty") << "" << qint64(0) << notAmount;
    QTest::newRow("unit only") << "MB" << qint64(0) << notAmount;
    QTest::newRow("no unit") << "5" << qint64(0) << QStringLiteral("missing unit");
    QTest::newRow("no unit, space") << "5 " << qint64(0) << QStringLiteral("missing unit");
    QTest::newRow("unknown unit GBB") << "5GBB" << qint64(0) << QStringLiteral("unknown unit \"GBB\"");
    QTest::newRow("unknown unit s") << "5s" << qint64(0) << QStringLiteral("unknown unit \"s\"");
    QTest::newRow("unknown unit M") << "5 M" << qint64(0) << QStringLiteral("unknown unit \"M\"");
    QTest::newRow("garbage") << "abc" << qint64(0) << notAmount;
    QTest::newRow("no leading digit") << ".5GB" << qint64(0) << notAmount;
    QTest::newRow("no decimals after dot") << "5.GB" << qint64(0) << notAmount;
    QTest::newRow("exponent") << "1e3MB" << qint64(0) << notAmount;
    QTest::newRow("two spaces") << "5  MB" << qint64(0) << notAmount;
    QTest::newRow("tab") << "5\tMB" << qint64(0) << notAmount;
    QTest::newRow("leading space") << " 5MB" << qint64(0) << notAmount;
    QTest::newRow("trailing space") << "5MB " << qint64(0) << notAmount;
    QTest::newRow("decimal comma") << "1,5GB" << qint64(0) << notAmount;
    QTest::newRow("space inside unit") << "5 M B" << qint64(0) << notAmount;
    QTest::newRow("two dots") << "1.2.3MB" << qint64(0) << notAmount;
    QTest::newRow("fullwidth digit") << QStringLiteral("\uFF15MB") << qint64(0) << notAmount;
}

void TestAmounts::dataParse()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    QFETCH(QString, error);

    const Expected<DataAmount> parsed = DataAmount::parse(text);
    if (error.isEmpty()) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed->bytes(), expected);
    } else {
        QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("parsed as %1").arg(parsed ? parsed->bytes() : 0)));
        QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
    }
}

void TestAmounts::voiceParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("90s") << "90s" << qint64(90) << QString();
    QTest::newRow("0s") << "0s" << qint64(0) << QString();
    QTest::newRow("30 min") << "30 min" << qint64(1800) << QString();
    QTest::newRow("1.5h") << "1.5h" << qint64(5400) << QString();
    QTest::newRow("2MIN") << "2MIN" << qint64(120) << QString();
    QTest::newRow("1.5H") << "1.5H" << qint64(5400) << QString();
    QTest::newRow("long s") << QStringLiteral("5\u017F") << qint64(5) << QString(); // U+017F folds to 's'
    QTest::newRow("45 S") << "45 S" << qint64(45) << QString();
    QTest::newRow("2 Min") << "2 Min" << qint64(120) << QString();
    QTest::newRow("0.5s half up") << "0.5s" << qint64(1) << QString();
    QTest::newRow("0.4s down") << "0.4s" << qint64(0) << QString();
    QTest::newRow("0.008333min down") << "0.008333min" << qint64(0) << QString(); // 0.49998 s
    QTest::newRow("0.008334min up") << "0.008334min" << qint64(1) << QString();   // 0.50004 s
    QTest::newRow("0.000138h down") << "0.000138h" << qint64(0) << QString();     // 0.4968 s
    QTest::newRow("0.000139h up") << "0.000139h" << qint64(1) << QString();       // 0.5004 s
    QTest::newRow("0.123456h") << "0.123456h" << qint64(444) << QString();        // 444.4416 s
    QTest::newRow("int64 max s") << "9223372036854775807s" << qint64(9223372036854775807) << QString();
    QTest::newRow("max min") << "153722867280912930min" << qint64(9223372036854775800) << QString();
    QTest::newRow("max h") << "2562047788015215h" << qint64(9223372036854774000) << QString();

    const QString notAmount = QStringLiteral("not an amount");
    const QString tooLarge = QStringLiteral("too large");
    QTest::newRow("s overflow") << "9223372036854775808s" << qint64(0) << tooLarge;
    QTest::newRow("min overflow") << "153722867280912931min" << qint64(0) << tooLarge;
    QTest::newRow("h overflow") << "2562047788015216h" << qint64(0) << tooLarge;
    QTest::newRow("7 decimals") << "1.0000005h" << qint64(0) << QStringLiteral("more than 6 decimals");
    QTest::newRow("negative") << "-30s" << qint64(0) << QStringLiteral("must not be negative");
    QTest::newRow("empty") << "" << qint64(0) << notAmount;
    QTest::newRow("unit only") << "min" << qint64(0) << notAmount;
    QTest::newRow("no unit") << "90" << qint64(0) << QStringLiteral("missing unit");
    QTest::newRow("m is not a unit") << "5m" << qint64(0) << QStringLiteral("unknown unit \"m\"");
    QTest::newRow("sec") << "5 sec" << qint64(0) << QStringLiteral("unknown unit \"sec\"");
    QTest::newRow("data unit") << "5GB" << qint64(0) << QStringLiteral("unknown unit \"GB\"");
    QTest::newRow("two spaces") << "30  min" << qint64(0) << notAmount;
    QTest::newRow("leading space") << " 30min" << qint64(0) << notAmount;
    QTest::newRow("trailing space") << "30min " << qint64(0) << notAmount;
    QTest::newRow("no leading digit") << ".5h" << qint64(0) << notAmount;
    QTest::newRow("exponent") << "1e2s" << qint64(0) << notAmount;
    QTest::newRow("clock form") << "1:30h" << qint64(0) << notAmount;
}

void TestAmounts::voiceParse()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    QFETCH(QString, error);

    const Expected<VoiceAmount> parsed = VoiceAmount::parse(text);
    if (error.isEmpty()) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed->seconds(), expected);
    } else {
        QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("parsed as %1").arg(parsed ? parsed->seconds() : 0)));
        QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
    }
}

void TestAmounts::dataToString_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << "0 B";
    QTest::newRow("999 B") << qint64(999) << "999 B";
    QTest::newRow("1 KB") << qint64(1000) << "1 KB";
    QTest::newRow("1.5 KB") << qint64(1500) << "1.5 KB";
    QTest::newRow("800 MB") << qint64(800000000) << "800 MB";
    QTest::newRow("1.5 GB") << qint64(1500000000) << "1.5 GB";
    QTest::newRow("1.25 MB half up") << qint64(1250000) << "1.3 MB";
    QTest::newRow("1.24 MB down") << qint64(1249999) << "1.2 MB";
    QTest::newRow("1.04 GB drops .0") << qint64(1040000000) << "1 GB";
    QTest::newRow("1 GiB") << qint64(1073741824) << "1.1 GB";
    QTest::newRow("2 TB") << qint64(2000000000000) << "2 TB";
    QTest::newRow("5000 TB stays TB") << qint64(5000000000000000) << "5000 TB";
    QTest::newRow("int64 max") << qint64(9223372036854775807) << "9223372 TB";
    // Rounding up to the next unit should name that unit, not "1000 KB".
    QTest::newRow("999950 B carries to MB") << qint64(999950) << "1 MB";
}

void TestAmounts::dataToString()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(DataAmount(bytes).toString(), expected);
}

void TestAmounts::voiceToString_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << "0 s";
    QTest::newRow("20 s") << qint64(20) << "20 s";
    QTest::newRow("45 min") << qint64(45 * 60) << "45 min";
    QTest::newRow("1 h 30 min") << qint64(5400) << "1 h 30 min";
    QTest::newRow("1 h 5 s") << qint64(3605) << "1 h 5 s";
    QTest::newRow("2 h 1 min 1 s") << qint64(7261) << "2 h 1 min 1 s";
    QTest::newRow("25 h") << qint64(25 * 3600) << "25 h";
}

void TestAmounts::voiceToString()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(VoiceAmount(seconds).toString(), expected);
}

TOPUP_TEST_GUILESS_MAIN(TestAmounts)
} // namespace tst_amounts
#include "tst_amounts.moc"
