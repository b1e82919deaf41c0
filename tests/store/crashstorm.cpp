// The child of tst_crashrecovery: opens the data folder, reconciles, says
// "ready", then runs manual top-ups as fast as it can until it is killed.
#include "rules/zonedcalendar.h"
#include "service/chargerecorder.h"
#include "service/manualtopup.h"
#include "sim/journalgateway.h"
#include "sim/xoshiro256.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/storeschema.h"
#include "stormworld.h"

#include <QCoreApplication>

#include <cstdio>

using namespace topup;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: crashstorm DIR SEED\n");
        return 64;
    }
    auto directory = DataDirectory::claim(QString::fromLocal8Bit(argv[1]));
    if (!directory) {
        std::fprintf(stderr, "%s\n", qPrintable(directory.error()));
        return 1;
    }
    auto store = Database::open((*directory)->storePath(), storeSchema());
    auto journal = JournalGateway::open((*directory)->journalPath());
    if (!store || !journal) {
        std::fprintf(stderr, "%s\n", qPrintable(store ? journal.error() : store.error()));
        return 1;
    }
    if (const Expected<bool> world = test::ensureStormWorld(**store, **journal); !world) {
        std::fprintf(stderr, "%s\n", qPrintable(world.error()));
        return 1;
    }
    ChargeRecorder recorder(**store, **journal);
    if (const Expected<int> reconciled = recorder.reconcile(); !reconciled) {
        std::fprintf(stderr, "%s\n", qPrintable(reconciled.error()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);

    const quint64 seed = QByteArray(argv[2]).toULongLong();
    Xoshiro256 random(seed);
    const ZonedCalendar calendar(QTimeZone("Europe/Paris"));
    ManualTopUp topUp(**store, recorder);
    for (qint64 i = 0;; ++i) {
        const qint64 method = 1 + random.below(2);
        if (random.below(8) == 0) {
            const std::vector<Reason> faults{random.below(2) ? Reason::Declined : Reason::GatewayError};
            (void)(*journal)->queueFaults(method == 1 ? QStringLiteral("tok-card") : QStringLiteral("tok-wallet"), faults);
        }
        const Instant now = Instant::fromMsecs(1'800'000'000'000 + qint64(seed) * 86'400'000 + i * 1000);
        (void)topUp.run(1, 1 + random.below(2), method, 1 + random.below(2), now, calendar);
    }
}
