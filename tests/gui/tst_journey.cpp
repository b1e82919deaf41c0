// A new user's whole journey, typed into the real window on an empty data
// folder as a person would: sign up choosing USD, add a card, buy a line
// with it, set a threshold and a monthly day, save, drain and watch the
// top-up fire in the line's attempts and on the dashboard, inject a decline
// with no fallback and find the failure on the line's card, in Alerts and
// in History; then rename the line, remove it, and find its attempts still
// in History; at the end, Settings says where the world is kept.
// tst_journey_postgresql makes the same journey on a world on a PostgreSQL
// server of the test's own: topup-dashboard --database.
#include "testmain.h"
#include "pagesfixture.h"
#include "checked.h"

#include "app/appsettings.h"
#include "dialogs/addcarddialog.h"
#include "dialogs/addlinedialog.h"
#include "app/mainwindow.h"
#include "models/attemptmodel.h"
#include "pages/alertspage.h"
#include "pages/dashboardpage.h"
#include "pages/historypage.h"
#include "pages/linepage.h"
#include "pages/linetestpanel.h"
#include "pages/policyeditor.h"
#include "pages/settingspage.h"
#include "pages/signinpage.h"
#include "widgets/linecard.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

namespace tst_journey {

using namespace topup;
using namespace topup::testing;

namespace {

void typeInto(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(parent, name);
    QVERIFY2(edit, name);
    retype(edit, text);
}

void tick(QGroupBox *group)
{
    group->setFocus();
    QTest::keyClick(group, Qt::Key_Space);
}

// Every cell of a model's rows, one string a row.
QStringList rowsOf(const QAbstractItemModel *model)
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells << model->index(row, column).data().toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

// Ctrl+1…6 as a person presses it: to the window, active again after a dialog.
bool pressCtrl(MainWindow &window, int digit)
{
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return false;
    QTest::keyClick(&window, Qt::Key(Qt::Key_0 + digit), Qt::ControlModifier);
    return int(window.currentPage()) == digit - 1;
}

template<typename T>
T *shownDialog(QWidget *window)
{
    for (T *dialog : window->findChildren<T *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace

class TestJourney final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void aNewUsersWholeJourney()
    {
        const auto world = appWorld([](const QString &dir) { return openService(dir + QLatin1String("/empty"), at("2027-03-15T10:00:00Z")); });
        QVERIFY(world);
        const std::unique_ptr<Service> &service = world->service;
        const std::unique_ptr<MainWindow> shown = showWith<MainWindow>(*world);
        MainWindow &window = *shown;
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // 1. Sign up, choosing USD.
        SignInPage *signIn = window.signInPage();
        QTest::mouseClick(child<QPushButton>(signIn, "modeButton"), Qt::LeftButton);
        typeInto(signIn, "login", QStringLiteral("sam@example.com"));
        typeInto(signIn, "password", QStringLiteral("a-new-user-2027"));
        typeInto(signIn, "confirmPassword", QStringLiteral("a-new-user-2027"));
        QVERIFY(choose(child<QComboBox>(signIn, "signUpCurrency"), QStringLiteral("USD")));
        QTest::mouseClick(child<QPushButton>(signIn, "submitButton"), Qt::LeftButton);
        QVERIFY(window.isSignedInView());
        QCOMPARE(service->account()->currency, QStringLiteral("USD"));

        // 2. Add a card (Ctrl+3: Payment methods).
        QVERIFY(pressCtrl(window, 3));
        QCOMPARE(window.currentPage(), MainWindow::Page::Payments);
        bool cardAdded = false;
        answerNextModal([&cardAdded](QDialog *cardDialog) {
            QVERIFY(qobject_cast<AddCardDialog *>(cardDialog));
            typeInto(cardDialog, "cardNumber", QStringLiteral("4111 1111 1111 1111"));
            typeInto(cardDialog, "expiry", QStringLiteral("12/30"));
            typeInto(cardDialog, "securityCode", QStringLiteral("123"));
            typeInto(cardDialog, "holder", QStringLiteral("Sam Rivera"));
            typeInto(cardDialog, "funds", QStringLiteral("300.00"));
            QPushButton *add = cardDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(add->isEnabled());
            QTest::mouseClick(add, Qt::LeftButton);
            cardAdded = cardDialog->result() == QDialog::Accepted;
        });
        QTest::mouseClick(child<QPushButton>(&window, "addCard"), Qt::LeftButton);
        QVERIFY(cardAdded);
        QCOMPARE(service->methods()->size(), std::size_t(1));
        const MethodRecord card = service->methods()->front();

        // 3. Buy a line with it, from the empty dashboard's button.
        QVERIFY(pressCtrl(window, 1));
        QTest::mouseClick(child<QPushButton>(window.dashboardPage(), "addLineButton"), Qt::LeftButton);
        auto *lineDialog = shownDialog<AddLineDialog>(&window);
        QVERIFY(lineDialog);
        QVERIFY(choose(child<QComboBox>(lineDialog, "region"), QStringLiteral("JP")));
        typeInto(lineDialog, "lineName", QStringLiteral("Tokyo trip"));
        QVERIFY(choose(child<QComboBox>(lineDialog, "usageProfile"), int(UsageProfile::Traveller)));
        QPushButton *buy = lineDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(buy->isEnabled());
        QTest::mouseClick(buy, Qt::LeftButton);
        QTRY_VERIFY(!shownDialog<AddLineDialog>(&window));
        QCOMPARE(service->lines()->size(), std::size_t(1));
        QCOMPARE(window.currentPage(), MainWindow::Page::Line); // on to its rules

        // 4. A threshold (below 500 MB) and a monthly day (the 20th), paid by the card; Save.
        PolicyEditor *rules = window.linePage()->rules();
        auto *enabled = child<QCheckBox>(rules, "enabled");
        if (!enabled->isChecked()) {
            enabled->setFocus();
            QTest::keyClick(enabled, Qt::Key_Space);
        }
        tick(child<QGroupBox>(rules, "threshold"));
        typeInto(rules, "thresholdAmount", QStringLiteral("500"));
        QVERIFY(choose(child<QComboBox>(rules, "thresholdUnit"), QStringLiteral("MB")));
        tick(child<QGroupBox>(rules, "monthly"));
        typeInto(rules, "monthlyDay", QStringLiteral("20"));
        QVERIFY(choose(child<QComboBox>(rules, "method"), card.engineId()));
        auto *save = child<QPushButton>(rules, "save");
        QVERIFY2(save->isEnabled(), qPrintable(child<QLabel>(rules, "policyError")->text()));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(!rules->isDirty());
        const std::optional<Policy> policy = service->lines()->front().policy;
        QVERIFY(policy && policy->enabled && policy->threshold && policy->monthly);
        QCOMPARE(policy->threshold->below, qint64(500) * 1000 * 1000);
        QCOMPARE(policy->monthly->day, 20);
        QCOMPARE(policy->method, card.engineId());
        QVERIFY(policy->fallback.isEmpty());

        // 5. Drain: the threshold top-up fires, in the line's attempts and on the dashboard.
        window.linePage()->showTestTab();
        LineTestPanel *test = window.linePage()->test();
        QTest::mouseClick(child<QPushButton>(test, "drain"), Qt::LeftButton);
        QTRY_VERIFY(std::any_of(test->attempts()->rows().cbegin(), test->attempts()->rows().cend(), [](const AttemptRow &row) {
            return row.trigger == TriggerKind::Threshold && row.status == AttemptStatus::Succeeded;
        }));
        QVERIFY(pressCtrl(window, 1));
        QCOMPARE(window.currentPage(), MainWindow::Page::Dashboard);
        QTRY_COMPARE(window.dashboardPage()->cardCount(), 1);
        // The line's card (the page also holds the fleet table's card, hidden).
        auto *lineCard = child<LineCard>(window.dashboardPage(), "lineCard");
        auto *dataLeft = child<QLabel>(lineCard, "dataLeft");
        QTRY_COMPARE(dataLeft->text(), QStringLiteral("Data left: 1 GB")); // empty, then the 1 GB it bought

        // 6. A decline injected on the card, no fallback: drained again, the top-up fails.
        QVERIFY(pressCtrl(window, 2));
        window.linePage()->showTestTab();
        QCOMPARE(child<QComboBox>(test, "faultMethod")->currentData().toLongLong(), card.id);
        QVERIFY(choose(child<QComboBox>(test, "faultReason"), QStringLiteral("declined")));
        QTest::mouseClick(child<QPushButton>(test, "inject"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(test, "drain"), Qt::LeftButton);
        QTRY_VERIFY(std::any_of(test->attempts()->rows().cbegin(), test->attempts()->rows().cend(), [](const AttemptRow &row) {
            return row.status == AttemptStatus::Failed && row.reason == Reason::Declined;
        }));
        // On the line's card,
        QVERIFY(pressCtrl(window, 1));
        auto *state = child<QLabel>(child<LineCard>(window.dashboardPage(), "lineCard"), "autoTopUpState");
        QTRY_VERIFY2(state->text().contains(QLatin1String("failed payment")), qPrintable(state->text()));
        // in Alerts,
        QVERIFY(pressCtrl(window, 5));
        QAbstractItemModel *alerts = child<QTableView>(window.alertsPage(), "alerts")->model();
        QTRY_VERIFY2(rowsOf(alerts).join(QLatin1Char('\n')).contains(QLatin1String("declined"), Qt::CaseInsensitive),
                     qPrintable(rowsOf(alerts).join(QLatin1Char('\n'))));
        // and in History.
        QVERIFY(pressCtrl(window, 4));
        QAbstractItemModel *history = child<QTableView>(window.historyPage(), "attempts")->model();
        const auto historyOf = [history](const QString &lineName) {
            QStringList statuses;
            for (int row = 0; row < history->rowCount(); ++row) {
                if (history->index(row, AttemptModel::Line).data().toString() == lineName)
                    statuses << history->index(row, AttemptModel::Status).data(AttemptModel::RawRole).toString();
            }
            return statuses;
        };
        QTRY_VERIFY2(historyOf(QStringLiteral("Tokyo trip")).contains(QStringLiteral("failed")),
                     qPrintable(historyOf(QStringLiteral("Tokyo trip")).join(u',')));
        const int attemptsOfTheLine = historyOf(QStringLiteral("Tokyo trip")).size();
        QVERIFY(attemptsOfTheLine >= 3); // bought, topped up, declined

        // 7. Rename it (F2), then remove it: its attempts stay in History, marked.
        answerNextModal([](QDialog *rename) {
            auto *name = child<QLineEdit>(rename, "lineName");
            retype(name, QStringLiteral("Tokyo 2027"));
            QTest::keyClick(name, Qt::Key_Return);
        });
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_F2);
        QCOMPARE(window.currentPage(), MainWindow::Page::Line);
        QCOMPARE(service->lines()->front().name, QStringLiteral("Tokyo 2027"));
        answerNextModal([](QDialog *dialog) {
            auto *box = qobject_cast<QMessageBox *>(dialog);
            QVERIFY(box);
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                    QTest::mouseClick(button, Qt::LeftButton);
            }
        });
        QTest::mouseClick(child<QPushButton>(window.linePage(), "removeLine"), Qt::LeftButton);
        QVERIFY(service->lines()->empty());
        QVERIFY(child<QPushButton>(window.linePage(), "addLineEmpty")->isVisible()); // the page offers a new one
        QVERIFY(pressCtrl(window, 4));
        QTRY_COMPARE(historyOf(QStringLiteral("Tokyo 2027 (removed)")).size(), attemptsOfTheLine);

        // 9. Settings says where the world is kept, and what is checked there.
        QVERIFY(pressCtrl(window, 6));
        SettingsPage *settings = window.settingsPage();
        const QString kept = child<QLineEdit>(settings, "dataFolder")->text();
        const QString integrity = child<QLabel>(settings, "integrityStatus")->text();
        if (m_engine.engine() == Dialect::Engine::Postgresql) {
            QVERIFY2(kept.startsWith(QLatin1String("postgresql://")), qPrintable(kept));
            QVERIFY(!child<QPushButton>(settings, "openFolderButton")->isVisible()); // no folder to open
            QVERIFY2(integrity.contains(QLatin1String("PostgreSQL server")), qPrintable(integrity));
        } else {
            QCOMPARE(kept, QDir(world->dir.filePath(QStringLiteral("empty"))).absolutePath());
            QVERIFY(child<QPushButton>(settings, "openFolderButton")->isVisible());
            QVERIFY2(!integrity.contains(QLatin1String("PostgreSQL")), qPrintable(integrity));
        }
    }
};

TOPUP_TEST_MAIN(TestJourney)
} // namespace tst_journey
#include "tst_journey.moc"
