// libFuzzer target: the text parsers of SPEC §1. The first byte picks the
// parser, the rest is the text. Whatever parses must format and parse back.
#include "domain/currency.h"
#include "domain/dataamount.h"
#include "domain/instant.h"
#include "domain/money.h"
#include "domain/voiceamount.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 5) {
    case 0:
        if (const auto amount = topup::DataAmount::parse(text); amount && amount->bytes() < 0)
            __builtin_trap();
        break;
    case 1:
        if (const auto amount = topup::VoiceAmount::parse(text); amount && amount->seconds() < 0)
            __builtin_trap();
        break;
    case 2:
        if (const auto money = topup::Money::parse(text)) {
            const auto again = topup::Money::parse(money->toString());
            if (!again || *again != *money)
                __builtin_trap();
        }
        break;
    case 3: {
        const auto instant = topup::Instant::parse(text);
        if (instant) {
            const auto again = topup::Instant::parse(instant->toString());
            if (!again || *again != *instant)
                __builtin_trap();
        }
        // The fast reading of the common forms reads what parse() does, and
        // every text without a fraction that parse() reads.
        const auto fast = topup::Instant::parseWholeSeconds(std::string_view(reinterpret_cast<const char *>(data + 1), size - 1));
        if (fast && (!instant || *fast != *instant))
            __builtin_trap();
        if (!fast && instant && !text.contains(QLatin1Char('.')))
            __builtin_trap();
        break;
    }
        break;
    case 4:
        (void)topup::parseCurrency(text);
        break;
    }
    return 0;
}
