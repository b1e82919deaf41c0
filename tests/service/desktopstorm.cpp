// The child of tst_shareddesktopcrash: one of two desktops moving one world on
// PostgreSQL at once. It opens the world at URL (the open reconciles what a
// killed desktop left), signs in, and then, as fast as it can until it is
// killed, moves the world on by a few hours (the engine's top-ups), and now
// and then tops a line up by hand, deposits into the wallet, saves a line's
// rules (a write that settles) or queues a refusal at the provider: every
// kind of write that charges, each under the world's lock, interleaved with
// the other desktop's. The draws come from SEED. It says "moved N" on stdout
// after each of its moves, so the parent kills it only once it is moving,
// and knows when the survivor has gone on after the other's death.
#include "service/service.h"
#include "service/worldlocation.h"
#include "storefixture.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace topup;

namespace {

int fail(const char *what, const QString &error)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(error));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: desktopstorm URL SEED\n");
        return 64;
    }
    const Expected<WorldLocation> location = test::worldFromArgument(QString::fromLocal8Bit(argv[1]));
    if (!location)
        return fail("the URL", location.error());
    // 2027-03-01T08:00:00Z, as the parent's
    Expected<std::unique_ptr<Service>> opened = test::openTestService(*location, Instant::fromMsecs(1'803'888'000'000));
    if (!opened)
        return fail("opening", opened.error());
    Service &service = **opened;
    if (const auto signedIn = service.signIn(QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery")); !signedIn)
        return fail("signing in", signedIn.error());
    const auto lines = service.lines();
    const auto methods = service.methods();
    const auto packages = service.packages();
    if (!lines || !methods || !packages || lines->empty() || methods->size() < 2 || packages->empty())
        return fail("the world", lines ? methods ? packages.error() : methods.error() : lines.error());

    QRandomGenerator draws(QByteArray(argv[2]).toUInt());
    for (int move = 1;; ++move) {
        const LineRecord &line = lines->at(draws.bounded(int(lines->size())));
        const MethodRecord &method = methods->at(draws.bounded(int(methods->size())));
        switch (draws.bounded(8)) {
        case 0: {
            const Expected<ChargeAnswer> charged =
                service.manualTopUp(line.id, packages->at(draws.bounded(int(packages->size()))).id, method.id);
            if (!charged)
                return fail("a manual top-up", charged.error());
            break;
        }
        case 1:
            if (const Expected<void> deposited = service.deposit(methods->back().id, Money::fromCents(5'000)); !deposited)
                return fail("a deposit", deposited.error());
            break;
        case 2: {
            Policy policy = line.policy.value_or(Policy{});
            if (policy.threshold)
                policy.threshold->below = qint64(1 + draws.bounded(3)) * test::gigabyte;
            if (const Expected<void> saved = service.setPolicy(line.id, policy); !saved)
                return fail("saving rules", saved.error());
            break;
        }
        case 3:
            if (const Expected<void> queued = service.injectFault(method.id, {draws.bounded(2) ? Reason::Declined : Reason::GatewayError});
                !queued)
                return fail("a refusal queued", queued.error());
            break;
        default:
            if (const Expected<CatchUpSummary> advanced = service.advanceBy(qint64(2 + draws.bounded(22)) * 3600 * 1000); !advanced)
                return fail("moving the world", advanced.error());
            break;
        }
        std::printf("moved %d\n", move);
        std::fflush(stdout);
    }
}
