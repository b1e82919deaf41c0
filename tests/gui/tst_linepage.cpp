// A line's page: the rules form with its preview, and the test tab.
#include "testmain.h"
#include "pagesfixture.h"

#include "models/attemptmodel.h"
#include "models/previewmodel.h"
#include "pages/linepage.h"
#include "pages/linetestpanel.h"
#include "pages/policyeditor.h"
#include "widgets/errorlabel.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

namespace tst_linepage {

using namespace topup;
using namespace topup::testing;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;

std::unique_ptr<LinePage> openLine(const LineWorld &world)
{
    return openLinePage(*world.service, world.line.id);
}

} // namespace

class TestLinePage final : public QObject
{
    Q_OBJECT

private slots:
    void dayThirtyTwoIsRefusedDayThirtyOneIsSavedAndPreviewed()
    {
        auto world = makeLineWorld(false);
        QVERIFY(world);
        Service &service = *world->service;
        const std::unique_ptr<LinePage> page = openLine(*world);
        page->showRulesTab();
        PolicyEditor *rules = page->rules();

        child<QCheckBox>(rules, "enabled")->setFocus();
        QTest::keyClick(child<QCheckBox>(rules, "enabled"), Qt::Key_Space);
        QVERIFY(child<QCheckBox>(rules, "enabled")->isChecked());
        auto *monthly = child<QGroupBox>(rules, "monthly");
        monthly->setFocus();
        QTest::keyClick(monthly, Qt::Key_Space);
        QVERIFY(monthly->isChecked());
        auto *method = child<QComboBox>(rules, "method");
        method->setFocus();
        QTest::keyClick(method, Qt::Key_Down); // the card
        QCOMPARE(method->currentData().toString(), world->card.engineId());
        retype(child<QLineEdit>(rules, "monthlyDay"), QStringLiteral("32"));
        QVERIFY(rules->isDirty());

        QTest::mouseClick(child<QPushButton>(rules, "save"), Qt::LeftButton);
        auto *dayError = child<ErrorLabel>(rules, "monthlyDayError");
        QVERIFY(dayError->isVisible());
        QVERIFY2(dayError->text().contains(QLatin1String("between 1 and 31")) && dayError->text().contains(QLatin1String("32")),
                 qPrintable(dayError->text()));
        QVERIFY(!service.lines()->front().policy.has_value()); // nothing saved

        retype(child<QLineEdit>(rules, "monthlyDay"), QStringLiteral("31"));
        QTest::mouseClick(child<QPushButton>(rules, "save"), Qt::LeftButton);
        QVERIFY(!dayError->isVisible());
        QVERIFY(!rules->isDirty());
        const std::optional<Policy> saved = service.lines()->front().policy;
        QVERIFY(saved && saved->monthly && saved->enabled);
        QCOMPARE(saved->monthly->day, 31);
        QCOMPARE(saved->method, world->card.engineId());

        // April has 30 days: the preview shows the top-up on its last day, 09:00 in Paris.
        PreviewModel *preview = rules->previewModel();
        QTRY_VERIFY2(preview->rowCount() > 0, qPrintable(child<QLabel>(rules, "previewStatus")->text() + child<QLabel>(rules, "policyError")->text()));
        const QString when = preview->index(0, PreviewModel::Time).data().toString();
        QVERIFY2(when.contains(QLatin1String("30 Apr 2027 09:00")), qPrintable(when));
        QCOMPARE(preview->index(0, PreviewModel::Trigger).data().toString(), QStringLiteral("Monthly"));
        QVERIFY(!child<QLabel>(rules, "capSummary")->text().isEmpty());
    }

    void previewFollowsTheEditsAndMarksBlockedTopUps()
    {
        auto world = makeLineWorld(false);
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLine(*world);
        PolicyEditor *rules = page->rules();
        child<QCheckBox>(rules, "enabled")->setFocus();
        QTest::keyClick(child<QCheckBox>(rules, "enabled"), Qt::Key_Space);
        QVERIFY(child<QCheckBox>(rules, "enabled")->isChecked());
        auto *monthly = child<QGroupBox>(rules, "monthly");
        monthly->setFocus();
        QTest::keyClick(monthly, Qt::Key_Space);
        auto *method = child<QComboBox>(rules, "method");
        method->setFocus();
        QTest::keyClick(method, Qt::Key_Down);
        retype(child<QLineEdit>(rules, "monthlyDay"), QStringLiteral("12"));
        QTRY_COMPARE(rules->previewModel()->rowCount(), 1); // 12 April, not saved yet
        QCOMPARE(rules->previewModel()->index(0, PreviewModel::Status).data(PreviewModel::RawRole).toString(),
                 QStringLiteral("succeeded"));
        // A cap below the package's price blocks it; the row says so with an icon, not only a colour.
        retype(child<QLineEdit>(rules, "monthlyCap"), QStringLiteral("1.00"));
        QTRY_COMPARE(rules->previewModel()->index(0, PreviewModel::Status).data(PreviewModel::RawRole).toString(),
                     QStringLiteral("blocked"));
        const QModelIndex status = rules->previewModel()->index(0, PreviewModel::Status);
        QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(status.data().toString().contains(QLatin1String("Blocked")));
    }

    // A preview runs the engine: none while the rules are hidden (the test
    // tab shown, the clock playing), one when they are shown again.
    void aHiddenRulesFormPreviewsWhenShown()
    {
        auto world = makeLineWorld(false);
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLine(*world);
        PolicyEditor *rules = page->rules();
        page->showTestTab();
        QSignalSpy refreshed(rules->previewModel(), &QAbstractItemModel::modelReset);
        QVERIFY(world->service->advanceBy(3600 * 1000));
        QTRY_VERIFY(rules->isPreviewStale()); // came due, and waited
        QCOMPARE(refreshed.size(), 0);
        page->showRulesTab();
        QCOMPARE(refreshed.size(), 1);
        QVERIFY(!rules->isPreviewStale());
    }

    void previewFollowsAClockThatKeepsMoving()
    {
        // While the simulation plays, the clock moves every 200 ms, more
        // often than the preview's 300 ms pause after an edit: the preview
        // still follows it (it waited for the clock to stop).
        auto world = makeLineWorld(false);
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLine(*world);
        PolicyEditor *rules = page->rules();
        // Each move of the clock restarted the pause, so a preview pending
        // from showing the line would not come either.
        QSignalSpy refreshed(rules->previewModel(), &QAbstractItemModel::modelReset);
        QElapsedTimer moving;
        moving.start();
        for (int tick = 0; tick < 30 && refreshed.isEmpty(); ++tick) {
            emit world->service->worldAdvanced();
            QTest::qWait(PolicyEditor::previewDelayMs / 6);
        }
        QVERIFY2(!refreshed.isEmpty(), qPrintable(QStringLiteral("no refresh in %1 ms of a moving clock").arg(moving.elapsed())));
    }

    void leavingWithUnsavedRulesAsks()
    {
        auto world = makeLineWorld(true);
        QVERIFY(world);
        const Expected<LineRecord> other = world->service->addLine(LineForm{QStringLiteral("Tablet"), {}, UsageProfile::Light, 4,
                                                                           DataAmount(gigabyte), VoiceAmount()});
        QVERIFY2(other, qPrintable(other.error()));
        const std::unique_ptr<LinePage> page = openLine(*world);
        retype(child<QLineEdit>(page->rules(), "thresholdAmount"), QStringLiteral("2"));
        QVERIFY(page->rules()->isDirty());

        answerNextModal([](QDialog *box) { QTest::mouseClick(qobject_cast<QMessageBox *>(box)->button(QMessageBox::Cancel), Qt::LeftButton); });
        page->showLine(other->id);
        QCOMPARE(page->lineId(), world->line.id); // stayed

        answerNextModal([](QDialog *box) { QTest::mouseClick(qobject_cast<QMessageBox *>(box)->button(QMessageBox::Save), Qt::LeftButton); });
        page->showLine(other->id);
        QCOMPARE(page->lineId(), other->id);
        QCOMPARE(world->service->lines()->front().policy->threshold->below, 2 * gigabyte);
    }

    void rulesChangedElsewhereReplaceAnUntouchedForm()
    {
        auto world = makeLineWorld(true);
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLine(*world);
        auto *below = child<QLineEdit>(page->rules(), "thresholdAmount");
        QCOMPARE(below->text(), QStringLiteral("1"));
        Policy policy = *world->service->lines()->front().policy;
        policy.threshold->below = 300 * 1000 * 1000;
        QVERIFY(world->service->setPolicy(world->line.id, policy));
        QCOMPARE(below->text(), QStringLiteral("300"));
        QCOMPARE(child<QComboBox>(page->rules(), "thresholdUnit")->currentData().toString(), QStringLiteral("MB"));
        QVERIFY(!page->rules()->isDirty());

        // An edit in progress is never overwritten.
        retype(below, QStringLiteral("2"));
        policy.threshold->below = 400 * 1000 * 1000;
        QVERIFY(world->service->setPolicy(world->line.id, policy));
        QCOMPARE(below->text(), QStringLiteral("2"));
        QVERIFY(page->rules()->isDirty());
    }

    void clockStepsLeaveTheChoicesAlone()
    {
        // Every clock step says worldAdvanced (funds moved); the combo boxes
        // keep their items, so one the user has open is not reset under them.
        auto world = makeLineWorld(true);
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLine(*world);
        QSignalSpy faultMethod(child<QComboBox>(page->test(), "faultMethod"), &QComboBox::currentIndexChanged);
        QSignalSpy method(child<QComboBox>(page->rules(), "method"), &QComboBox::currentIndexChanged);
        QVERIFY(world->service->advanceBy(3600 * 1000));
        QCOMPARE(faultMethod.count(), 0);
        QCOMPARE(method.count(), 0);
        // A new method does refill them, keeping the choice.
        const int chosen = child<QComboBox>(page->rules(), "method")->currentIndex();
        QVERIFY(world->service->addWallet(WalletForm{QStringLiteral("bo@example.com"), Money::fromCents(100)}));
        QCOMPARE(child<QComboBox>(page->rules(), "method")->count(), 4);
        QCOMPARE(child<QComboBox>(page->rules(), "method")->currentIndex(), chosen);
        QVERIFY(!page->rules()->isDirty());
    }

    void drainFiresTheTopUpAndShowsTheNewBalance()
    {
        auto world = makeLineWorld(true);
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLine(*world);
        page->showTestTab();
        LineTestPanel *test = page->test();
        QCOMPARE(test->attempts()->rowCount(), 0);
        QTest::mouseClick(child<QPushButton>(test, "drain"), Qt::LeftButton);
        QTRY_COMPARE(test->attempts()->rowCount(), 1);
        const AttemptRow row = test->attempts()->rows().front();
        QCOMPARE(row.status, AttemptStatus::Succeeded);
        QCOMPARE(row.trigger, TriggerKind::Threshold);
        QCOMPARE(child<QLabel>(test, "dataBalance")->text(), QStringLiteral("Data: 5 GB"));
        QCOMPARE(world->service->lines()->front().dataBytes, 5 * gigabyte);
    }

    void injectedDeclineIsPaidByTheFallbackAtTheSameAttempt()
    {
        auto world = makeLineWorld(true);
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLine(*world);
        page->showTestTab();
        LineTestPanel *test = page->test();
        auto *methods = child<QComboBox>(test, "faultMethod");
        QCOMPARE(methods->currentData().toLongLong(), world->card.id);
        QCOMPARE(child<QComboBox>(test, "faultReason")->currentData().toString(), QStringLiteral("declined"));
        QTest::mouseClick(child<QPushButton>(test, "inject"), Qt::LeftButton);
        QVERIFY(child<QLabel>(test, "testStatus")->text().contains(QLatin1String("declined")));
        QTest::mouseClick(child<QPushButton>(test, "drain"), Qt::LeftButton);
        QTRY_COMPARE(test->attempts()->rowCount(), 2);
        const std::vector<AttemptRow> &rows = test->attempts()->rows();
        QCOMPARE(rows.size(), std::size_t(2));
        const AttemptRow &failed = rows[0].status == AttemptStatus::Failed ? rows[0] : rows[1];
        const AttemptRow &paid = rows[0].status == AttemptStatus::Failed ? rows[1] : rows[0];
        QCOMPARE(failed.reason, Reason::Declined);
        QCOMPARE(failed.methodId, world->card.id);
        QCOMPARE(paid.status, AttemptStatus::Succeeded);
        QCOMPARE(paid.methodId, world->wallet.id);
        QCOMPARE(paid.attempt, failed.attempt);
        QCOMPARE(paid.at, failed.at);
        QCOMPARE(paid.key, failed.key);
        // The failed row is marked with an icon as well as a colour.
        for (int r = 0; r < 2; ++r) {
            const QModelIndex status = test->attempts()->index(r, AttemptModel::Status);
            QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
        }
    }

    void playAndJumpMoveTheClock()
    {
        auto world = makeLineWorld(true);
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLine(*world);
        page->showTestTab();
        auto *clock = child<QLabel>(page->test(), "clock");
        const QString before = clock->text();
        auto *speed = child<QComboBox>(page->test(), "speed");
        speed->setFocus();
        QTest::keyClick(speed, Qt::Key_Down); // a day per second
        QTest::mouseClick(child<QPushButton>(page->test(), "play"), Qt::LeftButton);
        QVERIFY(world->service->isPlaying());
        QTRY_VERIFY(clock->text() != before);
        QTest::mouseClick(child<QPushButton>(page->test(), "play"), Qt::LeftButton);
        QVERIFY(!world->service->isPlaying());
        QVERIFY(child<QPushButton>(page->test(), "play")->text().contains(QLatin1String("Play")));

        // The jump lands on the next attempt the rules make (or says there is none) without an error.
        const qint64 attemptsBefore = qint64(world->service->attempts(1000)->size());
        QSignalSpy jumped(world->service.get(), &Service::jumpFinished); // off the window's thread
        QTest::mouseClick(child<QPushButton>(page->test(), "nextEvent"), Qt::LeftButton);
        QVERIFY(jumped.wait(20000));
        QVERIFY(!child<ErrorLabel>(page->test(), "testError")->isVisible());
        const QString status = child<QLabel>(page->test(), "testStatus")->text();
        QVERIFY2(status.startsWith(QLatin1String("Jumped")) || status.startsWith(QLatin1String("No top-up")), qPrintable(status));
        QCOMPARE(qint64(world->service->attempts(1000)->size()) > attemptsBefore, status.startsWith(QLatin1String("Jumped")));
    }
};

TOPUP_TEST_MAIN(TestLinePage)
} // namespace tst_linepage
#include "tst_linepage.moc"
