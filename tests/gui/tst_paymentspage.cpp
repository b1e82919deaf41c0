// The payments page and its dialogs, typed into as a person would.
#include "pagesfixture.h"

#include "dialogs/addcarddialog.h"
#include "pages/paymentspage.h"
#include "widgets/errorlabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QItemSelectionModel>
#include <QTableView>

using namespace topup;
using namespace topup::testing;

namespace {

QPushButton *okButton(QDialog *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    return box ? box->button(QDialogButtonBox::Ok) : nullptr;
}

void type(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = parent->findChild<QLineEdit *>(QLatin1String(name));
    QVERIFY2(edit, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestPaymentsPage final : public QObject
{
    Q_OBJECT

private slots:
    void wrongLuhnDigitIsRefusedThenTheGoodNumberIsAdded()
    {
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-03-10T10:00:00Z"));
        QVERIFY(service);
        PaymentsPage page(*service);
        page.resize(1000, 600);
        page.show();

        bool answered = false;
        answerNextModal([&](QDialog *dialog) {
            QVERIFY(qobject_cast<AddCardDialog *>(dialog));
            type(dialog, "cardNumber", QStringLiteral("4111 1111 1111 1112")); // last digit wrong
            type(dialog, "expiry", QStringLiteral("12/30"));
            type(dialog, "securityCode", QStringLiteral("123"));
            type(dialog, "holder", QStringLiteral("Ana Lima"));
            auto *error = dialog->findChild<ErrorLabel *>(QStringLiteral("cardNumberError"));
            QVERIFY(error);
            QVERIFY(error->isVisible());
            QVERIFY2(error->text().contains(QLatin1String("not valid")), qPrintable(error->text()));
            QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("brand"))->text(), QStringLiteral("Visa"));
            QVERIFY(!okButton(dialog)->isEnabled());
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            QVERIFY(dialog->isVisible());
            QCOMPARE(service->methods()->size(), std::size_t(0)); // nothing stored

            auto *number = dialog->findChild<QLineEdit *>(QStringLiteral("cardNumber"));
            QTest::keyClick(number, Qt::Key_Backspace);
            QTest::keyClicks(number, QStringLiteral("1"));
            QVERIFY(!error->isVisible());
            QVERIFY(okButton(dialog)->isEnabled());
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            QVERIFY(!dialog->isVisible());
            QCOMPARE(dialog->result(), int(QDialog::Accepted));
            answered = true;
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addCard")), Qt::LeftButton);
        QVERIFY(answered);

        const Expected<std::vector<MethodRecord>> methods = service->methods();
        QVERIFY2(methods, qPrintable(methods.error()));
        QCOMPARE(methods->size(), std::size_t(1));
        QCOMPARE(methods->front().lastFour, QStringLiteral("1111"));
        QTRY_COMPARE(page.view()->model()->rowCount(), 1); // the model reloads once per burst of signals
        const QString number = page.view()->model()->index(0, 1).data().toString();
        QVERIFY2(number.contains(QLatin1String("1111")) && number.contains(QChar(0x2022)), qPrintable(number));
    }

    void liveValidation_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("expiry");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("brand");
        QTest::addColumn<QString>("wrongField"); // empty: every field valid
        QTest::newRow("visa ok") << "4111111111111111" << "03/27" << "123" << "Visa" << "";
        QTest::newRow("mastercard typed") << "5555 5555 5555 4444" << "01/29" << "456" << "Mastercard" << "";
        QTest::newRow("amex needs 4 digits") << "378282246310005" << "01/29" << "123" << "American Express"
                                             << "securityCodeError";
        QTest::newRow("amex with 4") << "378282246310005" << "01/29" << "1234" << "American Express" << "";
        QTest::newRow("too short for visa") << "4111 1111" << "01/29" << "123" << "Visa" << "cardNumberError";
        QTest::newRow("expired last month") << "4111111111111111" << "02/27" << "123" << "Visa" << "expiryError";
        QTest::newRow("month 13") << "4111111111111111" << "13/29" << "123" << "Visa" << "expiryError";
        QTest::newRow("unknown brand") << "9111111111111111" << "01/29" << "123" << "" << "cardNumberError";
    }

    void liveValidation()
    {
        QFETCH(QString, number);
        QFETCH(QString, expiry);
        QFETCH(QString, code);
        QFETCH(QString, brand);
        QFETCH(QString, wrongField);
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-03-10T10:00:00Z"));
        QVERIFY(service);
        PaymentsPage page(*service);
        AddCardDialog *dialog = page.openAddCardDialog();
        QVERIFY(dialog->isVisible());
        type(dialog, "cardNumber", number);
        type(dialog, "expiry", expiry);
        type(dialog, "securityCode", code);
        type(dialog, "holder", QStringLiteral("Ana Lima"));
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("brand"))->text(), brand);
        for (const char *name : {"cardNumberError", "expiryError", "securityCodeError", "holderError", "fundsError"}) {
            auto *error = dialog->findChild<ErrorLabel *>(QLatin1String(name));
            QVERIFY(error);
            QCOMPARE(error->isVisible(), wrongField == QLatin1String(name));
        }
        QCOMPARE(okButton(dialog)->isEnabled(), wrongField.isEmpty());
        dialog->close();
    }

    void removingAMethodAPolicyUsesNamesTheLine()
    {
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-03-10T10:00:00Z"));
        QVERIFY(service);
        const Expected<MethodRecord> wallet = service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(5000)});
        QVERIFY2(wallet, qPrintable(wallet.error()));
        const Expected<LineRecord> line = service->addLine(LineForm{QStringLiteral("Travel phone"), {}, UsageProfile::Light, 1,
                                                                    DataAmount(5000000000), VoiceAmount()});
        QVERIFY2(line, qPrintable(line.error()));
        Policy policy;
        policy.monthly = MonthlyTrigger{1, 9 * 60, packageId(*service, "1 GB data")};
        policy.method = wallet->engineId();
        const Expected<bool> set = service->setPolicy(line->id, policy);
        QVERIFY2(set, qPrintable(set.error()));

        PaymentsPage page(*service);
        page.resize(1000, 600);
        page.show();
        page.view()->selectRow(0);
        QString refusal;
        answerNextModal([&](QDialog *question) {
            auto *box = qobject_cast<QMessageBox *>(question);
            QVERIFY(box);
            answerNextModal([&](QDialog *warning) {
                refusal = qobject_cast<QMessageBox *>(warning)->text();
            });
            QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("remove")), Qt::LeftButton);
        QVERIFY2(refusal.contains(QLatin1String("Travel phone")), qPrintable(refusal));
        QCOMPARE(service->methods()->size(), std::size_t(1));
    }

    void theSelectionSurvivesClockSteps()
    {
        // A playing clock moves funds every step; the chosen method stays chosen.
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        PaymentsPage page(*service);
        page.resize(1000, 600);
        page.show();
        page.view()->selectRow(1);
        auto *deposit = page.findChild<QPushButton *>(QStringLiteral("deposit"));
        QVERIFY(deposit->isEnabled());
        const QString fundsBefore = page.view()->model()->index(0, 3).data().toString();
        for (int step = 0; step < 20; ++step)
            QVERIFY(service->advanceBy(12 * 3600 * 1000));
        // The model reloads once the burst of signals is over; in ten days the Visa paid top-ups.
        QTRY_VERIFY(page.view()->model()->index(0, 3).data().toString() != fundsBefore);
        QCOMPARE(page.view()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(page.view()->selectionModel()->selectedRows().front().row(), 1);
        QVERIFY(deposit->isEnabled());
    }

    void depositAddsFunds()
    {
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-03-10T10:00:00Z"));
        QVERIFY(service);
        QVERIFY(service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(1000)}));
        PaymentsPage page(*service);
        page.show();
        page.view()->selectRow(0);
        answerNextModal([&](QDialog *dialog) {
            type(dialog, "amount", QStringLiteral("0"));
            QVERIFY(!okButton(dialog)->isEnabled());
            type(dialog, "amount", QStringLiteral("25.50"));
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("deposit")), Qt::LeftButton);
        QCOMPARE(service->methods()->front().funds, Money::fromCents(3550));
    }
};

QTEST_MAIN(TestPaymentsPage)
#include "tst_paymentspage.moc"
