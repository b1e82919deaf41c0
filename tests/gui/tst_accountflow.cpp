// An account through the window: sign-up asks the currency and the time
// zone (as typed, or why not), signing out lands on Sign in, and "While you
// were away" is told only after signing in, only for that account, in its
// own time zone and currency, and stays in its Alerts.
#include "testmain.h"
#include "pagesfixture.h"

#include "app/appsettings.h"
#include "app/mainwindow.h"
#include "pages/alertspage.h"
#include "pages/signinpage.h"
#include "app/startupflow.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

namespace tst_accountflow {

using namespace topup;
using namespace topup::testing;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;

QMessageBox *awayBox(QWidget *window)
{
    for (QMessageBox *box : window->findChildren<QMessageBox *>(QStringLiteral("awaySummaryBox"))) {
        if (box->isVisible()) // one told before may wait to be deleted
            return box;
    }
    return nullptr;
}

// An account whose heavy line tops up from a wallet whenever data falls below 1 GB.
bool accountWithBusyLine(Service &service, const char *login, const char *currency, const char *zone)
{
    if (!service.signUp(SignUpForm{QLatin1String(login), QStringLiteral("correct-horse-battery"), QLatin1String(currency),
                                   QLatin1String(zone), std::nullopt}))
        return false;
    const Expected<MethodRecord> wallet = service.addWallet(WalletForm{QLatin1String(login), Money::fromCents(100000)});
    const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Heavy, 5,
                                                               DataAmount(2 * gigabyte), VoiceAmount()});
    if (!wallet || !line)
        return false;
    Policy policy;
    policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageId(service, "5 GB data")};
    policy.method = wallet->engineId();
    return bool(service.setPolicy(line->id, policy));
}

} // namespace

class TestAccountFlow final : public QObject
{
    Q_OBJECT

private slots:
    void signUpTakesTheCurrencyAndZoneAndSignOutLandsOnSignIn()
    {
        const auto world = appWorld([](const QString &dir) { return openService(dir + QLatin1String("/data"), at("2027-03-15T10:00:00Z")); });
        QVERIFY(world);
        const std::unique_ptr<Service> &service = world->service;
        const std::unique_ptr<MainWindow> shown = showWith<MainWindow>(*world);
        MainWindow &window = *shown;
        SignInPage *page = window.signInPage();
        QTest::mouseClick(child<QPushButton>(page, "modeButton"), Qt::LeftButton);
        QVERIFY(page->isSignUpMode());
        QTest::keyClicks(child<QLineEdit>(page, "login"), QStringLiteral("sam@example.com"));
        QTest::keyClicks(child<QLineEdit>(page, "password"), QStringLiteral("a-new-user-2027"));
        QTest::keyClicks(child<QLineEdit>(page, "confirmPassword"), QStringLiteral("a-new-user-2027"));
        auto *currency = child<QComboBox>(page, "signUpCurrency");
        QVERIFY(currency->isVisible());
        QCOMPARE(currency->currentText(), QStringLiteral("EUR"));
        currency->setFocus();
        QTest::keyClick(currency, Qt::Key_Down); // USD
        QCOMPARE(currency->currentData().toString(), QStringLiteral("USD"));
        auto *zone = child<QComboBox>(page, "signUpTimezone");
        auto *create = child<QPushButton>(page, "submitButton");
        auto *zoneMessage = child<QLabel>(page, "signUpTimezoneMessage");
        // A zone the system does not know stays as typed, with the reason, and blocks the form.
        zone->lineEdit()->selectAll();
        QTest::keyClicks(zone->lineEdit(), QStringLiteral("Mars/Base"));
        QCOMPARE(zone->currentText(), QStringLiteral("Mars/Base"));
        QVERIFY(!create->isEnabled());
        QVERIFY2(zoneMessage->isVisible() && zoneMessage->text().contains(QLatin1String("\"Mars/Base\"")), qPrintable(zoneMessage->text()));
        zone->lineEdit()->selectAll();
        QTest::keyClicks(zone->lineEdit(), QStringLiteral("Asia/Tokyo"));
        QVERIFY(!zoneMessage->isVisible());
        QVERIFY(create->isEnabled());
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(service->account());
        QCOMPARE(service->account()->currency, QStringLiteral("USD"));
        QCOMPARE(service->account()->timezone, QStringLiteral("Asia/Tokyo"));
        QVERIFY(window.isSignedInView());

        QVERIFY(window.signOut());
        QVERIFY(!window.isSignedInView());
        QVERIFY(!page->isSignUpMode()); // Sign in, not Create your account
        QVERIFY(!child<QComboBox>(page, "signUpCurrency")->isVisible());
        QCOMPARE(child<QPushButton>(page, "submitButton")->text(), QStringLiteral("Sign in"));
    }

    void whileYouWereAwayIsEachAccountsOwnAfterItSignsIn()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        {
            auto service = openService(data, at("2027-03-01T08:00:00Z"));
            QVERIFY(service);
            QVERIFY(accountWithBusyLine(*service, "ana@example.com", "EUR", "Europe/Paris"));
            QVERIFY(accountWithBusyLine(*service, "bo@example.com", "USD", "Asia/Tokyo"));
            QVERIFY(service->catchUpToNow());
        }
        // Started again ten days later: the catch-up runs before anyone signs in.
        auto service = openService(data, at("2027-03-11T08:00:00Z"));
        QVERIFY(service);
        const Expected<CatchUpSummary> caught = service->catchUpToNow();
        QVERIFY2(caught, qPrintable(caught.error()));
        const std::vector<Account> accounts = *service->allAccounts();
        QCOMPARE(caught->accounts.size(), std::size_t(2));
        const CatchUpSummary ana = caught->forAccount(accounts[0].id);
        const CatchUpSummary bo = caught->forAccount(accounts[1].id);
        QVERIFY(ana.topUps > 0 && bo.topUps > 0);
        QCOMPARE(ana.topUps + bo.topUps, caught->topUps);

        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(*service, settings);
        window.resize(1280, 800);
        window.show();
        window.setAwaySummary(*caught);
        QVERIFY(!awayBox(&window)); // nobody signed in: nothing is told

        QVERIFY(service->signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery")));
        QMessageBox *box = awayBox(&window);
        QVERIFY(box);
        QCOMPARE(box->text(), StartupFlow::awaySummary(ana, QStringLiteral("EUR"), QTimeZone("Europe/Paris")));
        QVERIFY(box->text() != StartupFlow::awaySummary(*caught, QStringLiteral("EUR"), QTimeZone("Europe/Paris")));
        box->accept();
        // In Alerts, for the session.
        QAbstractItemModel *alerts = child<QTableView>(window.alertsPage(), "alerts")->model();
        const auto awayRows = [alerts] {
            QStringList rows;
            for (int row = 0; row < alerts->rowCount(); ++row) {
                for (int column = 0; column < alerts->columnCount(); ++column) {
                    const QString text = alerts->index(row, column).data().toString();
                    if (text.startsWith(QLatin1String("While you were away")))
                        rows << text;
                }
            }
            return rows;
        };
        QTRY_COMPARE(awayRows().size(), 1);
        QVERIFY2(awayRows().front().contains(QStringLiteral("top-ups paid %1,").arg(ana.topUps)), qPrintable(awayRows().front()));

        QVERIFY(window.signOut());
        QVERIFY(service->signIn(QStringLiteral("bo@example.com"), QStringLiteral("correct-horse-battery")));
        box = awayBox(&window);
        QVERIFY(box);
        QCOMPARE(box->text(), StartupFlow::awaySummary(bo, QStringLiteral("USD"), QTimeZone("Asia/Tokyo")));
        QVERIFY2(box->text().contains(QLatin1String("USD")), qPrintable(box->text()));
        box->accept();
        QTRY_COMPARE(awayRows().size(), 1);
        QVERIFY2(awayRows().front().contains(QStringLiteral("top-ups paid %1,").arg(bo.topUps)), qPrintable(awayRows().front()));

        // Told once: Ana's next sign-in shows no message, her Alerts still have it.
        QVERIFY(window.signOut());
        QVERIFY(service->signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery")));
        QVERIFY(!awayBox(&window));
        QTRY_COMPARE(awayRows().size(), 1);
    }
};

TOPUP_TEST_MAIN(TestAccountFlow)
} // namespace tst_accountflow
#include "tst_accountflow.moc"
