#include "simcommandline.h"

#include "advisecommand.h"
#include "exportcommand.h"
#include "scenarioinput.h"

#include "domain/dataamount.h"
#include "domain/voiceamount.h"
#include "engine/engine.h"
#include "service/commandlinechecks.h"
#include "service/demoworld.h"
#include "service/worldfiles.h"
#include "service/worldlocation.h"
#include "service/service.h"
#include "scenario/resultwriter.h"
#include "store/datadirectory.h"
#include "store/integritycheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <limits>
#include <optional>

namespace topup {

void SimCommandLine::print(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), m_out);
}

void SimCommandLine::printError(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), m_err);
}

int SimCommandLine::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        SimCommandLine::tr("Runs auto top-up scenarios through the TopUp rules engine, headless.\n\n"
           "Commands:\n"
           "  run SCENARIO.json   run a topup-scenario/1 file ('-' reads standard input)\n"
           "                      and print its topup-result/1 on standard output\n"
           "  advise SCENARIO.json --line ID [--days N] [--top N]\n"
           "                      run the scenario to its end, replay the line's last N days\n"
           "                      of usage under every candidate auto top-up policy and\n"
           "                      print the best as topup-advice/1 JSON\n"
           "  status              bring the saved world (--data-dir) up to now and print\n"
           "                      each line's balances, trigger state and this month's spend\n"
           "  check               read every page of the saved world's two files and say\n"
           "                      whether they are whole (exit 0) or damaged (exit 1)\n"
           "  export              copy the world of --data-dir into the empty PostgreSQL\n"
           "                      database of --database (and its _journal), verified row for row\n\n"
           "With --demo, creates the demo account in a new data folder first."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), SimCommandLine::tr("What to do: run, advise, status, check or export."));
    parser.addPositionalArgument(QStringLiteral("file"), SimCommandLine::tr("The scenario file, or - for standard input."));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           SimCommandLine::tr("The folder of the saved world (default: $TOPUP_DATA_DIR, else the app's data folder)."),
                                           SimCommandLine::tr("DIR"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            SimCommandLine::tr("The PostgreSQL database of a shared world, as postgresql://USER@HOST:PORT/DBNAME"
                                                               "; the payment journal is DBNAME_journal beside it (default: $TOPUP_DATABASE)."),
                                            SimCommandLine::tr("URL"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), SimCommandLine::tr("Create the demo account (demo@topup.example)."));
    const QCommandLineOption seedOption(QStringLiteral("seed"), SimCommandLine::tr("Seed of the demo world (default 1)."), SimCommandLine::tr("N"),
                                        QStringLiteral("1"));
    const QCommandLineOption nowOption(QStringLiteral("now"), SimCommandLine::tr("Take this instant as now, e.g. 2027-01-31T09:00:00Z."),
                                       SimCommandLine::tr("ISO"));
    parser.addOptions({dataDirOption, databaseOption, demoOption, seedOption, nowOption});
    AdviseCommand advise(m_out, m_err);
    parser.addOptions(advise.options());

    if (!parser.parse(arguments)) {
        printError(SimCommandLine::tr("topup-sim: %1 (try --help)").arg(parser.errorText()));
        return Usage;
    }
    // topup-sim has no Qt options of its own to add: --help-all is --help.
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"))) {
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
    if (positional.value(0) == QLatin1String("advise")) {
        for (const QCommandLineOption &worldOption : {dataDirOption, databaseOption, demoOption, seedOption, nowOption}) {
            if (parser.isSet(worldOption)) {
                printError(SimCommandLine::tr("topup-sim: advise reads a scenario file and takes no --%1 (try --help)")
                               .arg(worldOption.names().constFirst()));
                return Usage;
            }
        }
        return advise.run(parser, positional); // says itself what is wrong with its options, more precisely
    }
    if (const QString problem = CommandLineChecks::problemOf(parser); !problem.isEmpty()) {
        printError(SimCommandLine::tr("topup-sim: %1 (try --help)").arg(problem));
        return Usage;
    }
    if (const QString adviseOnly = advise.givenOption(parser); !adviseOnly.isEmpty()) {
        printError(SimCommandLine::tr("topup-sim: %1 is an option of advise only (try --help)").arg(adviseOnly));
        return Usage;
    }
    if (positional.value(0) == QLatin1String("export"))
        return ExportCommand(m_out, m_err).run(parser, positional, dataDirOption, databaseOption, {demoOption, seedOption, nowOption});
    bool seedOk = false;
    const quint64 seed = parser.value(seedOption).toULongLong(&seedOk);
    if (!seedOk || parser.value(seedOption).startsWith(QLatin1Char('-'))) {
        printError(SimCommandLine::tr("topup-sim: --seed takes a whole number from 0 to %1 (got \"%2\")")
                       .arg(std::numeric_limits<quint64>::max())
                       .arg(parser.value(seedOption)));
        return Usage;
    }
    const bool status = positional.value(0) == QLatin1String("status");
    const QString command = parser.isSet(demoOption) && !status ? QStringLiteral("--demo") : positional.value(0);
    if (parser.isSet(seedOption) && !parser.isSet(demoOption)) {
        printError(SimCommandLine::tr("topup-sim: %1")
                       .arg(CommandLineChecks::doesNotApply(QStringLiteral("--seed"), command.isEmpty() ? QStringLiteral("topup-sim") : command,
                                                            SimCommandLine::tr("it is the seed of the demo world that --demo creates"))));
        return Usage;
    }
    const bool scenario = positional.value(0) == QLatin1String("run") && !parser.isSet(demoOption);
    const bool check = positional.value(0) == QLatin1String("check") && !parser.isSet(demoOption);
    for (const QCommandLineOption &option : {dataDirOption, databaseOption, nowOption}) {
        const QString name = option.names().constFirst();
        if (!parser.isSet(option) || !(scenario || (check && name == QLatin1String("now"))))
            continue;
        printError(SimCommandLine::tr("topup-sim: %1")
                       .arg(CommandLineChecks::doesNotApply(QStringLiteral("--") + name, positional.value(0),
                                                            scenario ? SimCommandLine::tr("a scenario carries its own world and clock")
                                                                     : SimCommandLine::tr("check reads the files as they are, at no time"))));
        return Usage;
    }
    const auto optionValue = [&parser](const QCommandLineOption &option) {
        return parser.isSet(option) ? std::optional<QString>(parser.value(option)) : std::nullopt;
    };
    // The world status, --demo and check open: a folder, or a database on a PostgreSQL server.
    const auto worldLocation = [&]() -> std::optional<WorldLocation> {
        const Expected<WorldLocation> location = WorldLocation::choose(optionValue(dataDirOption), optionValue(databaseOption));
        if (!location) {
            printError(SimCommandLine::tr("topup-sim: %1 (try --help)").arg(location.error()));
            return std::nullopt;
        }
        // What only a folder of SQLite files has.
        if (location->onPostgres() && (parser.isSet(demoOption) || check)) {
            printError(SimCommandLine::tr("topup-sim: %1")
                           .arg(parser.isSet(demoOption)
                                    ? CommandLineChecks::doesNotApply(QStringLiteral("--demo"), location->databaseSource(),
                                                                      SimCommandLine::tr("the demo is built in a new data folder and moved in whole;"
                                                                                         " a world on PostgreSQL starts empty"))
                                    : CommandLineChecks::doesNotApply(location->databaseSource(), QStringLiteral("check"),
                                                                      SimCommandLine::tr("check reads a data folder's SQLite files page by page;"
                                                                                         " a PostgreSQL server keeps its own pages, and TopUp has"
                                                                                         " no check of them to run"))));
            return std::nullopt;
        }
        return *location;
    };
    if (parser.isSet(demoOption) || status) {
        if (positional.size() > (status ? 1 : 0)) {
            printError(SimCommandLine::tr("topup-sim: unexpected \"%1\" (try --help)").arg(positional.last()));
            return Usage;
        }
        const std::optional<WorldLocation> location = worldLocation();
        if (!location)
            return Usage;
        return runWorld(*location, parser.isSet(demoOption), seed, parser.value(nowOption), status);
    }
    if (positional.isEmpty()) {
        printError(SimCommandLine::tr("topup-sim: missing command (try --help)"));
        return Usage;
    }
    if (positional.first() == QLatin1String("check")) {
        if (positional.size() != 1) {
            printError(SimCommandLine::tr("topup-sim: unexpected \"%1\" (try --help)").arg(positional.last()));
            return Usage;
        }
        const std::optional<WorldLocation> location = worldLocation();
        if (!location)
            return Usage;
        return checkWorld(location->dataDir());
    }
    if (positional.first() == QLatin1String("run")) {
        if (positional.size() != 2) {
            printError(SimCommandLine::tr("topup-sim: run takes exactly one scenario file (try --help)"));
            return Usage;
        }
        return runScenario(positional.at(1));
    }
    printError(SimCommandLine::tr("topup-sim: unknown command \"%1\" (try --help)").arg(positional.first()));
    return Usage;
}

int SimCommandLine::runScenario(const QString &fileName)
{
    const std::optional<World> world = ScenarioInput::read(fileName, m_err);
    if (!world)
        return InvalidInput;
    Engine engine(*world);
    const Outcome outcome = engine.run();
    if (outcome.error) { // an amount would leave int64, or the run would grow beyond its limit
        ScenarioInput::printProblem(m_err, fileName, outcome.error->path, outcome.error->message);
        return InvalidInput;
    }
    const QByteArray result = writeResult(*world, outcome);
    std::fwrite(result.constData(), 1, std::size_t(result.size()), m_out);
    std::fflush(m_out);
    return Ok;
}

int SimCommandLine::checkWorld(const QString &dataDir)
{
    // The folder is claimed, so no other program writes while the pages are
    // read; the check's connection only reads.
    const QString folder = DataDirectory::resolve(dataDir);
    if (const std::optional<Failure> problem = DataDirectory::unusable(folder)) {
        printError(SimCommandLine::tr("topup-sim: %1").arg(problem->text()));
        return Failed;
    }
    if (!WorldFiles::holdsWorld(folder)) {
        printError(SimCommandLine::tr("topup-sim: %1 holds no world: create one with --demo").arg(folder));
        return Failed;
    }
    const Expected<std::unique_ptr<DataDirectory>> directory = DataDirectory::claim(folder);
    if (!directory) {
        printError(SimCommandLine::tr("topup-sim: %1").arg(directory.error()));
        return DataDirectory::inUse(folder) ? TryAgain : Failed;
    }
    bool whole = true;
    bool damaged = false; // a file damaged or missing, rather than only unread
    for (const QString &path : {(*directory)->storePath(), (*directory)->journalPath()}) {
        if (!QFile::exists(path)) {
            printError(SimCommandLine::tr("%1: missing").arg(path));
            whole = false;
            damaged = true;
            continue;
        }
        const IntegrityCheck::Result result = IntegrityCheck::runUntouched(path);
        switch (result.verdict) {
        case IntegrityCheck::Verdict::Ok:
            print(SimCommandLine::tr("%1: whole (every page read, every index compared with its table)").arg(path));
            break;
        case IntegrityCheck::Verdict::Damaged: {
            printError(SimCommandLine::tr("%1: damaged database (%2)").arg(path, result.problem));
            whole = false;
            damaged = true;
            // The damaged file itself is left as it is; an empty write-ahead
            // log beside it (SQLite's own sign of an unclean shutdown) makes
            // the next start check it in full and refuse it.
            QFile marker(path + QLatin1String("-wal"));
            if (!marker.exists() && marker.open(QIODevice::WriteOnly))
                marker.close();
            break;
        }
        case IntegrityCheck::Verdict::Unchecked:
        case IntegrityCheck::Verdict::Stopped:
            printError(SimCommandLine::tr("%1: could not be read to its end (%2)").arg(path, result.problem));
            whole = false;
            break;
        }
    }
    // Only unread (a full disk, a lock, no room for the copy): try again.
    return whole ? Ok : damaged ? Failed : TryAgain;
}

int SimCommandLine::runWorld(const WorldLocation &location, bool demo, quint64 seed, const QString &nowText, bool status)
{
    const QString &dataDir = location.dataDir(); // a folder's world
    Service::Options options;
    options.location = location;
    if (!nowText.isEmpty()) {
        const Expected<Instant> now = Instant::parse(nowText);
        if (!now) {
            printError(SimCommandLine::tr("topup-sim: --now: %1").arg(now.error()));
            return Usage;
        }
        options.fixedNow = *now;
    }
    if (demo) {
        // Built in a staging folder and moved in only when complete.
        if (const Expected<void> created = DemoWorld::build(options, seed); !created) {
            printError(SimCommandLine::tr("topup-sim: %1").arg(created.error()));
            return Failed;
        }
        print(SimCommandLine::tr("Demo world created in %1: sign in as %2 with the password %3")
                  .arg(DataDirectory::resolve(dataDir), QLatin1String(DemoWorld::login), QLatin1String(DemoWorld::password)));
    }
    if (!status)
        return Ok;
    // A folder must hold a world already (--demo makes one); empty
    // databases on a server become a new, empty world.
    if (!location.onPostgres()) {
        if (const std::optional<Failure> problem = DataDirectory::unusable(DataDirectory::resolve(dataDir))) {
            printError(SimCommandLine::tr("topup-sim: %1").arg(problem->text()));
            return Failed;
        }
        if (!WorldFiles::holdsWorld(DataDirectory::resolve(dataDir))) {
            printError(SimCommandLine::tr("topup-sim: %1 holds no world: create one with --demo").arg(DataDirectory::resolve(dataDir)));
            return Failed;
        }
    }
    Expected<std::unique_ptr<Service>> opened = Service::open(options);
    if (!opened) {
        printError(SimCommandLine::tr("topup-sim: %1").arg(opened.error()));
        // A full disk or a lock held elsewhere passes: nothing is wrong with the data.
        if (Service::worthRetrying(location))
            return TryAgain;
        if (location.onPostgres())
            return Failed;
        printError(SimCommandLine::tr("topup-sim: to start fresh, move the data folder aside (keep it as a backup) or pass another --data-dir"));
        return Failed;
    }
    Service &service = **opened;
    if (service.reconciledAtOpen() > 0)
        print(SimCommandLine::tr("Wrote down %n charge(s) the payment provider made before the last stop.",
                                 nullptr, service.reconciledAtOpen()));
    // The simulated clock never goes back: an earlier --now shows the world
    // at its own clock, and says so.
    if (const Expected<Instant> before = service.worldClock(); before && service.now() < *before)
        printError(SimCommandLine::tr("topup-sim: warning: --now %1 is earlier than the world's clock %2; the simulated clock never goes back,"
                      " so the world is shown at %2")
                       .arg(service.now().toString(), before->toString()));
    const Expected<CatchUpSummary> away = service.catchUpToNow();
    if (!away) {
        printError(SimCommandLine::tr("topup-sim: %1").arg(away.error()));
        return Service::worthRetrying(location) ? TryAgain : Failed;
    }
    if (away->stoppedAtLimit) {
        printError(SimCommandLine::tr("topup-sim: the world moved from %1 to %2 and stopped there: a catch-up runs at most %3 days (three years) of"
                      " simulated time per run, and %4 is further. Run the same command again to continue.")
                       .arg(away->from.toString(), away->to.toString())
                       .arg(WorldSync::maxSpanDays)
                       .arg(away->target.toString()));
        return InvalidInput;
    }
    const Expected<Instant> clock = service.worldClock();
    print(SimCommandLine::tr("World in %1, clock %2").arg(service.dataDir(), clock ? clock->toString() : QString()));
    if (away->to != away->from)
        print(SimCommandLine::tr("While you were away (%1 to %2): %3 top-ups, %4 failed, %5 blocked, %6 spent")
                  .arg(away->from.toString(), away->to.toString())
                  .arg(away->topUps)
                  .arg(away->failures)
                  .arg(away->blocked)
                  .arg(away->spend.toString()));
    const Expected<std::vector<Account>> accounts = service.allAccounts();
    if (!accounts) {
        printError(SimCommandLine::tr("topup-sim: %1").arg(accounts.error()));
        return Failed;
    }
    for (const Account &account : *accounts) {
        if (const Expected<void> acting = service.actAs(account.id); !acting) {
            printError(SimCommandLine::tr("topup-sim: %1").arg(acting.error()));
            return Failed;
        }
        print(QStringLiteral("%1 (%2, %3)").arg(account.login, account.currency, account.timezone));
        const Expected<std::vector<LineRecord>> lines = service.lines();
        if (!lines) {
            printError(SimCommandLine::tr("topup-sim: %1").arg(lines.error()));
            return Failed;
        }
        // Every line's spend in one query (one per line scanned the month's attempts once a line).
        const Expected<std::map<qint64, MonthSpend>> spendByLine = service.spendThisMonthByLine();
        for (const LineRecord &line : *lines) {
            std::optional<MonthSpend> spend;
            if (spendByLine) {
                const auto found = spendByLine->find(line.id);
                spend = found != spendByLine->end() ? found->second : MonthSpend{};
            }
            const bool watched = line.policy && line.policy->hasActiveThreshold();
            print(SimCommandLine::tr("  %1: data %2, voice %3, threshold %4, spend this month %5 %6 (auto %7, manual %8)")
                      .arg(line.name, DataAmount(line.dataBytes).toString(), VoiceAmount(line.voiceSeconds).toString(),
                           watched ? thresholdStateName(line.progress.state) : SimCommandLine::tr("off"))
                      .arg(spend ? (spend->autoSpend + spend->manualSpend).toString() : QStringLiteral("?"), account.currency,
                           spend ? spend->autoSpend.toString() : QStringLiteral("?"),
                           spend ? spend->manualSpend.toString() : QStringLiteral("?")));
        }
        if (lines->empty())
            print(SimCommandLine::tr("  no lines"));
    }
    return Ok;
}

} // namespace topup
