// The child of tst_crashrecovery: opens its world (a data folder, or a
// store's database on the test's PostgreSQL server), reconciles, says
// "ready", then runs manual top-ups as fast as it can until it is killed.
// It says "charging" on stdout once its first charge is in the journal and
// the store, so the parent kills it only after it has charged something.
// `catchup`: the world moves forward instead (the engine's charges);
// `group STAGE`: the same with every line's monthly top-up at one instant,
// and the child kills itself the first time a group of several charges
// reaches STAGE of its commit (`intents` or `journal`, ChargeGroup::Stage).
#include "rules/zonedcalendar.h"
#include "service/service.h"
#include "service/chargegroup.h"
#include "service/chargerecorder.h"
#include "service/manualtopup.h"
#include "service/worldlocation.h"
#include "store/journalgateway.h"
#include "sim/xoshiro256.h"
#include "store/database.h"
#include "storefixture.h"
#include "stormworld.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

using namespace topup;

namespace {

ChargeGroup::Stage killStage = ChargeGroup::Stage::JournalCommitted;

// Dies at the chosen stage of the first group of several charges, saying so.
void killAtStage(ChargeGroup::Stage stage, int charges)
{
    if (stage != killStage || charges < 2)
        return;
    std::printf("killed at %s with %d charges\n", stage == ChargeGroup::Stage::IntentsCommitted ? "intents" : "journal", charges);
    std::fflush(stdout);
    std::raise(SIGKILL);
}

// The world moves forward half a day at a time, and now and then ten days in
// one go: the engine charges through the recording gateway while usage,
// retries and states are saved at the end of a catch-up or after a week of
// days (so a kill may fall between a charge and the save of its week).
// With `oneInstant`, every line's monthly top-up falls on the 3rd at 09:00.
int catchUpStorm(const WorldLocation &world, bool oneInstant = false)
{
    auto opened = test::openTestService(world, test::stormNow());
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    Service &service = **opened;
    if (!service.signIn(QStringLiteral("storm@topup.example"), QStringLiteral("storm-password-1"))) {
        if (const auto account = service.signUp(SignUpForm{QStringLiteral("storm@topup.example"), QStringLiteral("storm-password-1"),
                                                           QStringLiteral("EUR"), QStringLiteral("Asia/Tokyo"), Money::fromCents(500000)});
            !account) {
            std::fprintf(stderr, "%s\n", qPrintable(account.error()));
            return 1;
        }
        if (const auto caughtUp = service.catchUpToNow(); !caughtUp) {
            std::fprintf(stderr, "%s\n", qPrintable(caughtUp.error()));
            return 1;
        }
        const auto card = service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Storm"), QStringLiteral("4111111111111111"),
                                                   QStringLiteral("12/30"), QStringLiteral("123"), Money::fromCents(10000000)});
        const auto wallet = service.addWallet(WalletForm{QStringLiteral("storm@topup.example"), Money::fromCents(20000)});
        const auto packages = service.packages();
        for (const QString &error : {card.error(), wallet.error(), packages.error()}) {
            if (!error.isEmpty()) {
                std::fprintf(stderr, "set-up failed: %s\n", qPrintable(error));
                return 1;
            }
        }
        for (int i = 0; i < 4; ++i) {
            const auto line = service.addLine(LineForm{QStringLiteral("Line %1").arg(i), {}, i % 2 ? UsageProfile::Heavy : UsageProfile::Traveller,
                                                       quint64(i), DataAmount(2'000'000'000), VoiceAmount(3600)});
            Policy policy;
            const auto named = [&](const char *name) {
                for (const PackageRecord &record : *packages) {
                    if (record.name == QLatin1String(name))
                        return record.package.id;
                }
                return QString();
            };
            policy.threshold = ThresholdTrigger{Resource::Data, 1'000'000'000, named(i % 2 ? "5 GB data" : "20 GB data")};
            policy.monthly = MonthlyTrigger{oneInstant ? 3 : 1 + 7 * i, 9 * 60, packages->front().package.id};
            policy.method = i % 2 ? card->engineId() : wallet->engineId();
            policy.fallback = i % 2 ? wallet->engineId() : card->engineId();
            if (!line) {
                std::fprintf(stderr, "%s\n", qPrintable(line.error()));
                return 1;
            }
            if (const Expected<void> set = service.setPolicy(line->id, policy); !set) {
                std::fprintf(stderr, "%s\n", qPrintable(set.error()));
                return 1;
            }
        }
    }
    std::printf("ready\n");
    std::fflush(stdout);
    const auto methods = service.methods();
    bool announced = false;
    for (int i = 0;; ++i) {
        if (oneInstant && i > 40) { // more than a hundred days: the monthly top-ups never met
            std::fprintf(stderr, "no group of several charges was made\n");
            return 3;
        }
        if (i % 3 == 0 && methods && !methods->empty())
            (void)service.injectFault(methods->at(std::size_t(i / 3 % 2 < int(methods->size()) ? i / 3 % 2 : 0)).id,
                                      {i % 2 ? Reason::GatewayError : Reason::Declined});
        if (i % 7 == 0 && methods && methods->size() > 1)
            (void)service.deposit(methods->at(1).id, Money::fromCents(3000));
        const auto advanced = service.advanceBy(i % 4 == 3 ? 10 * 24 * 3600 * 1000 : 12 * 3600 * 1000);
        if (!advanced) {
            std::fprintf(stderr, "%s\n", qPrintable(advanced.error()));
            return 1;
        }
        if (!announced) { // the first half day is saved: the world is moving
            std::printf("advancing\n");
            std::fflush(stdout);
            announced = true;
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: crashstorm WORLD SEED [catchup | group intents|journal]\n"
                             "  WORLD: a data folder, or the store's postgresql:// URL\n");
        return 64;
    }
    const Expected<WorldLocation> location = test::worldFromArgument(QString::fromLocal8Bit(argv[1]));
    if (!location) {
        std::fprintf(stderr, "%s\n", qPrintable(location.error()));
        return 64;
    }
    // On PostgreSQL a run's group of two charges or more commits beside the
    // save's usage, on a thread of its own (ChargeGroup::commitBeside), so
    // the kills land there too.
    ChargeGroup::setBesideFrom(2);
    if (argc == 4 && QByteArray(argv[3]) == "catchup")
        return catchUpStorm(*location);
    if (argc == 5 && QByteArray(argv[3]) == "group") {
        killStage = QByteArray(argv[4]) == "intents" ? ChargeGroup::Stage::IntentsCommitted : ChargeGroup::Stage::JournalCommitted;
        ChargeGroup::setStageHook(killAtStage);
        return catchUpStorm(*location, true);
    }
    if (argc != 3) {
        std::fprintf(stderr, "usage: crashstorm WORLD SEED [catchup | group intents|journal]\n");
        return 64;
    }
    Expected<test::StormWorld> opened = test::openStormWorld(*location, test::Claim::Folder);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    const test::StormWorld world = opened.take();
    Database &store = *world.store;
    JournalGateway &journal = *world.journal;
    if (const Expected<void> made = test::ensureStormWorld(store, journal); !made) {
        std::fprintf(stderr, "%s\n", qPrintable(made.error()));
        return 1;
    }
    ChargeRecorder recorder(store, journal);
    if (const Expected<int> reconciled = recorder.reconcile(); !reconciled) {
        std::fprintf(stderr, "%s\n", qPrintable(reconciled.error()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);

    const quint64 seed = QByteArray(argv[2]).toULongLong();
    Xoshiro256 random(seed);
    const ZonedCalendar calendar(QTimeZone("Europe/Paris"));
    ManualTopUp topUp(store, recorder);
    bool announced = false;
    for (qint64 i = 0;; ++i) {
        const qint64 method = 1 + random.below(2);
        if (random.below(8) == 0) {
            const std::vector<Reason> faults{random.below(2) ? Reason::Declined : Reason::GatewayError};
            (void)journal.queueFaults(method == 1 ? QStringLiteral("tok-card") : QStringLiteral("tok-wallet"), faults);
        }
        const Instant now = Instant::fromMsecs(1'800'000'000'000 + qint64(seed) * 86'400'000 + i * 1000);
        const Expected<ChargeAnswer> charged = topUp.run(1, 1 + random.below(2), method, 1 + random.below(2), now, calendar);
        if (charged && !announced) { // journaled and written down: the storm has started
            std::printf("charging\n");
            std::fflush(stdout);
            announced = true;
        }
    }
}
