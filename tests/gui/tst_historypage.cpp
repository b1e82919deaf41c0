// The history page: attempts as the service records them, filters, the
// usage chart and the CSV export through its file dialog.
#include "testmain.h"
#include "pagesfixture.h"

#include "checked.h"
#include "text/formatter.h"
#include "models/attemptfiltermodel.h"
#include "models/attemptmodel.h"
#include "models/usagemodel.h"
#include "pages/alertspage.h"
#include "pages/historypage.h"
#include "pages/policyeditor.h"
#include "widgets/usagehistorychart.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDateEdit>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QHeaderView>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTranslator>

namespace tst_historypage {

using namespace topup;
using namespace topup::testing;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;

// What a column needs to show its rows in view and its header whole.
int neededWidth(QTableView *table, int column)
{
    return std::max(static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column), table->horizontalHeader()->sectionSizeHint(column));
}

// A light-use line `name` holding 5 GB whose rule buys 5 GB whenever it
// falls below 1 GB, paid with `method`.
Expected<LineRecord> addThresholdLine(Service &service, const QString &name, const MethodRecord &method)
{
    const Expected<LineRecord> line = service.addLine(LineForm{name, {}, UsageProfile::Light, 1, DataAmount(5 * gigabyte), VoiceAmount()});
    if (!line)
        return line;
    Policy policy;
    policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageId(service, "5 GB data")};
    policy.method = method.engineId();
    if (const Expected<void> set = service.setPolicy(line->id, policy); !set)
        return Expected<LineRecord>::failure(set);
    return line;
}

// Ana's account on 10 Apr 2027 with a wallet holding 100.00.
std::unique_ptr<Service> accountWithWallet(const QString &dir, MethodRecord &wallet)
{
    std::unique_ptr<Service> service = freshAccount(dir, at("2027-04-10T10:00:00Z"));
    if (!service)
        return nullptr;
    const Expected<MethodRecord> added = service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(10000)});
    if (!added) {
        qWarning("%s", qPrintable(added.error()));
        return nullptr;
    }
    wallet = *added;
    return service;
}

// The page at the size it has beside the navigation in a 1280 × 800
// window, shown and exposed.
bool shownBesideTheNavigation(HistoryPage &page)
{
    page.resize(1060, 760);
    page.show();
    return QTest::qWaitForWindowExposed(&page);
}

} // namespace

class TestHistoryPage final : public QObject
{
    Q_OBJECT

private slots:
    // A hidden History reads nothing when the world changes (a playing
    // clock changes it five times a second); shown again, it reads once.
    void aHiddenPageReadsOnceWhenShown()
    {
        QTemporaryDir dir;
        MethodRecord wallet;
        auto service = accountWithWallet(dir.path(), wallet);
        QVERIFY(service);
        const Expected<LineRecord> line = addThresholdLine(*service, QStringLiteral("Phone"), wallet);
        QVERIFY2(line, qPrintable(line.error()));

        HistoryPage page(*service);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.attempts()->rowCount(), 0);
        page.hide();
        QSignalSpy reset(page.attempts(), &QAbstractItemModel::modelReset);
        QVERIFY(service->drainLine(line->id)); // the rules top it up: the world moved
        QVERIFY(service->advanceBy(3600 * 1000));
        QCoreApplication::processEvents();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(page.attempts()->rowCount(), 0);
        QVERIFY(page.attempts()->isStale());

        page.show();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(page.attempts()->rowCount(), 1);
        QVERIFY(!page.attempts()->isStale());
    }

    void drainedLineShowsItsTopUpAndExportsQuotedCsv()
    {
        QTemporaryDir dir;
        MethodRecord wallet;
        auto service = accountWithWallet(dir.path(), wallet);
        QVERIFY(service);
        const QString awkward = QStringLiteral("Ana's \"work\", phone");
        const Expected<LineRecord> line = addThresholdLine(*service, awkward, wallet);
        QVERIFY2(line, qPrintable(line.error()));

        HistoryPage page(*service);
        page.resize(1280, 800);
        page.show();
        QCOMPARE(page.filtered()->rowCount(), 0);
        QVERIFY(service->drainLine(line->id));
        QTRY_COMPARE(page.filtered()->rowCount(), 1);
        const QModelIndex status = page.filtered()->index(0, AttemptModel::Status);
        QCOMPARE(status.data(AttemptModel::RawRole).toString(), QStringLiteral("succeeded"));
        QCOMPARE(page.filtered()->index(0, AttemptModel::Line).data().toString(), awkward);
        QCOMPARE(page.filtered()->index(0, AttemptModel::Time).data().toString(), QStringLiteral("10 Apr 2027 12:00"));

        // Filtering by status: none failed.
        auto *statusFilter = page.findChild<QComboBox *>(QStringLiteral("statusFilter"));
        statusFilter->setFocus();
        QTest::keyClick(statusFilter, Qt::Key_Down);
        QTest::keyClick(statusFilter, Qt::Key_Down); // Failed
        QCOMPARE(statusFilter->currentData().toInt(), int(AttemptStatus::Failed));
        QCOMPARE(page.filtered()->rowCount(), 0);
        QTest::keyClick(statusFilter, Qt::Key_Up);
        QCOMPARE(page.filtered()->rowCount(), 1);

        // The button asks where to save, as a CSV file (on the offscreen platform the
        // file dialog does not accept a typed name, so the export itself is called below).
        QString filter;
        answerNextModal([&](QDialog *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            QVERIFY(files);
            QCOMPARE(files->acceptMode(), QFileDialog::AcceptSave);
            filter = files->selectedNameFilter();
        });
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("exportCsv")), Qt::LeftButton);
        QVERIFY2(filter.contains(QLatin1String("*.csv")), qPrintable(filter));

        const QString path = dir.filePath(QStringLiteral("out.csv"));
        const Expected<int> exported = page.exportCsv(path);
        QVERIFY2(exported, qPrintable(exported.error()));
        QCOMPARE(*exported, 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> records = file.readAll().split('\n');
        QCOMPARE(records.size(), 3); // header, one attempt, and the empty rest after the last CRLF
        QCOMPARE(records[0], QByteArray("time,line,trigger,chain_key,attempt,method,package,amount,currency,status,reason\r"));
        QVERIFY2(records[1].startsWith("2027-04-10T12:00:00+02:00,\"Ana's \"\"work\"\", phone\",threshold,"), records[1].constData());
        QVERIFY2(records[1].endsWith(",5 GB data,15.00,EUR,succeeded,\r"), records[1].constData());
        QVERIFY(records[2].isEmpty());
    }

    void lookAlikeCardsAreToldApartInTheFormHistoryCsvAndAlerts()
    {
        // Two cards with the same brand and last four digits, a credit and a debit one.
        QTemporaryDir dir;
        auto service = freshAccount(dir.path(), at("2027-04-10T10:00:00Z"));
        QVERIFY(service);
        const auto addCard = [&service](MethodKind kind) {
            return service->addCard(CardForm{kind, QStringLiteral("Ana Lima"), QStringLiteral("4111 1111 1111 1111"),
                                             QStringLiteral("12/30"), QStringLiteral("123"), Money::fromCents(10000)});
        };
        const Expected<MethodRecord> credit = addCard(MethodKind::CreditCard);
        const Expected<MethodRecord> debit = addCard(MethodKind::DebitCard);
        QVERIFY(credit && debit);
        const Expected<LineRecord> line = addThresholdLine(*service, QStringLiteral("Phone"), *debit);
        QVERIFY2(line, qPrintable(line.error()));
        const QString creditText = QStringLiteral("Visa •••• 1111 (credit)");
        const QString debitText = QStringLiteral("Visa •••• 1111 (debit)");

        // The form: two different choices.
        const std::unique_ptr<LinePage> linePage = openLinePage(*service, line->id);
        auto *method = linePage->rules()->findChild<QComboBox *>(QStringLiteral("method"));
        QVERIFY(method->findText(creditText) >= 0 && method->findText(debitText) >= 0);
        QCOMPARE(method->currentText(), debitText);

        // A declined top-up on the debit card.
        QVERIFY(service->injectFault(debit->id, {Reason::Declined}));
        QVERIFY(service->drainLine(line->id));
        HistoryPage page(*service);
        page.resize(1280, 800);
        page.show();
        QTRY_COMPARE(page.filtered()->rowCount(), 1);
        QCOMPARE(page.filtered()->index(0, AttemptModel::Method).data().toString(), debitText);

        // The CSV names it the same way.
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        const Expected<int> exported = page.exportCsv(path);
        QVERIFY2(exported, qPrintable(exported.error()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(file.readAll());
        QVERIFY2(csv.contains(QLatin1Char(',') + debitText + QLatin1Char(',')), qPrintable(csv));

        // And so does the alert about the failure.
        AlertsPage alerts(*service);
        alerts.show();
        QAbstractItemModel *model = alerts.findChild<QTableView *>(QStringLiteral("alerts"))->model();
        QStringList messages;
        for (int row = 0; row < model->rowCount(); ++row)
            messages << model->index(row, 1).data().toString();
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(debitText), qPrintable(messages.join(QLatin1Char('\n'))));
        QVERIFY(!messages.join(QLatin1Char('\n')).contains(creditText));
    }

    void dateRangeAndLineFilters()
    {
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        HistoryPage page(*service);
        page.resize(1280, 800);
        page.show();
        QVERIFY(page.filtered()->rowCount() > 0);
        const qint64 first = service->lines()->front().id;
        auto *lineFilter = page.findChild<QComboBox *>(QStringLiteral("lineFilter"));
        lineFilter->setFocus();
        QTest::keyClick(lineFilter, Qt::Key_Down);
        QCOMPARE(lineFilter->currentData().toLongLong(), first);
        for (int row = 0; row < page.filtered()->rowCount(); ++row)
            QCOMPARE(page.filtered()->index(row, AttemptModel::Line).data(AttemptModel::RawRole).toLongLong(), first);
        // Every shown row lies in the chosen local days, and narrowing the range drops rows.
        const int before = page.filtered()->rowCount();
        page.filtered()->setDateRange(QDate(2027, 6, 1), QDate(2027, 6, 20), QTimeZone("Europe/Berlin"));
        const qint64 from = QDate(2027, 6, 1).startOfDay(QTimeZone("Europe/Berlin")).toMSecsSinceEpoch();
        for (int row = 0; row < page.filtered()->rowCount(); ++row)
            QVERIFY(page.filtered()->index(row, AttemptModel::Time).data(AttemptModel::RawRole).toLongLong() >= from);
        QVERIFY(page.filtered()->rowCount() < before);
    }

    void sortingUsesRawValues()
    {
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        HistoryPage page(*service);
        page.show();
        page.table()->sortByColumn(AttemptModel::Amount, Qt::AscendingOrder);
        QVERIFY(page.filtered()->rowCount() > 1);
        for (int row = 1; row < page.filtered()->rowCount(); ++row)
            QVERIFY(page.filtered()->index(row - 1, AttemptModel::Amount).data(AttemptModel::RawRole).toLongLong()
                    <= page.filtered()->index(row, AttemptModel::Amount).data(AttemptModel::RawRole).toLongLong());
    }

    void usageChartHasTheDemoDays_data()
    {
        QTest::addColumn<int>("granularity");
        QTest::addColumn<int>("points");
        // 90 days of usage with three lines summed: one point per local day, 13 or 14 weeks, 3 or 4 months.
        QTest::newRow("day") << int(UsageHistoryChart::Granularity::Day) << 90;
        QTest::newRow("hour") << int(UsageHistoryChart::Granularity::Hour) << 7 * 24;
    }

    void usageChartHasTheDemoDays()
    {
        QFETCH(int, granularity);
        QFETCH(int, points);
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        HistoryPage page(*service);
        page.show();
        page.chart()->setGranularity(UsageHistoryChart::Granularity(granularity));
        QVERIFY2(qAbs(page.chart()->pointCount() - points) <= 1, qPrintable(QString::number(page.chart()->pointCount())));
        // The table beside the chart has the same periods, newest first, with the same sums.
        QCOMPARE(page.chart()->table()->rowCount(), page.chart()->pointCount());
        const QAbstractItemModel *table = page.chart()->table();
        for (int row = 1; row < table->rowCount(); ++row)
            QVERIFY(table->index(row - 1, UsageModel::Period).data(UsageModel::RawRole).toLongLong()
                    > table->index(row, UsageModel::Period).data(UsageModel::RawRole).toLongLong());
    }

    void olderDaysAreShownWithoutScrolling()
    {
        // The attempts come a page at a time as the table scrolls; choosing
        // older days fetches back to them, or a range older than the first
        // page would show an empty table with nothing to scroll.
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        const Expected<std::vector<AttemptRow>> all = service->attempts(100000);
        QVERIFY2(all, qPrintable(all.error()));
        QVERIFY(all->size() > 20);
        HistoryPage page(*service, nullptr, 5);
        page.resize(1280, 800);
        page.show();
        const QTimeZone zone = Formatter::zoneOf(*service);
        const QDate oldest = QDateTime::fromMSecsSinceEpoch(all->back().at.msecs(), zone).date();
        const QDate older = QDateTime::fromMSecsSinceEpoch((*all)[all->size() - 4].at.msecs(), zone).date();
        const qint64 endOfOlder = older.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
        const auto inRange = std::count_if(all->begin(), all->end(), [&](const AttemptRow &row) { return row.at.msecs() < endOfOlder; });
        auto *from = page.findChild<QDateEdit *>(QStringLiteral("fromDate"));
        auto *to = page.findChild<QDateEdit *>(QStringLiteral("toDate"));
        QVERIFY(from && to);
        from->setMinimumDate(oldest.addDays(-1));
        from->setDate(oldest);
        to->setDate(older);
        QTRY_COMPARE(page.filtered()->rowCount(), int(inRange));
    }

    void exportStreamsEveryPageNotOnlyTheLoadedOnes()
    {
        // Pages of five held; the CSV has every attempt of the range, newest
        // first, in the order and number the store gives, and the model still
        // holds one page.
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        HistoryPage page(*service, nullptr, 5);
        page.show(); // a page never shown holds no rows
        auto *from = page.findChild<QDateEdit *>(QStringLiteral("fromDate"));
        QVERIFY(from);
        from->setMinimumDate(QDate(2000, 1, 1));
        from->setDate(QDate(2000, 1, 1));
        const std::vector<AttemptRow> all = TOPUP_VALUE(service->attempts(page.attempts()->filter(), -1));
        QVERIFY(all.size() > 10);
        QCOMPARE(page.attempts()->rowCount(), 5);
        const QString path = dir.filePath(QStringLiteral("all.csv"));
        const Expected<int> exported = page.exportCsv(path);
        QVERIFY2(exported, qPrintable(exported.error()));
        QCOMPARE(*exported, int(all.size()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> records = file.readAll().split('\n');
        QCOMPARE(records.size(), int(all.size()) + 2);
        for (std::size_t row = 0; row < all.size(); ++row)
            QVERIFY2(records[qsizetype(row) + 1].contains("," + all[row].key.toUtf8() + ","), records[qsizetype(row) + 1].constData());
        QCOMPARE(page.attempts()->rowCount(), 5);
    }

    void usageTableShowsEveryCellWhole_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("switchedLive"); // chosen in Settings while the page is up
        QTest::newRow("en") << QString() << false;
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << false;
        QTest::newRow("zh_CN, switched live") << QStringLiteral("zh_CN") << true;
    }

    void usageTableShowsEveryCellWhole()
    {
        // Beside the chart, the table is as wide as its columns: no column
        // is cut by the scroll bar or by its neighbour, in either language.
        QFETCH(QString, language);
        QFETCH(bool, switchedLive);
        QTranslator translator;
        const QLocale before;
        const auto choose = [&] {
            if (language.isEmpty())
                return true;
            if (!translator.load(QStringLiteral(":/i18n/topup_%1.qm").arg(language)))
                return false;
            QLocale::setDefault(QLocale(language));
            QCoreApplication::installTranslator(&translator);
            return true;
        };
        const auto restore = qScopeGuard([&] {
            QCoreApplication::removeTranslator(&translator);
            QLocale::setDefault(before);
        });
        if (!switchedLive)
            QVERIFY(choose());
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        HistoryPage page(*service);
        QVERIFY(shownBesideTheNavigation(page));
        page.chart()->setGranularity(UsageHistoryChart::Granularity::Day);
        auto *table = page.findChild<QTableView *>(QStringLiteral("usageTable"));
        QVERIFY(table);
        QTRY_VERIFY(table->model()->rowCount() > 0);
        if (switchedLive) {
            QVERIFY(choose());
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
            QTRY_VERIFY(table->model()->headerData(0, Qt::Horizontal).toString() != QLatin1String("Period"));
        }
        int used = 0;
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            const int needed = neededWidth(table, column);
            // The columns are fitted once the event loop has run (ColumnFitter).
            QTRY_VERIFY2(table->columnWidth(column) >= needed,
                         qPrintable(QStringLiteral("column %1: %2 px, needs %3").arg(column).arg(table->columnWidth(column)).arg(needed)));
            used += table->columnWidth(column);
        }
        QVERIFY2(used <= table->viewport()->width(),
                 qPrintable(QStringLiteral("columns %1 px, viewport %2 px").arg(used).arg(table->viewport()->width())));
    }

    // At 1280 px the attempts are wider than the table: the widest names
    // give up width first, so "Japan travel eSIM" is not cut while the
    // method column keeps room to spare, and the reason stays whole.
    void attemptColumnsGiveUpWidthWidestFirst()
    {
        QTemporaryDir dir;
        auto service = demoWorld(dir.path(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        HistoryPage page(*service);
        QVERIFY(shownBesideTheNavigation(page));
        auto *table = page.findChild<QTableView *>(QStringLiteral("attempts"));
        QVERIFY(table);
        QTRY_VERIFY(table->model()->rowCount() > 0);
        // Fitted once the event loop has run: the columns fill the viewport.
        QTRY_COMPARE(table->horizontalHeader()->length(), table->viewport()->width());
        const QList<int> elastic{AttemptModel::Line, AttemptModel::Trigger, AttemptModel::Attempt, AttemptModel::Method, AttemptModel::Package};
        int cut = 0;
        for (const int column : elastic) {
            if (table->columnWidth(column) >= neededWidth(table, column))
                continue;
            ++cut;
            for (const int other : elastic) {
                QVERIFY2(table->columnWidth(other) <= table->columnWidth(column),
                         qPrintable(QStringLiteral("column %1 is cut at %2 px (needs %3) while column %4 has %5 px")
                                        .arg(column).arg(table->columnWidth(column)).arg(neededWidth(table, column)).arg(other).arg(table->columnWidth(other))));
            }
        }
        QVERIFY2(cut > 0, "the attempts fit at 1060 px: the test no longer shows anything");
        QVERIFY(table->columnWidth(AttemptModel::Reason) >= neededWidth(table, AttemptModel::Reason));
    }
};

TOPUP_TEST_MAIN(TestHistoryPage)
} // namespace tst_historypage
#include "tst_historypage.moc"
