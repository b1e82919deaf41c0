#include "launcher.h"

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
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QMessageBox>
#include <QTemporaryDir>

#include <cstdio>

namespace topup {
namespace {

void printTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

int Launcher::profileStartup(Service &service, AppSettings &settings, bool demo)
{
    // Acts for the first account (or the demo one), as the local owner of the folder.
    if (demo) {
        if (const Expected<void> opened = DemoAccess::open(service); !opened) {
            printTo(stderr, tr("topup-dashboard: %1\n").arg(opened.error()));
            return Failed;
        }
    } else if (const Expected<std::vector<Account>> accounts = service.allAccounts(); accounts && !accounts->empty()) {
        if (const Expected<void> acting = service.actAs(accounts->front().id); !acting) {
            printTo(stderr, tr("topup-dashboard: %1\n").arg(acting.error()));
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
        printTo(stderr, tr("topup-dashboard: the dashboard was not painted within 30 s\n"));
        return Failed;
    }
    printTo(stdout, profile.report() + QLatin1Char('\n'));
    return Ok;
}

int Launcher::run(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("TopUp Dashboard: your eSIM lines, topped up by your rules (simulated)."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           tr("The folder of the saved world (default: $TOPUP_DATA_DIR, else the app's data folder)."),
                                           tr("DIR"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            tr("The PostgreSQL database of a shared world, as postgresql://USER@HOST:PORT/DBNAME"
                                               "; the payment journal is DBNAME_journal beside it (default: $TOPUP_DATABASE)."),
                                            tr("URL"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        tr("Open the demo account (created in an empty data folder)."));
    const QCommandLineOption nowOption(QStringLiteral("now"), tr("Take this instant as now, e.g. 2027-03-15T10:00:00Z."),
                                       tr("ISO"));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Language: en or zh_CN."), tr("LANG"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), tr("Theme: system, light or dark."), tr("THEME"));
    const QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
                                               tr("Write the screenshot tour (PNG files) into DIR and exit."), tr("DIR"));
    const QCommandLineOption profileOption(QStringLiteral("profile-startup"),
                                           tr("Print the time to the dashboard's first paint and the resident memory, then exit."));
    parser.addOptions({dataDirOption, databaseOption, demoOption, nowOption, langOption, themeOption, screenshotsOption, profileOption});
    if (!parser.parse(QCoreApplication::arguments())) {
        printTo(stderr, tr("topup-dashboard: %1 (try --help)\n").arg(parser.errorText()));
        return Usage;
    }
    if (const QString problem = CommandLineChecks::problemOf(parser); !problem.isEmpty()) {
        printTo(stderr, tr("topup-dashboard: %1 (try --help)\n").arg(problem));
        return Usage;
    }
    if (parser.isSet(helpOption)) {
        printTo(stdout, parser.helpText());
        return Ok;
    }
    if (parser.isSet(QStringLiteral("help-all"))) {
        printTo(stdout, parser.helpText()
                            + tr("\nQt's own options apply too, among them:\n"
                                 "  -platform NAME         the windowing platform (xcb, wayland, offscreen)\n"
                                 "  -style NAME            the widget style (Fusion)\n"
                                 "  -reverse               right-to-left layout\n"
                                 "  -qwindowgeometry GEOM  the main window's geometry, e.g. 1280x800+0+0\n"));
        return Ok;
    }
    if (parser.isSet(versionOption)) {
        printTo(stdout, QStringLiteral("topup-dashboard %1\n").arg(QCoreApplication::applicationVersion()));
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printTo(stderr, tr("topup-dashboard: unexpected \"%1\" (try --help)\n").arg(parser.positionalArguments().first()));
        return Usage;
    }
    const bool tour = parser.isSet(screenshotsOption);
    // The tour builds a throw-away world of its own: it never opens a real one.
    for (const QCommandLineOption &option : {dataDirOption, databaseOption, demoOption, profileOption}) {
        if (tour && parser.isSet(option)) {
            printTo(stderr, tr("topup-dashboard: %1 (try --help)\n")
                                .arg(CommandLineChecks::doesNotApply(QStringLiteral("--") + option.names().constFirst(), QStringLiteral("--screenshots"),
                                                                     tr("the tour always builds its own throw-away world"))));
            return Usage;
        }
    }
    const auto optionValue = [&parser](const QCommandLineOption &option) {
        return parser.isSet(option) ? std::optional<QString>(parser.value(option)) : std::nullopt;
    };
    // The tour's world is its own; any other run opens a folder or (not yet) a database.
    const Expected<WorldLocation> location = tour ? WorldLocation::choose(std::nullopt, std::nullopt, QProcessEnvironment())
                                                  : WorldLocation::choose(optionValue(dataDirOption), optionValue(databaseOption));
    if (!location) {
        printTo(stderr, tr("topup-dashboard: %1 (try --help)\n").arg(location.error()));
        return Usage;
    }
    std::optional<Instant> now;
    if (parser.isSet(nowOption) || tour) {
        const QString text = parser.isSet(nowOption) ? parser.value(nowOption) : QLatin1String(ScreenshotTour::defaultNow);
        const Expected<Instant> parsed = Instant::parse(text);
        if (!parsed) {
            printTo(stderr, tr("topup-dashboard: --now: %1\n").arg(parsed.error()));
            return Usage;
        }
        now = *parsed;
    }
    if (parser.isSet(langOption) && !AppSettings::languages().contains(parser.value(langOption))) {
        printTo(stderr, tr("topup-dashboard: --lang takes en or zh_CN (got \"%1\")\n").arg(parser.value(langOption)));
        return Usage;
    }
    bool themeOk = true;
    const ThemeChoice theme = Theme::fromKey(parser.value(themeOption), &themeOk);
    if (parser.isSet(themeOption) && !themeOk) {
        printTo(stderr, tr("topup-dashboard: --theme takes system, light or dark (got \"%1\")\n").arg(parser.value(themeOption)));
        return Usage;
    }

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
    if (parser.isSet(langOption))
        settings->setLanguageForThisRun(parser.value(langOption));
    if (parser.isSet(themeOption))
        settings->setThemeForThisRun(theme);
    Appearance appearance(app, *settings);

    if (tour) {
        ScreenshotTour screenshots(*settings, parser.value(screenshotsOption), *now);
        const Expected<QStringList> written = screenshots.run();
        if (!written) {
            printTo(stderr, tr("topup-dashboard: screenshot tour: %1\n").arg(written.error()));
            return Failed;
        }
        printTo(stdout, tr("Screenshots written: %1, in %2\n").arg(written->size()).arg(QDir(parser.value(screenshotsOption)).absolutePath()));
        return Ok;
    }

    Service::Options options;
    options.location = *location;
    options.fixedNow = now;
    options.worldWaitMs = Service::dashboardWorldWaitMs; // the window does not redraw while a write waits
    const bool demo = parser.isSet(demoOption);
    if (demo)
        options.tokens = DemoWorld::tokens(1);
    StartupFlow flow;
    const QDate today = QDateTime::fromMSecsSinceEpoch(now ? now->msecs() : QDateTime::currentMSecsSinceEpoch()).date();
    std::unique_ptr<Service> service = flow.openService(options, today);
    if (!service)
        return Failed;
    flow.watchIntegrity(*service); // the full check of a clean open runs in the background
    const Expected<std::vector<Account>> accounts = service->allAccounts();
    const bool empty = accounts && accounts->empty();
    const bool profile = parser.isSet(profileOption);
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
