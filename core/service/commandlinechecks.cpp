#include "commandlinechecks.h"

#include <QCommandLineParser>
#include <QSet>
#include <QStringDecoder>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace topup {
namespace {

bool isOpen(int fd)
{
    return ::fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

} // namespace

bool CommandLineChecks::holdStandardStreams()
{
    const bool outputOpen = isOpen(STDOUT_FILENO);
    for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
        if (isOpen(fd))
            continue;
        const int placeholder = ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
        if (placeholder >= 0 && placeholder != fd) {
            ::dup2(placeholder, fd);
            ::close(placeholder);
        }
    }
    return outputOpen;
}

QString CommandLineChecks::finishStandardOutput()
{
    errno = 0;
    const bool written = std::fflush(stdout) == 0 && !std::ferror(stdout);
    const int flushError = errno;
    errno = 0;
    const bool closed = std::fclose(stdout) == 0;
    const int closeError = errno;
    if (written && closed)
        return {};
    const int error = !written && flushError != 0 ? flushError : closeError;
    return CommandLineChecks::tr("cannot write to standard output (%1)")
        .arg(error != 0 ? QString::fromLocal8Bit(std::strerror(error)) : CommandLineChecks::tr("a write failed"));
}

QString CommandLineChecks::problemOf(const QCommandLineParser &parser)
{
    QSet<QString> seen;
    for (const QString &name : parser.optionNames()) {
        if (seen.contains(name))
            return CommandLineChecks::tr("--%1 is given more than once; give it once").arg(name);
        seen.insert(name);
        // A flag has no value; an option with one must not be given ''.
        const QStringList values = parser.values(name);
        if (!values.isEmpty() && values.first().isEmpty())
            return CommandLineChecks::tr("--%1 is given an empty value; give a value, or leave the option out").arg(name);
    }
    return {};
}

QString CommandLineChecks::notUtf8(int argc, const char *const *argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder(argument); // decoding sets hasError()
        if (!decoder.hasError())
            continue;
        QString shown;
        for (const char byte : argument) {
            const auto value = static_cast<unsigned char>(byte);
            shown += value >= 0x20 && value < 0x7f ? QString(QLatin1Char(byte)) : QStringLiteral("\\x%1").arg(value, 2, 16, QLatin1Char('0'));
        }
        return CommandLineChecks::tr("argument %1 (\"%2\") is not valid UTF-8; paths and values must be UTF-8").arg(i).arg(shown);
    }
    return {};
}

QString CommandLineChecks::doesNotApply(const QString &option, const QString &where, const QString &why)
{
    return CommandLineChecks::tr("%1 does not apply to %2 (%3)").arg(option, where, why);
}

} // namespace topup
