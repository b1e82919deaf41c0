// Catching up after a long absence: one account with 20 lines (every usage
// profile, threshold and monthly policies, a card and a wallet as fallback)
// left for a year, then Service::catchUpToNow over the whole span, timed.
// Each run uses a new data folder; min and median over the runs.
//
//   build/tests/bench/bench_catchup [runs] [days] [keep-dir]   (default 3 runs of 365 days)
//
// Each run also prints what the store holds on disk, table by table (with
// its indexes, from SQLite's dbstat), and per line-year: what a year of a
// fleet costs on disk.
//
// With keep-dir (a new folder), one run builds its world there and keeps it:
// the history the desktop app's --profile-startup is measured on, e.g.
//   build/tests/bench/bench_catchup 1 730 /tmp/history
//   build/app/topup-dashboard --data-dir /tmp/history --now 2029-01-01T06:00:00Z --profile-startup
#include "service/service.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace topup;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
constexpr qint64 dayMs = 24LL * 3600 * 1000;

QString packageId(const std::vector<PackageRecord> &packages, const char *name)
{
    for (const PackageRecord &record : packages) {
        if (record.name == QLatin1String(name))
            return record.package.id;
    }
    return QString();
}

// The world at `start`, twenty lines, nothing run yet.
Expected<void> buildWorld(Service &service, Instant start)
{
    using Result = Expected<void>;
    if (const Expected<void> clock = service.startClockAt(start); !clock)
        return clock;
    const SignUpForm form{QStringLiteral("bench@example.com"), QStringLiteral("Bench-Catch-Up-2027"), QStringLiteral("EUR"),
                          QStringLiteral("Europe/Berlin"), Money::fromCents(300000)};
    if (const Expected<Account> account = service.signUp(form); !account)
        return Result::failure(account.error());
    const Expected<MethodRecord> card = service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Bench User"),
                                                                 QStringLiteral("4111 1111 1111 1111"), QStringLiteral("09/31"),
                                                                 QStringLiteral("123"), Money::fromCents(2000000)});
    if (!card)
        return Result::failure(card.error());
    const Expected<MethodRecord> wallet = service.addWallet(WalletForm{QStringLiteral("bench@example.com"), Money::fromCents(50000)});
    if (!wallet)
        return Result::failure(wallet.error());
    const Expected<std::vector<PackageRecord>> packages = service.packages();
    if (!packages)
        return Result::failure(packages.error());
    const UsageProfile profiles[] = {UsageProfile::Light, UsageProfile::Regular, UsageProfile::Heavy, UsageProfile::Traveller};
    for (int i = 0; i < 20; ++i) {
        const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Line %1").arg(i + 1), QStringLiteral("Germany"),
                                                                   profiles[i % 4], quint64(1000 + i), DataAmount(3 * gigabyte),
                                                                   VoiceAmount(60 * 60)});
        if (!line)
            return Result::failure(line.error());
        Policy policy;
        if (i % 3 != 2)
            policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageId(*packages, i % 4 == 2 ? "20 GB data" : "5 GB data")};
        if (i % 3 != 0)
            policy.monthly = MonthlyTrigger{1 + (i * 7) % 31, 9 * 60, packageId(*packages, "10 GB + 300 minutes")};
        if (i % 5 == 4)
            policy.monthlyCap = Money::fromCents(4000); // some top-ups are blocked
        policy.method = (i % 4 == 3 ? wallet : card)->engineId();
        if (i % 4 != 3)
            policy.fallback = wallet->engineId();
        if (const Expected<void> set = service.setPolicy(line->id, policy); !set)
            return set;
    }
    return {};
}

// The store's pages by table (an index counted with its table), in bytes,
// printed with the size per line-year.
void printDisk(const QString &storePath, int lines, int days)
{
    const QString connection = QStringLiteral("bench_catchup_disk");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(storePath);
        QSqlQuery query(db);
        if (!db.open() || !query.exec(QStringLiteral("SELECT coalesce(m.tbl_name, s.name), sum(s.pgsize) FROM dbstat s"
                                                     " LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY 1 ORDER BY 2 DESC"))) {
            std::printf("disk: could not read dbstat\n");
        } else {
            const double lineYears = double(lines) * double(days) / 365.0;
            qint64 total = 0;
            QStringList parts;
            while (query.next()) {
                total += query.value(1).toLongLong();
                if (parts.size() < 5)
                    parts << QStringLiteral("%1 %2 KB (%3 KB a line-year)")
                                 .arg(query.value(0).toString())
                                 .arg(double(query.value(1).toLongLong()) / 1024.0, 0, 'f', 0)
                                 .arg(double(query.value(1).toLongLong()) / 1024.0 / lineYears, 0, 'f', 1);
            }
            std::printf("disk: store %.0f KB, %.1f KB a line-year; %s\n", double(total) / 1024.0, double(total) / 1024.0 / lineYears,
                        qPrintable(parts.join(QStringLiteral(", "))));
        }
    }
    QSqlDatabase::removeDatabase(connection);
}

struct Run
{
    double seconds = 0;
    CatchUpSummary summary;
    std::size_t attempts = 0;
    int progressReports = 0;
};

Expected<Run> runOnce(int days, const QString &keepDir)
{
    using Result = Expected<Run>;
    const Instant start = *Instant::parse(u"2027-01-01T06:00:00Z");
    QTemporaryDir dir;
    Service::Options options;
    options.location = WorldLocation::folder(keepDir.isEmpty() ? dir.path() : keepDir);
    options.fixedNow = start.plusMsecs(qint64(days) * dayMs);
    options.passwordIterations = 1000; // signing up is not what is measured
    Expected<std::unique_ptr<Service>> opened = Service::open(options);
    if (!opened)
        return Result::failure(opened.error());
    Service &service = **opened;
    if (const Expected<void> built = buildWorld(service, start); !built)
        return Result::failure(built.error());
    Run run;
    QElapsedTimer timer;
    timer.start();
    const Expected<CatchUpSummary> summary = service.catchUpToNow([&](Instant, Instant) { ++run.progressReports; });
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!summary)
        return Result::failure(summary.error());
    run.summary = *summary;
    const Expected<std::vector<AttemptRow>> attempts = service.attempts(10000000);
    if (!attempts)
        return Result::failure(attempts.error());
    run.attempts = attempts->size();
    printDisk(QDir(options.location.dataDir()).filePath(QStringLiteral("topup.sqlite")), 20, days);
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    const int days = argc > 2 ? std::max(1, atoi(argv[2])) : 365;
    const QString keepDir = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString();
    std::vector<double> seconds;
    for (int i = 0; i < (keepDir.isEmpty() ? runs : 1); ++i) {
        const Expected<Run> run = runOnce(days, keepDir);
        if (!run) {
            std::fprintf(stderr, "bench_catchup: %s\n", qPrintable(run.error()));
            return 1;
        }
        seconds.push_back(run->seconds);
        std::printf("run %d: %.3f s; %lld usage samples, %zu attempts (%d top-ups, %d failed, %d blocked, %s spent), %d progress reports\n",
                    i + 1, run->seconds, static_cast<long long>(run->summary.usageSamples), run->attempts, run->summary.topUps,
                    run->summary.failures, run->summary.blocked, qPrintable(run->summary.spend.toString()), run->progressReports);
        std::fflush(stdout);
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("catch-up of 20 lines x %d days, %d runs: min %.3f s, median %.3f s\n", days, runs, seconds.front(),
                seconds[seconds.size() / 2]);
    return 0;
}
