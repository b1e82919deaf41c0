#include "advisecommand.h"

#include "scenarioinput.h"
#include "simcommandline.h"

#include "advisor/advisor.h"
#include "advisor/worldwindow.h"
#include "scenario/advicewriter.h"

#include <algorithm>
#include <optional>

namespace topup {
namespace {

// A whole number written plainly: ASCII digits, no sign, space or leading
// zero, at most `largest`. None for anything else.
std::optional<int> plainCount(const QString &text, int largest)
{
    if (text.isEmpty() || text.size() > 9 || text.front() == QLatin1Char('0'))
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    if (value > largest)
        return std::nullopt;
    return value;
}

} // namespace

AdviseCommand::AdviseCommand(std::FILE *out, std::FILE *err)
    : m_out(out),
      m_err(err),
      m_line(QStringLiteral("line"), AdviseCommand::tr("advise: the id of the line to advise on."), AdviseCommand::tr("ID")),
      m_days(QStringLiteral("days"),
             AdviseCommand::tr("advise: how many days of usage, up to the scenario's end, to replay (1-%1, default %2).")
                 .arg(WorldWindow::maxDays)
                 .arg(defaultDays),
             AdviseCommand::tr("N")),
      m_top(QStringLiteral("top"),
            AdviseCommand::tr("advise: how many of the best candidates to print (default %1).").arg(defaultTop),
            AdviseCommand::tr("N"))
{
}

void AdviseCommand::printError(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), m_err);
}

QString AdviseCommand::givenOption(const QCommandLineParser &parser) const
{
    for (const QCommandLineOption &option : options()) {
        if (parser.isSet(option))
            return QStringLiteral("--") + option.names().constFirst();
    }
    return QString();
}

int AdviseCommand::run(const QCommandLineParser &parser, const QStringList &positional)
{
    if (positional.size() != 2) {
        printError(AdviseCommand::tr("topup-sim: advise takes exactly one scenario file (try --help)"));
        return SimCommandLine::Usage;
    }
    for (const QCommandLineOption &option : options()) {
        if (parser.values(option).size() > 1) {
            printError(AdviseCommand::tr("topup-sim: --%1 is given %2 times; give it once").arg(option.names().constFirst())
                           .arg(parser.values(option).size()));
            return SimCommandLine::Usage;
        }
    }
    const QString lineId = parser.value(m_line);
    if (!parser.isSet(m_line) || lineId.isEmpty()) {
        printError(parser.isSet(m_line) ? AdviseCommand::tr("topup-sim: --line takes a line id (got an empty one)")
                                        : AdviseCommand::tr("topup-sim: advise needs --line ID, the line to advise on (try --help)"));
        return SimCommandLine::Usage;
    }
    std::optional<int> days = defaultDays;
    if (parser.isSet(m_days) && !(days = plainCount(parser.value(m_days), WorldWindow::maxDays))) {
        printError(AdviseCommand::tr("topup-sim: --days takes a whole number of days from 1 to %1 (got \"%2\")")
                       .arg(WorldWindow::maxDays)
                       .arg(parser.value(m_days)));
        return SimCommandLine::Usage;
    }
    constexpr int mostShown = 1'000'000;
    std::optional<int> top = defaultTop;
    if (parser.isSet(m_top) && !(top = plainCount(parser.value(m_top), mostShown))) {
        printError(AdviseCommand::tr("topup-sim: --top takes a whole number from 1 to %1 (got \"%2\")")
                       .arg(mostShown)
                       .arg(parser.value(m_top)));
        return SimCommandLine::Usage;
    }

    const QString fileName = positional.at(1);
    const std::optional<World> world = ScenarioInput::read(fileName, m_err);
    if (!world)
        return SimCommandLine::InvalidInput;
    if (std::none_of(world->lines.begin(), world->lines.end(), [&lineId](const Line &line) { return line.id == lineId; })) {
        QStringList ids;
        for (const Line &line : world->lines)
            ids.append(line.id);
        if (ids.size() > 10)
            ids = ids.mid(0, 10) << QStringLiteral("…");
        printError(ids.isEmpty() ? AdviseCommand::tr("topup-sim: --line %1: %2 has no lines").arg(lineId, fileName)
                                 : AdviseCommand::tr("topup-sim: --line %1: %2 has no such line (its lines: %3)")
                                       .arg(lineId, fileName, ids.join(QStringLiteral(", "))));
        return SimCommandLine::Usage;
    }
    const Expected<AdvisorInput> input = WorldWindow::advisorInput(*world, lineId, *days);
    if (!input) {
        ScenarioInput::printProblem(m_err, fileName, QString(), input.error());
        return SimCommandLine::InvalidInput;
    }
    const Expected<Advice> advice = Advisor::run(*input);
    if (!advice) {
        ScenarioInput::printProblem(m_err, fileName, QString(),
                                    AdviseCommand::tr("line \"%1\": %2").arg(lineId, advice.error()));
        return SimCommandLine::InvalidInput;
    }
    const QByteArray json = writeAdvice(*input, *advice, *days, *top);
    std::fwrite(json.constData(), 1, std::size_t(json.size()), m_out);
    std::fflush(m_out);
    return SimCommandLine::Ok;
}

} // namespace topup
