#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

namespace topup {

class WorldLocation;

// The `topup-sim` command line (SPEC §8). Exit codes: 0 done, 2 invalid
// scenario or unreadable input, or a catch-up that stopped at its limit
// (run again to continue), 1 any other failure, 64 wrong usage.
class SimCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(SimCommandLine)

public:
    enum ExitCode { Ok = 0, Failed = 1, InvalidInput = 2, Usage = 64, TryAgain = 75 };

    SimCommandLine(std::FILE *out, std::FILE *err) : m_out(out), m_err(err) {}

    int run(const QStringList &arguments);

private:
    int runScenario(const QString &file);
    int runWorld(const WorldLocation &location, bool demo, quint64 seed, const QString &now, bool status);
    int checkWorld(const QString &dataDir);
    void print(const QString &text);
    void printError(const QString &text);

    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace topup
