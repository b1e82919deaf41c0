// WorldLoader::mergeLines, what the outlook after a write uses to read a few
// lines again and take the rest from the world it kept: merged, the world
// is the one a whole load makes; refused (a world that is not whole), the
// kept world is left as it was — the caller may still hold it.
#include "testmain.h"
#include "checked.h"
#include "demoworldtest.h"
#include "storefixture.h"
#include "service/service.h"
#include "service/worldloader.h"
#include "store/database.h"
#include "store/journalgateway.h"
#include "store/storeschema.h"

#include <QDir>
#include <QTest>

namespace tst_worldloader {

using namespace topup;

constexpr qint64 day = 24 * 60 * 60 * 1000;

// What a loaded world says of its lines, a line of text each.
QStringList linesOf(const LoadedWorld &loaded)
{
    QStringList lines;
    for (std::size_t i = 0; i < loaded.lineRows.size(); ++i) {
        lines << QStringLiteral("%1 %2 %3 %4 %5")
                     .arg(loaded.lineRows[i])
                     .arg(i < loaded.world.lines.size() ? loaded.world.lines[i].id : QStringLiteral("<none>"))
                     .arg(i < loaded.world.lines.size() ? loaded.world.lines[i].data.bytes() : -1)
                     .arg(i < loaded.lineRecords.size() ? loaded.lineRecords[i].name : QStringLiteral("<none>"))
                     .arg(i < loaded.world.streams.size() ? loaded.world.streams[i].firstIndex : -1);
    }
    // The spend in any order (the engine adds it up by line and month).
    QStringList spends;
    for (const PriorSpend &spend : loaded.world.priorSpend)
        spends << QStringLiteral("spend %1 %2-%3 %4 %5").arg(spend.line).arg(spend.month.year).arg(spend.month.month).arg(spend.autoSpend.cents()).arg(spend.autoCount);
    spends.sort();
    return lines + spends;
}

class TestWorldLoader final : public test::DemoWorldTest
{
    Q_OBJECT

    std::shared_ptr<Database> m_store;
    std::unique_ptr<JournalGateway> m_journal;
    qint64 m_account = 0;
    Instant m_start; // the world's clock, and a millisecond
    Instant m_end;   // 35 days on

    // The demo world caught up to the middle of March (this month's
    // top-ups paid on several lines, against the account's cap), then its
    // store and journal opened for a WorldLoader; why not, when it fails.
    QString openCaughtUp()
    {
        {
            auto service = test::openService(m_dir, test::at("2027-03-15T10:00:00Z"));
            if (!service)
                return QStringLiteral("the demo world did not open");
            const Expected<std::vector<Account>> accounts = service->allAccounts();
            if (!accounts || accounts->empty() || !service->actAs(accounts->front().id) || !service->catchUpToNow())
                return QStringLiteral("the demo world was not caught up");
        }
        Expected<std::shared_ptr<Database>> store = Database::open(QDir(m_dir).filePath(QStringLiteral("topup.sqlite")), storeSchema());
        if (!store)
            return store.error();
        Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::open(QDir(m_dir).filePath(QStringLiteral("gateway.sqlite")), true);
        if (!journal)
            return journal.error();
        m_store = store.take();
        m_journal = journal.take();
        m_account = test::scalarOf(*m_store, QStringLiteral("SELECT min(id) FROM accounts"));
        m_start = Instant::fromMsecs(test::scalarOf(*m_store, QStringLiteral("SELECT clock_ms FROM world WHERE id = 1")) + 1);
        m_end = m_start.plusMsecs(35 * day);
        return {};
    }

private slots:
    void cleanup()
    {
        m_journal.reset();
        m_store.reset();
    }

    void mergingLinesReadAgainGivesTheWholeLoad()
    {
        const QString opened = openCaughtUp();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        WorldLoader loader(*m_store, *m_journal);
        const qint64 account = m_account;
        const Instant start = m_start;
        const Instant end = m_end;
        LoadedWorld whole = TOPUP_VALUE(loader.load(account, start, end));
        QVERIFY(whole.lineRows.size() >= 3);
        const std::vector<qint64> again{whole.lineRows[1]};
        LoadedWorld kept = TOPUP_VALUE(loader.load(account, start, end));
        QVERIFY(WorldLoader::mergeLines(kept, TOPUP_VALUE(loader.load(account, start, end, &again)), again));
        QCOMPARE(linesOf(kept), linesOf(whole));
    }

    // A narrowed world (some lines only: the account's other lines' spend
    // counted as one) is not one to merge into: refused before anything is
    // moved out of it. (It moved the lines before the kept lines' run
    // of spend said so, leaving them empty.)
    void aNarrowedWorldIsRefusedUntouched()
    {
        const QString opened = openCaughtUp();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        WorldLoader loader(*m_store, *m_journal);
        const qint64 account = m_account;
        const Instant start = m_start;
        const Instant end = m_end;
        const LoadedWorld whole = TOPUP_VALUE(loader.load(account, start, end));
        QVERIFY(whole.lineRows.size() >= 3);
        const std::vector<qint64> some{whole.lineRows[0], whole.lineRows[1]};
        LoadedWorld narrowed = TOPUP_VALUE(loader.load(account, start, end, &some));
        const QStringList before = linesOf(narrowed);
        QVERIFY2(before.filter(QStringLiteral("spend -1 ")).size() > 0, qPrintable(before.join(QLatin1Char('\n')))); // the demo's account cap and its other lines' spend
        const std::vector<qint64> again{whole.lineRows[1]};
        QVERIFY(!WorldLoader::mergeLines(narrowed, TOPUP_VALUE(loader.load(account, start, end, &again)), again));
        QCOMPARE(linesOf(narrowed), before);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestWorldLoader)
} // namespace tst_worldloader
#include "tst_worldloader.moc"
