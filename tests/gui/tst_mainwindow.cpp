#include "testmain.h"
#include "checked.h"
#include "pagesfixture.h"
#include "pages/linepage.h"
#include "pages/policyeditor.h"
#include "widgets/linecard.h"
#include "models/alertmodel.h"
#include "models/attemptmodel.h"
#include "models/previewmodel.h"
#include "app/appearance.h"
#include "app/appsettings.h"
#include "app/demoaccess.h"
#include "app/mainwindow.h"
#include "text/formatter.h"
#include "pages/alertspage.h"
#include "pages/historypage.h"
#include "pages/dashboardpage.h"
#include "pages/settingspage.h"
#include "service/demoworld.h"
#include "service/service.h"
#include "widgets/statecolors.h"
#include "app/traynotifier.h"

#include <QSystemTrayIcon>

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QTimeZone>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QTest>

#include <algorithm>

namespace tst_mainwindow {

using namespace topup;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Appearance> m_appearance;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<MainWindow> m_window;

    static QApplication &app() { return *static_cast<QApplication *>(QCoreApplication::instance()); }

    void chooseIn(const char *comboName, const QString &data)
    {
        auto *combo = m_window->findChild<QComboBox *>(QLatin1String(comboName));
        QVERIFY(combo);
        const int index = combo->findData(data);
        QVERIFY(index >= 0);
        // As a user: focus the box and step to the entry with the keyboard.
        combo->setFocus();
        while (combo->currentIndex() != index)
            QTest::keyClick(combo, combo->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("%1.ini").arg(QTest::currentTestFunction())));
        m_settings->setTheme(ThemeChoice::Light);
        m_appearance = std::make_unique<Appearance>(app(), *m_settings);
        m_service = testing::demoAccount(m_dir.filePath(QStringLiteral("data-%1").arg(QTest::currentTestFunction())), testing::at("2027-03-15T10:00:00Z"));
        QVERIFY(m_service);
        m_window = std::make_unique<MainWindow>(*m_service, *m_settings);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_service.reset();
        m_appearance.reset();
        m_settings.reset();
    }

    // A write waiting for another desktop's move (a world shared on a
    // server) blocks the window's thread: the service says so before it
    // waits, and the window shows it at once — the busy cursor and the
    // service's sentence in the status bar — and takes it away after.
    void aWaitForAnotherDesktopIsShownWhileItLasts()
    {
        QVERIFY(!m_window->statusBar()->isVisible());
        QVERIFY(!QApplication::overrideCursor());
        const QString sentence = QStringLiteral("Waiting for another desktop (topup-sim, process 42 on desk-2) to finish moving the world…");
        emit m_service->waitingForWorld(sentence);
        QVERIFY(m_window->statusBar()->isVisible());
        QCOMPARE(m_window->statusBar()->currentMessage(), sentence);
        QVERIFY(QApplication::overrideCursor());
        QCOMPARE(QApplication::overrideCursor()->shape(), Qt::WaitCursor);
        emit m_service->worldWaitEnded();
        QVERIFY(!m_window->statusBar()->isVisible());
        QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
        QVERIFY(!QApplication::overrideCursor());
    }

    void signedInShowsTheShell()
    {
        QVERIFY(m_window->isSignedInView());
        QCOMPARE(m_window->navigation()->count(), MainWindow::pageCount);
        QCOMPARE(m_window->dashboardPage()->cardCount(), 3);
    }

    void shortcutsAndKeyboardReachEveryPage_data()
    {
        QTest::addColumn<int>("page");
        for (int i = 0; i < MainWindow::pageCount; ++i)
            QTest::newRow(qPrintable(QStringLiteral("Ctrl+%1").arg(i + 1))) << i;
    }

    void shortcutsAndKeyboardReachEveryPage()
    {
        QFETCH(int, page);
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + page), Qt::ControlModifier);
        QCOMPARE(int(m_window->currentPage()), page);
        QCOMPARE(m_window->navigation()->currentRow(), page);
        // Arrow keys in the side bar move between pages too.
        m_window->showPage(MainWindow::Page::Dashboard);
        m_window->navigation()->setFocus();
        for (int i = 0; i < page; ++i)
            QTest::keyClick(m_window->navigation(), Qt::Key_Down);
        QCOMPARE(int(m_window->currentPage()), page);
    }

    void theTimeZoneIsChosenInSettings()
    {
        m_window->showPage(MainWindow::Page::Settings);
        auto *zone = m_window->findChild<QComboBox *>(QStringLiteral("timezone"));
        QVERIFY(zone && zone->isEditable());
        QCOMPARE(zone->currentText(), QStringLiteral("Europe/Berlin"));
        auto *error = m_window->findChild<QLabel *>(QStringLiteral("timezoneError"));
        QVERIFY(error);
        // An offset is refused with the reason, and the account keeps its zone.
        zone->lineEdit()->selectAll();
        QTest::keyClicks(zone->lineEdit(), QStringLiteral("UTC+05:00"));
        QTest::keyClick(zone->lineEdit(), Qt::Key_Return);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("not a time zone")), qPrintable(error->text()));
        QCOMPARE(m_service->account()->timezone, QStringLiteral("Europe/Berlin"));
        // A place's IANA name is saved at once.
        zone->lineEdit()->selectAll();
        QTest::keyClicks(zone->lineEdit(), QStringLiteral("Asia/Tokyo"));
        QTest::keyClick(zone->lineEdit(), Qt::Key_Return);
        QTRY_COMPARE(m_service->account()->timezone, QStringLiteral("Asia/Tokyo"));
        QVERIFY(!error->isVisible());
    }

    void dataUnitsChosenInSettingsReachTheLinePage()
    {
        const LineRecord line = TOPUP_FIRST(m_service->lines());
        m_window->linePage()->showLine(line.id);
        m_window->showPage(MainWindow::Page::Line);
        auto *data = m_window->linePage()->findChild<QLabel *>(QStringLiteral("dataBalance"));
        QVERIFY(data);
        QVERIFY2(data->text().contains(QLatin1String(" GB")), qPrintable(data->text()));
        m_settings->setDataUnits(DataUnits::Binary);
        QVERIFY2(data->text().contains(QLatin1String(" GiB")), qPrintable(data->text()));
        m_settings->setDataUnits(DataUnits::Decimal);
        QVERIFY2(data->text().contains(QLatin1String(" GB")), qPrintable(data->text()));
    }

    // One unit setting governs every amount: switched in Settings, the
    // card, the rules form, the preview and History say the threshold and
    // the package it buys with the same number and unit.
    void oneUnitSettingGovernsEveryAmount_data()
    {
        QTest::addColumn<int>("units");
        QTest::addColumn<QString>("below");
        QTest::addColumn<QString>("package");
        QTest::newRow("GB") << int(DataUnits::Decimal) << QStringLiteral("1 GB") << QStringLiteral("5 GB data");
        // 1 GB is 953.67431640625 MiB: six decimals read back as the same bytes.
        QTest::newRow("GiB") << int(DataUnits::Binary) << QStringLiteral("953.674316 MiB") << QStringLiteral("4.66 GiB data");
    }

    void oneUnitSettingGovernsEveryAmount()
    {
        QFETCH(int, units);
        QFETCH(QString, below);
        QFETCH(QString, package);
        const DataUnits chosen = DataUnits(units);
        m_settings->setDataUnits(chosen == DataUnits::Binary ? DataUnits::Decimal : DataUnits::Binary);
        // Home phone: below 1 GB buy 5 GB data.
        const std::vector<LineRecord> lines = TOPUP_VALUE(m_service->lines());
        const auto home = std::find_if(lines.cbegin(), lines.cend(), [](const LineRecord &line) {
            return line.policy && line.policy->threshold && line.policy->threshold->below == 1000LL * 1000 * 1000;
        });
        QVERIFY(home != lines.cend());
        m_window->linePage()->showLine(home->id);
        m_window->showPage(MainWindow::Page::Line);
        m_settings->setDataUnits(chosen);

        PolicyEditor *rules = m_window->linePage()->rules();
        auto *amount = rules->findChild<QLineEdit *>(QStringLiteral("thresholdAmount"));
        auto *unit = rules->findChild<QComboBox *>(QStringLiteral("thresholdUnit"));
        auto *bought = rules->findChild<QComboBox *>(QStringLiteral("thresholdPackage"));
        QVERIFY(amount && unit && bought);
        QCOMPARE(amount->text() + QLatin1Char(' ') + unit->currentText(), below);
        QVERIFY2(bought->currentText().startsWith(package + QStringLiteral(" — ")), qPrintable(bought->currentText()));
        QVERIFY2(!rules->findChild<QPushButton *>(QStringLiteral("save"))->isEnabled(), "switching units is no edit");
        // Saving the form as shown keeps the very same threshold.
        const Expected<DataAmount> typed = DataAmount::parse(QString(amount->text() + QLatin1Char(' ') + unit->currentData().toString()));
        QVERIFY2(typed, qPrintable(typed.error()));
        QCOMPARE(typed->bytes(), home->policy->threshold->below);

        const auto previewSays = [&] {
            const PreviewModel *preview = rules->previewModel();
            for (int row = 0; row < preview->rowCount(); ++row) {
                if (preview->index(row, PreviewModel::Package).data().toString() == package)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY(previewSays());

        m_window->showPage(MainWindow::Page::Dashboard);
        QTRY_VERIFY([&] {
            for (const LineCard *card : m_window->dashboardPage()->findChildren<LineCard *>()) {
                if (card->accessibleName() == tr("Line %1").arg(home->name))
                    return card->findChild<QLabel *>(QStringLiteral("autoTopUpState"))->text().contains(tr("below %1.").arg(below));
            }
            return false;
        }());

        m_window->showPage(MainWindow::Page::History); // a page reads its rows when shown
        auto *history = m_window->historyPage()->findChild<AttemptModel *>();
        QVERIFY(history);
        bool named = false;
        for (int row = 0; row < history->rowCount() && !named; ++row)
            named = history->index(row, AttemptModel::Package).data().toString() == package;
        QVERIFY2(named, "History names the package in the chosen unit");
    }

    void theAppIconIsEmbeddedAtEverySize()
    {
        for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
            const QPixmap icon(QStringLiteral(":/icons/%1x%1/apps/topup-dashboard.png").arg(size));
            QVERIFY2(!icon.isNull(), qPrintable(QString::number(size)));
            QCOMPARE(icon.size(), QSize(size, size));
        }
    }

    void everyNavigationEntryHasAnAccessibleName()
    {
        for (int i = 0; i < m_window->navigation()->count(); ++i)
            QVERIFY(!m_window->navigation()->item(i)->data(Qt::AccessibleTextRole).toString().isEmpty());
        QVERIFY(!m_window->navigation()->accessibleName().isEmpty());
    }

    // Switching pages changes nothing the dashboard shows: coming back to it
    // reads nothing again (the page remembered for the next start used to
    // say "settings changed", and the dashboard read every line once more).
    void switchingPagesDoesNotMakeTheDashboardReadAgain()
    {
        QVERIFY(m_window->showPage(MainWindow::Page::Dashboard));
        QTRY_VERIFY(m_window->dashboardPage()->cardCount() > 0);
        QCoreApplication::processEvents();
        QSignalSpy refreshed(m_window->dashboardPage(), &DashboardPage::refreshed);
        for (const MainWindow::Page page : {MainWindow::Page::History, MainWindow::Page::Dashboard, MainWindow::Page::Payments,
                                            MainWindow::Page::Alerts, MainWindow::Page::Dashboard}) {
            QVERIFY(m_window->showPage(page));
            QCoreApplication::processEvents();
        }
        QCOMPARE(refreshed.size(), 0);
        // What it shows still follows: a move of the clock.
        TOPUP_VERIFY_OK(m_service->advanceBy(24 * 3600 * 1000LL));
        QTRY_COMPARE(refreshed.size(), 1);
    }

    void unreadAlertsAreCountedInTheNavigation()
    {
        const Expected<std::vector<AlertRow>> unread = m_service->alerts(true);
        QVERIFY2(unread, qPrintable(unread.error()));
        QVERIFY(!unread->empty());
        const QString label = m_window->navigation()->item(int(MainWindow::Page::Alerts))->text();
        QVERIFY2(label.contains(QString::number(unread->size())), qPrintable(label));
        QVERIFY(m_service->markAlertRead(unread->front().id));
        QTRY_VERIFY2(m_window->navigation()->item(int(MainWindow::Page::Alerts))->text().contains(QString::number(unread->size() - 1)),
                     qPrintable(m_window->navigation()->item(int(MainWindow::Page::Alerts))->text()));
    }

    // The side bar said "Alerts (5)" while the Alerts page showed 6 unread:
    // the page invented a low-funds alert the core did not know, and the
    // side bar counted the core's alerts again after every change. Low funds
    // is now a core alert, and the side bar shows the page's count.
    void theSideBarCountsWhatTheAlertsPageShows()
    {
        const Expected<MethodRecord> wallet = m_service->addWallet(WalletForm{QStringLiteral("low@example.com"), Money::fromCents(100)});
        QVERIFY2(wallet, qPrintable(wallet.error()));
        const Expected<std::vector<LineRecord>> lines = m_service->lines();
        QVERIFY2(lines && !lines->empty(), "no lines");
        Policy policy = *lines->back().policy;
        policy.method = wallet->engineId(); // 1.00 left: less than any package
        policy.fallback.clear();
        QVERIFY(m_service->setPolicy(lines->back().id, policy));
        const Expected<std::vector<AlertRow>> unread = m_service->alerts(true);
        QVERIFY2(unread, qPrintable(unread.error()));
        QVERIFY(std::any_of(unread->begin(), unread->end(), [&](const AlertRow &alert) {
            return alert.kind == AlertKind::LowFunds && alert.methodId == wallet->id;
        }));
        const auto sideBar = [this] { return m_window->navigation()->item(int(MainWindow::Page::Alerts))->text(); };
        QTRY_COMPARE(m_window->alertsPage()->unreadCount(), int(unread->size()));
        QTRY_COMPARE(sideBar(), QStringLiteral("Alerts (%1)").arg(unread->size()));
        // The world moves on a minute: every page hears of it, and they still agree.
        QVERIFY(m_service->advanceBy(60 * 1000));
        QTRY_COMPARE(sideBar(), QStringLiteral("Alerts (%1)").arg(m_window->alertsPage()->unreadCount()));
        QCOMPARE(m_window->alertsPage()->unreadCount(), int(m_service->alerts(true)->size()));
    }

    // One clock: opened with a --now earlier than the world's clock, the
    // dashboard showed that date while the Test tab showed the world's.
    // Every page shows and counts from the world's simulated clock.
    void everyPageReadsTheWorldsClock()
    {
        TOPUP_VERIFY_OK(m_service->advanceBy(10 * 24 * 3600 * 1000LL));
        const Instant world = TOPUP_VALUE(m_service->worldClock());
        m_window.reset();
        m_service.reset();
        Service::Options options;
        options.location = WorldLocation::folder(m_dir.filePath(QStringLiteral("data-%1").arg(QTest::currentTestFunction())));
        options.fixedNow = *Instant::parse(u"2027-03-15T10:00:00Z"); // ten days before the world
        options.passwordIterations = 1000;
        Expected<std::unique_ptr<Service>> opened = Service::open(options);
        QVERIFY2(opened, qPrintable(opened.error()));
        m_service = opened.take();
        TOPUP_VERIFY_OK(DemoAccess::open(*m_service));
        QCOMPARE(TOPUP_VALUE(m_service->worldClock()), world);
        m_window = std::make_unique<MainWindow>(*m_service, *m_settings);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        const QTimeZone zone("Europe/Berlin");
        auto *dashboardClock = m_window->dashboardPage()->findChild<QLabel *>(QStringLiteral("clockLabel"));
        QVERIFY(dashboardClock);
        QTRY_COMPARE(dashboardClock->text(), QStringLiteral("Simulated clock: %1 (Europe/Berlin)").arg(Formatter::dateTime(world, zone)));
        m_window->linePage()->showLine(TOPUP_FIRST(m_service->lines()).id);
        m_window->showPage(MainWindow::Page::Line);
        auto *testClock = m_window->linePage()->findChild<QLabel *>(QStringLiteral("clock"));
        QVERIFY(testClock);
        QTRY_COMPARE(testClock->text(), QStringLiteral("Simulated time: %1").arg(Formatter::dateTime(world, zone)));
        m_window->showPage(MainWindow::Page::History);
        auto *to = m_window->historyPage()->findChild<QDateEdit *>(QStringLiteral("toDate"));
        QVERIFY(to);
        QCOMPARE(to->maximumDate(), QDateTime::fromMSecsSinceEpoch(world.msecs(), zone).date());
    }

    // While the Alerts page is hidden a new alert reads the count alone
    // (the side bar follows); the page reads its rows once when shown.
    void aHiddenAlertsPageCountsAndReadsWhenShown()
    {
        QVERIFY(m_window->showPage(MainWindow::Page::Alerts));
        QVERIFY(m_window->showPage(MainWindow::Page::Dashboard));
        AlertModel *model = m_window->alertsPage()->model();
        const int rows = model->rowCount();
        const int unread = model->unreadCount();
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        // A declined charge on every method makes the drained line's top-up fail: an alert.
        for (const MethodRecord &method : TOPUP_VALUE(m_service->methods()))
            TOPUP_VERIFY_OK(m_service->injectFault(method.id, {Reason::Declined}));
        TOPUP_VERIFY_OK(m_service->drainLine(TOPUP_FIRST(m_service->lines()).id));
        QCoreApplication::processEvents();
        QVERIFY(model->unreadCount() > unread);
        QTRY_VERIFY2(m_window->navigation()->item(int(MainWindow::Page::Alerts))->text().contains(QString::number(model->unreadCount())),
                     qPrintable(m_window->navigation()->item(int(MainWindow::Page::Alerts))->text()));
        QCOMPARE(reset.size() + changed.size(), 0);
        QCOMPARE(model->rowCount(), rows);
        QVERIFY(model->isStale());

        QVERIFY(m_window->showPage(MainWindow::Page::Alerts));
        QVERIFY(model->rowCount() > rows);
        QVERIFY(!model->isStale());
    }

    void newAlertsAreNewsOnlyOnce()
    {
        TrayNotifier *tray = m_window->trayNotifier();
        QVERIFY(tray);
        QCOMPARE(tray->isActive(), QSystemTrayIcon::isSystemTrayAvailable());
        QVERIFY(tray->takeNewAlerts().isEmpty()); // the demo's alerts were there at start
        // A declined charge on every method makes the drained line's top-up fail.
        const Expected<std::vector<MethodRecord>> methods = m_service->methods();
        QVERIFY2(methods, qPrintable(methods.error()));
        for (const MethodRecord &method : *methods)
            QVERIFY(m_service->injectFault(method.id, {Reason::Declined}));
        const Expected<std::vector<LineRecord>> lines = m_service->lines();
        QVERIFY2(lines && !lines->empty(), "no lines");
        QVERIFY(m_service->drainLine(lines->front().id));
        const QStringList fresh = tray->takeNewAlerts();
        QVERIFY2(!fresh.isEmpty(), "no new alert");
        QVERIFY2(fresh.first().contains(lines->front().name), qPrintable(fresh.first()));
        QVERIFY(tray->takeNewAlerts().isEmpty());
    }

    void switchingToChineseTranslatesTheNavigationWithoutRestart()
    {
        const QString before = m_window->navigation()->item(0)->text();
        QCOMPARE(before, QStringLiteral("Dashboard"));
        m_window->showPage(MainWindow::Page::Settings);
        chooseIn("languageCombo", QStringLiteral("zh_CN"));
        QCOMPARE(m_settings->language(), QStringLiteral("zh_CN"));
        QTRY_VERIFY(m_window->navigation()->item(0)->text() != before);
        const QString after = m_window->navigation()->item(0)->text();
        QVERIFY2(after.at(0).unicode() >= 0x4e00 && after.at(0).unicode() <= 0x9fff, qPrintable(after));
        QVERIFY(m_window->windowTitle() != QStringLiteral("TopUp Dashboard"));
        // And back.
        chooseIn("languageCombo", QStringLiteral("en"));
        QTRY_COMPARE(m_window->navigation()->item(0)->text(), before);
    }

    void switchingToDarkChangesThePalette()
    {
        QVERIFY(!isDarkPalette(QApplication::palette()));
        const QColor lightWindow = m_window->palette().color(QPalette::Window);
        m_window->showPage(MainWindow::Page::Settings);
        chooseIn("themeCombo", QStringLiteral("dark"));
        QCOMPARE(m_settings->theme(), ThemeChoice::Dark);
        QVERIFY(isDarkPalette(QApplication::palette()));
        QTRY_VERIFY(m_window->palette().color(QPalette::Window) != lightWindow);
        QVERIFY(m_window->palette().color(QPalette::Window).lightness() < 128);
        chooseIn("themeCombo", QStringLiteral("light"));
        QVERIFY(!isDarkPalette(QApplication::palette()));
    }

    void signingOutShowsTheSignInPage()
    {
        auto *signOut = m_window->findChild<QWidget *>(QStringLiteral("signOutButton"));
        QVERIFY(signOut);
        QTest::mouseClick(signOut, Qt::LeftButton);
        QVERIFY(!m_service->account());
        QVERIFY(!m_window->isSignedInView());
        // The language can be chosen before signing in.
        auto *submit = m_window->findChild<QPushButton *>(QStringLiteral("submitButton"));
        QVERIFY(submit);
        QCOMPARE(submit->text(), QStringLiteral("Sign in"));
        // The chooser is named by a visible label pointing at it (its buddy):
        // what a screen reader on Linux tells it by, and Alt+L reaches it.
        auto *chooser = m_window->findChild<QWidget *>(QStringLiteral("languageChooser"));
        QVERIFY(chooser);
        QLabel *named = nullptr;
        for (QLabel *label : m_window->findChildren<QLabel *>()) {
            if (label->buddy() == chooser)
                named = label;
        }
        QVERIFY(named);
        QVERIFY(named->isVisible());
        QCOMPARE(named->text(), QStringLiteral("&Language"));
        chooseIn("languageChooser", QStringLiteral("zh_CN"));
        QTRY_COMPARE(named->text(), QStringLiteral("语言(&L)"));
        QCOMPARE(m_settings->language(), QStringLiteral("zh_CN"));
        QTRY_VERIFY(submit->text() != QStringLiteral("Sign in"));
        chooseIn("languageChooser", QStringLiteral("en"));
        QTRY_COMPARE(submit->text(), QStringLiteral("Sign in"));
    }
};

TOPUP_TEST_MAIN(TestMainWindow)
} // namespace tst_mainwindow
#include "tst_mainwindow.moc"
