// libFuzzer target: the scenario reader must never crash, hang or read out
// of bounds on any input, and a scenario it accepts must be writable as a
// result. The engine runs on the small ones (a valid file may still ask for
// 50 million usage events): it must not overflow (UBSan is fatal here) and
// must either finish or stop with an error that says why.
#include "engine/engine.h"
#include "scenario/resultwriter.h"
#include "scenario/scenarioreader.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const topup::ScenarioReader::Result result = topup::ScenarioReader::read(json);
    if (result.world) {
        topup::Outcome empty;
        (void)topup::writeResult(*result.world, empty);
        topup::World world = *result.world;
        constexpr qint64 twoYears = qint64(731) * 24 * 3600 * 1000;
        qint64 samples = 0;
        for (const topup::UsageStream &stream : world.streams)
            samples += (world.end.msecs() - world.start.msecs()) / (stream.everySeconds * 1000) + 1;
        if (world.end.msecs() - world.start.msecs() <= twoYears && samples <= 20000) {
            world.attemptLimit = 2000;
            topup::Engine engine(world);
            const topup::Outcome outcome = engine.run();
            if (outcome.error && outcome.error->message.isEmpty())
                __builtin_trap(); // stopped without saying why
            if (!outcome.error)
                (void)topup::writeResult(world, outcome);
        }
    } else if (result.problems.empty()) {
        __builtin_trap(); // refused without saying why
    }
    return 0;
}
