#include "app/launcher.h"
#include "app/launchercommandline.h"
#include "service/commandlinechecks.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

namespace {

using topup::CommandLineChecks;
using topup::Launcher;
using topup::LauncherCommandLine;

// What makes any run fail before its command line is read: arguments that
// are not UTF-8, a closed standard output.
std::optional<int> refusedOutright(int argc, char *argv[], bool outputOpen)
{
    if (const QString problem = CommandLineChecks::notUtf8(argc, argv); !problem.isEmpty()) {
        std::fprintf(stderr, "topup-dashboard: %s\n", problem.toUtf8().constData());
        return Launcher::Usage;
    }
    if (!outputOpen) {
        std::fprintf(stderr, "topup-dashboard: %s\n", Launcher::tr("standard output is closed; nothing can be printed").toUtf8().constData());
        return Launcher::Failed;
    }
    return std::nullopt;
}

// What could not be written (help, the tour's summary) is a failure.
int finished(int code)
{
    if (const QString problem = CommandLineChecks::finishStandardOutput(); !problem.isEmpty()) {
        std::fprintf(stderr, "topup-dashboard: %s\n", problem.toUtf8().constData());
        return code == Launcher::Ok ? Launcher::Failed : code;
    }
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool outputOpen = CommandLineChecks::holdStandardStreams();
    QCoreApplication::setOrganizationName(QStringLiteral("TopUp"));
    QCoreApplication::setApplicationName(QStringLiteral("topup-dashboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPUP_VERSION));
    if (!LauncherCommandLine::hasWindowSystem(argc, argv)) {
        // No display (a terminal over SSH, a container): help, the version
        // and a wrong usage are answered without one, the tour draws
        // offscreen, and the window says why it cannot open.
        QCoreApplication early(argc, argv);
        if (const std::optional<int> refused = refusedOutright(argc, argv, outputOpen))
            return *refused;
        LauncherCommandLine commandLine;
        if (const std::optional<int> answered = commandLine.read(LauncherCommandLine::withoutWindowOptions(QCoreApplication::arguments())))
            return finished(*answered);
        if (!commandLine.tour()) {
            std::fprintf(stderr, "topup-dashboard: %s\n", LauncherCommandLine::noDisplay().toUtf8().constData());
            return Launcher::Failed;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("TopUp Dashboard"));
    QGuiApplication::setDesktopFileName(QStringLiteral("topup-dashboard"));
    if (const std::optional<int> refused = refusedOutright(argc, argv, outputOpen))
        return *refused;
    LauncherCommandLine commandLine;
    if (const std::optional<int> answered = commandLine.read(QCoreApplication::arguments()))
        return finished(*answered);
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1x%1/apps/topup-dashboard.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    return finished(Launcher::run(app, commandLine));
}
