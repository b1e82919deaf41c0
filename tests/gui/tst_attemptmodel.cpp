// The attempts model pages through years of history as the view scrolls.
#include "testmain.h"
#include "pagesfixture.h"

#include "models/attemptmodel.h"

#include "checked.h"

namespace tst_attemptmodel {

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

    void listsOnlyWhatTheFilterLetsThrough()
    {
        // The store filters: every page holds shown rows only, and the pages
        // join into the filtered list.
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        const std::vector<AttemptRow> all = TOPUP_VALUE(service->attempts(100000));
        QVERIFY(all.size() > 25);
        AttemptFilter filter;
        filter.lineId = all.front().lineId;
        filter.toMs = all[3].at.msecs();
        std::vector<qint64> expected;
        for (const AttemptRow &row : all) {
            if (row.lineId == filter.lineId && row.at.msecs() <= filter.toMs)
                expected.push_back(row.id);
        }
        QVERIFY(expected.size() > 3);
        AttemptModel model(*service, 0, 2);
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 2);
        while (model.canFetchMore({}))
            model.fetchMore({});
        std::vector<qint64> shown;
        for (const AttemptRow &row : model.rows())
            shown.push_back(row.id);
        QCOMPARE(shown, expected);
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

TOPUP_TEST_MAIN(TestAttemptModel)
} // namespace tst_attemptmodel
#include "tst_attemptmodel.moc"
