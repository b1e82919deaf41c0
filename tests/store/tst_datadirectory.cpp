// The data folder: where it is, and its lock (the kernel's, on the folder),
// which one program holds at a time however topup.lock is tampered with.
#include "testmain.h"
#include "store/datadirectory.h"

#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

namespace tst_datadirectory {

using namespace topup;

class TestDataDirectory final : public QObject
{
    Q_OBJECT

private slots:
    void secondInstanceIsRefused()
    {
        QTemporaryDir dir;
        {
            auto first = DataDirectory::claim(dir.path());
            QVERIFY2(first, qPrintable(first.error()));
            auto second = DataDirectory::claim(dir.path());
            QVERIFY(!second);
            QVERIFY2(second.error().contains(QLatin1String("already in use")), qPrintable(second.error()));
        }
        auto third = DataDirectory::claim(dir.path());
        QVERIFY2(third, qPrintable(third.error()));
        QCOMPARE((*third)->storePath(), dir.path() + QLatin1String("/topup.sqlite"));
        QCOMPARE((*third)->journalPath(), dir.path() + QLatin1String("/gateway.sqlite"));
    }

    // The lock file only says who holds the folder: one that is empty,
    // garbage or left by a process long gone never refuses the folder.
    void staleOrGarbageLockFileIsTakenOver_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\xff\xfe not a lock \x01\n\n");
        QTest::newRow("pid 0, no host") << QByteArray("0\n\n\n");
        QTest::newRow("a process that is gone") << QByteArray("2147483646\ntopup-sim\n") + QSysInfo::machineHostName().toUtf8() + '\n';
        QTest::newRow("another machine") << QByteArray("4242\ntopup-sim\nsomewhere-else\n");
    }

    void staleOrGarbageLockFileIsTakenOver()
    {
        QFETCH(QByteArray, contents);
        QTemporaryDir dir;
        QFile lock(dir.filePath(QStringLiteral("topup.lock")));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(contents);
        lock.close();
        auto claimed = DataDirectory::claim(dir.path());
        QVERIFY2(claimed, qPrintable(claimed.error()));
        QVERIFY(!DataDirectory::claim(dir.path())); // and now it is held
    }

    // A second writer is refused however the lock file is tampered with:
    // the kernel holds the lock on the folder, not the file's existence.
    void deletedLockFileStillRefusesASecondWriter()
    {
        QTemporaryDir dir;
        auto first = DataDirectory::claim(dir.path());
        QVERIFY2(first, qPrintable(first.error()));
        QVERIFY(DataDirectory::inUse(dir.path()));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("topup.lock"))));
        auto second = DataDirectory::claim(dir.path());
        QVERIFY(!second);
        QVERIFY2(second.error().contains(QLatin1String("already in use")), qPrintable(second.error()));
        QFile garbage(dir.filePath(QStringLiteral("topup.lock")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("0\n\n\n");
        garbage.close();
        QVERIFY(!DataDirectory::claim(dir.path()));
        first.take().reset();
        QVERIFY(!DataDirectory::inUse(dir.path()));
        auto third = DataDirectory::claim(dir.path());
        QVERIFY2(third, qPrintable(third.error()));
    }

    void theLockNamesItsHolder()
    {
        QTemporaryDir dir;
        auto first = DataDirectory::claim(dir.path());
        QVERIFY2(first, qPrintable(first.error()));
        auto second = DataDirectory::claim(dir.path());
        QVERIFY(!second);
        const QString holder = QStringLiteral("process %1 on %2").arg(QCoreApplication::applicationPid()).arg(QSysInfo::machineHostName());
        QVERIFY2(second.error().contains(holder), qPrintable(second.error()));
        first.take().reset();
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("topup.lock")))); // the holder removes it
    }

    void unwritableFolderIsAClearMessage()
    {
        // /proc is read-only even for root.
        auto claimed = DataDirectory::claim(QStringLiteral("/proc/topup-test-data"));
        QVERIFY(!claimed);
        QVERIFY2(claimed.error().contains(QLatin1String("/proc/topup-test-data")), qPrintable(claimed.error()));
        auto existing = DataDirectory::claim(QStringLiteral("/proc/self"));
        QVERIFY(!existing);
        QVERIFY2(existing.error().contains(QLatin1String("read-only")), qPrintable(existing.error()));
    }

    void resolvesTheFolder()
    {
        QCOMPARE(DataDirectory::resolve(QStringLiteral("/tmp/a/../b")), QStringLiteral("/tmp/b"));
        qputenv("TOPUP_DATA_DIR", "/tmp/from-env");
        QCOMPARE(DataDirectory::resolve(QString()), QStringLiteral("/tmp/from-env"));
        QCOMPARE(DataDirectory::resolve(QStringLiteral("/tmp/option")), QStringLiteral("/tmp/option"));
        qunsetenv("TOPUP_DATA_DIR");
        QVERIFY(!DataDirectory::resolve(QString()).isEmpty());
    }
};

TOPUP_TEST_GUILESS_MAIN(TestDataDirectory)
} // namespace tst_datadirectory
#include "tst_datadirectory.moc"
