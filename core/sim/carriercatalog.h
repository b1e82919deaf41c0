#pragma once

#include "domain/regionoffer.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace topup {

// The simulated carrier's catalog: the countries and regions it sells eSIM
// lines for, each with its own packages, priced in every currency it
// offers (price points per currency, as app stores do, not a conversion).
// Also the general offers every account has had since before the catalog
// had regions: the packages of lines added without a region (the demo's).
class CarrierCatalog final
{
public:
    CarrierCatalog() = delete;

    // The currencies the catalog is priced in, the first one the default.
    static QStringList currencies();
    static bool pricesIn(const QString &currency);

    // Every country and region (regions first, then countries by their
    // English name), priced in `currency`; none when it is not offered.
    static std::vector<RegionOffer> regions(const QString &currency);
    static std::optional<RegionOffer> region(const QString &code, const QString &currency);
    // The general offers (no region), priced in `currency`; a currency the
    // catalog does not offer gets the euro figures, as before regions.
    static std::vector<PackageOffer> generalOffers(const QString &currency);
};

} // namespace topup
