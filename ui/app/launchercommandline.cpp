#include "launchercommandline.h"

#include "appsettings.h"
#include "screenshottour.h"
#include "service/commandlinechecks.h"

#include <QProcessEnvironment>

#include <cstdio>

namespace topup {
namespace {

// A wrong usage: said on standard error, exit 64.
int wrongUsage(const QString &problem)
{
    LauncherCommandLine::printTo(stderr, LauncherCommandLine::tr("topup-dashboard: %1 (try --help)\n").arg(problem));
    return 64;
}

} // namespace

LauncherCommandLine::LauncherCommandLine()
    : m_help(m_parser.addHelpOption())
    , m_version(m_parser.addVersionOption())
    , m_dataDir(QStringLiteral("data-dir"), tr("The folder of the saved world (default: $TOPUP_DATA_DIR, else the app's data folder)."),
                tr("DIR"))
    , m_database(QStringLiteral("database"),
                 tr("The PostgreSQL database of a shared world, as postgresql://USER@HOST:PORT/DBNAME"
                    "; the payment journal is DBNAME_journal beside it (default: $TOPUP_DATABASE)."),
                 tr("URL"))
    , m_demo(QStringLiteral("demo"), tr("Open the demo account (created in an empty data folder)."))
    , m_nowOption(QStringLiteral("now"), tr("Take this instant as now, e.g. 2027-03-15T10:00:00Z."), tr("ISO"))
    , m_lang(QStringLiteral("lang"), tr("Language: en or zh_CN."), tr("LANG"))
    , m_themeOption(QStringLiteral("theme"), tr("Theme: system, light or dark."), tr("THEME"))
    , m_screenshots(QStringLiteral("screenshots"), tr("Write the screenshot tour (PNG files) into DIR and exit."), tr("DIR"))
    , m_profile(QStringLiteral("profile-startup"), tr("Print the time to the dashboard's first paint and the resident memory, then exit."))
{
    m_parser.setApplicationDescription(tr("TopUp Dashboard: your eSIM lines, topped up by your rules (simulated)."));
    m_parser.addOptions({m_dataDir, m_database, m_demo, m_nowOption, m_lang, m_themeOption, m_screenshots, m_profile});
}

std::optional<int> LauncherCommandLine::read(const QStringList &arguments)
{
    if (!m_parser.parse(arguments))
        return wrongUsage(m_parser.errorText());
    if (const QString problem = CommandLineChecks::problemOf(m_parser); !problem.isEmpty())
        return wrongUsage(problem);
    if (m_parser.isSet(m_help)) {
        printTo(stdout, m_parser.helpText());
        return 0;
    }
    if (m_parser.isSet(QStringLiteral("help-all"))) {
        printTo(stdout, m_parser.helpText()
                            + tr("\nQt's own options apply too, among them:\n"
                                 "  -platform NAME         the windowing platform (xcb, wayland, offscreen)\n"
                                 "  -style NAME            the widget style (Fusion)\n"
                                 "  -reverse               right-to-left layout\n"
                                 "  -qwindowgeometry GEOM  the main window's geometry, e.g. 1280x800+0+0\n"));
        return 0;
    }
    if (m_parser.isSet(m_version)) {
        printTo(stdout, QStringLiteral("topup-dashboard %1\n").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    if (!m_parser.positionalArguments().isEmpty())
        return wrongUsage(tr("unexpected \"%1\"").arg(m_parser.positionalArguments().first()));
    // The tour builds a throw-away world of its own: it never opens a real one.
    if (tour()) {
        for (const QCommandLineOption &option : {m_dataDir, m_database, m_demo, m_profile}) {
            if (m_parser.isSet(option))
                return wrongUsage(CommandLineChecks::doesNotApply(QStringLiteral("--") + option.names().constFirst(), QStringLiteral("--screenshots"),
                                                             tr("the tour always builds its own throw-away world")));
        }
    }
    const auto optionValue = [this](const QCommandLineOption &option) {
        return m_parser.isSet(option) ? std::optional<QString>(m_parser.value(option)) : std::nullopt;
    };
    // The tour's world is its own; any other run opens a folder or a database.
    const Expected<WorldLocation> location = tour() ? WorldLocation::choose(std::nullopt, std::nullopt, QProcessEnvironment())
                                                    : WorldLocation::choose(optionValue(m_dataDir), optionValue(m_database));
    if (!location)
        return wrongUsage(location.error());
    m_location = *location;
    if (m_parser.isSet(m_nowOption) || tour()) {
        const QString text = m_parser.isSet(m_nowOption) ? m_parser.value(m_nowOption) : QLatin1String(ScreenshotTour::defaultNow);
        const Expected<Instant> parsed = Instant::parse(text);
        if (!parsed) {
            printTo(stderr, tr("topup-dashboard: --now: %1\n").arg(parsed.error()));
            return 64;
        }
        m_now = *parsed;
    }
    if (m_parser.isSet(m_lang) && !AppSettings::languages().contains(m_parser.value(m_lang))) {
        printTo(stderr, tr("topup-dashboard: --lang takes en or zh_CN (got \"%1\")\n").arg(m_parser.value(m_lang)));
        return 64;
    }
    if (m_parser.isSet(m_themeOption)) {
        bool themeOk = true;
        m_theme = Theme::fromKey(m_parser.value(m_themeOption), &themeOk);
        if (!themeOk) {
            printTo(stderr, tr("topup-dashboard: --theme takes system, light or dark (got \"%1\")\n").arg(m_parser.value(m_themeOption)));
            return 64;
        }
    }
    return std::nullopt;
}

void LauncherCommandLine::printTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}

std::optional<QString> LauncherCommandLine::language() const
{
    return m_parser.isSet(m_lang) ? std::optional<QString>(m_parser.value(m_lang)) : std::nullopt;
}

bool LauncherCommandLine::hasWindowSystem(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "-platform") == 0 || qstrcmp(argv[i], "--platform") == 0)
            return true;
    }
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
        if (!qEnvironmentVariableIsEmpty(name))
            return true;
    }
    return false;
}

QStringList LauncherCommandLine::withoutWindowOptions(QStringList arguments)
{
    // QGuiApplication's and QApplication's options (their documentation).
    static const QStringList withValue{"-style", "-stylesheet", "-qwindowgeometry", "-geometry", "-qwindowtitle", "-title",
                                       "-qwindowicon", "-icon", "-platformtheme", "-platformpluginpath", "-plugin", "-session",
                                       "-display", "-name", "-qdevicepixelratio"};
    static const QStringList alone{"-reverse", "-widgetcount", "-nograb", "-dograb", "-testability", "-sync"};
    for (int i = 1; i < arguments.size();) {
        QString name = arguments.at(i);
        if (name.startsWith(QLatin1String("--")))
            name.remove(0, 1);
        if (withValue.contains(name))
            arguments.remove(i, std::min<qsizetype>(2, arguments.size() - i));
        else if (alone.contains(name))
            arguments.remove(i);
        else
            ++i;
    }
    return arguments;
}

QString LauncherCommandLine::noDisplay()
{
    return tr("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): start it in a desktop session"
              ", or write the screenshot tour with --screenshots DIR, which needs none");
}

} // namespace topup
