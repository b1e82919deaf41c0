#include "simcommandline.h"

#include "engine/engine.h"
#include "scenario/resultwriter.h"
#include "scenario/scenarioreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

namespace topup {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("topup::SimCommandLine", text);
}

} // namespace

void SimCommandLine::printError(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), m_err);
}

int SimCommandLine::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs auto top-up scenarios through the TopUp rules engine, headless.\n\n"
           "Commands:\n"
           "  run SCENARIO.json   run a topup-scenario/1 file ('-' reads standard input)\n"
           "                      and print its topup-result/1 on standard output"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("What to do: run."));
    parser.addPositionalArgument(QStringLiteral("file"), tr("The scenario file, or - for standard input."));

    if (!parser.parse(arguments)) {
        printError(tr("topup-sim: %1 (try --help)").arg(parser.errorText()));
        return Usage;
    }
    if (parser.isSet(helpOption)) {
        const QByteArray help = parser.helpText().toUtf8();
        std::fwrite(help.constData(), 1, std::size_t(help.size()), m_out);
        return Ok;
    }
    if (parser.isSet(versionOption)) {
        const QByteArray version = QStringLiteral("topup-sim %1\n").arg(QCoreApplication::applicationVersion()).toUtf8();
        std::fwrite(version.constData(), 1, std::size_t(version.size()), m_out);
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        printError(tr("topup-sim: missing command (try --help)"));
        return Usage;
    }
    if (positional.first() == QLatin1String("run")) {
        if (positional.size() != 2) {
            printError(tr("topup-sim: run takes exactly one scenario file (try --help)"));
            return Usage;
        }
        return runScenario(positional.at(1));
    }
    printError(tr("topup-sim: unknown command \"%1\" (try --help)").arg(positional.first()));
    return Usage;
}

int SimCommandLine::runScenario(const QString &fileName)
{
    QFile file;
    const bool fromStdin = fileName == QLatin1String("-");
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(fileName), file.open(QIODevice::ReadOnly));
    if (!opened) {
        printError(tr("%1: cannot read: %2").arg(fileName, file.errorString()));
        return InvalidInput;
    }
    const QByteArray json = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        printError(tr("%1: cannot read: %2").arg(fileName, file.errorString()));
        return InvalidInput;
    }

    const ScenarioReader::Result read = ScenarioReader::read(json);
    if (!read.world) {
        for (const Problem &problem : read.problems)
            printError(problem.path.isEmpty() ? QStringLiteral("%1: %2").arg(fileName, problem.message)
                                              : QStringLiteral("%1: %2: %3").arg(fileName, problem.path, problem.message));
        return InvalidInput;
    }
    Engine engine(*read.world);
    const Outcome outcome = engine.run();
    const QByteArray result = writeResult(*read.world, outcome);
    std::fwrite(result.constData(), 1, std::size_t(result.size()), m_out);
    std::fflush(m_out);
    return Ok;
}

} // namespace topup
