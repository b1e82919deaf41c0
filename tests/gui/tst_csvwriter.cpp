// RFC 4180 quoting of the history export.
#include "testmain.h"
#include "text/csvwriter.h"

#include <QBuffer>
#include <QTest>

namespace tst_csvwriter {

using namespace topup;

class TestCsvWriter final : public QObject
{
    Q_OBJECT

private slots:
    void field_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << "Home phone" << "Home phone";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("comma") << "a,b" << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "two\nlines" << "\"two\nlines\"";
        QTest::newRow("carriage return") << "a\rb" << "\"a\rb\"";
        QTest::newRow("leading space kept") << " x " << " x ";
        QTest::newRow("unicode") << "家庭电话" << "家庭电话";
    }

    void field()
    {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QCOMPARE(CsvWriter::field(value), written);
    }

    void recordsEndWithCrLf()
    {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        CsvWriter csv(buffer);
        QVERIFY(csv.write({QStringLiteral("a"), QStringLiteral("b,c")}));
        QVERIFY(csv.write({QStringLiteral("4.50"), QString()}));
        QCOMPARE(buffer.data(), QByteArray("a,\"b,c\"\r\n4.50,\r\n"));
    }

    void aFailedWriteSaysSo()
    {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvWriter csv(buffer);
        const Expected<void> written = csv.write({QStringLiteral("a")});
        QVERIFY(!written);
        QVERIFY(written.error().startsWith(QLatin1String("could not write")));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestCsvWriter)
} // namespace tst_csvwriter
#include "tst_csvwriter.moc"
