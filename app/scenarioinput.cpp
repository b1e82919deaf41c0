#include "scenarioinput.h"

#include "scenario/scenariofile.h"
#include "scenario/scenarioreader.h"

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
    QFile file;
    const bool fromStdin = fileName == QLatin1String("-");
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(fileName), file.open(QIODevice::ReadOnly));
    if (!opened) {
        printProblem(err, QString(), QString(), ScenarioInput::tr("%1: cannot read: %2").arg(fileName, file.errorString()));
        return std::nullopt;
    }
    const Expected<QByteArray> json = ScenarioFile::read(file);
    if (file.error() != QFileDevice::NoError) {
        printProblem(err, QString(), QString(), ScenarioInput::tr("%1: cannot read: %2").arg(fileName, file.errorString()));
        return std::nullopt;
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
