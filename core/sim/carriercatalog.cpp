#include "carriercatalog.h"

#include <QCoreApplication>

#include <array>
#include <algorithm>

namespace topup {
namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;

// The currencies, in the order of a price point's figures.
constexpr std::array<const char *, 4> currencyCodes = {"EUR", "USD", "GBP", "CNY"};

// Price points in minor units, one figure per currency above.
constexpr qint64 pricePoints[][currencyCodes.size()] = {
    {450, 499, 399, 3500},    // 0
    {500, 550, 450, 3900},    // 1
    {900, 990, 790, 6900},    // 2
    {1300, 1400, 1100, 9900}, // 3
    {1500, 1650, 1300, 11800}, // 4
    {2000, 2200, 1750, 15800}, // 5
    {2500, 2750, 2200, 19800}, // 6
    {3500, 3850, 3000, 27800}, // 7
    {4500, 4900, 3900, 34800}, // 8
    {5900, 6500, 5200, 46800}, // 9
};

struct Shape
{
    const char *code;
    const char *name;
    qint64 bytes;
    qint64 seconds;
};

// What a package holds. Names are stored in English and translated when
// shown (PackageRecord::displayName, context PackageCatalog).
constexpr Shape shapes[] = {
    {"data-1gb", QT_TRANSLATE_NOOP("PackageCatalog", "1 GB data"), 1 * gigabyte, 0},
    {"data-3gb", QT_TRANSLATE_NOOP("PackageCatalog", "3 GB data"), 3 * gigabyte, 0},
    {"data-5gb", QT_TRANSLATE_NOOP("PackageCatalog", "5 GB data"), 5 * gigabyte, 0},
    {"data-10gb", QT_TRANSLATE_NOOP("PackageCatalog", "10 GB data"), 10 * gigabyte, 0},
    {"data-20gb", QT_TRANSLATE_NOOP("PackageCatalog", "20 GB data"), 20 * gigabyte, 0},
    {"voice-100", QT_TRANSLATE_NOOP("PackageCatalog", "100 minutes"), 0, 100 * 60},
    {"combo-5gb", QT_TRANSLATE_NOOP("PackageCatalog", "5 GB + 100 minutes"), 5 * gigabyte, 100 * 60},
    {"combo-10gb", QT_TRANSLATE_NOOP("PackageCatalog", "10 GB + 300 minutes"), 10 * gigabyte, 300 * 60},
};
enum ShapeIndex { Data1, Data3, Data5, Data10, Data20, Voice100, Combo5, Combo10 };

struct Item
{
    ShapeIndex shape;
    int pricePoint;
};

struct Area
{
    const char *code;
    const char *name;
    RegionKind kind;
    std::vector<Item> items;
};

const Area areas[] = {
    {"GLOBAL", QT_TRANSLATE_NOOP("RegionCatalog", "Global (120+ countries)"), RegionKind::Global,
     {{Data1, 2}, {Data3, 5}, {Data10, 9}, {Combo5, 8}}},
    {"EUROPE", QT_TRANSLATE_NOOP("RegionCatalog", "Europe (39 countries)"), RegionKind::Region,
     {{Data1, 0}, {Data5, 3}, {Data20, 7}, {Combo10, 6}}},
    {"ASIA", QT_TRANSLATE_NOOP("RegionCatalog", "Asia (14 countries)"), RegionKind::Region, {{Data1, 1}, {Data5, 4}, {Data10, 6}}},
    {"NORTH-AMERICA", QT_TRANSLATE_NOOP("RegionCatalog", "North America (US, Canada, Mexico)"), RegionKind::Region,
     {{Data1, 1}, {Data5, 4}, {Data10, 6}, {Combo10, 7}}},
    {"AU", QT_TRANSLATE_NOOP("RegionCatalog", "Australia"), RegionKind::Country, {{Data1, 1}, {Data5, 4}, {Data20, 7}, {Voice100, 1}}},
    {"CN", QT_TRANSLATE_NOOP("RegionCatalog", "China (mainland)"), RegionKind::Country, {{Data1, 1}, {Data5, 4}, {Data20, 7}, {Combo5, 5}}},
    {"FR", QT_TRANSLATE_NOOP("RegionCatalog", "France"), RegionKind::Country, {{Data1, 0}, {Data5, 3}, {Data20, 6}, {Voice100, 0}}},
    {"DE", QT_TRANSLATE_NOOP("RegionCatalog", "Germany"), RegionKind::Country,
     {{Data1, 0}, {Data5, 3}, {Data20, 6}, {Voice100, 0}, {Combo10, 5}}},
    {"JP", QT_TRANSLATE_NOOP("RegionCatalog", "Japan"), RegionKind::Country, {{Data1, 1}, {Data3, 3}, {Data10, 5}, {Data20, 7}}},
    {"TH", QT_TRANSLATE_NOOP("RegionCatalog", "Thailand"), RegionKind::Country, {{Data1, 0}, {Data5, 2}, {Data20, 5}}},
    {"GB", QT_TRANSLATE_NOOP("RegionCatalog", "United Kingdom"), RegionKind::Country,
     {{Data1, 0}, {Data5, 3}, {Data20, 6}, {Voice100, 0}, {Combo10, 5}}},
    {"US", QT_TRANSLATE_NOOP("RegionCatalog", "United States"), RegionKind::Country,
     {{Data1, 1}, {Data5, 4}, {Data20, 7}, {Voice100, 1}, {Combo10, 6}}},
};

// The offers of accounts made before regions, in their order then.
const Item general[] = {{Data1, 1}, {Data5, 4}, {Data20, 7}, {Voice100, 1}, {Combo10, 6}};

int currencyIndex(const QString &currency)
{
    for (std::size_t i = 0; i < currencyCodes.size(); ++i) {
        if (currency == QLatin1String(currencyCodes[i]))
            return int(i);
    }
    return -1;
}

PackageOffer offer(const QString &prefix, const Item &item, int currency)
{
    const Shape &shape = shapes[item.shape];
    return PackageOffer{prefix + QLatin1String(shape.code), QLatin1String(shape.name), DataAmount(shape.bytes),
                        VoiceAmount(shape.seconds), Money::fromCents(pricePoints[item.pricePoint][currency])};
}

RegionOffer regionOf(const Area &area, int currency)
{
    RegionOffer region{QLatin1String(area.code), QLatin1String(area.name), area.kind, {}};
    const QString prefix = region.code + QLatin1Char('/');
    for (const Item &item : area.items)
        region.packages.push_back(offer(prefix, item, currency));
    return region;
}

} // namespace

QStringList CarrierCatalog::currencies()
{
    QStringList codes;
    for (const char *code : currencyCodes)
        codes << QLatin1String(code);
    return codes;
}

bool CarrierCatalog::pricesIn(const QString &currency)
{
    return currencyIndex(currency) >= 0;
}

std::vector<RegionOffer> CarrierCatalog::regions(const QString &currency)
{
    const int index = currencyIndex(currency);
    std::vector<RegionOffer> regions;
    if (index < 0)
        return regions;
    for (const Area &area : areas)
        regions.push_back(regionOf(area, index));
    return regions;
}

std::optional<RegionOffer> CarrierCatalog::region(const QString &code, const QString &currency)
{
    const int index = currencyIndex(currency);
    if (index < 0)
        return std::nullopt;
    for (const Area &area : areas) {
        if (code == QLatin1String(area.code))
            return regionOf(area, index);
    }
    return std::nullopt;
}

std::vector<PackageOffer> CarrierCatalog::generalOffers(const QString &currency)
{
    const int index = std::max(0, currencyIndex(currency));
    std::vector<PackageOffer> offers;
    for (const Item &item : general)
        offers.push_back(offer(QString(), item, index));
    return offers;
}

} // namespace topup
