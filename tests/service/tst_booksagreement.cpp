// The store and the payment journal agree charge by charge (issue 15): each
// clean stop writes the same high-water mark into both files, and after an
// unclean shutdown (or when the marks differ) what came after the mark is
// compared before anything moves. A write-ahead log emptied by hand, one
// from another copy of the world, or an older copy of the store is refused
// with a message naming both files, and no byte of either is changed; a
// crash between a charge and its write-down is still reconciled.
#include "checked.h"
#include "demoworldtest.h"
#include "programrun.h"
#include "service/booksagreement.h"
#include "service/service.h"
#include "service/worldfiles.h"
#include "storefixture.h"
#include "worldimage.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/integritycheck.h"
#include "store/journalgateway.h"
#include "store/statement.h"
#include "store/storeschema.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace topup;
using topup::test::at;
using topup::test::runProgram;

namespace {

const QString sim = QStringLiteral(TOPUP_SIM);
const QString storeName = QStringLiteral("topup.sqlite");
const QString journalName = QStringLiteral("gateway.sqlite");

qint64 scalarOf(Database &file, const QString &sql)
{
    Statement select(file, sql);
    if (!select.run() || !select.next())
        return -1;
    return select.integer(0);
}

} // namespace

class TestBooksAgreement final : public test::DemoWorldTest
{
    Q_OBJECT

    // A crash image (takeCrashImage) of the world in `folder` at `now`,
    // after a top-up of line 1 by hand when asked.
    void crashImage(const QString &folder, Instant now, bool manualTopUp, const QString &image)
    {
        test::takeCrashImage(folder, now, image, [manualTopUp](Service &service) {
            if (!manualTopUp)
                return;
            const auto lines = TOPUP_VALUE(service.lines());
            const auto methods = TOPUP_VALUE(service.methods());
            const auto packages = TOPUP_VALUE(service.packages());
            QVERIFY(!lines.empty() && !methods.empty() && !packages.empty());
            QVERIFY(TOPUP_VALUE(service.manualTopUp(lines.front().id, packages.front().id, methods.back().id)).succeeded);
        });
    }

    // `topup-sim status` on `folder` is refused naming both files, and
    // leaves every byte of the world as it was.
    void refusedUntouched(const QString &folder)
    {
        const QStringList before = test::worldFingerprint(folder);
        const auto status = runProgram(sim, {QStringLiteral("--data-dir"), folder, QStringLiteral("status"), QStringLiteral("--now"),
                                             QStringLiteral("2027-03-20T00:00:00Z")});
        QVERIFY2(status.exitCode == 1, status.out.constData());
        const QString said = QString::fromUtf8(status.err);
        QVERIFY2(said.contains(QDir(folder).filePath(storeName) + QLatin1String(" and ") + QDir(folder).filePath(journalName)
                               + QLatin1String(" disagree about the charges")),
                 qPrintable(said));
        QCOMPARE(test::worldFingerprint(folder), before);
    }

private slots:
    // Each clean stop leaves the same mark in both files: the journal's
    // last charge and the store's last attempt.
    void aCleanStopMarksBothFiles()
    {
        for (const char *now : {"2027-03-01T00:00:00Z", "2027-03-12T00:00:00Z"}) {
            {
                auto service = test::openService(m_dir, at(now));
                QVERIFY(service);
                const auto accounts = TOPUP_VALUE(service->allAccounts());
                TOPUP_VERIFY_OK(service->actAs(accounts.front().id));
                (void)TOPUP_VALUE(service->catchUpToNow());
            }
            auto store = Database::open(QDir(m_dir).filePath(storeName), storeSchema());
            QVERIFY2(store, qPrintable(store.error()));
            auto journal = JournalGateway::open(QDir(m_dir).filePath(journalName), true);
            QVERIFY2(journal, qPrintable(journal.error()));
            const auto storeMark = TOPUP_VALUE(BooksAgreement::markOf(**store));
            const auto journalMark = TOPUP_VALUE(BooksAgreement::markOf((*journal)->database()));
            QVERIFY(storeMark && journalMark);
            QCOMPARE(storeMark->journalSeq, scalarOf((*journal)->database(), QStringLiteral("SELECT max(seq) FROM charges")));
            QCOMPARE(storeMark->attemptId, scalarOf(**store, QStringLiteral("SELECT max(id) FROM attempts")));
            QVERIFY(storeMark->journalSeq > 0);
            QVERIFY(*storeMark == *journalMark);
        }
    }

    // After a crash, a write-ahead log emptied by hand (`truncate -s 0`)
    // takes back every charge (or every write-down) since the last
    // checkpoint: the other file still has them.
    void anEmptiedLogAfterACrashIsRefused_data()
    {
        QTest::addColumn<QString>("emptied");
        QTest::newRow("the journal's log") << journalName;
        QTest::newRow("the store's log") << storeName;
    }

    void anEmptiedLogAfterACrashIsRefused()
    {
        QFETCH(QString, emptied);
        const QString crashed = m_dir + QLatin1String("-crashed");
        crashImage(m_dir, at("2027-03-20T00:00:00Z"), false, crashed);
        QFile log(QDir(crashed).filePath(emptied + QLatin1String("-wal")));
        QVERIFY(log.size() > 0);
        QVERIFY(log.resize(0));
        refusedUntouched(crashed);
    }

    // Two copies of one world went their own ways; after a crash, one's
    // journal log is put beside the other's files. Every page is whole
    // (the full check passes), the identities match: only the books show it.
    void aJournalLogFromAnotherCopyIsRefused()
    {
        const QString other = m_dir + QLatin1String("-other");
        QVERIFY(QDir().mkpath(other));
        QVERIFY(test::copyWorldFiles(m_dir, other));
        const QString crashed = m_dir + QLatin1String("-crashed");
        const QString otherCrashed = other + QLatin1String("-crashed");
        crashImage(m_dir, at("2027-03-20T00:00:00Z"), false, crashed);
        crashImage(other, at("2027-03-20T00:00:00Z"), true, otherCrashed);
        const QString log = QDir(crashed).filePath(journalName + QLatin1String("-wal"));
        QVERIFY(QFile::remove(log));
        QVERIFY(QFile::copy(QDir(otherCrashed).filePath(journalName + QLatin1String("-wal")), log));
        const IntegrityCheck::Result pages = IntegrityCheck::runUntouched(QDir(crashed).filePath(journalName));
        QVERIFY2(pages.verdict == IntegrityCheck::Verdict::Ok, qPrintable(pages.problem));
        refusedUntouched(crashed);
    }

    // Both files closed cleanly, but the store is an older copy: its mark is
    // behind the journal's, and the charges since are not in it.
    void anOlderCopyOfTheStoreIsRefused()
    {
        const QString older = m_dir + QLatin1String("-older");
        QVERIFY(QDir().mkpath(older));
        QVERIFY(test::copyWorldFiles(m_dir, older));
        {
            const QString ignored = m_dir + QLatin1String("-image");
            crashImage(m_dir, at("2027-03-20T00:00:00Z"), true, ignored);
        } // closed cleanly: both files marked
        QVERIFY(!QFile::exists(QDir(m_dir).filePath(journalName + QLatin1String("-wal"))));
        QVERIFY(QFile::remove(QDir(m_dir).filePath(storeName)));
        QVERIFY(QFile::copy(QDir(older).filePath(storeName), QDir(m_dir).filePath(storeName)));
        refusedUntouched(m_dir);
    }

    // The crash reconciling exists for: the provider charged, the store has
    // the intent but not yet the attempt. The books agree; the charge is
    // written down at the next open.
    void aCrashBetweenAChargeAndItsWriteDownIsReconciled()
    {
        const QString crashed = m_dir + QLatin1String("-crashed");
        QVERIFY(QDir().mkpath(crashed));
        {
            auto directory = DataDirectory::claim(m_dir);
            QVERIFY2(directory, qPrintable(directory.error()));
            Expected<WorldPair> world = WorldFiles::open(**directory);
            QVERIFY2(world, qPrintable(world.error()));
            Database &store = *world->store;
            Statement line(store, QStringLiteral("SELECT l.id, m.id, m.token, p.id, p.price_cents FROM lines l, methods m, packages p"
                                                 " WHERE m.kind = 'credit_card' ORDER BY l.id, m.id, p.id LIMIT 1"));
            QVERIFY(line.run() && line.next());
            const qint64 lineId = line.integer(0);
            const qint64 methodId = line.integer(1);
            const qint64 packageId = line.integer(3);
            const Money price = Money::fromCents(line.integer(4));
            const ChargeIdentity identity{QStringLiteral("L%1/manual/99").arg(lineId), 1, line.text(2)};
            line.finish();
            const Expected<void> intended = store.write([&] {
                Statement intent(store, QStringLiteral("INSERT INTO charge_intents (chain_key, attempt, method_token, line_id, method_id,"
                                                       " package_id, trigger, at_ms, month) VALUES (?, 1, ?, ?, ?, ?, 'manual', ?, '2027-03')"));
                intent.bind(identity.chainKey).bind(identity.method).bind(lineId).bind(methodId).bind(packageId);
                intent.bind(at("2027-03-01T00:00:00Z").msecs());
                return intent.run();
            });
            QVERIFY2(intended, qPrintable(intended.error()));
            const ChargeAnswer answer = TOPUP_VALUE(world->journal->chargeToken(identity, price, at("2027-03-01T00:00:00Z")));
            QVERIFY(answer.succeeded);
            QVERIFY(test::copyWorldFiles(m_dir, crashed));
        }
        auto service = test::openService(crashed, at("2027-03-01T00:00:00Z"));
        QVERIFY(service);
        QCOMPARE(service->reconciledAtOpen(), 1);
    }

    // A method whose account the provider no longer holds: its charge is
    // declined and kept nowhere at the provider, so the store's declined
    // attempt has no charge in the journal. After a crash the books still
    // agree: the journal holds no account for that token.
    void aChargeDeclinedForAnAccountTheProviderLacksAgreesAfterACrash()
    {
        std::optional<MethodRecord> forgotten;
        {
            auto service = test::openService(m_dir, at("2027-03-20T00:00:00Z"));
            QVERIFY(service);
            TOPUP_VERIFY_OK(service->actAs(TOPUP_VALUE(service->allAccounts()).front().id));
            forgotten = TOPUP_VALUE(service->methods()).back();
        }
        QVERIFY(test::forgetProviderAccount(m_dir, forgotten->token));
        const QString crashed = m_dir + QLatin1String("-crashed");
        test::takeCrashImage(m_dir, at("2027-03-20T00:00:00Z"), crashed, [&](Service &service) {
            const auto lines = TOPUP_VALUE(service.lines());
            const auto packages = TOPUP_VALUE(service.packages());
            QVERIFY(!lines.empty() && !packages.empty());
            const ChargeAnswer answer = TOPUP_VALUE(service.manualTopUp(lines.front().id, packages.front().id, forgotten->id));
            QVERIFY(!answer.succeeded);
            QCOMPARE(answer.reason, std::optional<Reason>(Reason::Declined));
        });
        QVERIFY(QFile::exists(QDir(crashed).filePath(storeName + QLatin1String("-wal"))));
        auto service = test::openService(crashed, at("2027-03-20T00:00:00Z"));
        QVERIFY(service);
        TOPUP_VERIFY_OK(service->actAs(TOPUP_VALUE(service->allAccounts()).front().id));
        const AttemptRow latest = TOPUP_FIRST(service->attempts(1));
        QCOMPARE(latest.methodId, forgotten->id);
        QCOMPARE(latest.reason, std::optional<Reason>(Reason::Declined));
    }
};

QTEST_GUILESS_MAIN(TestBooksAgreement)
#include "tst_booksagreement.moc"
