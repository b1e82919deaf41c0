// The settings page says what the background check of the data files
// found this session: whole, or damaged (naming the file); it sets, changes
// and removes the account's monthly cap, taking what was typed or saying
// why not; it shows the currency, fixed, with the reason.
#include "testmain.h"
#include "pagesfixture.h"

#include "app/appsettings.h"
#include "damagedfile.h"
#include "pages/settingspage.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

namespace tst_settingspage {

using namespace topup;
using namespace topup::testing;

namespace {

constexpr int checkTimeoutMs = 60000; // a loaded 2-core machine

// The demo world, closed cleanly with a usage table of many pages, and
// opened again: its full check runs in the background.
std::unique_ptr<Service> reopenedDemo(const QString &dir, bool damaged)
{
    if (!demoWorld(dir, at("2027-06-20T10:00:00Z")))
        return nullptr;
    const QString store = QDir(dir).filePath(QStringLiteral("topup.sqlite"));
    if (!test::fillUsageTable(store, QStringLiteral("usage_hours"), 30000))
        return nullptr;
    if (damaged) {
        const Expected<test::Page> page = test::middleLeafOf(store, QStringLiteral("usage_hours"));
        if (!page || !test::scribbleOver(store, *page))
            return nullptr;
    }
    return openService(dir, at("2027-06-20T10:00:00Z"));
}

} // namespace

class TestSettingsPage final : public QObject
{
    Q_OBJECT

private slots:
    void showsWhatTheCheckOfTheDataFilesFound_data()
    {
        QTest::addColumn<bool>("damaged");
        QTest::addColumn<QString>("shown");
        QTest::newRow("whole") << false << QStringLiteral("are whole");
        QTest::newRow("damaged") << true << QStringLiteral("Damaged: ");
    }

    void showsWhatTheCheckOfTheDataFilesFound()
    {
        QFETCH(bool, damaged);
        QFETCH(QString, shown);
        QTemporaryDir dir;
        auto service = reopenedDemo(dir.path(), damaged);
        QVERIFY(service);
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        SettingsPage page(*service, settings);
        page.resize(1060, 760);
        page.show();
        auto *status = page.findChild<QLabel *>(QStringLiteral("integrityStatus"));
        QVERIFY(status);
        QSignalSpy checked(service.get(), &Service::integrityChecked);
        if (service->integrity() == Service::Integrity::Checking) {
            QVERIFY2(status->text().contains(QLatin1String("in the background")), qPrintable(status->text()));
            QVERIFY(checked.wait(checkTimeoutMs));
        }
        QVERIFY2(status->text().contains(shown), qPrintable(status->text()));
        if (damaged)
            QVERIFY2(status->text().contains(QDir(dir.path()).filePath(QStringLiteral("topup.sqlite"))), qPrintable(status->text()));
    }

    void theAccountCapIsSetChangedAndRemovedAsTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("error"); // empty: saved
        QTest::addColumn<qint64>("cents");  // -1: no cap
        QTest::newRow("set") << QStringLiteral("150.00") << QString() << qint64(15000);
        QTest::newRow("one decimal") << QStringLiteral("99.5") << QString() << qint64(9950);
        QTest::newRow("removed") << QString() << QString() << qint64(-1);
        QTest::newRow("exponent") << QStringLiteral("1e3") << QStringLiteral("Enter an amount like 200.00") << qint64(20000);
        QTest::newRow("negative") << QStringLiteral("-5") << QStringLiteral("Enter an amount like 200.00") << qint64(20000);
        QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("more than zero") << qint64(20000);
        QTest::newRow("three decimals") << QStringLiteral("2.505") << QStringLiteral("Enter an amount like 200.00") << qint64(20000);
    }

    void theAccountCapIsSetChangedAndRemovedAsTyped()
    {
        QFETCH(QString, typed);
        QFETCH(QString, error);
        QFETCH(qint64, cents);
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        QVERIFY(service->setAccountCap(Money::fromCents(20000)));
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        SettingsPage page(*service, settings);
        page.resize(1060, 760);
        page.show();
        auto *cap = page.findChild<QLineEdit *>(QStringLiteral("accountCap"));
        auto *save = page.findChild<QPushButton *>(QStringLiteral("saveAccountCap"));
        auto *message = page.findChild<QLabel *>(QStringLiteral("accountCapError"));
        QVERIFY(cap && save && message);
        QCOMPARE(cap->text(), QStringLiteral("200.00"));
        QVERIFY(!save->isEnabled()); // nothing changed yet
        cap->setFocus();
        cap->selectAll();
        QTest::keyClick(cap, Qt::Key_Delete);
        QTest::keyClicks(cap, typed);
        QCOMPARE(cap->text(), typed); // the field keeps every character typed
        QCOMPARE(save->isEnabled(), error.isEmpty());
        QVERIFY2(error.isEmpty() ? message->text().isEmpty() : message->text().contains(error), qPrintable(message->text()));
        QTest::keyClick(cap, Qt::Key_Return);
        const std::optional<Money> stored = service->account()->monthlyCap;
        QCOMPARE(stored.has_value(), cents >= 0);
        if (stored)
            QCOMPARE(stored->cents(), cents);
        // And it is what the store holds from then on.
        const Expected<std::vector<Account>> accounts = service->allAccounts();
        QVERIFY(accounts && accounts->size() == 1);
        QCOMPARE(accounts->front().monthlyCap, stored);
    }

    void theCurrencyIsShownFixedWithTheReason()
    {
        const auto world = appWorld([](const QString &dir) { return freshAccount(dir, at("2027-03-15T10:00:00Z")); });
        QVERIFY(world);
        const std::unique_ptr<SettingsPage> page = showWith<SettingsPage>(*world);
        auto *currency = page->findChild<QLineEdit *>(QStringLiteral("currency"));
        QVERIFY(currency && currency->isReadOnly());
        QCOMPARE(currency->text(), QStringLiteral("EUR"));
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("currencyNote"))->text().contains(QLatin1String("created")));
    }
};

TOPUP_TEST_MAIN(TestSettingsPage)
} // namespace tst_settingspage
#include "tst_settingspage.moc"
