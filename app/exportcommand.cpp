#include "exportcommand.h"

#include "simcommandline.h"

#include "service/commandlinechecks.h"
#include "service/worldexport.h"
#include "store/databaseurl.h"
#include "store/datadirectory.h"

#include <utility>

namespace topup {

void ExportCommand::print(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), m_out);
}

void ExportCommand::printError(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), m_err);
}

int ExportCommand::run(const QCommandLineParser &parser, const QStringList &positional, const QCommandLineOption &dataDir,
                       const QCommandLineOption &database, const QList<QCommandLineOption> &others)
{
    if (positional.size() != 1) {
        printError(ExportCommand::tr("topup-sim: unexpected \"%1\" (try --help)").arg(positional.last()));
        return SimCommandLine::Usage;
    }
    for (const QCommandLineOption &option : others) {
        if (parser.isSet(option)) {
            printError(ExportCommand::tr("topup-sim: %1")
                           .arg(CommandLineChecks::doesNotApply(QStringLiteral("--") + option.names().constFirst(), QStringLiteral("export"),
                                                                ExportCommand::tr("export copies a world as it is"))));
            return SimCommandLine::Usage;
        }
    }
    if (!parser.isSet(dataDir)) {
        printError(ExportCommand::tr("topup-sim: export needs --data-dir DIR, the folder of the world to copy (it is not read from"
                                     " TOPUP_DATA_DIR: say which world leaves) (try --help)"));
        return SimCommandLine::Usage;
    }
    if (!parser.isSet(database)) {
        printError(ExportCommand::tr("topup-sim: export needs --database URL, the PostgreSQL database to copy the world into (it is not"
                                     " read from TOPUP_DATABASE: say where the world goes) (try --help)"));
        return SimCommandLine::Usage;
    }
    const Expected<DatabaseUrl> url = DatabaseUrl::parse(parser.value(database));
    if (!url) {
        printError(ExportCommand::tr("topup-sim: --database: %1 (try --help)").arg(url.error()));
        return SimCommandLine::Usage;
    }
    const QString folder = DataDirectory::resolve(parser.value(dataDir));
    const Expected<WorldExportReport> report = WorldExport::run(folder, *url);
    if (!report) {
        printError(ExportCommand::tr("topup-sim: %1").arg(report.error()));
        return WorldExport::worthRetrying(folder, *url) ? SimCommandLine::TryAgain : SimCommandLine::Failed;
    }
    print(ExportCommand::tr("Copied the world %1 from %2 to %3 (the store) and %4 (the provider's journal); every table read back and"
                            " compared row for row. Rows per table:")
              .arg(report->worldId, report->folder, report->store, report->journal));
    for (const auto &[what, tables] : {std::pair{ExportCommand::tr("store"), &report->storeRows},
                                       std::pair{ExportCommand::tr("journal"), &report->journalRows}}) {
        for (const TableRows &table : *tables)
            print(QStringLiteral("  %1 %2: %3").arg(what, table.table).arg(table.rows));
    }
    return SimCommandLine::Ok;
}

} // namespace topup
