#include "packagestore.h"

#include "database.h"
#include "statement.h"

namespace topup {

Expected<bool> PackageStore::addDefaults(qint64 accountId)
{
    struct Offer
    {
        const char *code;
        const char *name;
        qint64 bytes;
        qint64 seconds;
        qint64 cents;
    };
    constexpr qint64 gb = 1000 * 1000 * 1000;
    static const Offer offers[] = {
        // Stored in English; PackageRecord::displayName translates them.
        {"data-1gb", QT_TRANSLATE_NOOP("PackageCatalog", "1 GB data"), 1 * gb, 0, 500},
        {"data-5gb", QT_TRANSLATE_NOOP("PackageCatalog", "5 GB data"), 5 * gb, 0, 1500},
        {"data-20gb", QT_TRANSLATE_NOOP("PackageCatalog", "20 GB data"), 20 * gb, 0, 3500},
        {"voice-100", QT_TRANSLATE_NOOP("PackageCatalog", "100 minutes"), 0, 100 * 60, 500},
        {"combo-10gb", QT_TRANSLATE_NOOP("PackageCatalog", "10 GB + 300 minutes"), 10 * gb, 300 * 60, 2500},
    };
    for (const Offer &offer : offers) {
        Statement insert(m_database, QStringLiteral("INSERT INTO packages (account_id, code, name, data_bytes, voice_seconds,"
                                                    " price_cents) VALUES (?, ?, ?, ?, ?, ?)"));
        insert.bind(accountId).bind(QLatin1String(offer.code)).bind(QLatin1String(offer.name));
        insert.bind(offer.bytes).bind(offer.seconds).bind(offer.cents);
        if (const Expected<bool> ran = insert.run(); !ran)
            return ran;
    }
    return true;
}

Expected<PackageRecord> PackageStore::add(qint64 accountId, const QString &name, const Package &package)
{
    PackageRecord record{0, name, package};
    const Expected<bool> written = m_database.write([&]() -> Expected<bool> {
        Statement insert(m_database, QStringLiteral("INSERT INTO packages (account_id, code, name, data_bytes, voice_seconds,"
                                                    " price_cents) VALUES (?, ?, ?, ?, ?, ?)"));
        insert.bind(accountId).bind(package.id).bind(name).bind(package.data.bytes()).bind(package.voice.seconds());
        insert.bind(package.price.cents());
        if (const Expected<bool> ran = insert.run(); !ran)
            return ran;
        record.id = insert.lastInsertId();
        record.package.id = engineId(record.id);
        return true;
    });
    if (!written)
        return Expected<PackageRecord>::failure(written.error());
    return record;
}

Expected<std::vector<PackageRecord>> PackageStore::list(qint64 accountId)
{
    Statement select(m_database, QStringLiteral("SELECT id, name, data_bytes, voice_seconds, price_cents FROM packages"
                                                " WHERE account_id = ? ORDER BY price_cents, id"));
    select.bind(accountId);
    if (const Expected<bool> ran = select.run(); !ran)
        return Expected<std::vector<PackageRecord>>::failure(ran.error());
    std::vector<PackageRecord> records;
    while (select.next()) {
        const qint64 id = select.integer(0);
        records.push_back(PackageRecord{id, select.text(1),
                                        Package{engineId(id), DataAmount(select.integer(2)), VoiceAmount(select.integer(3)),
                                                Money::fromCents(select.integer(4))}});
    }
    return records;
}

} // namespace topup
