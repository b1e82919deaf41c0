#include "launcher.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TopUp"));
    QCoreApplication::setApplicationName(QStringLiteral("topup-dashboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPUP_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("TopUp Dashboard"));
    QGuiApplication::setDesktopFileName(QStringLiteral("topup-dashboard"));
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1x%1/apps/topup-dashboard.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    return topup::Launcher::run(app);
}
