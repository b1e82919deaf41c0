// The payments page and its dialogs, typed into as a person would.
#include "pagesfixture.h"

#include "checked.h"
#include "dialogs/addcarddialog.h"
#include "models/methodmodel.h"
#include "pages/paymentspage.h"
#include "widgets/errorlabel.h"
#include "worldimage.h"

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
        QTest::addColumn<QString>("holder");
        QTest::newRow("visa ok") << "4111111111111111" << "03/27" << "123" << "Visa" << "" << "Ana Lima";
        QTest::newRow("mastercard typed") << "5555 5555 5555 4444" << "01/29" << "456" << "Mastercard" << "" << "Ana Lima";
        QTest::newRow("amex needs 4 digits") << "378282246310005" << "01/29" << "123" << "American Express"
                                             << "securityCodeError" << "Ana Lima";
        QTest::newRow("amex with 4") << "378282246310005" << "01/29" << "1234" << "American Express" << "" << "Ana Lima";
        QTest::newRow("too short for visa") << "4111 1111" << "01/29" << "123" << "Visa" << "cardNumberError" << "Ana Lima";
        QTest::newRow("expired last month") << "4111111111111111" << "02/27" << "123" << "Visa" << "expiryError" << "Ana Lima";
        QTest::newRow("month 13") << "4111111111111111" << "13/29" << "123" << "Visa" << "expiryError" << "Ana Lima";
        QTest::newRow("unknown brand") << "9111111111111111" << "01/29" << "123" << "" << "cardNumberError" << "Ana Lima";
        // Every field keeps what was typed, and says why it is not valid.
        QTest::newRow("letter in the number") << "4111 1111 1111 111a" << "01/29" << "123" << "" << "cardNumberError" << "Ana Lima";
        QTest::newRow("five-digit code") << "4111111111111111" << "01/29" << "12345" << "Visa" << "securityCodeError" << "Ana Lima";
        QTest::newRow("long expiry") << "4111111111111111" << "01/2029x" << "123" << "Visa" << "expiryError" << "Ana Lima";
        QTest::newRow("holder with a direction override") << "4111111111111111" << "01/29" << "123" << "Visa" << "holderError"
                                                          << QStringLiteral("Ana \u202EamiL");
        QTest::newRow("holder with a control character") << "4111111111111111" << "01/29" << "123" << "Visa" << "holderError"
                                                         << QStringLiteral("Ana\u0007Lima");
        QTest::newRow("holder with an isolate") << "4111111111111111" << "01/29" << "123" << "Visa" << "holderError"
                                                << QStringLiteral("Ana \u2067Lima\u2069");
    }

    void liveValidation()
    {
        QFETCH(QString, number);
        QFETCH(QString, expiry);
        QFETCH(QString, code);
        QFETCH(QString, brand);
        QFETCH(QString, wrongField);
        QFETCH(QString, holder);
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-03-10T10:00:00Z"));
        QVERIFY(service);
        PaymentsPage page(*service);
        AddCardDialog *dialog = page.openAddCardDialog();
        QVERIFY(dialog->isVisible());
        type(dialog, "cardNumber", number);
        type(dialog, "expiry", expiry);
        type(dialog, "securityCode", code);
        // Typed, or pasted for the characters no key gives.
        auto *holderField = dialog->findChild<QLineEdit *>(QStringLiteral("holder"));
        holderField->clear();
        holderField->insert(holder);
        const std::pair<const char *, QString> typed[] = {{"cardNumber", number}, {"expiry", expiry}, {"securityCode", code}, {"holder", holder}};
        for (const auto &[name, text] : typed)
            QCOMPARE(dialog->findChild<QLineEdit *>(QLatin1String(name))->text(), text);
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("brand"))->text(), brand);
        for (const char *name : {"cardNumberError", "expiryError", "securityCodeError", "holderError", "fundsError"}) {
            auto *error = dialog->findChild<ErrorLabel *>(QLatin1String(name));
            QVERIFY(error);
            QCOMPARE(error->isVisible(), wrongField == QLatin1String(name));
        }
        QCOMPARE(okButton(dialog)->isEnabled(), wrongField.isEmpty());
        dialog->close();
    }

    void removingAMethodAPolicyUsesIsRefusedBeforeTheConfirmation()
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
        const Expected<void> set = service->setPolicy(line->id, policy);
        QVERIFY2(set, qPrintable(set.error()));

        PaymentsPage page(*service);
        page.resize(1000, 600);
        page.show();
        page.view()->selectRow(0);
        // Refused at once, naming the line: no "Remove …?" asked first.
        QString refusal;
        bool confirmationAsked = false;
        answerNextModal([&](QDialog *shown) {
            auto *box = qobject_cast<QMessageBox *>(shown);
            QVERIFY(box);
            confirmationAsked = box->button(QMessageBox::Yes) != nullptr;
            refusal = box->text();
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("remove")), Qt::LeftButton);
        QVERIFY(!confirmationAsked);
        QVERIFY2(refusal.contains(QLatin1String("cannot be removed")) && refusal.contains(QLatin1String("Travel phone")),
                 qPrintable(refusal));
        QCOMPARE(service->methods()->size(), std::size_t(1));

        // Once no rules use it, the confirmation comes, and Yes removes it.
        QVERIFY(service->setPolicy(line->id, std::nullopt));
        answerNextModal([&](QDialog *shown) {
            auto *box = qobject_cast<QMessageBox *>(shown);
            QVERIFY(box && box->button(QMessageBox::Yes));
            QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("remove")), Qt::LeftButton);
        QVERIFY(service->methods()->empty());
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

    // Funds the simulated provider cannot tell (its account for the wallet
    // is gone) read "Unknown", the provider's reason in the tooltip: never
    // a made-up 0.00 (issue 14).
    void unknownFundsSayWhyInsteadOfZero()
    {
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-03-10T10:00:00Z"));
        QVERIFY(service);
        const MethodRecord wallet = TOPUP_VALUE(service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(1000)}));
        QVERIFY(test::forgetProviderAccount(dir.path(), wallet.token));
        QVERIFY(!TOPUP_FIRST(service->methods()).fundsKnown);

        PaymentsPage page(*service);
        page.show();
        const QModelIndex funds = page.view()->model()->index(0, MethodModel::Funds);
        QCOMPARE(funds.data().toString(), QStringLiteral("Unknown"));
        const QString why = funds.data(Qt::ToolTipRole).toString();
        QVERIFY2(why.contains(QLatin1String("no such payment account at the provider")) && why.contains(QLatin1String("unknown")),
                 qPrintable(why));
        QVERIFY(!funds.data(MethodModel::RawRole).isValid()); // sorted apart, not as 0
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
