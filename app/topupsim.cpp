#include "simcommandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("topup-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPUP_VERSION));
    topup::SimCommandLine commandLine(stdout, stderr);
    return commandLine.run(QCoreApplication::arguments());
}
