#include "launcher.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TopUp"));
    QCoreApplication::setApplicationName(QStringLiteral("topup-dashboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPUP_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("TopUp Dashboard"));
    return topup::Launcher::run(app);
}
