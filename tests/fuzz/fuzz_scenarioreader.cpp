// libFuzzer target: the scenario reader must never crash, hang or read out
// of bounds on any input, and a scenario it accepts must be writable as a
// result. The engine is not run: a valid file may ask for billions of events.
#include "engine/outcome.h"
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
    } else if (result.problems.empty()) {
        __builtin_trap(); // refused without saying why
    }
    return 0;
}
