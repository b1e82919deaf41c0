#include "service/commandlinechecks.h"
#include "simcommandline.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    using topup::CommandLineChecks;
    using topup::SimCommandLine;
    const bool outputOpen = CommandLineChecks::holdStandardStreams();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("topup-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPUP_VERSION));
    if (const QString problem = CommandLineChecks::notUtf8(argc, argv); !problem.isEmpty()) {
        std::fprintf(stderr, "topup-sim: %s\n", problem.toUtf8().constData());
        return SimCommandLine::Usage;
    }
    if (!outputOpen) {
        std::fprintf(stderr, "topup-sim: %s\n", SimCommandLine::tr("standard output is closed; nothing can be printed").toUtf8().constData());
        return SimCommandLine::Failed;
    }
    SimCommandLine commandLine(stdout, stderr);
    const int code = commandLine.run(QCoreApplication::arguments());
    // What could not be written is a failure, even when all else went well.
    if (const QString problem = CommandLineChecks::finishStandardOutput(); !problem.isEmpty()) {
        std::fprintf(stderr, "topup-sim: %s\n", problem.toUtf8().constData());
        return code == SimCommandLine::Ok ? SimCommandLine::Failed : code;
    }
    return code;
}
