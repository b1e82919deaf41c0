#pragma once

#include "domain/engineid.h"
#include "domain/expected.h"
#include "domain/packagerecord.h"
#include "domain/package.h"
#include "domain/regionoffer.h"

#include <vector>

namespace topup {

class Database;

// The carrier's offers an account can buy: the general offers at sign-up,
// and a region's packages once a line there is bought (CarrierCatalog).
class PackageStore final
{
public:
    explicit PackageStore(Database &database) : m_database(database) {}

    // Adds the general offers in the account's currency; the caller holds the transaction.
    Expected<void> addDefaults(qint64 accountId, const QString &currency);
    // Adds the region's packages the account does not have yet (by code);
    // the caller holds the transaction.
    Expected<void> addRegion(qint64 accountId, const RegionOffer &region);
    Expected<PackageRecord> add(qint64 accountId, const QString &name, const Package &package);
    // Every package of the account, or only those of one region ('': the general offers).
    Expected<std::vector<PackageRecord>> list(qint64 accountId);
    Expected<std::vector<PackageRecord>> listRegion(qint64 accountId, const QString &region);
    // The row of the package with this catalog code; none: 0.
    Expected<qint64> rowOf(qint64 accountId, const QString &code);

    static QString engineId(qint64 rowId) { return EngineId::package(rowId); }

private:
    Expected<void> insert(qint64 accountId, const QString &region, const PackageOffer &offer);
    Expected<std::vector<PackageRecord>> select(qint64 accountId, const QString *region);

    Database &m_database;
};

} // namespace topup
