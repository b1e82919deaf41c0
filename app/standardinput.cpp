#include "standardinput.h"

#include <QString>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include <poll.h>
#include <unistd.h>

namespace topup {

StandardInput::StandardInput(QObject *parent)
    : QIODevice(parent)
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

qint64 StandardInput::readData(char *data, qint64 maxSize)
{
    const std::size_t size = std::size_t(std::min<qint64>(maxSize, SSIZE_MAX));
    while (true) {
        const ssize_t got = ::read(STDIN_FILENO, data, size);
        if (got >= 0)
            return got; // 0: the end
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            // Non-blocking and nothing there yet: wait until there is.
            pollfd input{STDIN_FILENO, POLLIN, 0};
            if (::poll(&input, 1, -1) >= 0 || errno == EINTR)
                continue;
        }
        m_failed = true;
        setErrorString(QString::fromLocal8Bit(std::strerror(errno)));
        return -1;
    }
}

qint64 StandardInput::writeData(const char *, qint64)
{
    return -1;
}

} // namespace topup
