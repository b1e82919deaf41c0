#include "quantityparser.h"

#include "asciidigits.h"

#include <QCoreApplication>

#include <algorithm>

namespace topup {
namespace {

class Quantity final
{
    Q_DECLARE_TR_FUNCTIONS(Quantity)
};

char asciiLower(char16_t c)
{
    return char(c >= u'A' && c <= u'Z' ? c - u'A' + u'a' : c);
}

// `text` is `name`, case aside. ASCII text is compared here (amounts are read
// for every event); other text goes through Qt's case folding, under which
// some other letters match ASCII ones (U+212A KELVIN SIGN is a 'k').
bool isUnit(QStringView text, bool ascii, const char *name)
{
    if (!ascii)
        return text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    qsizetype i = 0;
    for (; name[i] != '\0'; ++i) {
        if (i >= text.size() || asciiLower(text[i].unicode()) != asciiLower(char16_t(name[i])))
            return false;
    }
    return i == text.size();
}

} // namespace

Expected<qint64> parseQuantity(QStringView text, std::initializer_list<QuantityUnit> units)
{
    // Built only when the text is wrong: parsing is on the path of every event.
    const auto quoted = [text] { return text.left(64).toString(); };
    const auto notAnAmount = [&quoted] {
        return Expected<qint64>::failure(Quantity::tr("not an amount (got \"%1\")").arg(quoted()),
                                         Quantity::tr("Not an amount (got \"%1\").").arg(quoted()));
    };
    if (text.isEmpty())
        return Expected<qint64>::failure(Quantity::tr("not an amount (empty)"), Quantity::tr("Not an amount (empty)."));
    if (text.front() == QLatin1Char('-'))
        return Expected<qint64>::failure(Quantity::tr("must not be negative (got \"%1\")").arg(quoted()),
                                         Quantity::tr("Must not be negative (got \"%1\").").arg(quoted()));

    qsizetype pos = 0;
    qint64 whole = 0;
    bool overflow = false;
    while (pos < text.size() && isAsciiDigit(text[pos])) {
        if (__builtin_mul_overflow(whole, qint64(10), &whole)
            || __builtin_add_overflow(whole, qint64(text[pos].unicode() - '0'), &whole))
            overflow = true;
        ++pos;
    }
    if (pos == 0)
        return notAnAmount();

    qint64 micros = 0; // fractional part in millionths
    if (pos < text.size() && text[pos] == QLatin1Char('.')) {
        ++pos;
        int count = 0;
        while (pos < text.size() && isAsciiDigit(text[pos])) {
            if (++count > 6)
                return Expected<qint64>::failure(Quantity::tr("more than 6 decimals (got \"%1\")").arg(quoted()),
                                                         Quantity::tr("More than 6 decimals (got \"%1\").").arg(quoted()));
            micros = micros * 10 + (text[pos].unicode() - '0');
            ++pos;
        }
        if (count == 0)
            return notAnAmount();
        for (int i = count; i < 6; ++i)
            micros *= 10;
    }
    if (pos < text.size() && text[pos] == QLatin1Char(' '))
        ++pos;

    const QStringView unitText = text.mid(pos);
    if (unitText.isEmpty())
        return Expected<qint64>::failure(Quantity::tr("missing unit (got \"%1\")").arg(quoted()),
                                         Quantity::tr("Missing unit (got \"%1\").").arg(quoted()));
    const bool ascii = std::all_of(unitText.begin(), unitText.end(), [](QChar c) { return c.unicode() < 0x80; });
    const QuantityUnit *unit = nullptr;
    for (const QuantityUnit &candidate : units) {
        if (isUnit(unitText, ascii, candidate.name)) {
            unit = &candidate;
            break;
        }
    }
    if (!unit) {
        for (QChar c : unitText) {
            if (!c.isLetter())
                return notAnAmount();
        }
        return Expected<qint64>::failure(Quantity::tr("unknown unit \"%1\"").arg(unitText.left(16).toString()),
                                         Quantity::tr("Unknown unit \"%1\".").arg(unitText.left(16).toString()));
    }

    // micros * scale fits: 999999 * 2^40 < 2^63.
    const qint64 fraction = (micros * unit->scale + 500000) / 1000000;
    qint64 total = 0;
    if (overflow || __builtin_mul_overflow(whole, unit->scale, &total)
        || __builtin_add_overflow(total, fraction, &total))
        return Expected<qint64>::failure(Quantity::tr("too large (got \"%1\")").arg(quoted()),
                                         Quantity::tr("Too large (got \"%1\").").arg(quoted()));
    return total;
}

} // namespace topup
