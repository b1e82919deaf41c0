// At 1280 and 1024 pixels wide, the last column of History (Reason) and of
// the rules' preview (Result) stay on screen and whole: the other columns
// give up width first (issue 14).
#include "testmain.h"
#include "pagesfixture.h"

#include "app/appsettings.h"
#include "app/mainwindow.h"
#include "models/attemptmodel.h"
#include "models/previewmodel.h"
#include "pages/historypage.h"

#include <QHeaderView>
#include <QTableView>

namespace tst_narrowwindow {

using namespace topup;
using namespace topup::testing;

namespace {

// The column is within the view's viewport and as wide as its widest cell in view.
void verifyWhole(QTableView *view, int column)
{
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, 20000);
    QApplication::processEvents();
    const int left = view->columnViewportPosition(column);
    const int width = view->columnWidth(column);
    const int needed = static_cast<const QAbstractItemView *>(view)->sizeHintForColumn(column);
    QVERIFY2(left >= 0 && left + width <= view->viewport()->width(),
             qPrintable(QStringLiteral("column %1 at %2+%3 in a viewport of %4").arg(column).arg(left).arg(width).arg(view->viewport()->width())));
    QVERIFY2(width >= needed, qPrintable(QStringLiteral("column %1: %2 px for %3").arg(column).arg(width).arg(needed)));
}

} // namespace

class TestNarrowWindow final : public QObject
{
    Q_OBJECT

private slots:
    void lastColumnsStayWhole_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("1280") << 1280 << 800;
        QTest::newRow("1024") << 1024 << 768;
    }

    void lastColumnsStayWhole()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(*service, settings);
        window.resize(width, height);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QVERIFY(window.showPage(MainWindow::Page::History));
        verifyWhole(window.historyPage()->table(), AttemptModel::Reason);

        QVERIFY(window.showPage(MainWindow::Page::Line));
        auto *preview = window.findChild<QTableView *>(QStringLiteral("preview"));
        QVERIFY(preview);
        verifyWhole(preview, PreviewModel::Status);
    }
};

TOPUP_TEST_MAIN(TestNarrowWindow)
} // namespace tst_narrowwindow
#include "tst_narrowwindow.moc"
