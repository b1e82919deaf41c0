// The alerts page on the demo world: the stored alerts read as sentences,
// low funds on a method a policy pays with (a core alert), marking read lowers the count.
#include "testmain.h"
#include "pagesfixture.h"

#include "app/appsettings.h"
#include "checked.h"

#include "models/alertmodel.h"
#include "pages/alertspage.h"
#include "pages/dashboardpage.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

namespace tst_alertspage {

using namespace topup;
using namespace topup::testing;

class TestAlertsPage final : public QObject
{
    Q_OBJECT

private slots:
    void demoAlertsAndMarkingRead()
    {
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        AlertsPage page(*service);
        page.resize(1280, 800);
        page.show();
        const int stored = int(service->alerts(true)->size());
        QVERIFY(stored > 0);
        QVERIFY(page.unreadCount() >= stored);
        bool expiring = false;
        bool blocked = false;
        for (int row = 0; row < page.model()->rowCount(); ++row) {
            const QString kind = page.model()->index(row, 0).data(AlertModel::KindRole).toString();
            const QString message = page.model()->index(row, AlertModel::Message).data().toString();
            expiring = expiring || (kind == QLatin1String("card_expiring") && message.contains(QLatin1String("Mastercard")));
            blocked = blocked || (kind == QLatin1String("topup_blocked") && message.contains(QLatin1String("EU tablet")));
        }
        QVERIFY(expiring);
        QVERIFY(blocked);

        QSignalSpy counts(&page, &AlertsPage::unreadCountChanged);
        const int before = page.unreadCount();
        page.view()->selectRow(0);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("markRead")), Qt::LeftButton);
        QCOMPARE(page.unreadCount(), before - 1);
        QVERIFY(!counts.isEmpty());
        QCOMPARE(counts.last().at(0).toInt(), before - 1);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("markAllRead")), Qt::LeftButton);
        QCOMPARE(page.unreadCount(), 0);
        QCOMPARE(counts.last().at(0).toInt(), 0);
        QCOMPARE(int(service->alerts(true)->size()), 0);
    }

    void pagesThroughAlertsCountingEveryUnreadOne()
    {
        // Pages of one: the first page holds one row, the count is the
        // store's (every unread alert, loaded or not), the pages join into
        // the store's list, and marking all read reaches the unloaded ones.
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        const std::vector<AlertRow> all = TOPUP_VALUE(service->alerts());
        const int unread = int(TOPUP_VALUE(service->alerts(true)).size());
        QVERIFY(all.size() > 2);
        AlertModel model(*service, 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.unreadCount(), unread);
        QVERIFY(model.canFetchMore({}));
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(std::size_t(model.rowCount()), all.size());
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, AlertModel::Time).data(AlertModel::RawRole).toLongLong(), all[std::size_t(row)].at.msecs());
        AlertModel fresh(*service, 1);
        QSignalSpy counts(&fresh, &AlertModel::unreadCountChanged);
        fresh.markAllRead();
        QCOMPARE(fresh.unreadCount(), 0);
        QCOMPARE(counts.last().at(0).toInt(), 0);
        QVERIFY(TOPUP_VALUE(service->alerts(true)).empty());
    }

    void lowFundsOnAMethodAPolicyUses()
    {
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-04-10T10:00:00Z"));
        QVERIFY(service);
        const Expected<MethodRecord> wallet = service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(400)});
        QVERIFY2(wallet, qPrintable(wallet.error()));
        const Expected<LineRecord> line = service->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Light, 1,
                                                                    DataAmount(5000000000), VoiceAmount()});
        QVERIFY2(line, qPrintable(line.error()));
        AlertsPage page(*service);
        page.show(); // a hidden page reads only the count
        QCOMPARE(page.unreadCount(), 0); // no policy uses the wallet yet
        Policy policy;
        policy.monthly = MonthlyTrigger{28, 9 * 60, packageId(*service, "1 GB data")}; // 5.00 > 4.00 left
        policy.method = wallet->engineId();
        QVERIFY(service->setPolicy(line->id, policy));
        QTRY_COMPARE(page.unreadCount(), 1);
        QCOMPARE(page.model()->index(0, 0).data(AlertModel::KindRole).toString(), QStringLiteral("low_funds"));
        const QString message = page.model()->index(0, AlertModel::Message).data().toString();
        QVERIFY2(message.contains(QLatin1String("4.00")) && message.contains(QLatin1String("5.00")), qPrintable(message));
        // A core alert like the others: stored, so the side bar counts it too.
        QCOMPARE(int(service->alerts(true)->size()), 1);
        QCOMPARE(service->alerts(true)->front().kind, AlertKind::LowFunds);
        // Funded again: no new alert; the one that was stays until read.
        QVERIFY(service->deposit(wallet->id, Money::fromCents(1000)));
        QVERIFY(service->advanceBy(24 * 3600 * 1000));
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.unreadCount(), 1);
    }

    // SPEC §7: the method fails, then the fallback at the same instant. The
    // alert names both methods with their reasons, on the Alerts page and
    // on the dashboard alike (one wording).
    void aFailedFallbackIsNamedWithItsReason()
    {
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-04-10T10:00:00Z"));
        QVERIFY(service);
        const Expected<MethodRecord> first = service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(9000)});
        QVERIFY2(first, qPrintable(first.error()));
        const Expected<MethodRecord> fallback = service->addWallet(WalletForm{QStringLiteral("bo@example.org"), Money::fromCents(9000)});
        QVERIFY2(fallback, qPrintable(fallback.error()));
        const Expected<LineRecord> line = service->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Light, 1,
                                                                    DataAmount(5000000000), VoiceAmount()});
        QVERIFY2(line, qPrintable(line.error()));
        Policy policy;
        policy.monthly = MonthlyTrigger{11, 9 * 60, packageId(*service, "1 GB data")};
        policy.method = first->engineId();
        policy.fallback = fallback->engineId();
        QVERIFY(service->setPolicy(line->id, policy));
        QVERIFY(service->injectFault(first->id, {Reason::Declined}));
        QVERIFY(service->injectFault(fallback->id, {Reason::GatewayError}));
        AlertsPage page(*service);
        page.show(); // a hidden page reads only the count
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        DashboardPage dashboard(*service, settings);
        dashboard.resize(1280, 800);
        dashboard.show(); // it refreshes while shown
        QVERIFY(service->advanceBy(24 * 3600 * 1000)); // past 11 Apr 09:00 Paris

        QTRY_COMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->index(0, 0).data(AlertModel::KindRole).toString(), QStringLiteral("topup_failed"));
        const QString message = page.model()->index(0, AlertModel::Message).data().toString();
        for (const QString &part : {first->label(), QStringLiteral("declined by the bank"), fallback->label(),
                                    QStringLiteral("payment gateway error")})
            QVERIFY2(message.contains(part), qPrintable(message + QStringLiteral(" lacks ") + part));
        auto *latest = dashboard.findChild<QListWidget *>(QStringLiteral("latestAlerts"));
        QVERIFY(latest);
        QTRY_VERIFY(latest->count() > 0 && latest->item(0)->text().contains(fallback->label()));
        QVERIFY2(latest->item(0)->text().contains(QLatin1String("payment gateway error")), qPrintable(latest->item(0)->text()));
    }

    // The dashboard's latest alerts word them as the Alerts page does: the
    // expiring card is named, its month in words.
    void theDashboardNamesTheExpiringCard()
    {
        const auto world = appWorld([](const QString &dir) { return demoWorld(dir, at("2027-03-15T10:00:00Z")); });
        QVERIFY(world);
        const std::unique_ptr<DashboardPage> dashboard = showWith<DashboardPage>(*world);
        auto *latest = dashboard->findChild<QListWidget *>(QStringLiteral("latestAlerts"));
        QVERIFY(latest);
        QTRY_VERIFY(latest->count() > 1);
        QStringList texts;
        for (int row = 0; row < latest->count(); ++row)
            texts << latest->item(row)->text();
        QVERIFY2(texts.filter(QStringLiteral("Mastercard")).filter(QStringLiteral("expires at the end of March 2027")).size() == 1,
                 qPrintable(texts.join(QLatin1Char('\n'))));
    }

    void whileYouWereAway()
    {
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-04-10T10:00:00Z"));
        QVERIFY(service);
        AlertsPage page(*service);
        CatchUpSummary summary;
        summary.from = at("2027-04-01T10:00:00Z");
        summary.to = at("2027-04-10T10:00:00Z");
        summary.topUps = 2;
        summary.failures = 1;
        summary.spend = Money::fromCents(3000);
        page.addAwaySummary(summary);
        QCOMPARE(page.unreadCount(), 1);
        const QString message = page.model()->index(0, AlertModel::Message).data().toString();
        QVERIFY2(message.startsWith(QLatin1String("While you were away")) && message.contains(QLatin1String("top-ups paid 2"))
                     && message.contains(QLatin1String("30.00")),
                 qPrintable(message));
        page.model()->markRead(0);
        QCOMPARE(page.unreadCount(), 0);
    }
};

TOPUP_TEST_MAIN(TestAlertsPage)
} // namespace tst_alertspage
#include "tst_alertspage.moc"
