// Every page follows a language switched at run time (LanguageChange →
// retranslateUi).
#include "testmain.h"
#include "pagesfixture.h"

#include "dialogs/addcarddialog.h"
#include "dialogs/rulesadvisordialog.h"
#include "models/advicemodel.h"
#include "pages/alertspage.h"
#include "pages/historypage.h"
#include "models/attemptmodel.h"
#include "pages/linepage.h"
#include "pages/paymentspage.h"
#include "pages/linetestpanel.h"
#include "pages/policyeditor.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>

namespace tst_pagesretranslate {

using namespace topup;
using namespace topup::testing;

namespace {

// Marks every text of our classes, so a test sees which ones were translated.
class MarkingTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (!QByteArray(context).startsWith("topup::"))
            return {};
        return QStringLiteral("‹") + QString::fromUtf8(sourceText) + QStringLiteral("›");
    }
    bool isEmpty() const override { return false; }
};

bool marked(const QString &text)
{
    return text.startsWith(QStringLiteral("‹"));
}

} // namespace

class TestPagesRetranslate final : public QObject
{
    Q_OBJECT

private slots:
    void languageChangeReachesEveryPage()
    {
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        PaymentsPage payments(*service);
        LinePage line(*service);
        line.showLine(service->lines()->front().id);
        HistoryPage history(*service);
        AlertsPage alerts(*service);
        AddCardDialog *dialog = payments.openAddCardDialog();
        RulesAdvisorDialog *advisor = line.rules()->openAdvisor();
        QSignalSpy adviceEnded(advisor, &RulesAdvisorDialog::runEnded);
        QVERIFY(!advisor->isRunning() || adviceEnded.wait(60000) || !adviceEnded.isEmpty());
        QVERIFY(advisor->model()->rowCount() >= 2);
        const auto button = [](QWidget *page, const char *name) { return page->findChild<QPushButton *>(QLatin1String(name))->text(); };
        const auto label = [](QWidget *page, const char *name) { return page->findChild<QLabel *>(QLatin1String(name))->text(); };
        QVERIFY(!marked(button(&payments, "addCard")));
        QVERIFY(!marked(label(advisor, "adviceStatus")));

        MarkingTranslator translator;
        QCoreApplication::installTranslator(&translator);
        QTRY_VERIFY(marked(button(&payments, "addCard"))); // LanguageChange is posted
        QVERIFY(marked(button(line.rules(), "save")));
        QVERIFY(marked(button(line.test(), "drain")));
        QVERIFY(marked(line.findChild<QTabWidget *>(QStringLiteral("lineTabs"))->tabText(1)));
        QVERIFY(marked(button(&history, "exportCsv")));
        QVERIFY(marked(button(&alerts, "markAllRead")));
        QVERIFY(marked(dialog->windowTitle()));
        QVERIFY(marked(payments.view()->model()->headerData(0, Qt::Horizontal).toString()));
        // The advisor's dialog, the advice it shows included.
        QVERIFY(marked(advisor->windowTitle()));
        QVERIFY(marked(label(advisor, "adviceStatus")));
        QVERIFY(marked(button(advisor, "useRules")));
        QVERIFY(marked(advisor->findChild<QComboBox *>(QStringLiteral("advicePeriod"))->currentText()));
        QVERIFY(marked(advisor->model()->headerData(AdviceModel::Cost, Qt::Horizontal).toString()));
        QVERIFY(marked(advisor->model()->headerData(0, Qt::Vertical).toString()));
        QVERIFY(marked(advisor->model()->index(1, AdviceModel::Rules).data().toString()));

        QCoreApplication::removeTranslator(&translator);
        QTRY_VERIFY(!marked(button(&payments, "addCard")));
        QVERIFY(!marked(button(line.rules(), "save")));
        QVERIFY(!marked(label(advisor, "adviceStatus")));
        QVERIFY(!marked(advisor->model()->index(1, AdviceModel::Rules).data().toString()));
        advisor->close();
        dialog->close();
    }

    void pagesBuiltBeforeSignInFillOnSignIn()
    {
        QTemporaryDir dir;
        {
            auto demo = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
            QVERIFY(demo);
        }
        auto service = openService(dir.path(), at("2027-06-20T10:00:00Z"), DemoWorld::tokens(1));
        QVERIFY(service);
        PaymentsPage payments(*service);
        HistoryPage history(*service);
        AlertsPage alerts(*service);
        LinePage line(*service);
        QCOMPARE(payments.view()->model()->rowCount(), 0);
        QCOMPARE(history.attempts()->rowCount(), 0);
        QCOMPARE(alerts.unreadCount(), 0);
        QVERIFY(service->signIn(QLatin1String(DemoWorld::login), QLatin1String(DemoWorld::password)));
        // A page never shown reads nothing yet; shown, it reads the account's rows.
        QCoreApplication::processEvents();
        QCOMPARE(payments.view()->model()->rowCount(), 0);
        QCOMPARE(history.attempts()->rowCount(), 0);
        payments.show();
        history.show();
        QTRY_COMPARE(payments.view()->model()->rowCount(), 3);
        QTRY_VERIFY(history.attempts()->rowCount() > 0);
        QTRY_VERIFY(alerts.unreadCount() > 0);
        line.showLine(service->lines()->front().id);
        QCOMPARE(line.findChild<QComboBox *>(QStringLiteral("linePicker"))->currentText(), QStringLiteral("Home phone"));
        service->signOut();
        QTRY_COMPARE(payments.view()->model()->rowCount(), 0);
        QTRY_COMPARE(history.attempts()->rowCount(), 0);
    }
};

TOPUP_TEST_MAIN(TestPagesRetranslate)
} // namespace tst_pagesretranslate
#include "tst_pagesretranslate.moc"
