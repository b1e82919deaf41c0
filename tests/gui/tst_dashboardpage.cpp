#include "appsettings.h"
#include "demoaccess.h"
#include "formatter.h"
#include "linecard.h"
#include "pages/dashboardpage.h"
#include "service/demoworld.h"
#include "service/service.h"
#include "usagechart.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
        Service::Options options;
        options.dataDir = m_dir.filePath(QStringLiteral("data-%1").arg(QTest::currentTestFunction()));
        options.fixedNow = *Instant::parse(u"2027-03-15T10:00:00Z");
        options.passwordIterations = 1000;
        options.tokens = DemoWorld::tokens(1);
        Expected<std::unique_ptr<Service>> opened = Service::open(options);
        QVERIFY2(opened, qPrintable(opened.error()));
        m_service = opened.take();
        const Expected<bool> demo = DemoAccess::open(*m_service);
        QVERIFY2(demo, qPrintable(demo.error()));
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

        const Expected<bool> drained = m_service->drainLine(home.id);
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
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
