#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <cstdio>

namespace topup {

// `topup-sim --data-dir DIR export --database URL`: copies the world of a
// data folder into a PostgreSQL server (WorldExport), verified row for row,
// and prints what it copied, table by table. Both options must be given on
// the command line (neither is read from the environment: the source and the
// target are said, never guessed). Exit codes as SimCommandLine's: 64 for
// usage, 75 when the folder or the target is held by another program, 1 for
// any other refusal (a folder without a world, a target that is not empty,
// a copy that failed and was rolled back).
class ExportCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    ExportCommand(std::FILE *out, std::FILE *err) : m_out(out), m_err(err) {}

    // `positional` starts with "export"; `dataDir` and `database` are the
    // options naming the source and the target; `others` the world options
    // that do not apply to it.
    int run(const QCommandLineParser &parser, const QStringList &positional, const QCommandLineOption &dataDir,
            const QCommandLineOption &database, const QList<QCommandLineOption> &others);

private:
    void print(const QString &text);
    void printError(const QString &text);

    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace topup
