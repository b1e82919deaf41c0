#pragma once

#include "domain/expected.h"
#include "domain/packagerecord.h"
#include "domain/package.h"

#include <vector>

namespace topup {

class Database;

// The carrier's offers an account can buy: a default catalog at sign-up.
class PackageStore final
{
public:
    explicit PackageStore(Database &database) : m_database(database) {}

    // Adds the default catalog; the caller holds the transaction.
    Expected<bool> addDefaults(qint64 accountId);
    Expected<PackageRecord> add(qint64 accountId, const QString &name, const Package &package);
    Expected<std::vector<PackageRecord>> list(qint64 accountId);

    static QString engineId(qint64 rowId) { return QStringLiteral("P%1").arg(rowId); }

private:
    Database &m_database;
};

} // namespace topup
