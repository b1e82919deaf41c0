#include "testmain.h"
#include "domain/engineid.h"

#include <QTest>

namespace tst_engineid {

using namespace topup;

// Engine ids are made and read in one place: what is made reads back as its
// row, and nothing else reads as a row.
class TestEngineId final : public QObject
{
    Q_OBJECT

private slots:
    void madeAndReadBack_data()
    {
        QTest::addColumn<qint64>("row");
        QTest::newRow("first") << qint64(1);
        QTest::newRow("twelve") << qint64(12);
        QTest::newRow("largest") << std::numeric_limits<qint64>::max();
    }

    void madeAndReadBack()
    {
        QFETCH(qint64, row);
        QCOMPARE(EngineId::method(row), QLatin1Char('M') + QString::number(row));
        QCOMPARE(EngineId::methodRow(EngineId::method(row)), std::optional<qint64>(row));
        QCOMPARE(EngineId::lineRow(EngineId::line(row)), std::optional<qint64>(row));
        QCOMPARE(EngineId::packageRow(EngineId::package(row)), std::optional<qint64>(row));
        // Each kind reads only its own letter.
        QCOMPARE(EngineId::lineRow(EngineId::method(row)), std::nullopt);
        QCOMPARE(EngineId::methodRow(EngineId::package(row)), std::nullopt);
    }

    void onlyWhatIsMadeReadsAsARow_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("empty") << QString();
        QTest::newRow("letter alone") << QStringLiteral("M");
        QTest::newRow("lower case") << QStringLiteral("m12");
        QTest::newRow("zero") << QStringLiteral("M0");
        QTest::newRow("sign") << QStringLiteral("M-3");
        QTest::newRow("plus") << QStringLiteral("M+3");
        QTest::newRow("space") << QStringLiteral("M 3");
        QTest::newRow("trailing") << QStringLiteral("M3x");
        QTest::newRow("scenario id") << QStringLiteral("visa");
        QTest::newRow("overflow") << QStringLiteral("M99999999999999999999");
    }

    void onlyWhatIsMadeReadsAsARow()
    {
        QFETCH(QString, id);
        QCOMPARE(EngineId::methodRow(id), std::nullopt);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestEngineId)
} // namespace tst_engineid
#include "tst_engineid.moc"
