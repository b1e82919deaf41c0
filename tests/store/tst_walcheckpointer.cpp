// The store's write-ahead log folded back into its file on a thread of its
// own (WalCheckpointer): a commit over the threshold has it folded, whole;
// a small one starts nothing; a file found damaged is never written into;
// and a store closed after large writes leaves no log beside its file (the
// clean-shutdown marker) with every row in the file.
#include "testmain.h"
#include "store/database.h"
#include "store/openfiles.h"
#include "store/walcheckpointer.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <memory>

namespace tst_walcheckpointer {

using namespace topup;

namespace {

// A connection of SQLite's own to `path`, in WAL mode, with a table of blobs.
struct RawStore final
{
    sqlite3 *db = nullptr;
    explicit RawStore(const QString &path)
    {
        if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
            return;
        sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS b (x BLOB)", nullptr, nullptr,
                     nullptr);
    }
    ~RawStore() { sqlite3_close_v2(db); }
    // One transaction of `rows` blobs of 4 000 bytes: about a page each.
    bool insert(int rows)
    {
        if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
            return false;
        sqlite3_stmt *insert = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO b (x) VALUES (randomblob(4000))", -1, &insert, nullptr);
        bool ok = insert != nullptr;
        for (int i = 0; ok && i < rows; ++i) {
            ok = sqlite3_step(insert) == SQLITE_DONE;
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
        return sqlite3_exec(db, ok ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK && ok;
    }
    Q_DISABLE_COPY_MOVE(RawStore)
};

// The frames in the log and how many of them are in the file, as a passive
// checkpoint of a connection of its own finds them (it folds nothing new
// when the checkpointer has already folded everything).
std::pair<int, int> logFrames(const QString &path)
{
    sqlite3 *look = nullptr;
    int log = -1;
    int folded = -1;
    if (sqlite3_open(path.toUtf8().constData(), &look) == SQLITE_OK) {
        sqlite3_db_config(look, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        sqlite3_exec(look, "PRAGMA schema_version", nullptr, nullptr, nullptr); // opens the log
        sqlite3_wal_checkpoint_v2(look, "main", SQLITE_CHECKPOINT_PASSIVE, &log, &folded);
    }
    sqlite3_close_v2(look);
    return {log, folded};
}

} // namespace

class TestWalCheckpointer final : public QObject
{
    Q_OBJECT

private slots:
    void foldsALargeCommitIntoTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.sqlite"));
        RawStore store(path);
        QVERIFY(store.db);
        WalCheckpointer checkpointer(store.db, path, OpenFiles::keyOf(path));
        const qint64 before = QFileInfo(path).size();
        QVERIFY(store.insert(WalCheckpointer::thresholdFrames + 200));
        checkpointer.waitIdle();
        QCOMPARE(checkpointer.checkpoints(), 1);
        // The file holds the rows' pages; the log has nothing left to fold.
        QVERIFY2(QFileInfo(path).size() >= before + qint64(WalCheckpointer::thresholdFrames) * 4096,
                 qPrintable(QString::number(QFileInfo(path).size())));
        const auto [log, folded] = logFrames(path);
        QVERIFY2(log > WalCheckpointer::thresholdFrames, qPrintable(QStringLiteral("%1 %2").arg(log).arg(folded)));
        QCOMPARE(folded, log);
    }

    void leavesASmallCommitToALaterOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.sqlite"));
        RawStore store(path);
        QVERIFY(store.db);
        WalCheckpointer checkpointer(store.db, path, OpenFiles::keyOf(path));
        QVERIFY(store.insert(50));
        checkpointer.waitIdle();
        QCOMPARE(checkpointer.checkpoints(), 0);
        // The writer's own automatic checkpoint is off: nothing was folded.
        const auto [log, folded] = logFrames(path);
        QVERIFY(log >= 50);
        QCOMPARE(folded, log); // folded now, by logFrames' own checkpoint
        QVERIFY(store.insert(WalCheckpointer::thresholdFrames));
        checkpointer.waitIdle();
        QCOMPARE(checkpointer.checkpoints(), 1);
    }

    void neverWritesIntoAFileFoundDamaged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.sqlite"));
        RawStore store(path);
        QVERIFY(store.db);
        const QString key = OpenFiles::keyOf(path);
        OpenFiles::reportDamage(key, QStringLiteral("a test's damage"));
        WalCheckpointer checkpointer(store.db, path, key);
        const qint64 before = QFileInfo(path).size();
        QVERIFY(store.insert(WalCheckpointer::thresholdFrames + 200));
        checkpointer.waitIdle();
        QCOMPARE(checkpointer.checkpoints(), 0);
        QCOMPARE(QFileInfo(path).size(), before);
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
        OpenFiles::leave(key);
    }

    void aStoreClosedAfterLargeWritesLeavesNoLog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.sqlite"));
        const Schema schema{QStringLiteral("test"), {Migration{1, {QStringLiteral("CREATE TABLE b (x BLOB NOT NULL)")}}}};
        {
            auto db = Database::open(path, schema);
            QVERIFY2(db, qPrintable(db.error()));
            // Three commits over the threshold; the last closes while the
            // checkpointer may still be folding it.
            for (int commit = 0; commit < 3; ++commit) {
                const Expected<void> written = (*db)->write([&]() -> Expected<void> {
                    QSqlQuery insert((*db)->connection());
                    insert.prepare(QStringLiteral("INSERT INTO b (x) VALUES (randomblob(4000))"));
                    for (int i = 0; i < WalCheckpointer::thresholdFrames + 100; ++i) {
                        if (!insert.exec())
                            return Expected<void>::failure(QStringLiteral("insert failed"));
                    }
                    return {};
                });
                QVERIFY2(written, qPrintable(written.error()));
            }
        }
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        sqlite3 *reopened = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &reopened, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt *count = nullptr;
        QCOMPARE(sqlite3_prepare_v2(reopened, "SELECT count(*) FROM b", -1, &count, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(count), SQLITE_ROW);
        const int rows = sqlite3_column_int(count, 0);
        sqlite3_finalize(count);
        sqlite3_close_v2(reopened);
        QCOMPARE(rows, 3 * (WalCheckpointer::thresholdFrames + 100));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestWalCheckpointer)

} // namespace tst_walcheckpointer

#include "tst_walcheckpointer.moc"
