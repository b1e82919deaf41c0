#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <cstdio>

namespace topup {

// `topup-sim advise SCENARIO.json --line ID [--days N] [--top N]`: runs the
// scenario to its end, replays the line's last N days of usage under every
// candidate auto top-up policy (core/advisor) and prints the ranking as
// `topup-advice/1` JSON. Exit codes as SimCommandLine's.
class AdviseCommand final
{
    Q_DECLARE_TR_FUNCTIONS(AdviseCommand)

public:
    static constexpr int defaultDays = 90;
    static constexpr int defaultTop = 10;

    AdviseCommand(std::FILE *out, std::FILE *err);

    // The options only `advise` takes, for the shared parser.
    QList<QCommandLineOption> options() const { return {m_line, m_days, m_top}; }
    // The first of them given on the command line, or an empty string.
    QString givenOption(const QCommandLineParser &parser) const;
    // `positional` starts with "advise".
    int run(const QCommandLineParser &parser, const QStringList &positional);

private:
    void printError(const QString &text);

    std::FILE *m_out;
    std::FILE *m_err;
    QCommandLineOption m_line;
    QCommandLineOption m_days;
    QCommandLineOption m_top;
};

} // namespace topup
