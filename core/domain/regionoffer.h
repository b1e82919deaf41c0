#pragma once

#include "dataamount.h"
#include "money.h"
#include "voiceamount.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace topup {

// What the simulated carrier sells where a line is used: a country or a
// region, each with its own packages, priced in the account's currency.

struct PackageOffer final
{
    QString code; // "JP/data-5gb": unique in the catalog
    QString name; // English, as stored; PackageRecord::displayName translates it
    DataAmount data;
    VoiceAmount voice;
    Money price;
};

enum class RegionKind { Country, Region, Global };

struct RegionOffer final
{
    QString code; // "JP", "EUROPE", "GLOBAL": what a line stores as its region
    QString name; // English; displayName translates it
    RegionKind kind = RegionKind::Country;
    std::vector<PackageOffer> packages;

    // Region names are stored in English and translated when shown, under
    // this context; a region a line was given by hand (before the catalog)
    // is shown as given.
    static constexpr const char *catalogContext = "RegionCatalog";
    static QString displayName(const QString &name)
    {
        return QCoreApplication::translate(catalogContext, name.toUtf8().constData());
    }
};

} // namespace topup
