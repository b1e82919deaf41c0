#include "launcher.h"

#include "launchercommandline.h"

#include "appearance.h"
#include "appsettings.h"
#include "demoaccess.h"
#include "mainwindow.h"
#include "pages/dashboardpage.h"
#include "screenshottour.h"
#include "service/commandlinechecks.h"
#include "service/demoworld.h"
#include "service/worldlocation.h"
#include "startupflow.h"
#include "startupprofile.h"
#include "theme.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTemporaryDir>

#include <cstdio>

namespace topup {

int Launcher::profileStartup(Service &service, AppSettings &settings, bool demo)
{
    // Acts for the first account (or the demo one), as the local owner of the folder.
    if (demo) {
        if (const Expected<void> opened = DemoAccess::open(service); !opened) {
            LauncherCommandLine::printTo(stderr, tr("topup-dashboard: %1\n").arg(opened.error()));
            return Failed;
        }
    } else if (const Expected<std::vector<Account>> accounts = service.allAccounts(); accounts && !accounts->empty()) {
        if (const Expected<void> acting = service.actAs(accounts->front().id); !acting) {
            LauncherCommandLine::printTo(stderr, tr("topup-dashboard: %1\n").arg(acting.error()));
            return Failed;
        }
    }
    settings.setPersistent(false);
    settings.setLastPage(int(MainWindow::Page::Dashboard));
    MainWindow window(service, settings);
    StartupProfile profile(window.dashboardPage());
    window.show();
    QElapsedTimer waited;
    waited.start();
    while (!profile.painted() && waited.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    if (!profile.painted()) {
        LauncherCommandLine::printTo(stderr, tr("topup-dashboard: the dashboard was not painted within 30 s\n"));
        return Failed;
    }
    LauncherCommandLine::printTo(stdout, profile.report() + QLatin1Char('\n'));
    return Ok;
}

int Launcher::run(QApplication &app, const LauncherCommandLine &commandLine)
{
    const bool tour = commandLine.tour();
    // The tour keeps its settings in a throw-away file: same arguments, same pictures.
    QTemporaryDir settingsDir;
    std::unique_ptr<AppSettings> settings = tour ? std::make_unique<AppSettings>(settingsDir.filePath(QStringLiteral("tour.ini")))
                                                 : std::make_unique<AppSettings>();
    if (tour) {
        settings->setTheme(ThemeChoice::Light);
        settings->setLanguage(QStringLiteral("en"));
        app.setEffectEnabled(Qt::UI_AnimateCombo, false);
        app.setEffectEnabled(Qt::UI_AnimateTooltip, false);
        app.setEffectEnabled(Qt::UI_FadeMenu, false);
        Appearance::applyFixedFont(app);
    }
    // For this run only: the settings file keeps the person's own choice.
    if (const std::optional<QString> language = commandLine.language())
        settings->setLanguageForThisRun(*language);
    if (const std::optional<ThemeChoice> theme = commandLine.theme())
        settings->setThemeForThisRun(*theme);
    Appearance appearance(app, *settings);

    if (tour) {
        ScreenshotTour screenshots(*settings, commandLine.tourFolder(), *commandLine.now());
        const Expected<QStringList> written = screenshots.run();
        if (!written) {
            LauncherCommandLine::printTo(stderr, tr("topup-dashboard: screenshot tour: %1\n").arg(written.error()));
            return Failed;
        }
        LauncherCommandLine::printTo(stdout, tr("Screenshots written: %1, in %2\n").arg(written->size()).arg(QDir(commandLine.tourFolder()).absolutePath()));
        return Ok;
    }

    Service::Options options;
    options.location = commandLine.location();
    options.fixedNow = commandLine.now();
    options.worldWaitMs = Service::dashboardWorldWaitMs; // the window does not redraw while a write waits
    const bool demo = commandLine.demo();
    if (demo)
        options.tokens = DemoWorld::tokens(1);
    StartupFlow flow;
    const std::optional<Instant> &now = commandLine.now();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now ? now->msecs() : QDateTime::currentMSecsSinceEpoch()).date();
    std::unique_ptr<Service> service = flow.openService(options, today);
    if (!service)
        return Failed;
    flow.watchIntegrity(*service); // the full check of a clean open runs in the background
    const Expected<std::vector<Account>> accounts = service->allAccounts();
    const bool empty = accounts && accounts->empty();
    const bool profile = commandLine.profileStartup();
    std::optional<CatchUpSummary> caughtUp;
    if (!empty) {
        // A new world has no clock yet; an existing one catches up first.
        const Expected<CatchUpSummary> caught = flow.catchUp(*service);
        if (!caught)
            QMessageBox::warning(nullptr, tr("Catching up failed"), caught.sentences());
        else
            caughtUp = *caught;
    }
    if (profile)
        return profileStartup(*service, *settings, demo);
    MainWindow window(*service, *settings);
    // Each account's part of what happened, when it signs in.
    if (caughtUp)
        window.setAwaySummary(*caughtUp);
    if (demo) {
        if (const Expected<void> opened = DemoAccess::open(*service); !opened)
            QMessageBox::warning(&window, tr("The demo account"), opened.sentences());
    }
    window.show();
    return app.exec();
}

} // namespace topup
