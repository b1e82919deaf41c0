// The dashboard of a fleet: past DashboardPage::MostLinesAsCards lines the
// lines are a table (LineTablePanel over LineTableModel) that shows what the
// core's outlook says — a blocked top-up blocked with its reason, the lines
// sorted by when their data runs out, a filter that says how many lines it
// shows, the selected line's card — in English and in Chinese.
#include "testmain.h"
#include "app/appearance.h"
#include "app/appsettings.h"
#include "app/demoaccess.h"
#include "checked.h"
#include "pagesfixture.h"
#include "models/linefiltermodel.h"
#include "models/linetablemodel.h"
#include "pages/dashboardpage.h"
#include "service/demoworld.h"
#include "service/service.h"
#include "text/formatter.h"
#include "text/wording.h"
#include "widgets/linecard.h"
#include "widgets/linetablepanel.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

#include <algorithm>
#include <limits>

namespace tst_linetable {

using namespace topup;

namespace {

constexpr const char *zone = "Europe/Berlin";

// Any character of the CJK Unified Ideographs: the text is Chinese.
bool hasChinese(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

} // namespace

class TestLineTable final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<DashboardPage> m_page;
    QTranslator m_translator;
    QLocale m_localeBefore;

    // The demo world (three lines) on a dashboard that shows the table
    // whatever the number of lines (`mostLinesAsCards` 0), in `language`.
    void open(const QString &language, int mostLinesAsCards = 0)
    {
        // English has a catalogue for its plurals ("1 line", "3 lines"), as the app loads it.
        QVERIFY(m_translator.load(QStringLiteral(":/i18n/topup_%1.qm").arg(language.isEmpty() ? QStringLiteral("en") : language)));
        QCoreApplication::installTranslator(&m_translator);
        if (!language.isEmpty())
            QLocale::setDefault(QLocale(language));
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("%1.ini").arg(QTest::currentTestFunction())));
        m_service = testing::demoAccount(m_dir.filePath(QStringLiteral("data-%1-%2").arg(QTest::currentTestFunction(), language)), testing::at("2027-03-15T10:00:00Z"));
        QVERIFY(m_service);
        m_page = std::make_unique<DashboardPage>(*m_service, *m_settings);
        m_page->setMostLinesAsCards(mostLinesAsCards);
        m_page->resize(1060, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    LineTablePanel *panel() const { return m_page->lineTable(); }
    QTableView *table() const { return panel()->table(); }

    // The row the table shows `lineId` in, -1 when it shows none.
    int rowOf(qint64 lineId) const
    {
        QAbstractItemModel *model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(LineTableModel::LineIdRole).toLongLong() == lineId)
                return row;
        }
        return -1;
    }

    QString cell(int row, int column) const { return table()->model()->index(row, column).data().toString(); }

    // The EU tablet (the demo's third line) one top-up short of its line
    // cap, drained until the cap is spent: its next threshold top-up is
    // blocked by the cap (as tst_dashboardpage sets it up for its card).
    const PreviewItem *blockTheTablet(Outlook &outlook, qint64 &tabletId)
    {
        const std::vector<LineRecord> lines = TOPUP_VALUE(m_service->lines());
        if (lines.size() != 3)
            return nullptr;
        const LineRecord tablet = lines[2];
        tabletId = tablet.id;
        const auto spent = [&] { return TOPUP_VALUE(m_service->outlook()).line(tablet.id)->thisMonth.lineSpend; };
        Policy policy = *tablet.policy;
        policy.monthlyCap = spent() + Money::fromCents(1000);
        if (!m_service->setPolicy(tablet.id, policy))
            return nullptr;
        for (int drains = 0; spent() < *policy.monthlyCap && drains < 2; ++drains) {
            if (!m_service->drainLine(tablet.id))
                return nullptr;
        }
        outlook = TOPUP_VALUE(m_service->outlook());
        const LineOutlook *line = outlook.line(tablet.id);
        return line ? line->nextThreshold() : nullptr;
    }

    static void languages_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QString();
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

private slots:
    void cleanup()
    {
        m_page.reset();
        m_service.reset();
        m_settings.reset();
        QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(m_localeBefore);
    }

    // A few lines keep their cards; one past MostLinesAsCards and the
    // table takes over (no card per line: they do not scale); back to the
    // limit, the cards again.
    void theTableTakesOverPastMostLinesAsCards()
    {
        open(QString(), DashboardPage::MostLinesAsCards);
        QCOMPARE(m_page->cardCount(), 3);
        QVERIFY(!m_page->showsTable());
        int count = 3;
        while (count <= DashboardPage::MostLinesAsCards) {
            ++count;
            TOPUP_VERIFY_OK(m_service->addLine(LineForm{QStringLiteral("Sensor %1").arg(count), QStringLiteral("EU"),
                                                        UsageProfile::Regular, quint64(count), DataAmount(2'000'000'000),
                                                        VoiceAmount(0)}));
        }
        QTRY_VERIFY(m_page->showsTable());
        QCOMPARE(m_page->cardCount(), 0);
        QCOMPARE(table()->model()->rowCount(), DashboardPage::MostLinesAsCards + 1);
        QVERIFY(panel()->isVisible());
        // Sorted by name at first, as people read numbers: "Sensor 9" before "Sensor 10".
        const auto rowNamed = [&](const QString &name) {
            for (int row = 0; row < table()->model()->rowCount(); ++row) {
                if (cell(row, LineTableModel::Name) == name)
                    return row;
            }
            return -1;
        };
        QVERIFY(rowNamed(QStringLiteral("Sensor 9")) >= 0);
        QCOMPARE(rowNamed(QStringLiteral("Sensor 9")) + 1, rowNamed(QStringLiteral("Sensor 10")));
        const LineRecord last = TOPUP_VALUE(m_service->lines()).back();
        TOPUP_VERIFY_OK(m_service->removeLine(last.id));
        QTRY_VERIFY(!m_page->showsTable());
        QCOMPARE(m_page->cardCount(), DashboardPage::MostLinesAsCards);
    }

    // A fleet past MostLinesAsCards: the demo's three lines and sensors.
    void openFleet(int lines)
    {
        open(QString(), DashboardPage::MostLinesAsCards);
        for (int count = 4; count <= lines; ++count)
            TOPUP_VERIFY_OK(m_service->addLine(LineForm{QStringLiteral("Sensor %1").arg(count), QStringLiteral("EU"),
                                                        UsageProfile::Regular, quint64(count), DataAmount(2'000'000'000),
                                                        VoiceAmount(0)}));
        QTRY_COMPARE(panel()->model()->rowCount(), lines);
        QCoreApplication::processEvents();
    }

    // One line's rules changed: the service names that line, and the table
    // updates that row alone (it used to say every row changed).
    void oneLinesRulesChangeOneRow()
    {
        openFleet(60);
        LineTableModel *model = panel()->model();
        const LineRecord sensor = TOPUP_VALUE(m_service->lines())[20];
        const int row = model->rowOf(sensor.id);
        QCOMPARE(cell(rowOf(sensor.id), LineTableModel::State), LineTableModel::stateKindName(LineTableModel::StateKind::Off));
        QSignalSpy named(m_service.get(), &Service::linesChanged);
        QSignalSpy refreshed(m_page.get(), &DashboardPage::refreshed);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);

        // Rules paused: nothing runs, nothing else can change.
        Policy policy;
        policy.enabled = false;
        policy.threshold = ThresholdTrigger{Resource::Data, 500'000'000, TOPUP_VALUE(m_service->packages(sensor.id)).front().package.id};
        policy.method = TOPUP_FIRST(m_service->methods()).engineId();
        TOPUP_VERIFY_OK(m_service->setPolicy(sensor.id, policy));
        QCOMPARE(named.size(), 1);
        QCOMPARE(named.at(0).at(0).value<QList<qint64>>(), QList<qint64>{sensor.id});

        QTRY_COMPARE(refreshed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), row);
        QCOMPARE(cell(rowOf(sensor.id), LineTableModel::State), LineTableModel::stateKindName(LineTableModel::StateKind::Paused));
    }

    // A line added is a row inserted, a line removed a row removed: the
    // others keep theirs (a view keeps its selection), nothing resets.
    void aLineAddedOrRemovedIsOneRow()
    {
        openFleet(30);
        LineTableModel *model = panel()->model();
        QSignalSpy refreshed(m_page.get(), &DashboardPage::refreshed);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);

        const LineRecord extra = TOPUP_VALUE(m_service->addLine(LineForm{QStringLiteral("Sensor 31"), QStringLiteral("EU"),
                                                                         UsageProfile::Regular, 31, DataAmount(2'000'000'000),
                                                                         VoiceAmount(0)}));
        QTRY_COMPARE(refreshed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), model->rowOf(extra.id));
        QCOMPARE(inserted.at(0).at(2).toInt(), model->rowOf(extra.id));

        const LineRecord gone = TOPUP_VALUE(m_service->lines())[10];
        const int goneRow = model->rowOf(gone.id);
        TOPUP_VERIFY_OK(m_service->removeLine(gone.id));
        QTRY_COMPARE(refreshed.size(), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), goneRow);
        QCOMPARE(model->rowOf(gone.id), -1);
        QCOMPARE(model->rowCount(), 30);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 0);
    }

    // The table says what the engine will do: the tablet's next threshold
    // top-up, at its cap, is blocked, with when, which package and why.
    void aBlockedTopUpShowsAsBlockedWithItsReason_data() { languages_data(); }
    void aBlockedTopUpShowsAsBlockedWithItsReason()
    {
        QFETCH(QString, language);
        open(language);
        Outlook outlook;
        qint64 tabletId = 0;
        const PreviewItem *next = blockTheTablet(outlook, tabletId);
        QVERIFY2(next && next->blocked() && next->reason == Reason::BudgetCap, "the engine blocks the tablet's next threshold top-up");
        QTRY_VERIFY(rowOf(tabletId) >= 0);
        const LineOutlook *tablet = outlook.line(tabletId);
        QVERIFY(tablet && !tablet->topUps.empty() && &tablet->topUps.front() == next);
        const QString when = Formatter::dayMonth(next->at, QTimeZone(zone));
        const QString reason = Wording::reason(Reason::BudgetCap);
        QTRY_VERIFY2(cell(rowOf(tabletId), LineTableModel::NextTopUp).contains(reason), qPrintable(cell(rowOf(tabletId), LineTableModel::NextTopUp)));
        const QString shown = cell(rowOf(tabletId), LineTableModel::NextTopUp);
        QVERIFY2(shown.startsWith(when), qPrintable(shown));
        if (language.isEmpty()) {
            QCOMPARE(shown, when + QStringLiteral(" — blocked: line's monthly budget reached"));
            // The trigger and the package in the tooltip, which shows the whole text.
            const QString tip = table()->model()->index(rowOf(tabletId), LineTableModel::NextTopUp).data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.startsWith(when + QStringLiteral(" (Threshold): ")) && tip.endsWith(QStringLiteral(" — blocked: line's monthly budget reached")),
                     qPrintable(tip));
        } else {
            QVERIFY2(hasChinese(shown) && hasChinese(reason), qPrintable(shown));
            QVERIFY2(!shown.contains(QLatin1String("blocked")), qPrintable(shown));
        }
        // Shown in the warning colour, and its spend at the cap too.
        const QModelIndex index = table()->model()->index(rowOf(tabletId), LineTableModel::NextTopUp);
        QVERIFY(index.data(Qt::ForegroundRole).isValid());
        QVERIFY(table()->model()->index(rowOf(tabletId), LineTableModel::Spend).data(Qt::ForegroundRole).isValid());
        // The other lines' next top-ups are paid: not blocked.
        for (const LineOutlook &line : outlook.lines) {
            if (line.line.id == tabletId || line.topUps.empty())
                continue;
            QVERIFY(line.topUps.front().paid());
            QVERIFY2(!cell(rowOf(line.line.id), LineTableModel::NextTopUp).contains(reason), qPrintable(cell(rowOf(line.line.id), LineTableModel::NextTopUp)));
        }
    }

    // A line whose threshold trigger is blocked until the 1st says so in
    // the state column, with its reason, and the state filter finds it.
    void aBlockedTriggerShowsInTheStateColumn()
    {
        open(QString());
        Outlook outlook;
        qint64 tabletId = 0;
        const PreviewItem *next = blockTheTablet(outlook, tabletId);
        QVERIFY(next && next->blocked());
        TOPUP_VERIFY_OK(m_service->advanceBy(next->at.msecs() - outlook.clock.msecs()));
        const Outlook after = TOPUP_VALUE(m_service->outlook());
        QCOMPARE(after.line(tabletId)->line.progress.state, ThresholdState::Blocked);
        QTRY_COMPARE(cell(rowOf(tabletId), LineTableModel::State), QStringLiteral("Blocked"));
        QCOMPARE(table()->model()->index(rowOf(tabletId), LineTableModel::State).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Blocked until the 1st — line's monthly budget reached"));
        QComboBox *state = panel()->stateFilter();
        state->setCurrentIndex(state->findData(int(LineTableModel::StateKind::Blocked)));
        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(rowOf(tabletId), 0);
    }

    // Sorting by when data runs out (a click on the column's header) orders
    // the lines as the outlook's forecasts do: run out first, then the
    // soonest run-out, then the lines not used lately; a second click
    // reverses it.
    void sortingByRunOutOrdersTheRows()
    {
        open(QString());
        // Two more lines with no usage yet and one drained: every kind of forecast.
        for (int i = 1; i <= 2; ++i)
            TOPUP_VERIFY_OK(m_service->addLine(LineForm{QStringLiteral("Spare %1").arg(i), QStringLiteral("EU"), UsageProfile::Regular,
                                                        quint64(i), DataAmount(3'000'000'000), VoiceAmount(0)}));
        const std::vector<LineRecord> lines = TOPUP_VALUE(m_service->lines());
        const Outlook outlook = TOPUP_VALUE(m_service->outlook());
        QTRY_COMPARE(table()->model()->rowCount(), int(outlook.lines.size()));
        const auto key = [](const LineOutlook &line) {
            if (line.line.dataBytes <= 0)
                return std::numeric_limits<qint64>::min();
            return line.forecast.runOut && line.forecast.perDay > 0 ? line.forecast.runOut->msecs() : std::numeric_limits<qint64>::max();
        };
        std::vector<const LineOutlook *> expected;
        for (const LineOutlook &line : outlook.lines)
            expected.push_back(&line);
        std::stable_sort(expected.begin(), expected.end(), [&](const LineOutlook *a, const LineOutlook *b) { return key(*a) < key(*b); });
        QVERIFY2(key(*expected.front()) != key(*expected.back()), "the lines' forecasts differ");
        QVERIFY2(key(*expected.back()) == std::numeric_limits<qint64>::max(), "a line not used lately");

        QHeaderView *header = table()->horizontalHeader();
        const int x = header->sectionViewportPosition(LineTableModel::RunsOut) + header->sectionSize(LineTableModel::RunsOut) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), int(LineTableModel::RunsOut));
        const Qt::SortOrder first = header->sortIndicatorOrder();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QVERIFY(header->sortIndicatorOrder() != first);
        if (header->sortIndicatorOrder() != Qt::AscendingOrder)
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const QModelIndex index = table()->model()->index(int(i), LineTableModel::RunsOut);
            QCOMPARE(index.data(LineTableModel::LineIdRole).toLongLong(), expected[i]->line.id);
            if (expected[i]->forecast.runOut && expected[i]->forecast.perDay > 0 && expected[i]->line.dataBytes > 0)
                QVERIFY2(index.data().toString().contains(Formatter::dayMonth(*expected[i]->forecast.runOut, QTimeZone(zone))),
                         qPrintable(index.data().toString()));
        }
        QCOMPARE(cell(int(expected.size()) - 1, LineTableModel::RunsOut), QStringLiteral("No recent use"));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        for (int row = 1; row < table()->model()->rowCount(); ++row) {
            const qint64 above = table()->model()->index(row - 1, LineTableModel::RunsOut).data(LineTableModel::RawRole).toLongLong();
            const qint64 below = table()->model()->index(row, LineTableModel::RunsOut).data(LineTableModel::RawRole).toLongLong();
            QVERIFY2(above >= below, qPrintable(QStringLiteral("row %1").arg(row)));
        }
        QCOMPARE(cell(0, LineTableModel::RunsOut), QStringLiteral("No recent use"));
    }

    // The filter hides the lines whose name does not match (any case) or
    // whose state is another, and says how many lines it shows of how many.
    void theFilterHidesOtherLinesAndSaysHowMany_data() { languages_data(); }
    void theFilterHidesOtherLinesAndSaysHowMany()
    {
        QFETCH(QString, language);
        open(language);
        const std::vector<LineRecord> lines = TOPUP_VALUE(m_service->lines());
        QCOMPARE(lines.size(), std::size_t(3));
        QTRY_COMPARE(table()->model()->rowCount(), 3);
        QLabel *shown = panel()->shownLabel();
        if (language.isEmpty())
            QCOMPARE(shown->text(), QStringLiteral("3 of 3 lines shown"));
        else
            QCOMPARE(shown->text(), QStringLiteral("显示 3 条线路中的 3 条"));

        // Part of the third line's name, in another case.
        const LineRecord &third = lines[2];
        const QString part = third.name.mid(1, 4).toUpper();
        // Typed as a person would; QTest types ASCII only, so Chinese names are set.
        if (std::all_of(part.begin(), part.end(), [](QChar c) { return c.unicode() < 128; }))
            QTest::keyClicks(panel()->nameFilter(), part);
        else
            panel()->nameFilter()->setText(part);
        int matching = 0;
        for (const LineRecord &line : lines)
            matching += line.name.contains(part, Qt::CaseInsensitive) ? 1 : 0;
        QVERIFY(matching >= 1 && matching < 3);
        QCOMPARE(table()->model()->rowCount(), matching);
        QVERIFY(rowOf(third.id) >= 0);
        if (language.isEmpty())
            QCOMPARE(shown->text(), QStringLiteral("%1 of 3 lines shown").arg(matching));
        else
            QCOMPARE(shown->text(), QStringLiteral("显示 3 条线路中的 %1 条").arg(matching));
        panel()->nameFilter()->clear();
        QCOMPARE(table()->model()->rowCount(), 3);

        // By state: the first line paused.
        Policy paused = *lines[0].policy;
        paused.enabled = false;
        TOPUP_VERIFY_OK(m_service->setPolicy(lines[0].id, paused));
        QComboBox *state = panel()->stateFilter();
        QTRY_COMPARE(cell(rowOf(lines[0].id), LineTableModel::State), LineTableModel::tr("Paused"));
        state->setCurrentIndex(state->findData(int(LineTableModel::StateKind::Paused)));
        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(rowOf(lines[0].id), 0);
        if (language.isEmpty()) {
            QCOMPARE(state->currentText(), QStringLiteral("Paused"));
            QCOMPARE(shown->text(), QStringLiteral("1 of 3 lines shown"));
        } else {
            QVERIFY(hasChinese(state->currentText()));
            QVERIFY(hasChinese(cell(0, LineTableModel::State)));
            QCOMPARE(shown->text(), QStringLiteral("显示 3 条线路中的 1 条"));
        }
        state->setCurrentIndex(state->findData(int(LineTableModel::StateKind::Stopped)));
        QCOMPARE(table()->model()->rowCount(), 0);
        state->setCurrentIndex(0);
        QCOMPARE(table()->model()->rowCount(), 3);
    }

    // Selecting a row shows that line's card beside the table; Enter on a
    // row opens the line.
    void selectingARowShowsThatLinesCard_data() { languages_data(); }
    void selectingARowShowsThatLinesCard()
    {
        QFETCH(QString, language);
        open(language);
        QTRY_COMPARE(table()->model()->rowCount(), 3);
        LineCard *card = panel()->card();
        QVERIFY(card->isVisible()); // the first row is selected at first
        QCOMPARE(card->lineId(), panel()->selectedLineId());
        for (int row : {2, 1}) {
            const QRect rect = table()->visualRect(table()->model()->index(row, LineTableModel::Name));
            QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, rect.center());
            const qint64 id = table()->model()->index(row, 0).data(LineTableModel::LineIdRole).toLongLong();
            QCOMPARE(panel()->selectedLineId(), id);
            QCOMPARE(card->lineId(), id);
            QVERIFY(card->isVisible());
            QCOMPARE(card->accessibleName(), LineCard::tr("Line %1").arg(cell(row, LineTableModel::Name)));
            const Outlook outlook = TOPUP_VALUE(m_service->outlook());
            const auto *data = card->findChild<QLabel *>(QStringLiteral("dataLeft"));
            QVERIFY(data->text().contains(Formatter::data(outlook.line(id)->line.dataBytes, DataUnits::Decimal)));
        }
        QSignalSpy opened(m_page.get(), &DashboardPage::lineActivated);
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.front().front().toLongLong(), panel()->selectedLineId());

        // The selection stays on its line when the outlook changes.
        const qint64 selected = panel()->selectedLineId();
        TOPUP_VERIFY_OK(m_service->drainLine(selected));
        QTRY_VERIFY(card->findChild<QLabel *>(QStringLiteral("dataLeft"))->text()
                    == LineCard::tr("Data left: %1").arg(Formatter::data(TOPUP_VALUE(m_service->outlook()).line(selected)->line.dataBytes,
                                                                         DataUnits::Decimal)));
        QCOMPARE(panel()->selectedLineId(), selected);

        // Filtered out: no card, a sentence instead.
        QTest::keyClicks(panel()->nameFilter(), QStringLiteral("no such line"));
        QCOMPARE(table()->model()->rowCount(), 0);
        QVERIFY(!card->isVisible());
        QVERIFY(panel()->noSelectionLabel()->isVisible());
    }

    // A line with no voice left reads "0 min" in the table as on its card
    // (it read "0 s": a voice balance is counted in minutes).
    void noVoiceLeftReadsInMinutes()
    {
        open(QString());
        const LineRecord sensor = TOPUP_VALUE(m_service->addLine(LineForm{QStringLiteral("Sensor"), QStringLiteral("EU"),
                                                                          UsageProfile::Regular, 7, DataAmount(2'000'000'000),
                                                                          VoiceAmount(0)}));
        QTRY_VERIFY(rowOf(sensor.id) >= 0);
        QCOMPARE(cell(rowOf(sensor.id), LineTableModel::VoiceLeft), QStringLiteral("0 min"));
        table()->setCurrentIndex(table()->model()->index(rowOf(sensor.id), 0));
        auto *card = m_page->findChild<LineCard *>(QStringLiteral("selectedLineCard"));
        QVERIFY(card);
        auto *voice = card->findChild<QLabel *>(QStringLiteral("voiceLeft"));
        QVERIFY(voice);
        QTRY_VERIFY2(voice->text().endsWith(QLatin1String(": 0 min")), qPrintable(voice->text()));
    }

    // Sorted by name, the table follows the language chosen in Settings:
    // the names in the new language's order (Chinese by pinyin: 阿里 "a"
    // before 北京 "bei"; English by code point: 北 before 阿), the header
    // in its words.
    void theNameSortFollowsALanguageSwitch()
    {
        open(QString());
        Appearance appearance(*qApp, *m_settings);
        const auto english = qScopeGuard([this] { m_settings->setLanguage(QStringLiteral("en")); });
        const QString beijing = QString::fromUtf8("北京");
        const QString ali = QString::fromUtf8("阿里");
        for (const QString &name : {beijing, ali})
            TOPUP_VERIFY_OK(m_service->addLine(LineForm{name, QStringLiteral("EU"), UsageProfile::Regular, 3, DataAmount(2'000'000'000),
                                                        VoiceAmount(0)}));
        QTRY_COMPARE(table()->model()->rowCount(), 5);
        table()->sortByColumn(LineTableModel::Name, Qt::AscendingOrder);
        const auto rowNamed = [this](const QString &name) {
            for (int row = 0; row < table()->model()->rowCount(); ++row) {
                if (cell(row, LineTableModel::Name) == name)
                    return row;
            }
            return -1;
        };
        QVERIFY(rowNamed(beijing) >= 0 && rowNamed(ali) >= 0);
        QVERIFY2(rowNamed(beijing) < rowNamed(ali), "English orders Han by code point");
        QVERIFY(!hasChinese(table()->horizontalHeader()->model()->headerData(LineTableModel::Name, Qt::Horizontal).toString()));

        m_settings->setLanguage(QStringLiteral("zh_CN"));
        QCoreApplication::processEvents();
        QVERIFY2(rowNamed(ali) < rowNamed(beijing), "Chinese orders by pinyin");
        QCOMPARE(table()->horizontalHeader()->sortIndicatorSection(), int(LineTableModel::Name));
        QVERIFY(hasChinese(table()->horizontalHeader()->model()->headerData(LineTableModel::Name, Qt::Horizontal).toString()));

        m_settings->setLanguage(QStringLiteral("en"));
        QCoreApplication::processEvents();
        QVERIFY(rowNamed(beijing) < rowNamed(ali));
    }

    // Every control of the table has a name a screen reader says, in
    // either language, and the headers follow a change of language.
    void everyControlHasAnAccessibleName_data() { languages_data(); }
    void everyControlHasAnAccessibleName()
    {
        QFETCH(QString, language);
        open(language);
        for (QWidget *control : std::initializer_list<QWidget *>{panel()->nameFilter(), panel()->stateFilter(), table()}) {
            QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
            QCOMPARE(hasChinese(control->accessibleName()), !language.isEmpty());
        }
        const QString header = table()->model()->headerData(LineTableModel::RunsOut, Qt::Horizontal).toString();
        QCOMPARE(hasChinese(header), !language.isEmpty());
        QCOMPARE(hasChinese(panel()->nameFilter()->placeholderText()), !language.isEmpty());
    }
};

TOPUP_TEST_MAIN(TestLineTable)
} // namespace tst_linetable
#include "tst_linetable.moc"
