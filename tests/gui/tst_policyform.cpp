// The rules form never changes what was typed: a text that is not a valid
// value stays as typed with a message under its field, every such field at
// once, Save off until all are valid, and a Save with problems focuses the
// first; a threshold at or above its package is warned about; an expired
// card is not offered to pay; and every way out of unsaved or invalid
// rules asks Save / Discard / Cancel.
#include "testmain.h"
#include "pagesfixture.h"

#include "app/appsettings.h"
#include "app/mainwindow.h"

#include "models/previewmodel.h"
#include "pages/linepage.h"
#include "pages/policyeditor.h"
#include "scenario/policyjson.h"
#include "widgets/errorlabel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace tst_policyform {

using namespace topup;
using namespace topup::testing;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
constexpr qint64 day = 24 * 3600 * 1000;

void check(QGroupBox *group)
{
    if (!group->isChecked()) {
        group->setFocus();
        QTest::keyClick(group, Qt::Key_Space);
    }
}

// The line's saved rules, comparable.
QJsonObject savedRules(Service &service)
{
    const std::optional<Policy> policy = service.lines()->front().policy;
    return policy ? PolicyJson::write(*policy) : QJsonObject();
}

QStringList choices(QComboBox *box)
{
    QStringList texts;
    for (int i = 0; i < box->count(); ++i)
        texts << box->itemText(i);
    return texts;
}

} // namespace

class TestPolicyForm final : public QObject
{
    Q_OBJECT

private slots:
    void aFieldKeepsWhatWasTypedAndSaysWhy_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("message");
        QTest::newRow("threshold 1e30") << QStringLiteral("thresholdAmount") << QStringLiteral("1e30") << QStringLiteral("not an amount");
        QTest::newRow("threshold -1") << QStringLiteral("thresholdAmount") << QStringLiteral("-1") << QStringLiteral("must not be negative");
        QTest::newRow("threshold 0") << QStringLiteral("thresholdAmount") << QStringLiteral("0") << QStringLiteral("more than zero");
        QTest::newRow("threshold 1,5") << QStringLiteral("thresholdAmount") << QStringLiteral("1,5") << QStringLiteral("not an amount");
        QTest::newRow("count 2.5") << QStringLiteral("maxPerMonth") << QStringLiteral("2.5") << QStringLiteral("whole number");
        QTest::newRow("count -1") << QStringLiteral("maxPerMonth") << QStringLiteral("-1") << QStringLiteral("whole number");
        QTest::newRow("count 0") << QStringLiteral("maxPerMonth") << QStringLiteral("0") << QStringLiteral("between 1 and");
        QTest::newRow("day 2.5") << QStringLiteral("monthlyDay") << QStringLiteral("2.5") << QStringLiteral("day from 1 to 31");
        QTest::newRow("day 32") << QStringLiteral("monthlyDay") << QStringLiteral("32") << QStringLiteral("between 1 and 31 (got 32)");
        QTest::newRow("day -1") << QStringLiteral("monthlyDay") << QStringLiteral("-1") << QStringLiteral("day from 1 to 31");
        QTest::newRow("cap 1e3") << QStringLiteral("monthlyCap") << QStringLiteral("1e3") << QStringLiteral("amount like 20.00");
        QTest::newRow("cap -5") << QStringLiteral("monthlyCap") << QStringLiteral("-5") << QStringLiteral("amount like 20.00");
        QTest::newRow("cap 0") << QStringLiteral("monthlyCap") << QStringLiteral("0") << QStringLiteral("more than zero");
    }

    void aFieldKeepsWhatWasTypedAndSaysWhy()
    {
        QFETCH(QString, field);
        QFETCH(QString, typed);
        QFETCH(QString, message);
        auto world = makeLineWorld(true);
        QVERIFY(world);
        const QJsonObject before = savedRules(*world->service);
        const std::unique_ptr<LinePage> page = openLinePage(*world->service, world->line.id);
        PolicyEditor *rules = page->rules();
        check(child<QGroupBox>(rules, "monthly"));
        auto *edit = child<QLineEdit>(rules, qPrintable(field));
        auto *error = child<ErrorLabel>(rules, qPrintable(field + QLatin1String("Error")));
        QVERIFY(edit && error);
        retype(edit, typed);
        QCOMPARE(edit->text(), typed); // every character stays
        QVERIFY(error->isVisible()); // at once, not after a pause
        QVERIFY2(error->text().contains(message, Qt::CaseInsensitive), qPrintable(error->text()));
        // A whole sentence, the form's or the core's, as made (no widget capitalises it).
        QVERIFY2(error->text().front().isUpper() && error->text().endsWith(QLatin1Char('.')), qPrintable(error->text()));
        QVERIFY(!child<QPushButton>(rules, "save")->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return); // a Save by keyboard saves nothing either
        QCOMPARE(edit->text(), typed);
        QCOMPARE(savedRules(*world->service), before);
        QVERIFY(rules->isDirty());
    }

    void everyProblemShowsAtOnceAndSaveFocusesTheFirst()
    {
        auto world = makeLineWorld(true);
        QVERIFY(world);
        const QJsonObject before = savedRules(*world->service);
        const std::unique_ptr<LinePage> page = openLinePage(*world->service, world->line.id);
        page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        PolicyEditor *rules = page->rules();
        check(child<QGroupBox>(rules, "monthly"));
        retype(child<QLineEdit>(rules, "thresholdAmount"), QString());
        retype(child<QLineEdit>(rules, "monthlyDay"), QStringLiteral("32"));
        retype(child<QLineEdit>(rules, "maxPerMonth"), QStringLiteral("2.5"));
        for (const char *error : {"thresholdAmountError", "monthlyDayError", "maxPerMonthError"})
            QVERIFY2(child<ErrorLabel>(rules, error)->isVisible(), error);
        auto *save = child<QPushButton>(rules, "save");
        QVERIFY(!save->isEnabled());
        // Return in the last field tries to save: the first problem gets the focus.
        QTest::keyClick(child<QLineEdit>(rules, "maxPerMonth"), Qt::Key_Return);
        QTRY_COMPARE(page->focusWidget(), child<QLineEdit>(rules, "thresholdAmount"));
        QVERIFY2(child<QLabel>(rules, "savedNote")->text().contains(QLatin1String("Not saved")),
                 qPrintable(child<QLabel>(rules, "savedNote")->text()));
        QCOMPARE(savedRules(*world->service), before);
        // So does leaving with Save: the page stays, on the first problem.
        answerNextModal([](QDialog *box) { QTest::mouseClick(qobject_cast<QMessageBox *>(box)->button(QMessageBox::Save), Qt::LeftButton); });
        child<QLineEdit>(rules, "maxPerMonth")->setFocus();
        QVERIFY(!page->confirmLeave());
        QTRY_COMPARE(page->focusWidget(), child<QLineEdit>(rules, "thresholdAmount"));

        // Fixed one by one: Save comes on only when none is left.
        retype(child<QLineEdit>(rules, "thresholdAmount"), QStringLiteral("0.5"));
        QVERIFY(!child<ErrorLabel>(rules, "thresholdAmountError")->isVisible());
        QVERIFY(child<ErrorLabel>(rules, "monthlyDayError")->isVisible());
        QVERIFY(!save->isEnabled());
        retype(child<QLineEdit>(rules, "monthlyDay"), QStringLiteral("31"));
        QVERIFY(!save->isEnabled());
        retype(child<QLineEdit>(rules, "maxPerMonth"), QStringLiteral("3"));
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        const std::optional<Policy> saved = world->service->lines()->front().policy;
        QVERIFY(saved && saved->threshold && saved->monthly && saved->maxPerMonth);
        QCOMPARE(saved->threshold->below, gigabyte / 2);
        QCOMPARE(saved->monthly->day, 31);
        QCOMPARE(*saved->maxPerMonth, qint64(3));
    }

    void aThresholdAtOrAboveItsPackageIsWarned_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("warned");
        QTest::addColumn<int>("burst"); // threshold top-ups in a row the preview shows at least
        QTest::newRow("below the 5 GB it buys") << QStringLiteral("4.99") << false << 0;
        QTest::newRow("at it") << QStringLiteral("5") << true << 0;
        QTest::newRow("four times it") << QStringLiteral("20") << true << 3;
    }

    void aThresholdAtOrAboveItsPackageIsWarned()
    {
        QFETCH(QString, typed);
        QFETCH(bool, warned);
        QFETCH(int, burst);
        auto world = makeLineWorld(true); // a 5 GB line: below 1 GB buy 5 GB
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLinePage(*world->service, world->line.id);
        PolicyEditor *rules = page->rules();
        auto *warning = child<ErrorLabel>(rules, "thresholdAmountWarning");
        QVERIFY(warning);
        QVERIFY(!warning->isVisible());
        retype(child<QLineEdit>(rules, "thresholdAmount"), typed);
        QCOMPARE(warning->isVisible(), warned);
        if (warned)
            QVERIFY2(warning->text().contains(QLatin1String("5 GB data")) && warning->text().contains(QLatin1String("(5 GB)")),
                     qPrintable(warning->text()));
        // A warning, not an error: the rules may still be saved.
        QVERIFY(!child<ErrorLabel>(rules, "thresholdAmountError")->isVisible());
        QVERIFY(child<QPushButton>(rules, "save")->isEnabled());
        if (burst == 0)
            return;
        // The preview shows the burst: one top-up after another from the start.
        rules->refreshPreview();
        PreviewModel *preview = rules->previewModel();
        QTRY_VERIFY(preview->rowCount() >= burst);
        for (int row = 0; row < burst; ++row)
            QCOMPARE(preview->index(row, PreviewModel::Trigger).data().toString(), QStringLiteral("Threshold"));
    }

    // What the service refuses shows under the field it names, in the
    // sentence the service made, one field each.
    void theServicesProblemsShowEachUnderItsField()
    {
        auto world = makeLineWorld(true);
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLinePage(*world->service, world->line.id);
        PolicyEditor *rules = page->rules();
        check(child<QGroupBox>(rules, "monthly"));
        retype(child<QLineEdit>(rules, "monthlyDay"), QStringLiteral("32"));
        auto *method = child<QComboBox>(rules, "method");
        auto *fallback = child<QComboBox>(rules, "fallback");
        const int same = fallback->findData(method->currentData());
        QVERIFY2(same >= 0, qPrintable(choices(fallback).join(u'|')));
        fallback->setCurrentIndex(same);
        QCOMPARE(child<ErrorLabel>(rules, "monthlyDayError")->text(), QStringLiteral("Must be between 1 and 31 (got 32)."));
        QCOMPARE(child<ErrorLabel>(rules, "fallbackError")->text(), QStringLiteral("Must differ from the method."));
        QVERIFY(child<ErrorLabel>(rules, "methodError")->text().isEmpty());
        QVERIFY(child<ErrorLabel>(rules, "policyError")->text().isEmpty());
        QVERIFY(!child<QPushButton>(rules, "save")->isEnabled());
    }

    // Rules saved elsewhere (another desktop; here the service behind the
    // form's back) while the form holds unsaved edits: the form keeps the
    // edits, Save is refused with a sentence naming what changed, and the
    // rules saved elsewhere stay; the next Save, once reviewed, saves the edits.
    void rulesChangedElsewhereAreNeverOverwrittenSilently()
    {
        auto world = makeLineWorld(true);
        QVERIFY(world);
        const std::unique_ptr<LinePage> page = openLinePage(*world->service, world->line.id);
        PolicyEditor *rules = page->rules();
        auto *below = child<QLineEdit>(rules, "thresholdAmount");
        QVERIFY(below);
        retype(below, QStringLiteral("2"));
        QVERIFY(rules->isDirty());

        const Expected<std::vector<LineRecord>> lines = world->service->lines();
        QVERIFY2(lines && !lines->empty() && lines->front().policy, "the line's rules");
        Policy elsewhere = *lines->front().policy;
        elsewhere.monthlyCap = Money::fromCents(3000);
        QVERIFY(world->service->setPolicy(world->line.id, elsewhere));
        QCOMPARE(below->text(), QStringLiteral("2")); // an edited form is not replaced

        QVERIFY(!rules->save());
        const QString note = child<QLabel>(rules, "savedNote")->text();
        QVERIFY2(note.contains(QStringLiteral("The rules of “Travel phone” were changed elsewhere (monthly cap none → %1)")
                                   .arg(Money::fromCents(3000).toString())),
                 qPrintable(note));
        QVERIFY2(note.contains(QLatin1String("Review them and save again.")), qPrintable(note));
        // Who saved them: this desktop's name (the service behind the form's back).
        QVERIFY2(note.contains(QStringLiteral(" by %1 at ").arg(Service::desktopName())), qPrintable(note));
        QCOMPARE(below->text(), QStringLiteral("2"));
        // The sentence stays while the person reviews and edits: a keystroke does not wipe it.
        retype(below, QStringLiteral("2"));
        QCOMPARE(child<QLabel>(rules, "savedNote")->text(), note);
        QCOMPARE(savedRules(*world->service), PolicyJson::write(elsewhere));
        QVERIFY(rules->isDirty());

        QVERIFY(rules->save()); // reviewed: saved over the rules as they are now
        QCOMPARE(child<QLabel>(rules, "savedNote")->text(), QStringLiteral("Saved."));
        const Expected<std::vector<LineRecord>> after = world->service->lines();
        QVERIFY2(after && !after->empty() && after->front().policy && after->front().policy->threshold, "the line's rules");
        QCOMPARE(after->front().policy->threshold->below, 2 * gigabyte);
    }

    void anExpiredCardIsNotOffered()
    {
        auto world = makeLineWorld(true);
        QVERIFY(world);
        Service &service = *world->service;
        const auto addCard = [&service](const char *holder, const char *expiry) {
            return service.addCard(CardForm{MethodKind::DebitCard, QLatin1String(holder), QStringLiteral("5555 5555 5555 4444"),
                                            QLatin1String(expiry), QStringLiteral("123"), Money::fromCents(10000)});
        };
        const Expected<MethodRecord> named = addCard("Ana Lima", "04/27");
        const Expected<MethodRecord> spare = addCard("Bo Lima", "04/27");
        QVERIFY(named && spare);
        Policy policy = *service.lines()->front().policy;
        policy.fallback = named->engineId(); // valid through April
        QVERIFY(service.setPolicy(world->line.id, policy));
        QVERIFY(service.advanceBy(25 * day)); // 5 May: both expired

        const std::unique_ptr<LinePage> page = openLinePage(service, world->line.id);
        PolicyEditor *rules = page->rules();
        auto *method = child<QComboBox>(rules, "method");
        auto *fallback = child<QComboBox>(rules, "fallback");
        const auto labelOf = [&service](qint64 id) {
            const Expected<std::vector<MethodRecord>> methods = service.methods();
            for (const MethodRecord &method : methods ? *methods : std::vector<MethodRecord>()) {
                if (method.id == id)
                    return method.label();
            }
            return QString();
        };
        const QString spareLabel = labelOf(spare->id);
        const QString namedLabel = labelOf(named->id);
        QVERIFY2(!choices(method).contains(spareLabel) && !choices(fallback).contains(spareLabel), qPrintable(choices(method).join(u'|')));
        // The saved rules' own card is shown as it is, marked, and refused.
        QCOMPARE(fallback->currentText(), QStringLiteral("%1 (expired)").arg(namedLabel));
        QVERIFY2(child<ErrorLabel>(rules, "fallbackError")->text().contains(QLatin1String("expired")),
                 qPrintable(child<ErrorLabel>(rules, "fallbackError")->text()));
        QVERIFY(!rules->isDirty());
        // Choosing another, the expired card is gone from the choices... once saved.
        fallback->setFocus();
        const int wallet = fallback->findData(world->wallet.engineId());
        QVERIFY(wallet >= 0);
        fallback->setCurrentIndex(wallet);
        QVERIFY(child<QPushButton>(rules, "save")->isEnabled());
        QVERIFY(rules->save());
        QVERIFY(!choices(fallback).contains(QStringLiteral("%1 (expired)").arg(namedLabel)));
        QVERIFY(!choices(method).contains(QStringLiteral("%1 (expired)").arg(namedLabel)));
    }

    void aSavedPackageNoLongerOfferedIsShownAsSuch()
    {
        // A Global line added before the Global packages were in the store
        // buys the general "5 GB data"; buying a second Global line brings
        // the Global packages in, and its region no longer offers that one.
        // The form shows the package the saved rules buy, marked, with a
        // message under it: not the region's first package, which the
        // engine would not buy.
        auto world = makeLineWorld(false);
        QVERIFY(world);
        Service &service = *world->service;
        const QString general5 = packageId(service, "5 GB data");
        QVERIFY(!general5.isEmpty());
        const Expected<LineRecord> travel = service.addLine(LineForm{QStringLiteral("Roaming"), QStringLiteral("GLOBAL"),
                                                                     UsageProfile::Light, 9, DataAmount(2 * gigabyte), VoiceAmount()});
        QVERIFY2(travel, qPrintable(travel.error()));
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, general5};
        policy.monthly = MonthlyTrigger{1, 9 * 60, general5};
        policy.method = world->card.engineId();
        QVERIFY(service.setPolicy(travel->id, policy));
        const Expected<LinePurchaseResult> bought = service.buyLine(LinePurchaseForm{
            QStringLiteral("Second"), QStringLiteral("GLOBAL"), QStringLiteral("GLOBAL/data-1gb"), world->card.id, UsageProfile::Light, 1});
        QVERIFY2(bought && bought->line, qPrintable(bought ? QStringLiteral("refused") : bought.error()));
        const Expected<std::vector<PackageRecord>> offered = service.packages(travel->id);
        QVERIFY2(offered && !offered->empty(), qPrintable(offered ? QStringLiteral("none offered") : offered.error()));

        const std::unique_ptr<LinePage> page = openLinePage(service, travel->id);
        PolicyEditor *rules = page->rules();
        for (const char *name : {"thresholdPackage", "monthlyPackage"}) {
            auto *box = child<QComboBox>(rules, name);
            QCOMPARE(box->currentData().toString(), general5);
            QVERIFY2(box->currentText().contains(QLatin1String("5 GB data"))
                         && box->currentText().contains(QLatin1String("no longer offered")),
                     qPrintable(box->currentText()));
        }
        for (const char *name : {"thresholdError", "monthlyError"}) {
            const QString message = child<ErrorLabel>(rules, name)->text();
            QVERIFY2(message.contains(QLatin1String("no longer offers 5 GB data")), qPrintable(message));
        }
        QVERIFY(!rules->isDirty());
        QVERIFY(!child<QPushButton>(rules, "save")->isEnabled());

        // A package the region offers clears the message, and Save keeps it.
        const QString regional = offered->front().package.id;
        QVERIFY(choose(child<QComboBox>(rules, "thresholdPackage"), regional));
        QVERIFY(child<ErrorLabel>(rules, "thresholdError")->text().isEmpty());
        QVERIFY(!child<ErrorLabel>(rules, "monthlyError")->text().isEmpty());
        QVERIFY(!child<QPushButton>(rules, "save")->isEnabled());
        QVERIFY(choose(child<QComboBox>(rules, "monthlyPackage"), regional));
        QVERIFY(child<ErrorLabel>(rules, "monthlyError")->text().isEmpty());
        QVERIFY(rules->save());
        const Expected<std::vector<LineRecord>> lines = service.lines();
        QVERIFY(lines);
        const auto saved = std::find_if(lines->begin(), lines->end(), [&](const LineRecord &line) { return line.id == travel->id; });
        QVERIFY(saved != lines->end() && saved->policy && saved->policy->threshold && saved->policy->monthly);
        QCOMPARE(saved->policy->threshold->package, regional);
        QCOMPARE(saved->policy->monthly->package, regional);
    }

    void everyWayOutOfUnsavedRulesAsks_data()
    {
        QTest::addColumn<QString>("way");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("answer");
        QTest::addColumn<bool>("leaves");
        for (const char *way : {"side bar", "Ctrl+1", "Ctrl+6", "another line", "sign-out", "closing the window"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1, Cancel").arg(QLatin1String(way))))
                << QString::fromLatin1(way) << QStringLiteral("2") << int(QMessageBox::Cancel) << false;
            QTest::newRow(qPrintable(QStringLiteral("%1, Discard").arg(QLatin1String(way))))
                << QString::fromLatin1(way) << QStringLiteral("2") << int(QMessageBox::Discard) << true;
            QTest::newRow(qPrintable(QStringLiteral("%1, Save").arg(QLatin1String(way))))
                << QString::fromLatin1(way) << QStringLiteral("2") << int(QMessageBox::Save) << true;
            // Invalid rules cannot be saved: Save keeps the person where the problem is.
            QTest::newRow(qPrintable(QStringLiteral("%1, invalid, Save").arg(QLatin1String(way))))
                << QString::fromLatin1(way) << QStringLiteral("1e30") << int(QMessageBox::Save) << false;
        }
    }

    void everyWayOutOfUnsavedRulesAsks()
    {
        QFETCH(QString, way);
        QFETCH(QString, typed);
        QFETCH(int, answer);
        QFETCH(bool, leaves);
        auto world = makeLineWorld(true); // below 1 GB
        QVERIFY(world);
        Service &service = *world->service;
        const Expected<LineRecord> other = service.addLine(LineForm{QStringLiteral("Tablet"), {}, UsageProfile::Light, 4,
                                                                    DataAmount(gigabyte), VoiceAmount()});
        QVERIFY(other);
        AppSettings settings(world->dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(service, settings);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::Page::Line);
        LinePage *page = window.linePage();
        page->showLine(world->line.id);
        PolicyEditor *rules = page->rules();
        retype(child<QLineEdit>(rules, "thresholdAmount"), typed);
        QVERIFY(rules->isDirty());

        QString asked;
        answerNextModal([&asked, answer](QDialog *dialog) {
            auto *box = qobject_cast<QMessageBox *>(dialog);
            QVERIFY(box);
            asked = box->objectName();
            QTest::mouseClick(box->button(QMessageBox::StandardButton(answer)), Qt::LeftButton);
        });
        if (way == QLatin1String("side bar")) {
            window.navigation()->setFocus();
            QTest::keyClick(window.navigation(), Qt::Key_Up); // to Dashboard
        } else if (way.startsWith(QLatin1String("Ctrl+"))) {
            QTest::keyClick(&window, Qt::Key(Qt::Key_0 + way.back().digitValue()), Qt::ControlModifier);
        } else if (way == QLatin1String("another line")) {
            auto *picker = child<QComboBox>(page, "linePicker");
            picker->setFocus();
            QTest::keyClick(picker, Qt::Key_Down);
        } else if (way == QLatin1String("sign-out")) {
            QTest::mouseClick(child<QPushButton>(&window, "signOutButton"), Qt::LeftButton);
        } else {
            window.close();
        }
        QCOMPARE(asked, QStringLiteral("unsavedRulesBox"));

        const bool stillHere = window.isVisible() && window.isSignedInView() && window.currentPage() == MainWindow::Page::Line
            && page->lineId() == world->line.id;
        QCOMPARE(stillHere, !leaves);
        if (!leaves) {
            QVERIFY(rules->isDirty()); // what was typed is still there
            QCOMPARE(child<QLineEdit>(rules, "thresholdAmount")->text(), typed);
        }
        if (!service.account())
            QVERIFY(service.signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery")));
        const std::optional<Policy> saved = service.lines()->front().policy;
        QVERIFY(saved && saved->threshold);
        QCOMPARE(saved->threshold->below, answer == QMessageBox::Save && leaves ? 2 * gigabyte : gigabyte);
    }
};

TOPUP_TEST_MAIN(TestPolicyForm)
} // namespace tst_policyform
#include "tst_policyform.moc"
