#include "worldonserver.h"

#include "booksagreement.h"
#include "store/database.h"
#include "store/journalgateway.h"
#include "store/journalquiet.h"
#include "store/serverworldlock.h"
#include "store/statement.h"
#include "store/storeschema.h"
#include "store/transientfailure.h"

namespace topup {
namespace {

// PostgreSQL cuts a longer name short (NAMEDATALEN - 1).
constexpr int longestName = 63;
const QLatin1String journalSuffix("_journal");

// Whether `table` holds any row.
Expected<bool> holdsRows(Database &database, const QString &table)
{
    Statement select(database, QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(table));
    if (const auto ran = select.run(); !ran)
        return Expected<bool>::failure(ran);
    return select.next();
}

} // namespace

Expected<DatabaseUrl> WorldOnServer::journalOf(const DatabaseUrl &store)
{
    const QString name = store.database() + journalSuffix;
    if (name.toUtf8().size() > longestName)
        return Expected<DatabaseUrl>::failure(
            tr("%1: the database name is too long for its journal's database beside it (%2 would pass PostgreSQL's %3 bytes);"
               " choose a database name of at most %4 bytes")
                .arg(store.toString(), name)
                .arg(longestName)
                .arg(longestName - int(journalSuffix.size())));
    return store.withDatabase(name);
}

Expected<WorldPair> WorldOnServer::open(const DatabaseUrl &storeUrl)
{
    using Result = Expected<WorldPair>;
    const Expected<DatabaseUrl> journalUrl = journalOf(storeUrl);
    if (!journalUrl)
        return Result::failure(journalUrl);
    // The journal first, as a folder's new world is made: a making cut
    // short leaves a journal with an identity and a store without one.
    Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::openOnServer(*journalUrl);
    if (!journal)
        return Result::failure(Failure(tr("%1 (the provider's journal is the database %2 beside the store %3 on the same server; create it there"
                                          " if it is missing, empty, owned by the same role)")
                                           .arg(journal.error(), journalUrl->database(), storeUrl.database()),
                                       tr("The provider's journal, the database %1 beside the store %2 on the same server, cannot be"
                                          " opened. Create it there if it is missing (empty, owned by the same role), then try again.")
                                           .arg(journalUrl->database(), storeUrl.database()),
                                       journal.whyFailed()));
    // The world is claimed (ServerWorldLock): a charge still landing on the
    // journal is a program's that died holding it, read only once it has
    // landed or been rolled back (JournalQuiet).
    if (const std::optional<Failure> why = JournalQuiet::waitFor((*journal)->database(), storeUrl.toString(), ServerWorldLock::openWaitMs)) {
        TransientFailure::report(storeUrl.toString(), TransientFailure::Cause::Locked);
        return Result::failure(*why);
    }
    Expected<std::shared_ptr<Database>> store = Database::openOnServer(storeUrl, storeSchema());
    if (!store)
        return Result::failure(store);
    // Each move of the world from here waits the same way.
    (*store)->setJournal((*journal)->sharedDatabase());
    WorldPair pair{*store, journal.take()};

    const Expected<WorldPair::Ids> ids = pair.worldIds();
    if (!ids)
        return Result::failure(ids);
    const auto refuseUnlessNew = [&](Database &database, const QString &table) -> Expected<void> {
        const Expected<bool> rows = holdsRows(database, table);
        if (!rows)
            return Expected<void>::failure(rows);
        if (*rows)
            return Expected<void>::failure(tr("%1 holds a world's rows but no world identity, which no version of TopUp Dashboard"
                                              " writes on PostgreSQL; refused (nothing was changed)")
                                               .arg(database.path()));
        return {};
    };
    if (ids->store.isEmpty()) {
        // A new world, or one whose making stopped between the two
        // identities: only a store with nothing in it yet takes one.
        if (const Expected<void> isNew = refuseUnlessNew(*pair.store, QStringLiteral("accounts")); !isNew)
            return Result::failure(isNew);
        QString id = ids->journal;
        if (id.isEmpty()) {
            if (const Expected<void> isNew = refuseUnlessNew(pair.journal->database(), QStringLiteral("funding")); !isNew)
                return Result::failure(isNew);
            id = WorldFiles::newWorldId();
            if (const Expected<void> set = pair.journal->setWorldId(id); !set)
                return Result::failure(set);
        }
        if (const Expected<void> set = pair.store->setWorldId(id); !set)
            return Result::failure(set);
        return pair;
    }
    if (ids->journal != ids->store)
        return Result::failure(tr("%1 and %2 belong to different worlds (store %3, payment journal %4): the provider's journal must be the"
                                  " one created with the store; refused")
                                   .arg(pair.store->path(), pair.journal->path(), ids->store,
                                        ids->journal.isEmpty() ? tr("without an identity") : ids->journal));
    // No shutdown marker on a server (the files' write-ahead log): the
    // books are compared from the last mark both agreed on, every time.
    if (const Expected<void> agreed = BooksAgreement(*pair.store, pair.journal->database()).check(true); !agreed)
        return Result::failure(agreed);
    return pair;
}

} // namespace topup
