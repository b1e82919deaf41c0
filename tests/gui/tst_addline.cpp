// A new account's lines through the window, as a person would: the empty
// dashboard's button, the menu's shortcut and the line page open "Add an
// eSIM line"; buying shows the new line's rules; a refusal says why and
// buys nothing; the line page picks, renames and removes lines.
#include "testmain.h"
#include "pagesfixture.h"

#include "app/appsettings.h"
#include "dialogs/addlinedialog.h"
#include "app/mainwindow.h"
#include "pages/dashboardpage.h"
#include "pages/historypage.h"
#include "pages/linepage.h"
#include "pages/policyeditor.h"
#include "widgets/errorlabel.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QDialogButtonBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTabWidget>

namespace tst_addline {

using namespace topup;
using namespace topup::testing;

class TestAddLine final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<MainWindow> m_window;
    MethodRecord m_card;

    AddLineDialog *openedDialog()
    {
        auto *dialog = m_window->findChild<AddLineDialog *>(QStringLiteral("addLineDialog"));
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

    // Fills the open dialog as a person would and presses Buy.
    void buyIn(AddLineDialog *dialog, const char *region, const QString &name)
    {
        QVERIFY(choose(child<QComboBox>(dialog, "region"), QLatin1String(region)));
        auto *nameEdit = child<QLineEdit>(dialog, "lineName");
        nameEdit->setFocus();
        QTest::keyClicks(nameEdit, name);
        QVERIFY(choose(child<QComboBox>(dialog, "usageProfile"), int(UsageProfile::Traveller)));
        auto *buy = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buy);
        QVERIFY(buy->button(QDialogButtonBox::Ok)->isEnabled());
        QTest::mouseClick(buy->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("%1.ini").arg(QTest::currentTestFunction())));
        m_service = freshAccount(m_dir.filePath(QStringLiteral("data-%1").arg(QTest::currentTestFunction())), at("2027-03-15T10:00:00Z"));
        QVERIFY(m_service);
        const Expected<MethodRecord> card = m_service->addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Ana Lima"),
                                                                        QStringLiteral("4111 1111 1111 1111"), QStringLiteral("12/30"),
                                                                        QStringLiteral("123"), Money::fromCents(10000)});
        QVERIFY2(card, qPrintable(card.error()));
        m_card = *card;
        m_window = std::make_unique<MainWindow>(*m_service, *m_settings);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showPage(MainWindow::Page::Dashboard);
    }

    void cleanup()
    {
        m_window.reset();
        m_service.reset();
        m_settings.reset();
    }

    void theEmptyDashboardBuysTheFirstLineAndShowsItsRules()
    {
        auto *empty = child<QWidget>(m_window->dashboardPage(), "noLines");
        QVERIFY(empty && empty->isVisible());
        auto *latest = child<QListWidget>(m_window->dashboardPage(), "latestAlerts");
        QTRY_COMPARE(latest->count(), 1);
        QCOMPARE(latest->item(0)->text(), QStringLiteral("No alerts. Everything ran as planned."));
        QTest::mouseClick(child<QPushButton>(m_window->dashboardPage(), "addLineButton"), Qt::LeftButton);
        AddLineDialog *dialog = openedDialog();
        QVERIFY(dialog);
        auto *package = child<QComboBox>(dialog, "firstPackage");
        buyIn(dialog, "JP", QStringLiteral("Tokyo trip"));
        QTRY_VERIFY(!openedDialog());

        const std::vector<LineRecord> lines = *m_service->lines();
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines.front().name, QStringLiteral("Tokyo trip"));
        QCOMPARE(lines.front().region, QStringLiteral("JP"));
        QCOMPARE(lines.front().profile, UsageProfile::Traveller);
        Q_UNUSED(package)
        // The next step: the new line's rules, with its region's packages.
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Line);
        QCOMPARE(m_window->linePage()->lineId(), lines.front().id);
        auto *buys = child<QComboBox>(m_window->linePage()->rules(), "thresholdPackage");
        const std::vector<PackageRecord> packages = *m_service->packages(lines.front().id);
        QCOMPARE(buys->count(), int(packages.size()));
        for (const PackageRecord &record : packages)
            QCOMPARE(record.region, QStringLiteral("JP"));
        QCOMPARE(child<QLabel>(m_window->linePage(), "lineSubtitle")->text(), QStringLiteral("eSIM line · Japan"));
        // And on the dashboard: a card, no empty state.
        m_window->showPage(MainWindow::Page::Dashboard);
        QTRY_COMPARE(m_window->dashboardPage()->cardCount(), 1);
        QVERIFY(!empty->isVisible());
    }

    void aRefusedPurchaseSaysWhyAndBuysNothing()
    {
        QVERIFY(m_service->injectFault(m_card.id, {Reason::Declined}));
        m_window->addLineAction()->trigger(); // Lines ▸ Add eSIM line… (Ctrl+N)
        AddLineDialog *dialog = openedDialog();
        QVERIFY(dialog);
        buyIn(dialog, "DE", QStringLiteral("Berlin"));
        auto *error = child<ErrorLabel>(dialog, "purchaseError");
        QVERIFY(dialog->isVisible()); // stays open: nothing was bought
        QCOMPARE(error->text(), QStringLiteral("%1 refused the payment: declined by the bank. No line was bought and nothing was charged.")
                                    .arg(m_card.label()));
        QVERIFY(m_service->lines()->empty());
        QCOMPARE(m_service->methods()->front().funds, Money::fromCents(10000));
        dialog->reject();
    }

    void theDialogSaysWhatIsWrongAndOffersNoExpiredCard()
    {
        // A card that ran out last month is not offered.
        QVERIFY(m_service->addCard(CardForm{MethodKind::DebitCard, QStringLiteral("Ana Lima"), QStringLiteral("5555 5555 5555 4444"),
                                            QStringLiteral("03/27"), QStringLiteral("456"), Money::fromCents(10000)}));
        QVERIFY(m_service->advanceBy(20LL * 24 * 3600 * 1000)); // April: the debit card has expired
        m_window->addLineAction()->trigger();
        AddLineDialog *dialog = openedDialog();
        QVERIFY(dialog);
        auto *payWith = child<QComboBox>(dialog, "payWith");
        QCOMPARE(payWith->count(), 1);
        QCOMPARE(payWith->itemData(0).toLongLong(), m_card.id);
        auto *buy = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!buy->isEnabled()); // no name yet
        auto *name = child<QLineEdit>(dialog, "lineName");
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral("Trip"));
        QVERIFY(buy->isEnabled());
        name->insert(QStringLiteral("\u202E")); // typed as is, and refused with a reason
        QCOMPARE(name->text(), QStringLiteral("Trip\u202E"));
        QVERIFY(!buy->isEnabled());
        QVERIFY2(child<ErrorLabel>(dialog, "lineNameError")->text().contains(QLatin1String("U+202E")),
                 qPrintable(child<ErrorLabel>(dialog, "lineNameError")->text()));
        // However long, a name stays as typed (pasted), and is refused with the limit.
        const QString longName = QString(200, QLatin1Char('x'));
        name->selectAll();
        name->insert(longName);
        QCOMPARE(name->text(), longName);
        QVERIFY(!buy->isEnabled());
        QVERIFY2(child<ErrorLabel>(dialog, "lineNameError")->text().contains(QLatin1String("at most 60 characters")),
                 qPrintable(child<ErrorLabel>(dialog, "lineNameError")->text()));
        // The price follows the package, in the account's currency.
        QVERIFY(choose(child<QComboBox>(dialog, "region"), QStringLiteral("GLOBAL")));
        QVERIFY2(buy->text().contains(QLatin1String("EUR")), qPrintable(buy->text()));
        dialog->reject();
    }

    void theLinePagePicksRenamesAndRemovesKeepingHistory()
    {
        // No lines: the page offers to add one instead of an empty form.
        m_window->showPage(MainWindow::Page::Line);
        LinePage *page = m_window->linePage();
        auto *stack = page->findChild<QStackedWidget *>();
        QVERIFY(child<QPushButton>(page, "addLineEmpty")->isVisible());
        QVERIFY(!child<QComboBox>(page, "linePicker")->isVisible());
        QTest::mouseClick(child<QPushButton>(page, "addLineEmpty"), Qt::LeftButton);
        AddLineDialog *dialog = openedDialog();
        QVERIFY(dialog);
        dialog->reject();
        Q_UNUSED(stack)

        const LinePurchaseForm first{QStringLiteral("Tokyo"), QStringLiteral("JP"), QStringLiteral("JP/data-1gb"), m_card.id,
                                     UsageProfile::Light, quint64(1)};
        const LineRecord tokyo = *m_service->buyLine(first)->line;
        LinePurchaseForm secondForm = first;
        secondForm.name = QStringLiteral("Paris");
        secondForm.region = QStringLiteral("FR");
        secondForm.package = QStringLiteral("FR/data-1gb");
        const LineRecord paris = *m_service->buyLine(secondForm)->line;
        // Arriving with no line chosen: the first.
        m_window->showPage(MainWindow::Page::Dashboard);
        m_window->showPage(MainWindow::Page::Line);
        QCOMPARE(page->lineId(), tokyo.id);
        auto *picker = child<QComboBox>(page, "linePicker");
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->count(), 2);
        picker->setFocus();
        QTest::keyClick(picker, Qt::Key_Down);
        QTRY_COMPARE(page->lineId(), paris.id);

        // Rename with the dialog: the name as typed.
        answerNextModal([](QDialog *rename) {
            auto *name = child<QLineEdit>(rename, "lineName");
            name->selectAll();
            QTest::keyClicks(name, QStringLiteral("Paris weekend"));
            QTest::keyClick(name, Qt::Key_Return);
        });
        QTest::mouseClick(child<QPushButton>(page, "renameLine"), Qt::LeftButton);
        QCOMPARE(m_service->lines()->back().name, QStringLiteral("Paris weekend"));
        QTRY_COMPARE(picker->currentText(), QStringLiteral("Paris weekend"));

        // Remove: the confirmation says what happens to the history.
        QString said;
        QTimer::singleShot(0, [&said] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            said = box->text() + QLatin1Char(' ') + box->informativeText();
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                    button->click();
            }
        });
        QTest::mouseClick(child<QPushButton>(page, "removeLine"), Qt::LeftButton);
        QVERIFY2(said.contains(QLatin1String("Remove Paris weekend?")) && said.contains(QLatin1String("stay in History")), qPrintable(said));
        QCOMPARE(m_service->lines()->size(), std::size_t(1));
        QTRY_COMPARE(page->lineId(), tokyo.id); // the next line left
        QCOMPARE(picker->count(), 1);

        // History still lists its purchase, marked as removed.
        m_window->showPage(MainWindow::Page::History);
        QAbstractItemModel *rows = child<QTableView>(m_window->historyPage(), "attempts")->model();
        const auto names = [rows] {
            QStringList shown;
            for (int row = 0; row < rows->rowCount(); ++row)
                shown << rows->index(row, 1).data().toString();
            return shown;
        };
        QTRY_VERIFY2(names().contains(QStringLiteral("Paris weekend (removed)")), qPrintable(names().join(QLatin1Char('|'))));
        QVERIFY(child<QComboBox>(m_window->historyPage(), "lineFilter")->findText(QStringLiteral("Paris weekend (removed)")) >= 0);
    }
};

TOPUP_TEST_MAIN(TestAddLine)
} // namespace tst_addline
#include "tst_addline.moc"
