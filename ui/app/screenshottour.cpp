#include "screenshottour.h"

#include "demoaccess.h"
#include "dialogs/addcarddialog.h"
#include "dialogs/addlinedialog.h"
#include "dialogs/rulesadvisordialog.h"
#include "mainwindow.h"
#include "pages/dashboardpage.h"
#include "pages/linepage.h"
#include "pages/paymentspage.h"
#include "pages/policyeditor.h"
#include "pages/settingspage.h"
#include "pages/signinpage.h"
#include "service/demoworld.h"
#include "service/service.h"

#include <QApplication>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDir>
#include <QEventLoop>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QPixmap>
#include <QTemporaryDir>

namespace topup {
namespace {

// Lets posted events, the pages' refreshes and the views' delayed layouts
// (a zero timer each, started by the round before) run to their end.
void settle()
{
    for (int i = 0; i < 4; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

// Types like a person: key events, so live validation runs as it would.
void typeInto(QWidget *widget, const QString &text)
{
    widget->setFocus();
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(widget, &press);
        QCoreApplication::sendEvent(widget, &release);
    }
}

} // namespace

ScreenshotTour::ScreenshotTour(AppSettings &settings, QString outputDir, Instant now)
    : m_settings(settings)
    , m_outputDir(std::move(outputDir))
    , m_now(now)
{
}

QStringList ScreenshotTour::fileNames()
{
    return {QStringLiteral("login.png"),         QStringLiteral("dashboard.png"),     QStringLiteral("line-rules.png"),
            QStringLiteral("rules-advisor.png"), QStringLiteral("test-topup.png"),    QStringLiteral("payments.png"),
            QStringLiteral("add-card-errors.png"), QStringLiteral("history.png"),     QStringLiteral("alerts.png"),
            QStringLiteral("settings.png"),      QStringLiteral("fleet-dashboard.png"), QStringLiteral("sign-up.png"),
            QStringLiteral("new-dashboard.png"), QStringLiteral("add-line.png")};
}

Expected<void> ScreenshotTour::save(QWidget &window, const QString &name, QWidget *overlay)
{
    settle();
    // A view lays its items out on a timer of its own after they change;
    // the picture shows them laid out, as a person sees them a moment later.
    for (QAbstractItemView *view : window.findChildren<QAbstractItemView *>())
        view->doItemsLayout();
    settle();
    QPixmap shot = window.grab();
    if (overlay) {
        // A dialog over the window, as the user sees it: dimmed behind, centred.
        settle();
        const QPixmap dialog = overlay->grab();
        QPainter painter(&shot);
        QColor dim = window.palette().color(QPalette::Shadow);
        dim.setAlpha(90);
        painter.fillRect(shot.rect(), dim);
        const QPoint at((shot.width() - dialog.width()) / 2, (shot.height() - dialog.height()) / 2);
        painter.fillRect(QRect(at, dialog.size()).adjusted(-1, -1, 1, 1), window.palette().color(QPalette::Mid));
        painter.drawPixmap(at, dialog);
    }
    const QString path = QDir(m_outputDir).filePath(name);
    if (!shot.save(path, "PNG"))
        return Expected<void>::failure(tr("cannot write %1").arg(path));
    m_written << path;
    return {};
}

Expected<QStringList> ScreenshotTour::run()
{
    using Result = Expected<QStringList>;
    if (!QDir().mkpath(m_outputDir))
        return Result::failure(tr("cannot create the folder %1").arg(m_outputDir));
    QTemporaryDir temporary;
    if (!temporary.isValid())
        return Result::failure(tr("cannot create a temporary folder: %1").arg(temporary.errorString()));
    Service::Options options;
    options.location = WorldLocation::folder(temporary.path());
    options.fixedNow = m_now;
    options.tokens = DemoWorld::tokens(1);
    Expected<std::unique_ptr<Service>> opened = Service::open(options);
    if (!opened)
        return Result::failure(opened);
    Service &service = **opened;
    if (const Expected<std::vector<Account>> accounts = service.allAccounts(); accounts && !accounts->empty()) {
        if (const Expected<CatchUpSummary> caught = service.catchUpToNow(); !caught)
            return Result::failure(caught);
    }

    MainWindow window(service, m_settings);
    window.setGeometry(0, 0, width, height);
    window.setFixedSize(width, height);
    window.show();
    window.settingsPage()->setShownDataFolder(tr("(a temporary folder, removed after the tour)"));
    settle();

    window.signInPage()->setLogin(QLatin1String(DemoWorld::login));
    if (const auto saved = save(window, QStringLiteral("login.png")); !saved)
        return Result::failure(saved);

    if (const Expected<void> demo = DemoAccess::open(service); !demo)
        return Result::failure(tr("opening the demo account: %1").arg(demo.error()));
    window.showPage(MainWindow::Page::Dashboard);
    if (const auto saved = save(window, QStringLiteral("dashboard.png")); !saved)
        return Result::failure(saved);

    const Expected<std::vector<LineRecord>> lines = service.lines();
    if (!lines || lines->empty())
        return Result::failure(tr("the demo account has no lines"));
    const LineRecord &line = lines->front();
    window.linePage()->showLine(line.id);
    window.linePage()->showRulesTab();
    window.showPage(MainWindow::Page::Line);
    window.linePage()->rules()->refreshPreview();
    if (const auto saved = save(window, QStringLiteral("line-rules.png")); !saved)
        return Result::failure(saved);

    // "Suggest rules…" over the line's 90 days, once the replay has ended.
    RulesAdvisorDialog *advisor = window.linePage()->rules()->openAdvisor();
    if (!advisor)
        return Result::failure(tr("the rules advisor did not open"));
    if (advisor->isRunning()) {
        QEventLoop loop;
        QObject::connect(advisor, &RulesAdvisorDialog::runEnded, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const auto savedAdvisor = save(window, QStringLiteral("rules-advisor.png"), advisor);
    advisor->close();
    if (!savedAdvisor)
        return Result::failure(savedAdvisor);

    // Mid-simulation: the line is drained and its threshold top-up fires at once.
    if (const Expected<void> drained = service.drainLine(line.id); !drained)
        return Result::failure(tr("draining %1: %2").arg(line.name, drained.error()));
    window.linePage()->showTestTab();
    if (const auto saved = save(window, QStringLiteral("test-topup.png")); !saved)
        return Result::failure(saved);

    window.showPage(MainWindow::Page::Payments);
    if (const auto saved = save(window, QStringLiteral("payments.png")); !saved)
        return Result::failure(saved);

    AddCardDialog *dialog = window.paymentsPage()->openAddCardDialog();
    if (!dialog)
        return Result::failure(tr("the add-card dialog did not open"));
    settle();
    // A wrong last digit (Luhn), a month that does not exist, a short code.
    const std::pair<const char *, const char *> typed[] = {
        {"holder", "Jane Doe"}, {"cardNumber", "4111 1111 1111 1112"}, {"expiry", "13/27"}, {"securityCode", "12"}};
    for (const auto &[name, text] : typed) {
        if (auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(name)))
            typeInto(edit, QLatin1String(text));
    }
    const auto savedDialog = save(window, QStringLiteral("add-card-errors.png"), dialog);
    dialog->close();
    if (!savedDialog)
        return Result::failure(savedDialog);

    for (const auto &[page, name] : {std::pair{MainWindow::Page::History, "history.png"},
                                     std::pair{MainWindow::Page::Alerts, "alerts.png"},
                                     std::pair{MainWindow::Page::Settings, "settings.png"}}) {
        window.showPage(page);
        if (const auto saved = save(window, QLatin1String(name)); !saved)
            return Result::failure(saved);
    }
    if (const auto fleet = fleetDashboard(window, service); !fleet)
        return Result::failure(fleet);
    if (const auto journey = newAccount(window, service); !journey)
        return Result::failure(journey);
    window.hide();
    return m_written;
}

Expected<void> ScreenshotTour::fleetDashboard(MainWindow &window, Service &service)
{
    // The demo account grown into a small company's fleet, a few lines past
    // DashboardPage::MostLinesAsCards: the dashboard shows a table of the
    // lines and the selected line's card. Each new line copies the rules of
    // a demo line of its region.
    const Expected<std::vector<LineRecord>> demo = service.lines();
    if (!demo || demo->empty())
        return Expected<void>::failure(tr("the demo account has no lines"));
    const int added = DashboardPage::MostLinesAsCards + 6 - int(demo->size());
    for (int i = 1; i <= added; ++i) {
        const LineRecord &model = (*demo)[std::size_t(i) % demo->size()];
        const qint64 dataBytes = 250'000'000LL * ((i * 7) % 17 + 1);
        const qint64 voiceSeconds = model.voiceSeconds > 0 ? 60LL * ((i * 13) % 90 + 10) : 0;
        //: A line of the tour's fleet, numbered
        const Expected<LineRecord> line = service.addLine(LineForm{tr("Fleet line %1").arg(i, 2, 10, QLatin1Char('0')), model.region,
                                                                   model.profile, quint64(i), DataAmount(dataBytes),
                                                                   VoiceAmount(voiceSeconds)});
        if (!line)
            return Expected<void>::failure(tr("adding a line to the fleet: %1").arg(line.error()));
        if (model.policy) {
            if (const Expected<void> set = service.setPolicy(line->id, *model.policy); !set)
                return Expected<void>::failure(tr("adding a line to the fleet: %1").arg(set.error()));
        }
    }
    window.showPage(MainWindow::Page::Dashboard);
    return save(window, QStringLiteral("fleet-dashboard.png"));
}

Expected<void> ScreenshotTour::newAccount(MainWindow &window, Service &service)
{
    // A new user's first steps: the sign-up form, the empty dashboard, and
    // buying a first line (with a card added on the way).
    window.signOut();
    SignInPage *signIn = window.signInPage();
    signIn->setSignUpMode(true);
    const std::pair<const char *, const char *> typed[] = {{"login", "sam@example.com"}, {"password", "a-new-user-2027"},
                                                           {"confirmPassword", "a-new-user-2027"}};
    for (const auto &[name, text] : typed) {
        if (auto *edit = signIn->findChild<QLineEdit *>(QLatin1String(name))) {
            edit->clear(); // the demo's login stays after signing out
            typeInto(edit, QLatin1String(text));
        }
    }
    if (auto *currency = signIn->findChild<QComboBox *>(QStringLiteral("signUpCurrency")))
        currency->setCurrentIndex(std::max(0, currency->findData(QStringLiteral("USD"))));
    if (auto *zone = signIn->findChild<QComboBox *>(QStringLiteral("signUpTimezone")))
        zone->setEditText(QStringLiteral("America/New_York"));
    if (const auto saved = save(window, QStringLiteral("sign-up.png")); !saved)
        return saved;
    if (auto *create = signIn->findChild<QPushButton *>(QStringLiteral("submitButton")))
        create->click();
    if (!service.account())
        return Expected<void>::failure(tr("the new account was not created"));
    window.showPage(MainWindow::Page::Dashboard);
    if (const auto saved = save(window, QStringLiteral("new-dashboard.png")); !saved)
        return saved;

    if (const Expected<MethodRecord> card = service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Sam Rivera"),
                                                                     QStringLiteral("4111 1111 1111 1111"), QStringLiteral("08/30"),
                                                                     QStringLiteral("123"), Money::fromCents(20000)});
        !card)
        return Expected<void>::failure(tr("adding a card: %1").arg(card.error()));
    AddLineDialog *dialog = window.openAddLineDialog();
    if (!dialog)
        return Expected<void>::failure(tr("the add-line dialog did not open"));
    settle();
    dialog->chooseRegion(QStringLiteral("JP"));
    if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("lineName")))
        typeInto(name, tr("Japan trip"));
    if (auto *package = dialog->findChild<QComboBox *>(QStringLiteral("firstPackage")))
        package->setCurrentIndex(std::min(2, package->count() - 1));
    if (auto *profile = dialog->findChild<QComboBox *>(QStringLiteral("usageProfile")))
        profile->setCurrentIndex(3);
    const auto saved = save(window, QStringLiteral("add-line.png"), dialog);
    dialog->close();
    return saved;
}

} // namespace topup
