#pragma once

#include "domain/instant.h"
#include "service/worldlocation.h"
#include "theme.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <optional>

namespace topup {

// `topup-dashboard`'s command line, read before any window exists: help,
// the version and every wrong usage are answered from a terminal that has
// no display (over SSH, in a container), and what a run needs is checked
// before the window system is asked for anything.
class LauncherCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(topup::Launcher)
    Q_DISABLE_COPY_MOVE(LauncherCommandLine)

public:
    LauncherCommandLine();

    // Reads `arguments` (the program's name first). The exit code when that
    // answered everything (help, the version, a wrong usage: printed), none
    // when a window or the tour is to run with what the accessors say.
    std::optional<int> read(const QStringList &arguments);

    const WorldLocation &location() const { return *m_location; }
    const std::optional<Instant> &now() const noexcept { return m_now; }
    std::optional<QString> language() const;
    std::optional<ThemeChoice> theme() const noexcept { return m_theme; }
    bool tour() const { return m_parser.isSet(m_screenshots); }
    QString tourFolder() const { return m_parser.value(m_screenshots); }
    bool demo() const { return m_parser.isSet(m_demo); }
    bool profileStartup() const { return m_parser.isSet(m_profile); }

    // Whether Qt will find a window system to draw on: one chosen (-platform,
    // QT_QPA_PLATFORM) or a display to connect to (DISPLAY, WAYLAND_DISPLAY).
    static bool hasWindowSystem(int argc, char *argv[]);
    // `arguments` without the window system's own options (-style NAME,
    // -reverse…, which QApplication takes away when there is one).
    static QStringList withoutWindowOptions(QStringList arguments);
    // `text` as UTF-8 on `stream`, flushed.
    static void printTo(FILE *stream, const QString &text);
    // Why the window cannot open here.
    static QString noDisplay();

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
    QCommandLineOption m_version;
    QCommandLineOption m_dataDir;
    QCommandLineOption m_database;
    QCommandLineOption m_demo;
    QCommandLineOption m_nowOption;
    QCommandLineOption m_lang;
    QCommandLineOption m_themeOption;
    QCommandLineOption m_screenshots;
    QCommandLineOption m_profile;
    std::optional<WorldLocation> m_location;
    std::optional<Instant> m_now;
    std::optional<ThemeChoice> m_theme;
};

} // namespace topup
