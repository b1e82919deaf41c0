// A full disk, or a file locked by another program, is said as such and
// never as damage (issue 15): nothing is changed, the programs offer to try
// again (topup-sim exits 75, the app's dialog has Try again and no Start
// fresh), and once the disk has room or the lock is gone the world opens
// and goes on with nothing lost. The full disk is SQLite's own answer to
// ENOSPC (FullDisk), the open after a crash included, where growing the
// log's index says a full disk as an I/O error.
#include "testmain.h"
#include "checked.h"
#include "demoworldtest.h"
#include "fulldisk.h"
#include "programrun.h"
#include "service/service.h"
#include "storefixture.h"
#include "store/integritycheck.h"
#include "worldimage.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

namespace tst_transientfailure {

using namespace topup;
using topup::test::at;
using topup::test::FullDisk;
using topup::test::runProgram;

namespace {

const QString sim = QStringLiteral(TOPUP_SIM);

// Holds the store of a world locked, as another program (the sqlite3 shell
// in an exclusive transaction) would: no other connection may read it.
class HeldLock final
{
public:
    explicit HeldLock(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            return;
        m_held = sqlite3_exec(m_db, "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM sqlite_master;", nullptr,
                              nullptr, nullptr)
            == SQLITE_OK;
    }
    ~HeldLock()
    {
        if (m_db) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(m_db);
        }
    }
    HeldLock(const HeldLock &) = delete;
    HeldLock &operator=(const HeldLock &) = delete;
    bool held() const noexcept { return m_held; }

private:
    sqlite3 *m_db = nullptr;
    bool m_held = false;
};

} // namespace

class TestTransientFailure final : public test::DemoWorldTest
{
    Q_OBJECT

    // A crash image of the demo world caught up to 20 March, in its own folder.
    QString crashedWorld()
    {
        const QString crashed = m_dir + QLatin1String("-crashed");
        test::takeCrashImage(m_dir, at("2027-03-20T00:00:00Z"), crashed);
        return crashed;
    }

private slots:
    // After a crash the open needs the log's index written: on a full disk
    // that fails, and used to be "damaged database (disk I/O error)".
    void aFullDiskAfterACrashIsNotDamage()
    {
        const QString crashed = crashedWorld();
        QVERIFY(!QTest::currentTestFailed());
        const QStringList before = test::worldFingerprint(crashed);
        {
            FullDisk full(crashed);
            QVERIFY(full.active());
            const Expected<std::unique_ptr<Service>> opened = test::openTestService(crashed, at("2027-03-20T00:00:00Z"));
            QVERIFY(!opened);
            QVERIFY2(opened.error().contains(QLatin1String("the disk is full")), qPrintable(opened.error()));
            QVERIFY2(!opened.error().contains(QLatin1String("damaged")), qPrintable(opened.error()));
            QVERIFY(Service::worthRetrying(crashed));
        }
        QCOMPARE(test::worldFingerprint(crashed), before);
        // Room again: the same world opens, every charge kept.
        auto service = test::openService(crashed, at("2027-03-20T00:00:00Z"));
        QVERIFY(service);
        QVERIFY(!Service::worthRetrying(crashed));
    }

    // A write that finds the disk full is rolled back whole and said as
    // such; the world is not taken for damaged, and goes on once there is room.
    void aWriteOnAFullDiskKeepsEverything()
    {
        auto service = test::openService(m_dir, at("2027-03-01T00:00:00Z"));
        QVERIFY(service);
        const auto accounts = TOPUP_VALUE(service->allAccounts());
        QVERIFY(!accounts.empty());
        TOPUP_VERIFY_OK(service->actAs(accounts.front().id));
        const Instant clock = TOPUP_VALUE(service->worldClock());
        {
            FullDisk full(m_dir);
            QVERIFY(full.active());
            const Expected<CatchUpSummary> moved = service->advanceBy(10LL * 24 * 3600 * 1000);
            QVERIFY(!moved);
            QVERIFY2(moved.error().contains(QLatin1String("the disk is full")), qPrintable(moved.error()));
            QVERIFY(Service::worthRetrying(m_dir));
            QCOMPARE(TOPUP_VALUE(service->worldClock()), clock);
        }
        QVERIFY(service->integrity() != Service::Integrity::Damaged);
        const CatchUpSummary moved = TOPUP_VALUE(service->advanceBy(10LL * 24 * 3600 * 1000));
        QVERIFY(moved.topUps > 0);
        QCOMPARE(TOPUP_VALUE(service->worldClock()).msecs(), clock.msecs() + 10LL * 24 * 3600 * 1000);
    }

    // `check` reads a copy of a crashed file and its log; where that copy
    // has no room, the file is unread, not damaged.
    void checkOnAFullDiskIsUnreadNotDamaged()
    {
        const QString crashed = crashedWorld();
        QVERIFY(!QTest::currentTestFailed());
        const QString copies = m_dir + QLatin1String("-tmp");
        QVERIFY(QDir().mkpath(copies));
        const QByteArray tmpdir = qgetenv("TMPDIR");
        qputenv("TMPDIR", copies.toLocal8Bit());
        IntegrityCheck::Result result;
        {
            FullDisk full(copies);
            QVERIFY(full.active());
            result = IntegrityCheck::runUntouched(QDir(crashed).filePath(QStringLiteral("topup.sqlite")));
        }
        qputenv("TMPDIR", tmpdir);
        QVERIFY2(result.verdict == IntegrityCheck::Verdict::Unchecked, qPrintable(result.problem));
        QCOMPARE(result.problem, QStringLiteral("the disk is full"));
    }

    // A store another program holds locked: `status` says so, exits 75
    // (try again) and never advises starting fresh; then it opens.
    void aLockedStoreIsNotDamage()
    {
        const QStringList before = test::worldFingerprint(m_dir);
        const QStringList arguments{QStringLiteral("--data-dir"), m_dir, QStringLiteral("status"), QStringLiteral("--now"),
                                    QStringLiteral("2027-03-02T00:00:00Z")};
        {
            HeldLock lock(QDir(m_dir).filePath(QStringLiteral("topup.sqlite")));
            QVERIFY(lock.held());
            const auto status = runProgram(sim, arguments);
            QCOMPARE(status.exitCode, 75);
            const QString said = QString::fromUtf8(status.err);
            QVERIFY2(said.contains(QLatin1String("is locked by another program")), qPrintable(said));
            QVERIFY2(!said.contains(QLatin1String("start fresh")) && !said.contains(QLatin1String("damaged")), qPrintable(said));
        }
        QCOMPARE(test::worldFingerprint(m_dir), before);
        const auto status = runProgram(sim, arguments);
        QVERIFY2(status.exitCode == 0, status.err.constData());
    }
};

TOPUP_TEST_GUILESS_MAIN(TestTransientFailure)
} // namespace tst_transientfailure
#include "tst_transientfailure.moc"
