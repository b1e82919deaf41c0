#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace topup {

// What both programs refuse in how their command line was written, whatever
// the option: nothing is quietly turned into something else. An option given
// twice would keep the last; an empty value ('') would mean the default (the
// default folder for `--data-dir ''`, the wall clock for `--now ''`); an
// argument that is not UTF-8 would become another path, with U+FFFD in it.
class CommandLineChecks final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLineChecks)

public:
    // The first option given more than once, or given an empty value, as a
    // sentence ("--now is given twice; give it once"); empty when none is.
    static QString problemOf(const QCommandLineParser &parser);
    // The first argument of main's argv (after the program's name) that is
    // not valid UTF-8, as a sentence that shows its bytes; empty when all are.
    static QString notUtf8(int argc, const char *const *argv);
    // Before anything opens a file: a closed standard stream gets /dev/null
    // in its place (or the next file opened would take it over, and what is
    // meant for standard output would land in it). Says whether standard
    // output was open.
    static bool holdStandardStreams();
    // Flushes and closes standard output: what could not be written (a full
    // disk, a closed pipe) as a sentence; empty when everything was written.
    static QString finishStandardOutput();
    // `option` given where it does not apply: "--now does not apply to run (why)".
    static QString doesNotApply(const QString &option, const QString &where, const QString &why);

private:
    CommandLineChecks() = delete;
};

} // namespace topup
