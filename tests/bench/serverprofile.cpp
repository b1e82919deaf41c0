#include "serverprofile.h"

#include "postgresserver.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <cstdio>
#include <map>
#include <vector>

#include <unistd.h>

namespace topup::bench {
namespace {

// A connection to the server's own database as its superuser, for `use`.
bool onServer(const test::PostgresServer &server, const std::function<bool(QSqlQuery &)> &use)
{
    const QString connection = QStringLiteral("bench_server_settings");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(server.socketDirectory());
        db.setPort(test::PostgresServer::port);
        db.setUserName(QLatin1String(test::PostgresServer::userName));
        db.setDatabaseName(QLatin1String(test::PostgresServer::defaultDatabase));
        ok = db.open();
        QSqlQuery query(db);
        ok = ok && use(query);
        if (!ok)
            std::fprintf(stderr, "the benchmark's server: %s\n", qPrintable(query.lastError().text() + db.lastError().text()));
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

bool runOnServer(const test::PostgresServer &server, const QString &statement)
{
    return onServer(server, [&](QSqlQuery &query) { return query.exec(statement); });
}

bool logStatements(const test::PostgresServer &server, bool on)
{
    return onServer(server, [&](QSqlQuery &query) {
        bool ok = query.exec(QStringLiteral("ALTER SYSTEM SET log_min_duration_statement = %1").arg(on ? 0 : -1))
                  && query.exec(QStringLiteral("SELECT pg_reload_conf()"));
        // Until this connection's backend has read it again (the others get the same signal).
        for (int i = 0; ok && i < 1000; ++i) {
            ok = query.exec(QStringLiteral("SHOW log_min_duration_statement")) && query.next();
            if (ok && (query.value(0).toString() == QLatin1String("0")) == on)
                break;
            usleep(1000);
        }
        return ok;
    });
}

double serverCpuSeconds(qint64 serverPid)
{
    const double tick = double(sysconf(_SC_CLK_TCK));
    double seconds = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (!number)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // pid (comm) state ppid … utime stime: fields 4, 14 and 15; comm may hold spaces.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            continue;
        if (pid != serverPid && fields[1].toLongLong() != serverPid)
            continue;
        seconds += double(fields[11].toLongLong() + fields[12].toLongLong()) / tick;
        // The server's own line also counts its children that ended (cutime,
        // cstime: a backend whose connection closed between two readings).
        if (pid == serverPid)
            seconds += double(fields[13].toLongLong() + fields[14].toLongLong()) / tick;
    }
    return seconds;
}

void printStatements(const QString &logPath, qint64 offset)
{
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly) || !log.seek(offset))
        return;
    struct Kind final
    {
        int count = 0;
        double ms = 0;
    };
    std::map<QString, Kind> kinds;
    int total = 0;
    double totalMs = 0;
    QString pending; // an EXECUTE waiting for its DETAIL
    double pendingMs = 0;
    const auto count = [&](const QString &kind, double ms) {
        Kind &each = kinds[kind.simplified().left(150)];
        ++each.count;
        each.ms += ms;
        ++total;
        totalMs += ms;
    };
    const QRegularExpression duration(QStringLiteral("LOG:  duration: ([0-9.]+) ms  (statement|execute [^:]*|parse [^:]*|bind [^:]*): (.*)$"));
    const QRegularExpression prepared(QStringLiteral("DETAIL:  prepare: PREPARE \\S+ AS (.*)$"));
    QStringList checkpoints; // the server's own writes meanwhile
    while (!log.atEnd()) {
        const QString line = QString::fromUtf8(log.readLine()).trimmed();
        if (line.contains(QLatin1String("LOG:  checkpoint"))) {
            checkpoints << line.section(QLatin1String("LOG:  "), 1).left(160);
            continue;
        }
        if (const QRegularExpressionMatch found = prepared.match(line); found.hasMatch() && !pending.isEmpty()) {
            count(QStringLiteral("EXECUTE ") + found.captured(1), pendingMs);
            pending.clear();
            continue;
        }
        const QRegularExpressionMatch found = duration.match(line);
        if (!found.hasMatch())
            continue;
        if (!pending.isEmpty())
            count(pending, pendingMs);
        pending.clear();
        const QString text = found.captured(3);
        const double ms = found.captured(1).toDouble();
        if (text.startsWith(QLatin1String("EXECUTE "))) {
            pending = text.section(QLatin1Char(' '), 0, 1);
            pendingMs = ms;
        } else if (text.startsWith(QLatin1String("PREPARE "))) {
            count(QStringLiteral("PREPARE ") + text.section(QLatin1Char(' '), 3), ms);
        } else if (text.startsWith(QLatin1String("DEALLOCATE "))) {
            count(QStringLiteral("DEALLOCATE"), ms);
        } else {
            count(text, ms);
        }
    }
    if (!pending.isEmpty())
        count(pending, pendingMs);
    std::vector<std::pair<QString, Kind>> sorted(kinds.begin(), kinds.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second.count > b.second.count; });
    std::printf("  %d statements (round trips), %.0f ms of the server's time on them:\n", total, totalMs);
    for (const auto &[kind, each] : sorted)
        std::printf("  %7d  %9.1f ms  %s\n", each.count, each.ms, qPrintable(kind));
    for (const QString &checkpoint : checkpoints)
        std::printf("  meanwhile: %s\n", qPrintable(checkpoint));
}

} // namespace topup::bench
