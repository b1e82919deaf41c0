#include "packagestore.h"

#include "database.h"
#include "sim/carriercatalog.h"
#include "statement.h"

namespace topup {

Expected<void> PackageStore::insert(qint64 accountId, const QString &region, const PackageOffer &offer)
{
    // OR IGNORE: a region's packages are added once, whatever buys there next.
    Statement insert(m_database, m_database.dialect().insertOrIgnore(QStringLiteral("packages (account_id, code, region, name, data_bytes,"
                                                                                     " voice_seconds, price_cents) VALUES (?, ?, ?, ?, ?, ?, ?)")));
    insert.bind(accountId).bind(offer.code).bind(region).bind(offer.name);
    insert.bind(offer.data.bytes()).bind(offer.voice.seconds()).bind(offer.price.cents());
    return insert.run();
}

Expected<void> PackageStore::addDefaults(qint64 accountId, const QString &currency)
{
    for (const PackageOffer &offer : CarrierCatalog::generalOffers(currency)) {
        if (const Expected<void> ran = insert(accountId, QString(), offer); !ran)
            return ran;
    }
    return {};
}

Expected<void> PackageStore::addRegion(qint64 accountId, const RegionOffer &region)
{
    for (const PackageOffer &offer : region.packages) {
        if (const Expected<void> ran = insert(accountId, region.code, offer); !ran)
            return ran;
    }
    return {};
}

Expected<PackageRecord> PackageStore::add(qint64 accountId, const QString &name, const Package &package)
{
    PackageRecord record{0, name, package, QString()};
    const Expected<void> written = m_database.write([&]() -> Expected<void> {
        Statement insert(m_database, QStringLiteral("INSERT INTO packages (account_id, code, name, data_bytes, voice_seconds,"
                                                    " price_cents) VALUES (?, ?, ?, ?, ?, ?)")
                                         + m_database.dialect().returningId());
        insert.bind(accountId).bind(package.id).bind(name).bind(package.data.bytes()).bind(package.voice.seconds());
        insert.bind(package.price.cents());
        if (const Expected<void> ran = insert.run(); !ran)
            return ran;
        const Expected<qint64> id = insert.insertedId();
        if (!id)
            return Expected<void>::failure(id);
        record.id = *id;
        record.package.id = engineId(record.id);
        return {};
    });
    if (!written)
        return Expected<PackageRecord>::failure(written);
    return record;
}

Expected<std::vector<PackageRecord>> PackageStore::select(qint64 accountId, const QString *region)
{
    Statement select(m_database, QStringLiteral("SELECT id, name, data_bytes, voice_seconds, price_cents, region FROM packages"
                                                " WHERE account_id = ? AND (? = 1 OR region = ?) ORDER BY price_cents, id"));
    select.bind(accountId).bind(region ? 0 : 1).bind(region ? *region : QString());
    if (const Expected<void> ran = select.run(); !ran)
        return Expected<std::vector<PackageRecord>>::failure(ran);
    std::vector<PackageRecord> records;
    while (select.next()) {
        const qint64 id = select.integer(0);
        records.push_back(PackageRecord{id, select.text(1),
                                        Package{engineId(id), DataAmount(select.integer(2)), VoiceAmount(select.integer(3)),
                                                Money::fromCents(select.integer(4))},
                                        select.text(5)});
    }
    return records;
}

Expected<std::vector<PackageRecord>> PackageStore::list(qint64 accountId)
{
    return select(accountId, nullptr);
}

Expected<std::vector<PackageRecord>> PackageStore::listRegion(qint64 accountId, const QString &region)
{
    return select(accountId, &region);
}

Expected<qint64> PackageStore::rowOf(qint64 accountId, const QString &code)
{
    Statement select(m_database, QStringLiteral("SELECT id FROM packages WHERE account_id = ? AND code = ?"));
    select.bind(accountId).bind(code);
    if (const Expected<void> ran = select.run(); !ran)
        return Expected<qint64>::failure(ran);
    return select.next() ? select.integer(0) : qint64(0);
}

} // namespace topup
