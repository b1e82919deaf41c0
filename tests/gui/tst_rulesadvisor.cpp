// "Suggest rules…" on a line's Rules tab: the advisor's dialog runs off the
// GUI thread, shows the best rules beside the saved ones, and "Use these
// rules" fills the form, which the user then saves.
#include "testmain.h"
#include "pagesfixture.h"

#include "dialogs/rulesadvisordialog.h"
#include "models/advicemodel.h"
#include "pages/linepage.h"
#include "pages/policyeditor.h"
#include "service/advicetask.h"
#include "widgets/errorlabel.h"

#include <QComboBox>
#include <QDeadlineTimer>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

namespace tst_rulesadvisor {

using namespace topup;
using namespace topup::testing;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
constexpr qint64 day = 24 * 3600 * 1000;

struct World
{
    QTemporaryDir dir;
    std::unique_ptr<Service> service;
    MethodRecord card;
    LineRecord line;
};

// A regular phone from 2 GB with "below 1 GB buy 1 GB" paid by a card, used
// for 40 days: enough history for the advisor, and costly rules to beat.
std::unique_ptr<World> usedPhone()
{
    auto world = std::make_unique<World>();
    world->service = freshAccount(world->dir.path(), at("2027-04-10T10:00:00Z"));
    if (!world->service)
        return nullptr;
    Service &service = *world->service;
    const Expected<MethodRecord> card = addVisa(service, 100000);
    const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Phone"), QStringLiteral("Germany"),
                                                               UsageProfile::Regular, 5, DataAmount(2 * gigabyte), VoiceAmount()});
    if (!card || !line)
        return nullptr;
    world->card = *card;
    world->line = *line;
    Policy policy;
    policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageId(service, "1 GB data")};
    policy.method = card->engineId();
    if (!service.setPolicy(line->id, policy) || !service.advanceBy(40 * day))
        return nullptr;
    return world;
}

std::unique_ptr<LinePage> openLine(const World &world)
{
    std::unique_ptr<LinePage> page = openLinePage(*world.service, world.line.id);
    page->showRulesTab();
    return page;
}

// The dialog "Suggest rules…" opened, or null.
RulesAdvisorDialog *clickSuggest(PolicyEditor *rules)
{
    QTest::mouseClick(child<QPushButton>(rules, "suggestRules"), Qt::LeftButton);
    return rules->findChild<RulesAdvisorDialog *>();
}

bool waitForEnd(RulesAdvisorDialog *dialog)
{
    QSignalSpy ended(dialog, &RulesAdvisorDialog::runEnded);
    return !dialog->isRunning() || ended.wait(60000) || !ended.isEmpty();
}

} // namespace

class TestRulesAdvisor final : public QObject
{
    Q_OBJECT

private slots:
    void suggestionIsUsedAndSaved()
    {
        auto world = usedPhone();
        QVERIFY(world);
        Service &service = *world->service;
        const std::unique_ptr<LinePage> page = openLine(*world);
        PolicyEditor *rules = page->rules();
        QVERIFY(!rules->isDirty());

        RulesAdvisorDialog *dialog = clickSuggest(rules);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal()); // the form stays usable while it runs
        QCOMPARE(dialog->windowModality(), Qt::NonModal);
        QCOMPARE(child<QComboBox>(dialog, "advicePeriod")->currentData().toInt(), 90);
        QVERIFY(waitForEnd(dialog));

        AdviceModel *model = dialog->model();
        QVERIFY(model->rowCount() >= 2);
        QCOMPARE(model->headerData(0, Qt::Vertical).toString(), QStringLiteral("Saved"));
        QVERIFY2(model->index(0, AdviceModel::Rules).data().toString().contains(QLatin1String("When data falls below 1 GB, buy 1 GB data")),
                 qPrintable(model->index(0, AdviceModel::Rules).data().toString()));
        const CandidateResult saved = *model->result(0);
        const CandidateResult best = *model->result(1);
        // The saved rules buy 1 GB at a time: the best costs no more, and
        // keeps the line in data at least as well.
        QVERIFY(best.hoursWithoutService <= saved.hoursWithoutService);
        QVERIFY(best.hoursWithoutService < saved.hoursWithoutService || best.cost <= saved.cost);
        QVERIFY(!child<QLabel>(dialog, "adviceStatus")->text().isEmpty());
        // The replay reported its progress up to its end (then the bar hides).
        auto *progress = child<QProgressBar>(dialog, "adviceProgress");
        QVERIFY(!progress->isVisible());
        QVERIFY(progress->maximum() > 100);
        QCOMPARE(progress->value(), progress->maximum());
        QVERIFY2(child<QLabel>(dialog, "adviceStatus")->text().startsWith(QLocale().toString(progress->maximum() - 1) + QLatin1Char(' ')),
                 qPrintable(child<QLabel>(dialog, "adviceStatus")->text())); // the candidates, and the saved rules

        // The first suggestion is selected; the saved rules cannot be "used".
        auto *table = child<QTableView>(dialog, "advice");
        auto *use = child<QPushButton>(dialog, "useRules");
        QCOMPARE(table->selectionModel()->selectedRows().value(0).row(), 1);
        QVERIFY(use->isEnabled());
        table->selectRow(0);
        QVERIFY(!use->isEnabled());
        table->selectRow(1);
        QVERIFY(use->isEnabled());

        QTest::mouseClick(use, Qt::LeftButton);
        QTRY_VERIFY(!rules->findChild<RulesAdvisorDialog *>()); // closed, and gone
        QVERIFY(rules->isDirty());
        QVERIFY2(child<QLabel>(rules, "savedNote")->text().contains(QLatin1String("Save")),
                 qPrintable(child<QLabel>(rules, "savedNote")->text()));
        QCOMPARE(child<QGroupBox>(rules, "threshold")->isChecked(), best.policy.threshold.has_value());
        QCOMPARE(child<QGroupBox>(rules, "monthly")->isChecked(), best.policy.monthly.has_value());

        QTest::mouseClick(child<QPushButton>(rules, "save"), Qt::LeftButton);
        QVERIFY(!rules->isDirty());
        const std::optional<Policy> stored = service.lines()->front().policy;
        QVERIFY(stored);
        QVERIFY(stored->enabled);
        QCOMPARE(stored->method, world->card.engineId());
        QCOMPARE(stored->threshold.has_value(), best.policy.threshold.has_value());
        if (best.policy.threshold) {
            QCOMPARE(stored->threshold->resource, best.policy.threshold->resource);
            QCOMPARE(stored->threshold->below, best.policy.threshold->below);
            QCOMPARE(stored->threshold->package, best.policy.threshold->package);
        }
        QCOMPARE(stored->monthly.has_value(), best.policy.monthly.has_value());
        if (best.policy.monthly) {
            QCOMPARE(stored->monthly->day, best.policy.monthly->day);
            QCOMPARE(stored->monthly->minuteOfDay, best.policy.monthly->minuteOfDay);
            QCOMPARE(stored->monthly->package, best.policy.monthly->package);
        }
        QCOMPARE(stored->monthlyCap, best.policy.monthlyCap);
        QCOMPARE(stored->maxPerMonth, best.policy.maxPerMonth);
    }

    void stopRunAgainAndAnotherPeriod()
    {
        auto world = usedPhone();
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLine(*world);
        PolicyEditor *rules = page->rules();
        RulesAdvisorDialog *dialog = clickSuggest(rules);
        QVERIFY(dialog);
        auto *stop = child<QPushButton>(dialog, "stopAdvice");
        auto *status = child<QLabel>(dialog, "adviceStatus");
        if (dialog->isRunning()) {
            QCOMPARE(stop->text(), QStringLiteral("&Stop"));
            QTest::mouseClick(stop, Qt::LeftButton);
            QVERIFY(waitForEnd(dialog));
        }
        // Stopped, or it had already finished on a fast machine: either way
        // it can run again, and a second click on Suggest raises this one.
        QCOMPARE(stop->text(), QStringLiteral("&Run again"));
        QCOMPARE(clickSuggest(rules), dialog);

        // The form is usable meanwhile: an edit there is an edit.
        QTest::mouseClick(stop, Qt::LeftButton);
        auto *cap = child<QLineEdit>(rules, "monthlyCap");
        cap->setFocus();
        QTest::keyClicks(cap, QStringLiteral("40"));
        QVERIFY(rules->isDirty());
        QVERIFY(waitForEnd(dialog));
        QVERIFY(dialog->model()->rowCount() >= 2);

        // Another period runs again over those days.
        auto *period = child<QComboBox>(dialog, "advicePeriod");
        period->setCurrentIndex(period->findData(30));
        QVERIFY(waitForEnd(dialog));
        QVERIFY2(status->text().contains(QLatin1String("replayed over")), qPrintable(status->text()));
        QVERIFY(dialog->model()->rowCount() >= 2);

        // Choosing another line closes it.
        const Expected<LineRecord> other = world->service->addLine(LineForm{QStringLiteral("Tablet"), {}, UsageProfile::Light, 4,
                                                                           DataAmount(gigabyte), VoiceAmount()});
        QVERIFY2(other, qPrintable(other.error()));
        rules->discard();
        page->showLine(other->id);
        QTRY_VERIFY(!rules->findChild<RulesAdvisorDialog *>());
    }

    void capBlockingEveryRuleIsShownAndSaid()
    {
        // A monthly cap of 1.00 EUR, below every package's price: every
        // candidate is blocked at each try and buys nothing, so the 2 GB the
        // phone started with run out in its 40 days of use. The dialog lists
        // them blocked (not hidden), and says plainly that no rules keep the
        // line in data.
        auto world = usedPhone();
        QVERIFY(world);
        Service &service = *world->service;
        Policy capped = *service.lines()->front().policy;
        capped.monthlyCap = Money::fromCents(100);
        QVERIFY(service.setPolicy(world->line.id, capped));
        const std::unique_ptr<LinePage> page = openLine(*world);
        RulesAdvisorDialog *dialog = clickSuggest(page->rules());
        QVERIFY(dialog);
        QVERIFY(waitForEnd(dialog));
        const QString status = child<QLabel>(dialog, "adviceStatus")->text();
        QVERIFY2(status.startsWith(QLatin1String("No rules would have kept this line in data and minutes")), qPrintable(status));
        AdviceModel *model = dialog->model();
        QVERIFY(model->rowCount() >= 2);
        for (int row = 0; row < model->rowCount(); ++row) {
            const CandidateResult &result = *model->result(row);
            QVERIFY(result.blockedAttempts > 0);
            QCOMPARE(result.topUps, 0);
            QVERIFY(result.hoursWithoutService > 0);
            const QString rules = model->index(row, AdviceModel::Rules).data().toString();
            QVERIFY2(rules.contains(QLatin1String("Blocked")) && rules.contains(QLatin1String("budget")), qPrintable(rules));
            QVERIFY(!model->index(row, AdviceModel::Rules).data(Qt::DecorationRole).isNull());
            QVERIFY(!model->index(row, AdviceModel::HoursShort).data(Qt::DecorationRole).isNull());
        }
        QVERIFY(child<QPushButton>(dialog, "useRules")->isEnabled()); // a blocked suggestion can still be used
    }

    void savedPackageNoLongerOfferedIsNamed()
    {
        // A Global line added before the Global packages were in the store
        // buys the general "5 GB data"; buying a second Global line brings
        // them in. The saved rules are still shown with their package's
        // name, and no suggestion buys it.
        auto world = usedPhone();
        QVERIFY(world);
        Service &service = *world->service;
        const QString general5 = packageId(service, "5 GB data");
        const Expected<LineRecord> travel = service.addLine(LineForm{QStringLiteral("Travel"), QStringLiteral("GLOBAL"),
                                                                     UsageProfile::Heavy, 9, DataAmount(2 * gigabyte), VoiceAmount()});
        QVERIFY2(travel, qPrintable(travel.error()));
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, general5};
        policy.method = world->card.engineId();
        QVERIFY(service.setPolicy(travel->id, policy));
        QVERIFY(service.advanceBy(5 * day));
        const Expected<LinePurchaseResult> bought = service.buyLine(LinePurchaseForm{
            QStringLiteral("Second"), QStringLiteral("GLOBAL"), QStringLiteral("GLOBAL/data-1gb"), world->card.id, UsageProfile::Light, 1});
        QVERIFY2(bought && bought->line, qPrintable(bought ? QStringLiteral("refused") : bought.error()));

        const std::unique_ptr<LinePage> page = openLinePage(service, travel->id);
        page->showRulesTab();
        RulesAdvisorDialog *dialog = clickSuggest(page->rules());
        QVERIFY(dialog);
        QVERIFY(waitForEnd(dialog));
        QVERIFY2(child<ErrorLabel>(dialog, "adviceError")->text().isEmpty(), qPrintable(child<ErrorLabel>(dialog, "adviceError")->text()));
        AdviceModel *model = dialog->model();
        QVERIFY(model->rowCount() >= 2);
        const QString saved = model->index(0, AdviceModel::Rules).data().toString();
        QVERIFY2(saved.contains(QLatin1String("buy 5 GB data")), qPrintable(saved));
        for (int row = 1; row < model->rowCount(); ++row) {
            const Policy &suggested = model->result(row)->policy;
            QVERIFY(!suggested.threshold || suggested.threshold->package != general5);
            QVERIFY(!suggested.monthly || suggested.monthly->package != general5);
        }
    }

    void lineWithoutHistorySaysSo()
    {
        // A new line has no usage yet: the dialog says there is nothing to
        // learn from rather than suggesting anything in particular.
        QTemporaryDir dir;
        std::unique_ptr<Service> service = freshAccount(dir.path(), at("2027-04-10T10:00:00Z"));
        QVERIFY(service);
        QVERIFY(service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(5000)}));
        const Expected<LineRecord> line = service->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Regular, 5,
                                                                    DataAmount(2 * gigabyte), VoiceAmount()});
        QVERIFY2(line, qPrintable(line.error()));
        const std::unique_ptr<LinePage> page = openLinePage(*service, line->id);
        RulesAdvisorDialog *dialog = clickSuggest(page->rules());
        QVERIFY(dialog);
        // The run's thread ends while the GUI thread is blocked here: its
        // answer is then queued, and the dialog is still running until it
        // has been delivered.
        QVERIFY(dialog->task());
        QVERIFY(dialog->task()->waitForThread(QDeadlineTimer(60'000)));
        QVERIFY(!dialog->task()->isRunning());
        QVERIFY(dialog->isRunning());
        QVERIFY(waitForEnd(dialog));
        const QString status = child<QLabel>(dialog, "adviceStatus")->text();
        QVERIFY2(status.contains(QLatin1String("used nothing")), qPrintable(status));
        QVERIFY(child<ErrorLabel>(dialog, "adviceError")->text().isEmpty());
    }
};

TOPUP_TEST_MAIN(TestRulesAdvisor)
} // namespace tst_rulesadvisor
#include "tst_rulesadvisor.moc"
