#include "app/launcher.h"
#include "service/commandlinechecks.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    using topup::CommandLineChecks;
    using topup::Launcher;
    const bool outputOpen = CommandLineChecks::holdStandardStreams();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TopUp"));
    QCoreApplication::setApplicationName(QStringLiteral("topup-dashboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPUP_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("TopUp Dashboard"));
    QGuiApplication::setDesktopFileName(QStringLiteral("topup-dashboard"));
    if (const QString problem = CommandLineChecks::notUtf8(argc, argv); !problem.isEmpty()) {
        std::fprintf(stderr, "topup-dashboard: %s\n", problem.toUtf8().constData());
        return Launcher::Usage;
    }
    if (!outputOpen) {
        std::fprintf(stderr, "topup-dashboard: %s\n", Launcher::tr("standard output is closed; nothing can be printed").toUtf8().constData());
        return Launcher::Failed;
    }
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1x%1/apps/topup-dashboard.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    const int code = Launcher::run(app);
    // What could not be written (help, the tour's summary) is a failure.
    if (const QString problem = CommandLineChecks::finishStandardOutput(); !problem.isEmpty()) {
        std::fprintf(stderr, "topup-dashboard: %s\n", problem.toUtf8().constData());
        return code == Launcher::Ok ? Launcher::Failed : code;
    }
    return code;
}
