#pragma once

#include <QCoreApplication>
#include <QStringList>

class QApplication;

namespace topup {

class AppSettings;
class LauncherCommandLine;
class Service;

// What `topup-dashboard` does with a command line LauncherCommandLine read:
// the window (with the start-up flow), or the screenshot tour. Exit codes: 0 done, 1 failed or
// quit at a problem, 64 wrong usage.
class Launcher final
{
    Q_DECLARE_TR_FUNCTIONS(topup::Launcher)

public:
    enum ExitCode { Ok = 0, Failed = 1, Usage = 64 };
    static int run(QApplication &app, const LauncherCommandLine &commandLine);

private:
    Launcher() = delete;
    static int profileStartup(Service &service, AppSettings &settings, bool demo);
};

} // namespace topup
