#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace topup::test {

// What a program printed and how it ended; exitCode is -1 when it crashed
// or did not finish within five minutes.
struct ProgramRun final
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `program` with `arguments`, `input` on its standard input (then
// closed), in `workingDirectory` when one is given, and waits for it.
[[nodiscard]] ProgramRun runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                                    const QString &workingDirectory = {});

} // namespace topup::test
