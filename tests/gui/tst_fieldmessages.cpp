// The messages under dialog fields are shown whole: a message that wraps
// gets the height of all its lines, inside the dialog (issue 14).
#include "testmain.h"
#include "pagesfixture.h"

#include "dialogs/addcarddialog.h"
#include "dialogs/addwalletdialog.h"
#include "dialogs/depositdialog.h"
#include "widgets/errorlabel.h"

#include <QLineEdit>

namespace tst_fieldmessages {

using namespace topup;
using namespace topup::testing;

namespace {

void type(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = parent->findChild<QLineEdit *>(QLatin1String(name));
    QVERIFY2(edit, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

// Every message shown has room for each of its lines, and the dialog holds it.
void verifyWhole(QDialog &dialog, int expectedMessages)
{
    QApplication::processEvents();
    QApplication::processEvents();
    int shown = 0;
    bool wraps = false;
    for (ErrorLabel *label : dialog.findChildren<ErrorLabel *>()) {
        if (!label->isVisible())
            continue;
        ++shown;
        const int needed = label->heightForWidth(label->contentsRect().width())
                           + label->contentsMargins().top() + label->contentsMargins().bottom();
        wraps = wraps || needed > label->fontMetrics().height() * 3 / 2;
        QVERIFY2(label->height() >= needed, qPrintable(QStringLiteral("\"%1\": %2 px high, needs %3")
                                                           .arg(label->text()).arg(label->height()).arg(needed)));
        const QRect inDialog(label->mapTo(&dialog, QPoint(0, 0)), label->size());
        QVERIFY2(dialog.rect().contains(inDialog), qPrintable(label->text()));
    }
    QCOMPARE(shown, expectedMessages);
    QVERIFY2(wraps, "no message wraps: the case tests nothing");
}

} // namespace

class TestFieldMessages final : public QObject
{
    Q_OBJECT

private slots:
    void walletAddress()
    {
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-03-10T10:00:00Z"));
        QVERIFY(service);
        AddWalletDialog dialog(*service);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(&dialog, "walletEmail", QStringLiteral("jane.example.com"));
        verifyWhole(dialog, 1);
    }

    void cardBrand()
    {
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-03-10T10:00:00Z"));
        QVERIFY(service);
        AddCardDialog dialog(*service);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(&dialog, "cardNumber", QStringLiteral("9999 9999 9999 9995"));
        verifyWhole(dialog, 1);
    }

    void depositOverflow()
    {
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-03-10T10:00:00Z"));
        QVERIFY(service);
        const Expected<MethodRecord> wallet = service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(1000)});
        QVERIFY(wallet);
        DepositDialog dialog(*service, wallet->id, QStringLiteral("PayPal"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(&dialog, "amount", QStringLiteral("92233720368547758.00"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        verifyWhole(dialog, 1);
    }
};

TOPUP_TEST_MAIN(TestFieldMessages)
} // namespace tst_fieldmessages
#include "tst_fieldmessages.moc"
