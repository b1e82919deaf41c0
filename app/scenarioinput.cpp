#include "scenarioinput.h"

#include "scenario/scenariofile.h"
#include "scenario/scenarioreader.h"
#include "standardinput.h"

#include <QFile>

namespace topup {

void ScenarioInput::printProblem(std::FILE *err, const QString &fileName, const QString &path, const QString &message)
{
    QString line = fileName.isEmpty() ? message : QStringLiteral("%1: %2").arg(fileName, message);
    if (!path.isEmpty())
        line = QStringLiteral("%1: %2: %3").arg(fileName, path, message);
    line += QLatin1Char('\n');
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), err);
}

std::optional<World> ScenarioInput::read(const QString &fileName, std::FILE *err)
{
    Expected<QByteArray> json = QByteArray();
    if (fileName == QLatin1String("-")) {
        StandardInput input;
        json = ScenarioFile::read(input);
        if (input.failed()) {
            printProblem(err, QString(), QString(), ScenarioInput::tr("%1: cannot read standard input: %2").arg(fileName, input.errorString()));
            return std::nullopt;
        }
    } else {
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly)) {
            printProblem(err, QString(), QString(), ScenarioInput::tr("%1: cannot read: %2").arg(fileName, file.errorString()));
            return std::nullopt;
        }
        json = ScenarioFile::read(file);
        if (file.error() != QFileDevice::NoError) {
            printProblem(err, QString(), QString(), ScenarioInput::tr("%1: cannot read: %2").arg(fileName, file.errorString()));
            return std::nullopt;
        }
    }
    if (!json) {
        printProblem(err, fileName, QString(), json.error());
        return std::nullopt;
    }
    ScenarioReader::Result read = ScenarioReader::read(*json);
    if (!read.world) {
        for (const Problem &problem : read.problems)
            printProblem(err, fileName, problem.path, problem.message);
        return std::nullopt;
    }
    return std::move(read.world);
}

} // namespace topup
