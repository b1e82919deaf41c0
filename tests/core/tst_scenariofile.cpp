// Reading a scenario's bytes with a bound (README, "Limits"): a file over
// the limit is refused after reading little more than the limit, never
// loaded whole, so an endless source such as /dev/zero ends with a message.
#include "testmain.h"
#include "scenario/scenariofile.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

namespace tst_scenariofile {

using namespace topup;

class TestScenarioFile final : public QObject
{
    Q_OBJECT

private slots:
    void sizesAroundTheLimit_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("empty") << qint64(0) << qint64(10) << true;
        QTest::newRow("at the limit") << qint64(10) << qint64(10) << true;
        QTest::newRow("one byte over") << qint64(11) << qint64(10) << false;
        QTest::newRow("several chunks, at the limit") << 3 * ScenarioFile::chunkBytes + 5 << 3 * ScenarioFile::chunkBytes + 5 << true;
        QTest::newRow("several chunks, one byte over") << 3 * ScenarioFile::chunkBytes + 6 << 3 * ScenarioFile::chunkBytes + 5 << false;
    }

    void sizesAroundTheLimit()
    {
        QFETCH(qint64, size);
        QFETCH(qint64, limit);
        QFETCH(bool, accepted);
        QByteArray bytes(size, 'x');
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const Expected<QByteArray> read = ScenarioFile::read(buffer, limit);
        QCOMPARE(read.ok(), accepted);
        if (accepted)
            QCOMPARE(*read, bytes);
        else
            QVERIFY(buffer.pos() <= limit + 1); // stopped right after the limit
    }

    void theDefaultLimitIsNamed()
    {
        QFile zero(QStringLiteral("/dev/zero"));
        if (!zero.open(QIODevice::ReadOnly))
            QSKIP("no /dev/zero here");
        const Expected<QByteArray> read = ScenarioFile::read(zero);
        QVERIFY(!read);
        QCOMPARE(read.error(), QStringLiteral("larger than 16 MiB, the limit for a scenario file"));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestScenarioFile)
} // namespace tst_scenariofile
#include "tst_scenariofile.moc"
