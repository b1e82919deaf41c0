#pragma once

// What every benchmark prints beside its figures: the load average at the
// time, the CPU time the process used (on a loaded machine the wall time is
// mostly waiting), and a query's time.
#include <QElapsedTimer>
#include <QFile>
#include <QString>

#include <sys/resource.h>

namespace topup::bench {

// /proc/loadavg as it reads now ("?" where there is none).
inline QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll().trimmed());
}

// The CPU time the process used so far (user + system), in seconds.
inline double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The CPU time the calling thread used so far (user + system), in seconds:
// the catch-up's own path, without what other threads (the store's
// checkpoint) did beside it.
inline double threadCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// How long `query` took, in ms; -1 when it failed.
template<typename Query>
double timedMs(Query query)
{
    QElapsedTimer timer;
    timer.start();
    if (!query())
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace topup::bench
