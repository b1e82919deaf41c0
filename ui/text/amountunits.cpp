#include "amountunits.h"

#include "domain/dataamount.h"
#include "domain/voiceamount.h"

#include <array>

namespace topup {
namespace {

struct Unit final
{
    const char *name;
    qint64 size;
    bool belowOne; // also for amounts under one of it ("0.5 MB")
};

constexpr int maxDecimals = 6; // SPEC §1: up to 6 decimals

constexpr std::array<Unit, 2> decimalUnits{{{"GB", 1000LL * 1000 * 1000, false}, {"MB", 1000LL * 1000, true}}};
constexpr std::array<Unit, 3> binaryUnits{{{"GiB", 1024LL * 1024 * 1024, false}, {"MiB", 1024LL * 1024, true}, {"KiB", 1024, true}}};

// amount / size with `decimals` decimals, rounded half-up, in integers only
// (a remainder below 2^30 times 10^6 fits a qint64).
QString inUnit(qint64 amount, qint64 size, int decimals)
{
    qint64 whole = amount / size;
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    qint64 fraction = (2 * (amount % size) * scale + size) / (2 * size);
    if (fraction == scale) {
        ++whole;
        fraction = 0;
    }
    QString text = QString::number(whole);
    if (decimals > 0)
        text += QLatin1Char('.') + QStringLiteral("%1").arg(fraction, decimals, 10, QLatin1Char('0'));
    return text;
}

bool readsBack(const QString &number, const char *unit, qint64 amount)
{
    const Expected<DataAmount> back = DataAmount::parse(QString(number + QLatin1Char(' ') + QLatin1String(unit)));
    return back && back->bytes() == amount;
}

// The first unit (largest first, GB only from 1 GB on) whose number reads
// back exactly; the smallest unit otherwise (always exact: 1 B is 0.000001 MB,
// and 0.001 KiB is 1.024 B).
template<std::size_t N>
AmountInUnits splitData(qint64 amount, const std::array<Unit, N> &units)
{
    for (std::size_t i = 0; i < N; ++i) {
        const Unit &unit = units[i];
        const bool last = i + 1 == N;
        if (!unit.belowOne && amount < unit.size)
            continue;
        for (int decimals = 0; decimals <= maxDecimals; ++decimals) {
            const QString number = inUnit(amount, unit.size, decimals);
            if (readsBack(number, unit.name, amount))
                return {number, QLatin1String(unit.name)};
        }
        if (last)
            return {inUnit(amount, unit.size, maxDecimals), QLatin1String(unit.name)};
    }
    return {};
}

} // namespace

AmountInUnits AmountUnits::split(Resource resource, qint64 amount, DataUnits units)
{
    if (resource == Resource::Data) {
        if (amount < 0)
            amount = 0; // no stored amount is negative; never a "-" a person cannot type back
        return units == DataUnits::Binary ? splitData(amount, binaryUnits) : splitData(amount, decimalUnits);
    }
    if (amount > 0 && amount % 3600 == 0)
        return {QString::number(amount / 3600), QStringLiteral("h")};
    if (amount % 60 == 0)
        return {QString::number(amount / 60), QStringLiteral("min")};
    return {QString::number(amount), QStringLiteral("s")};
}

QStringList AmountUnits::choices(Resource resource, DataUnits units)
{
    if (resource == Resource::Voice)
        return {QStringLiteral("s"), QStringLiteral("min"), QStringLiteral("h")};
    if (units == DataUnits::Binary)
        return {QStringLiteral("MiB"), QStringLiteral("GiB")};
    return {QStringLiteral("MB"), QStringLiteral("GB")};
}

QString AmountUnits::unitName(const QString &unit)
{
    if (unit == QLatin1String("KB"))
        return tr("KB");
    if (unit == QLatin1String("MB"))
        return tr("MB");
    if (unit == QLatin1String("GB"))
        return tr("GB");
    if (unit == QLatin1String("KiB"))
        return tr("KiB");
    if (unit == QLatin1String("MiB"))
        return tr("MiB");
    if (unit == QLatin1String("GiB"))
        return tr("GiB");
    if (unit == QLatin1String("s"))
        //: Seconds, the unit
        return tr("s");
    if (unit == QLatin1String("min"))
        //: Minutes, the unit
        return tr("min");
    if (unit == QLatin1String("h"))
        //: Hours, the unit
        return tr("h");
    return unit;
}

QString AmountUnits::text(Resource resource, qint64 amount, DataUnits units)
{
    const AmountInUnits split = AmountUnits::split(resource, amount, units);
    //: An amount and its unit, e.g. "500 MB", "90 min"
    return tr("%1 %2").arg(split.number, unitName(split.unit));
}

} // namespace topup
