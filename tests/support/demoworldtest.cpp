#include "demoworldtest.h"

#include "checked.h"
#include "worldimage.h"

#include <QDir>
#include <QTest>

namespace topup::test {

void DemoWorldTest::initTestCase()
{
    QVERIFY2(m_root.isValid(), qPrintable(m_root.errorString()));
    m_world = m_root.filePath(QStringLiteral("demo"));
    const Expected<void> built = buildDemoWorld(m_world, at("2027-03-01T00:00:00Z"));
    QVERIFY2(built, qPrintable(built.error()));
}

void DemoWorldTest::init()
{
    // Named after the test function and its data row, emptied first.
    QString name = QString::fromLatin1(QTest::currentTestFunction());
    if (const char *row = QTest::currentDataTag())
        name += QLatin1Char('-') + QString::fromLatin1(row).replace(QLatin1Char(' '), QLatin1Char('-'));
    m_dir = m_root.filePath(name);
    QDir(m_dir).removeRecursively();
    QVERIFY2(!m_world.isEmpty() && QDir().mkpath(m_dir) && copyWorldFiles(m_world, m_dir), qPrintable(m_dir));
}

} // namespace topup::test
