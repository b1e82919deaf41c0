// Two desktops on one world on PostgreSQL: how long after rules are saved
// on one the other has heard it (LISTEN/NOTIFY: its linesChanged signal)
// and reads the new rules. Both Services run in this process, each on
// connections of its own, on a PostgreSQL server the benchmark starts
// itself (as the tests do: a cluster in a temporary folder, a Unix socket
// only). Each round saves the line's rules on the first (a threshold of 1
// or 2 GB, in turn), then runs the event loop until the second says the
// line changed and reads its rules back. The target: within 1 s.
//
//   build/tests/bench/bench_shareddesktops [rounds]
#include "postgresserver.h"
#include "benchmeasure.h"
#include "service/service.h"
#include "service/worldonserver.h"
#include "store/databaseurl.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace topup;
using topup::bench::loadAverage;

namespace {

constexpr qint64 gigabyte = 1000LL * 1000 * 1000;

int fail(const QString &what)
{
    std::fprintf(stderr, "bench_shareddesktops: %s\n", qPrintable(what));
    return 1;
}

Expected<std::unique_ptr<Service>> openDesktop(const DatabaseUrl &url)
{
    Service::Options options;
    options.location = WorldLocation::database(url);
    options.fixedNow = *Instant::parse(u"2027-03-15T10:00:00Z");
    options.passwordIterations = 1000; // signing in is not what is measured
    return Service::open(options);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, atoi(argv[1])) : 50;
    test::PostgresServer server(test::PostgresServer::Place::Disk);
    if (const Expected<void> started = server.start(); !started)
        return fail(started.error());
    const Expected<DatabaseUrl> url = DatabaseUrl::parse(server.url(QStringLiteral("bench")));
    if (!url)
        return fail(url.error());
    const Expected<DatabaseUrl> journal = WorldOnServer::journalOf(*url);
    if (!journal)
        return fail(journal.error());
    for (const QString &database : {url->database(), journal->database()}) {
        if (const Expected<void> created = server.createDatabase(database); !created)
            return fail(created.error());
    }

    // The world: one account, a wallet, a line with rules; the second desktop signed in too.
    Expected<std::unique_ptr<Service>> first = openDesktop(*url);
    if (!first)
        return fail(first.error());
    const Expected<Account> account = (*first)->signUp(SignUpForm{QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery"),
                                                                  QStringLiteral("EUR"), QStringLiteral("Europe/Paris"), std::nullopt});
    if (!account)
        return fail(account.error());
    if (const Expected<CatchUpSummary> caughtUp = (*first)->catchUpToNow(); !caughtUp)
        return fail(caughtUp.error());
    const Expected<MethodRecord> wallet = (*first)->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(100'000)});
    if (!wallet)
        return fail(wallet.error());
    const Expected<LineRecord> line =
        (*first)->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Regular, 7, DataAmount(20 * gigabyte), {}});
    if (!line)
        return fail(line.error());
    const Expected<std::vector<PackageRecord>> packages = (*first)->packages();
    if (!packages || packages->empty())
        return fail(packages ? QStringLiteral("no packages") : packages.error());
    Expected<std::unique_ptr<Service>> second = openDesktop(*url);
    if (!second)
        return fail(second.error());
    if (const Expected<Account> signedIn = (*second)->signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery"));
        !signedIn)
        return fail(signedIn.error());

    bool heard = false;
    QObject::connect(second->get(), &Service::linesChanged, [&heard, &line](const QList<qint64> &ids) {
        if (ids.contains(line->id))
            heard = true;
    });
    std::vector<double> delayMs;
    std::vector<double> saveMs;
    std::vector<double> afterSaveMs;
    for (int round = 0; round < rounds; ++round) {
        Policy policy;
        const qint64 below = (1 + round % 2) * gigabyte;
        policy.threshold = ThresholdTrigger{Resource::Data, below, packages->front().package.id};
        policy.method = wallet->engineId();
        heard = false;
        QElapsedTimer timer;
        timer.start();
        if (const Expected<void> saved = (*first)->setPolicy(line->id, policy); !saved)
            return fail(saved.error());
        saveMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        // The second desktop's event loop runs until it has heard (or 10 s: a failure).
        QEventLoop loop;
        QTimer giveUp;
        giveUp.setSingleShot(true);
        QObject::connect(&giveUp, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(second->get(), &Service::linesChanged, &loop, &QEventLoop::quit);
        giveUp.start(10'000);
        if (!heard)
            loop.exec();
        if (!heard)
            return fail(QStringLiteral("round %1: the second desktop did not hear the save within 10 s").arg(round));
        const Expected<std::vector<LineRecord>> seen = (*second)->lines();
        if (!seen || seen->empty() || !seen->front().policy || !seen->front().policy->threshold
            || seen->front().policy->threshold->below != below)
            return fail(QStringLiteral("round %1: the second desktop does not read the new rules").arg(round));
        delayMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        afterSaveMs.push_back(delayMs.back() - saveMs.back());
    }
    const auto summary = [](std::vector<double> ms) {
        std::sort(ms.begin(), ms.end());
        return QStringLiteral("min %1 ms, median %2 ms, max %3 ms")
            .arg(ms.front(), 0, 'f', 1)
            .arg(ms[ms.size() / 2], 0, 'f', 1)
            .arg(ms.back(), 0, 'f', 1);
    };
    std::printf("two desktops on one PostgreSQL world, %d rounds: rules saved on one, heard and read on the other\n", rounds);
    std::printf("  from the save's start until the other has read the new rules: %s (target: within 1 s)\n", qPrintable(summary(delayMs)));
    std::printf("  of which the save itself (with its settle): %s\n", qPrintable(summary(saveMs)));
    std::printf("  and from the save's return (the notice heard, the rules read): %s\n", qPrintable(summary(afterSaveMs)));
    std::printf("  load average: %s\n", qPrintable(loadAverage()));
    return *std::max_element(delayMs.begin(), delayMs.end()) <= 1000 ? 0 : 2;
}
