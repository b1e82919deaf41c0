#include "testmain.h"
#include "app/appsettings.h"

#include "checked.h"
#include "pagesfixture.h"
#include "app/demoaccess.h"
#include "text/formatter.h"
#include "text/wording.h"
#include "widgets/linecard.h"
#include "pages/dashboardpage.h"
#include "pages/linetestpanel.h"
#include "service/demoworld.h"
#include "service/service.h"
#include "app/theme.h"
#include "widgets/usagechart.h"

#include <QProgressBar>
#include <QScopeGuard>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace tst_dashboardpage {

using namespace topup;

class TestDashboardPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<DashboardPage> m_page;

    LineCard *cardFor(qint64 lineId)
    {
        const QList<LineCard *> cards = m_page->findChildren<LineCard *>();
        for (LineCard *card : cards)
            if (card->lineId() == lineId)
                return card;
        return nullptr;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("%1.ini").arg(QTest::currentTestFunction())));
        m_service = testing::demoAccount(m_dir.filePath(QStringLiteral("data-%1").arg(QTest::currentTestFunction())), testing::at("2027-03-15T10:00:00Z"));
        QVERIFY(m_service);
        m_page = std::make_unique<DashboardPage>(*m_service, *m_settings);
        m_page->resize(1070, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_service.reset();
        m_settings.reset();
    }

    void aCardPerLineAndAChartOfThirtyDays()
    {
        const Expected<std::vector<LineRecord>> lines = m_service->lines();
        QVERIFY2(lines, qPrintable(lines.error()));
        QCOMPARE(m_page->cardCount(), int(lines->size()));
        QCOMPARE(m_page->chart()->pointCount(), 30);
        for (const LineRecord &line : *lines) {
            LineCard *card = cardFor(line.id);
            QVERIFY(card);
            auto *forecast = card->findChild<QLabel *>(QStringLiteral("forecast"));
            auto *allowance = card->findChild<QLabel *>(QStringLiteral("allowance"));
            QVERIFY(forecast && allowance);
            QVERIFY(!forecast->text().isEmpty());
            QVERIFY2(allowance->text().startsWith(QLatin1String("Daily allowance")), qPrintable(allowance->text()));
        }
    }

    void drainingALineShowsTheTopUpAndTheNewBalance()
    {
        const Expected<std::vector<LineRecord>> lines = m_service->lines();
        QVERIFY2(lines && !lines->empty(), "no lines");
        const LineRecord home = lines->front();
        QVERIFY(home.policy && home.policy->hasActiveThreshold());
        LineCard *card = cardFor(home.id);
        QVERIFY(card);
        auto *data = card->findChild<QLabel *>(QStringLiteral("dataLeft"));
        QVERIFY(data);
        const QString before = data->text();
        const Expected<std::vector<AttemptRow>> attemptsBefore = m_service->attempts(1000, home.id);
        QVERIFY2(attemptsBefore, qPrintable(attemptsBefore.error()));

        const Expected<void> drained = m_service->drainLine(home.id);
        QVERIFY2(drained, qPrintable(drained.error()));
        const Expected<std::vector<AttemptRow>> attemptsAfter = m_service->attempts(1000, home.id);
        QVERIFY2(attemptsAfter, qPrintable(attemptsAfter.error()));
        QVERIFY(attemptsAfter->size() > attemptsBefore->size()); // the threshold top-up fired
        const Expected<std::vector<LineRecord>> now = m_service->lines();
        QVERIFY2(now && !now->empty(), "no lines");
        QTRY_COMPARE(data->text(), QStringLiteral("Data left: %1").arg(Formatter::data(now->front().dataBytes, DataUnits::Decimal)));
        QVERIFY(data->text() != before);
    }

    void clickingACardOpensItsLine()
    {
        const Expected<std::vector<LineRecord>> lines = m_service->lines();
        QVERIFY2(lines && lines->size() >= 2, "demo lines");
        QSignalSpy activated(m_page.get(), &DashboardPage::lineActivated);
        LineCard *card = cardFor((*lines)[1].id);
        QVERIFY(card);
        QTest::mouseClick(card, Qt::LeftButton, {}, QPoint(20, 20));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), (*lines)[1].id);
        auto *open = card->findChild<QPushButton *>(QStringLiteral("openLineButton"));
        QVERIFY(open);
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(activated.count(), 2);
    }

    // The dashboard read the process clock (Service::now) while every other
    // page read the world's: after the simulated clock moved on it still
    // showed the old date, its cards' forecasts counted the days before it
    // ("No data used in the last 7 days" while the chart showed use) and
    // their counts stood still. Everything now follows the world's clock.
    void theHeaderForecastsAndCountsFollowTheWorldsClock()
    {
        auto *clock = m_page->findChild<QLabel *>(QStringLiteral("clockLabel"));
        QVERIFY(clock);
        const QTimeZone zone("Europe/Berlin");
        const Instant before = TOPUP_VALUE(m_service->worldClock());
        QCOMPARE(clock->text(), QStringLiteral("Simulated clock: %1 (Europe/Berlin)").arg(Formatter::dateTime(before, zone)));
        const Outlook then = TOPUP_VALUE(m_service->outlook());

        TOPUP_VERIFY_OK(m_service->advanceBy(12 * 24 * 3600 * 1000LL));
        const Instant after = TOPUP_VALUE(m_service->worldClock());
        QTRY_COMPARE(clock->text(), QStringLiteral("Simulated clock: %1 (Europe/Berlin)").arg(Formatter::dateTime(after, zone)));
        const Outlook now = TOPUP_VALUE(m_service->outlook());
        QCOMPARE(now.clock, after);
        bool daysLeftMoved = false;
        int used = 0;
        for (const LineOutlook &line : now.lines) {
            LineCard *card = cardFor(line.line.id);
            QVERIFY(card);
            const QString forecast = card->findChild<QLabel *>(QStringLiteral("forecast"))->text();
            const QString allowance = card->findChild<QLabel *>(QStringLiteral("allowance"))->text();
            const QString spend = card->findChild<QLabel *>(QStringLiteral("spend"))->text();
            if (line.line.dataBytes <= 0) {
                QVERIFY2(forecast.startsWith(QLatin1String("Data has run out")), qPrintable(forecast));
            } else if (line.forecast.perDay > 0) {
                ++used;
                QVERIFY2(forecast.contains(Formatter::data(line.forecast.perDay, DataUnits::Decimal)), qPrintable(forecast));
            } else {
                QCOMPARE(forecast, QStringLiteral("No data used in the last 7 days."));
            }
            QVERIFY2(allowance.contains(QStringLiteral("(days left: %1)").arg(line.forecast.daysLeft)), qPrintable(allowance));
            QVERIFY2(spend.contains(QStringLiteral("Top-ups this month: %1").arg(line.thisMonth.lineCount)), qPrintable(spend));
            const LineOutlook *earlier = then.line(line.line.id);
            QVERIFY(earlier);
            daysLeftMoved = daysLeftMoved || earlier->forecast.daysLeft != line.forecast.daysLeft;
        }
        QVERIFY(daysLeftMoved);
        QVERIFY(used >= 2); // the home phone and the travel eSIM are used every day
    }

    // Home phone's monthly day set to 31 after its top-up of this month ran
    // on the 1st: one monthly chain per local month (SPEC §5), so the next
    // one is at the end of next month, as the engine will run it. The card
    // worked the date out itself and said the 31st of this month.
    void aMonthlyDayAfterThisMonthsTopUpWaitsForNextMonth()
    {
        const LineRecord home = TOPUP_FIRST(m_service->lines());
        QVERIFY(home.policy && home.policy->hasActiveMonthly());
        QCOMPARE(home.policy->monthly->day, 1); // its March top-up ran on 1 March
        Policy policy = *home.policy;
        policy.monthly->day = 31;
        TOPUP_VERIFY_OK(m_service->setPolicy(home.id, policy));
        const Outlook outlook = TOPUP_VALUE(m_service->outlook());
        const LineOutlook *line = outlook.line(home.id);
        QVERIFY(line && line->nextMonthly());
        const Instant april30 = test::at("2027-04-30T07:00:00Z"); // 09:00 in Berlin (summer time)
        QCOMPARE(line->nextMonthly()->at, april30);
        LineCard *card = cardFor(home.id);
        QVERIFY(card);
        auto *monthly = card->findChild<QLabel *>(QStringLiteral("nextMonthly"));
        QVERIFY(monthly);
        QTRY_COMPARE(monthly->text(), QStringLiteral("Next monthly top-up: %1 (Europe/Berlin)")
                                          .arg(Formatter::dateTime(april30, QTimeZone("Europe/Berlin"))));
        QVERIFY2(card->findChild<QLabel *>(QStringLiteral("allowance"))->text().contains(QLatin1String("until the monthly top-up")),
                 "the allowance counts to the next paid monthly top-up");
        // And the engine does run it then, not on 31 March.
        TOPUP_VERIFY_OK(m_service->advanceBy(april30.msecs() - TOPUP_VALUE(m_service->worldClock()).msecs()));
        const AttemptRow latest = TOPUP_FIRST(m_service->attempts(1, home.id));
        QCOMPARE(latest.trigger, TriggerKind::Monthly);
        QCOMPARE(latest.at, april30);
    }

    // A fault queued at the provider: the engine's next charge on that method
    // fails, and the card of the line it charges says so at once — nothing
    // else has to move first (the service names the method).
    void aQueuedFaultShowsOnTheCardOfTheLineItFails()
    {
        const LineRecord home = TOPUP_FIRST(m_service->lines());
        QVERIFY(home.policy && home.policy->threshold);
        // A wallet only the home line's rules pay with, no fallback: the
        // fault is its next threshold top-up's.
        const MethodRecord wallet = TOPUP_VALUE(m_service->addWallet(WalletForm{QStringLiteral("home@example.com"), Money::fromCents(10000)}));
        Policy policy = *home.policy;
        policy.method = wallet.engineId();
        policy.fallback.clear();
        QSignalSpy refreshed(m_page.get(), &DashboardPage::refreshed);
        TOPUP_VERIFY_OK(m_service->setPolicy(home.id, policy));
        QTRY_VERIFY(!refreshed.isEmpty());
        LineCard *card = cardFor(home.id);
        QVERIFY(card);
        auto *forecast = card->findChild<QLabel *>(QStringLiteral("forecast"));
        QVERIFY(forecast);
        QVERIFY2(forecast->text().contains(QLatin1String("the threshold top-up comes on")), qPrintable(forecast->text()));

        TOPUP_VERIFY_OK(m_service->injectFault(wallet.id, {Reason::Declined}));
        const Outlook outlook = TOPUP_VALUE(m_service->outlook());
        const PreviewItem *next = outlook.line(home.id)->nextThreshold();
        QVERIFY2(next && !next->paid() && next->reason == Reason::Declined, "the engine's next threshold top-up of the line fails");
        QTRY_VERIFY2(forecast->text().contains(QStringLiteral("the threshold top-up on %1 will fail: %2.")
                                                   .arg(Formatter::dayMonth(next->at, QTimeZone("Europe/Berlin")), Wording::reason(Reason::Declined))),
                     qPrintable(forecast->text()));
    }

    // The EU tablet at its line cap: the card said "the threshold top-up will
    // fire about …" from the usage pace; the engine blocks it. It now says
    // what the engine will do.
    void aThresholdTopUpAtTheCapIsShownBlocked()
    {
        const std::vector<LineRecord> lines = TOPUP_VALUE(m_service->lines());
        QVERIFY(lines.size() == 3);
        const LineRecord tablet = lines[2];
        QVERIFY(tablet.policy && tablet.policy->monthlyCap && tablet.policy->threshold);
        // Room for two more 1 GB top-ups this month (new rules re-arm the
        // trigger: a line already below its threshold tops up at once), then
        // drained until the cap is spent.
        const auto spent = [&] { return TOPUP_VALUE(m_service->outlook()).line(tablet.id)->thisMonth.lineSpend; };
        Policy policy = *tablet.policy;
        policy.monthlyCap = spent() + Money::fromCents(1000);
        TOPUP_VERIFY_OK(m_service->setPolicy(tablet.id, policy));
        for (int drains = 0; spent() < *policy.monthlyCap && drains < 2; ++drains)
            TOPUP_VERIFY_OK(m_service->drainLine(tablet.id));
        const Outlook outlook = TOPUP_VALUE(m_service->outlook());
        const LineOutlook *line = outlook.line(tablet.id);
        QVERIFY(line);
        QCOMPARE(line->thisMonth.lineSpend, *policy.monthlyCap);
        QCOMPARE(line->line.progress.state, ThresholdState::Armed);
        const PreviewItem *next = line->nextThreshold();
        QVERIFY2(next && next->blocked() && next->reason == Reason::BudgetCap, "the engine blocks the next threshold top-up");
        QVERIFY(next->at < test::at("2027-04-01T00:00:00Z"));
        LineCard *card = cardFor(tablet.id);
        QVERIFY(card);
        auto *forecast = card->findChild<QLabel *>(QStringLiteral("forecast"));
        QTRY_VERIFY2(forecast->text().contains(QStringLiteral("the threshold top-up on %1 will be blocked: line's monthly budget reached")
                                                   .arg(Formatter::dayMonth(next->at, QTimeZone("Europe/Berlin")))),
                     qPrintable(forecast->text()));
        QVERIFY2(!forecast->text().contains(QLatin1String("will fire")), qPrintable(forecast->text()));
        // And so it goes.
        TOPUP_VERIFY_OK(m_service->advanceBy(next->at.msecs() - outlook.clock.msecs()));
        const AttemptRow latest = TOPUP_FIRST(m_service->attempts(1, tablet.id));
        QCOMPARE(latest.status, AttemptStatus::Blocked);
        QCOMPARE(latest.at, next->at);
    }

    // After a play step the dashboard shows the outlook the step's thread
    // made (PreparedOutlook): its refresh builds none, and its clock is
    // the one the world moved to.
    void aPlayStepShowsTheOutlookItsThreadMade()
    {
        QTRY_VERIFY(m_page->cardCount() > 0);
        QCoreApplication::processEvents();
        const int runs = m_service->outlookRuns();
        const int handedOut = m_service->preparedOutlooksHandedOut();
        const Instant before = TOPUP_VALUE(m_service->worldClock());
        QSignalSpy refreshed(m_page.get(), &DashboardPage::refreshed);
        // One step: stopped as it lands, before the page refreshes.
        connect(m_service.get(), &Service::worldAdvanced, m_service.get(), [this] { m_service->stopPlaying(); });
        TOPUP_VERIFY_OK(m_service->startPlaying(6LL * 3600 * 1000)); // 72 minutes a tick
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 20000);
        QVERIFY(!m_service->isPlaying() && !m_service->busy());
        const Instant after = TOPUP_VALUE(m_service->worldClock());
        QCOMPARE(after.msecs() - before.msecs(), qint64(72) * 60 * 1000);
        QCOMPARE(m_service->preparedOutlooksHandedOut(), handedOut + 1);
        QCOMPARE(m_service->outlookRuns(), runs);
        const QTimeZone zone("Europe/Berlin");
        auto *clock = m_page->findChild<QLabel *>(QStringLiteral("clockLabel"));
        QVERIFY(clock);
        QVERIFY2(clock->text().contains(Formatter::dateTime(after, zone)), qPrintable(clock->text()));
    }

    // The line test panel's "Jump to next event" runs off the window's
    // thread: the panel waits meanwhile (its clock and actions disabled, a
    // status saying so, a second jump refused), and once jumpFinished
    // says where the world went, the dashboard shows the outlook the
    // jump's thread made (no build here) with the moved balances, and the
    // panel the line's.
    void aJumpFromTheTestPanelShowsTheMovedBalances()
    {
        QTRY_VERIFY(m_page->cardCount() > 0);
        QCoreApplication::processEvents();
        const LineRecord line = TOPUP_VALUE(m_service->lines()).front();
        LineTestPanel panel(*m_service);
        panel.setLine(line.id);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *next = panel.findChild<QPushButton *>(QStringLiteral("nextEvent"));
        auto *drain = panel.findChild<QPushButton *>(QStringLiteral("drain"));
        auto *status = panel.findChild<QLabel *>(QStringLiteral("testStatus"));
        QVERIFY(next && drain && status);
        const int runs = m_service->outlookRuns();
        const int handedOut = m_service->preparedOutlooksHandedOut();
        const Instant before = TOPUP_VALUE(m_service->worldClock());
        QSignalSpy finished(m_service.get(), &Service::jumpFinished);
        QSignalSpy refreshed(m_page.get(), &DashboardPage::refreshed);

        QTest::mouseClick(next, Qt::LeftButton);
        QVERIFY(m_service->busy());
        QVERIFY(!next->isEnabled() && !drain->isEnabled());
        QCOMPARE(status->text(), LineTestPanel::tr("Jumping to the next top-up…"));
        QTest::mouseClick(next, Qt::LeftButton); // disabled: nothing starts
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.size(), 1);
        QVERIFY(next->isEnabled() && drain->isEnabled() && !m_service->busy());
        QVERIFY2(status->text().startsWith(QLatin1String("Jumped to the next top-up")), qPrintable(status->text()));
        const Instant after = TOPUP_VALUE(m_service->worldClock());
        QVERIFY(before < after);
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 20000);
        QCOMPARE(m_service->preparedOutlooksHandedOut(), handedOut + 1);
        QCOMPARE(m_service->outlookRuns(), runs);
        auto *clock = m_page->findChild<QLabel *>(QStringLiteral("clockLabel"));
        QVERIFY(clock);
        QVERIFY2(clock->text().contains(Formatter::dateTime(after, QTimeZone("Europe/Berlin"))), qPrintable(clock->text()));
        for (const LineRecord &moved : TOPUP_VALUE(m_service->lines())) {
            LineCard *card = cardFor(moved.id);
            QVERIFY(card);
            auto *data = card->findChild<QLabel *>(QStringLiteral("dataLeft"));
            QVERIFY(data);
            QCOMPARE(data->text(), QStringLiteral("Data left: %1").arg(Formatter::data(moved.dataBytes, DataUnits::Decimal)));
            if (moved.id == line.id)
                QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("dataBalance"))->text(),
                         QStringLiteral("Data: %1").arg(Formatter::data(moved.dataBytes, DataUnits::Decimal)));
        }
        QVERIFY(TOPUP_VALUE(m_service->lines()).front().dataBytes != line.dataBytes); // a moved balance
    }

    void unitsFollowTheSettings()
    {
        const Expected<std::vector<LineRecord>> lines = m_service->lines();
        QVERIFY2(lines && !lines->empty(), "no lines");
        LineCard *card = cardFor(lines->front().id);
        QVERIFY(card);
        auto *data = card->findChild<QLabel *>(QStringLiteral("dataLeft"));
        QVERIFY(data);
        QVERIFY2(data->text().contains(QLatin1String(" GB")), qPrintable(data->text()));
        m_settings->setDataUnits(DataUnits::Binary);
        QTRY_VERIFY2(data->text().contains(QLatin1String(" GiB")), qPrintable(data->text()));
    }

    // A setting reaches only the pages that show it: the page the window
    // remembers changes with every switch of page, and made the dashboard
    // read every line again when next shown; the data unit it shows does.
    void onlyTheSettingsItShowsMakeItReadAgain()
    {
        QTRY_VERIFY(m_page->cardCount() > 0);
        QCoreApplication::processEvents();
        QSignalSpy refreshed(m_page.get(), &DashboardPage::refreshed);
        m_settings->setLastPage(3); // what switching to History saves
        m_page->hide();
        m_settings->setLastPage(0); // and back to the dashboard
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QCoreApplication::processEvents();
        QCOMPARE(refreshed.size(), 0);

        m_settings->setDataUnits(DataUnits::Binary);
        QTRY_COMPARE(refreshed.size(), 1);
    }

    // Reading an alert changes nothing the dashboard shows: it reads nothing again.
    void readingAnAlertLeavesTheDashboardAlone()
    {
        QTRY_VERIFY(m_page->cardCount() > 0);
        QCoreApplication::processEvents();
        const std::vector<AlertRow> unread = TOPUP_VALUE(m_service->alerts(true, 1));
        QVERIFY2(!unread.empty(), "the demo world has unread alerts");
        QSignalSpy refreshed(m_page.get(), &DashboardPage::refreshed);
        TOPUP_VERIFY_OK(m_service->markAlertRead(unread.front().id));
        QCoreApplication::processEvents();
        QCOMPARE(refreshed.size(), 0);
    }
    // The empty part of a balance bar differs from the card it sits on, in
    // the light theme and the dark one.
    void emptyPartOfABarIsVisible_data()
    {
        QTest::addColumn<int>("theme");
        QTest::newRow("light") << int(ThemeChoice::Light);
        QTest::newRow("dark") << int(ThemeChoice::Dark);
    }

    void emptyPartOfABarIsVisible()
    {
        QFETCH(int, theme);
        const QPalette before = QApplication::palette();
        const auto restore = qScopeGuard([&] { QApplication::setPalette(before); });
        QApplication::setPalette(ThemeChoice(theme) == ThemeChoice::Dark ? Theme::darkPalette() : Theme::lightPalette());
        const Expected<std::vector<LineRecord>> lines = m_service->lines();
        QVERIFY2(lines && !lines->empty(), "no lines");
        LineCard *card = cardFor(lines->front().id);
        QVERIFY(card);
        const QList<QProgressBar *> bars = card->findChildren<QProgressBar *>();
        QCOMPARE(bars.size(), 2);
        QTRY_COMPARE(card->palette().color(card->backgroundRole()), QApplication::palette().color(QPalette::Base));
        const QColor cardColour = card->palette().color(card->backgroundRole());
        QTRY_VERIFY(qAbs(bars.front()->palette().color(QPalette::Base).lightness() - cardColour.lightness()) >= 20);
        for (QProgressBar *bar : bars) {
            const QColor groove = bar->palette().color(QPalette::Base);
            QVERIFY2(qAbs(groove.lightness() - cardColour.lightness()) >= 20,
                     qPrintable(groove.name() + QStringLiteral(" on ") + cardColour.name()));
        }
    }
};

TOPUP_TEST_MAIN(TestDashboardPage)
} // namespace tst_dashboardpage
#include "tst_dashboardpage.moc"
