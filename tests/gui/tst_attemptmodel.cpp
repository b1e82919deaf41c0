// The attempts model pages through years of history as the view scrolls.
#include "pagesfixture.h"

#include "models/attemptmodel.h"

using namespace topup;
using namespace topup::testing;

class TestAttemptModel final : public QObject
{
    Q_OBJECT

private slots:
    void fetchesAPageAtATimeNewestFirst()
    {
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        const Expected<std::vector<AttemptRow>> all = service->attempts(100000);
        QVERIFY2(all, qPrintable(all.error()));
        QVERIFY(all->size() > 25);
        AttemptModel model(*service, 0, 10);
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 20);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(std::size_t(model.rowCount()), all->size());
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.index(row - 1, AttemptModel::Time).data(AttemptModel::RawRole).toLongLong()
                    >= model.index(row, AttemptModel::Time).data(AttemptModel::RawRole).toLongLong());
        // A change in the history reloads what is shown, keeping the pages fetched.
        QVERIFY(service->drainLine(service->lines()->front().id));
        QTRY_COMPARE(std::size_t(model.rowCount()), all->size() + 1);
    }

    void fetchesBackToAnInstant()
    {
        // Every attempt from an instant on is loaded, and not many more.
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        const Expected<std::vector<AttemptRow>> all = service->attempts(100000);
        QVERIFY2(all, qPrintable(all.error()));
        QVERIFY(all->size() > 25);
        const qint64 since = (*all)[22].at.msecs();
        const auto fromSince = std::count_if(all->begin(), all->end(), [&](const AttemptRow &row) { return row.at.msecs() >= since; });
        AttemptModel model(*service, 0, 5);
        QCOMPARE(model.rowCount(), 5);
        model.fetchBackTo(since);
        QVERIFY2(model.rowCount() >= fromSince && model.rowCount() < fromSince + 5,
                 qPrintable(QStringLiteral("%1 rows for %2 since then").arg(model.rowCount()).arg(fromSince)));
        model.fetchBackTo(std::numeric_limits<qint64>::min()); // everything, and then it stops
        QCOMPARE(std::size_t(model.rowCount()), all->size());
        QVERIFY(!model.canFetchMore({}));
    }

    void aShortListDoesNotFetchMore()
    {
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        AttemptModel model(*service, service->lines()->front().id, 5);
        model.setFetchesMore(false);
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(!model.canFetchMore({}));
        for (const AttemptRow &row : model.rows())
            QCOMPARE(row.lineId, service->lines()->front().id);
    }
};

QTEST_MAIN(TestAttemptModel)
#include "tst_attemptmodel.moc"
