#pragma once

#include "engine/world.h"

#include <QCoreApplication>
#include <QString>

#include <cstdio>
#include <optional>

namespace topup {

// A scenario file read for a `topup-sim` command (SPEC §8): the file, or
// standard input for '-', read with its size limit and checked.
class ScenarioInput final
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioInput)

public:
    // The World, or none after one line per problem on `err`, each naming
    // the file as given and the JSON path.
    [[nodiscard]] static std::optional<World> read(const QString &fileName, std::FILE *err);
    // `file: path: message` (`file: message` without a path) and a newline, on `err`.
    static void printProblem(std::FILE *err, const QString &fileName, const QString &path, const QString &message);

private:
    ScenarioInput() = delete;
};

} // namespace topup
