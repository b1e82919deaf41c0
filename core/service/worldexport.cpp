#include "worldexport.h"

#include "worldfiles.h"
#include "worldonserver.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/journalgateway.h"
#include "store/serverworldlock.h"
#include "store/storeschema.h"
#include "store/transientfailure.h"

#include <algorithm>

namespace topup {
namespace {

// "accounts 1, lines 3": the tables that hold rows; empty when none does.
QString rowsHeld(const std::vector<TableRows> &tables)
{
    QStringList held;
    for (const TableRows &table : tables) {
        if (table.rows > 0)
            held << QStringLiteral("%1 %2").arg(table.table).arg(table.rows);
    }
    return held.join(QLatin1String(", "));
}

} // namespace

bool WorldExport::worthRetrying(const QString &folder, const DatabaseUrl &store)
{
    return DataDirectory::inUse(folder) || TransientFailure::reportedIn(folder) != TransientFailure::Cause::None
        || TransientFailure::reportedIn(store.toString()) != TransientFailure::Cause::None;
}

Expected<WorldExportReport> WorldExport::run(const QString &folder, const DatabaseUrl &storeUrl)
{
    using Result = Expected<WorldExportReport>;
    TransientFailure::forget(folder);
    TransientFailure::forget(storeUrl.toString());
    if (std::optional<Failure> problem = DataDirectory::unusable(folder))
        return Result::failure(std::move(*problem));
    if (!WorldFiles::holdsWorld(folder))
        return Result::failure(tr("%1 holds no world to export (neither topup.sqlite nor gateway.sqlite is there)").arg(folder));
    const Expected<DatabaseUrl> journalUrl = WorldOnServer::journalOf(storeUrl);
    if (!journalUrl)
        return Result::failure(journalUrl);

    // The source, as the app opens it, claimed for the whole copy.
    const Expected<std::unique_ptr<DataDirectory>> directory = DataDirectory::claim(folder);
    if (!directory)
        return Result::failure(directory);
    Expected<WorldPair> source = WorldFiles::open(**directory);
    if (!source)
        return Result::failure(source);
    const Expected<QString> worldId = source->store->worldId();
    if (!worldId)
        return Result::failure(worldId);

    // The target, claimed as a program opening it would, then opened the
    // normal way (an empty database gets the schema there).
    const Expected<std::unique_ptr<ServerWorldLock>> lock = ServerWorldLock::claim(storeUrl, ServerWorldLock::openWaitMs);
    if (!lock)
        return Result::failure(lock);
    const Expected<std::shared_ptr<Database>> journal = Database::openOnServer(*journalUrl, JournalGateway::schema());
    if (!journal)
        return Result::failure(tr("%1 (the provider's journal goes to the database %2 beside %3 on the same server; create it there,"
                                  " empty, owned by the same role)")
                                   .arg(journal.error(), journalUrl->database(), storeUrl.database()));
    const Expected<std::shared_ptr<Database>> store = Database::openOnServer(storeUrl, storeSchema());
    if (!store)
        return Result::failure(store);

    // Only into databases that hold no row.
    QStringList occupied;
    for (const std::shared_ptr<Database> &target : {*store, *journal}) {
        const Expected<std::vector<TableRows>> rows = TableCopy::rowsIn(*target);
        if (!rows)
            return Result::failure(rows);
        if (const QString held = rowsHeld(*rows); !held.isEmpty())
            occupied << tr("%1 is not empty (%2)").arg(target->path(), held);
    }
    if (!occupied.isEmpty())
        return Result::failure(tr("%1; export copies a world only into empty databases, so nothing was copied and nothing there was changed."
                                  " Choose other databases, or drop and create these again")
                                   .arg(occupied.join(QLatin1String("; "))));

    WorldExportReport report{folder, *worldId, storeUrl.toString(), journalUrl->toString(), {}, {}};
    const QString leftEmpty = tr("nothing was copied: both databases are left empty");
    if (const Expected<void> begun = (*store)->begin(); !begun)
        return Result::failure(begun);
    if (const Expected<void> begun = (*journal)->begin(); !begun) {
        (*store)->rollback();
        return Result::failure(begun);
    }
    const auto undo = [&](const QString &error) {
        (*journal)->rollback();
        (*store)->rollback();
        return Result::failure(tr("%1; %2").arg(error, leftEmpty));
    };
    const Expected<std::vector<TableRows>> storeRows = TableCopy::copy(*source->store, **store);
    if (!storeRows)
        return undo(storeRows.error());
    const Expected<std::vector<TableRows>> journalRows = TableCopy::copy(source->journal->database(), **journal);
    if (!journalRows)
        return undo(journalRows.error());
    // The pair keeps its identity: the copied rows must say the same world on both.
    for (const std::shared_ptr<Database> &target : {*store, *journal}) {
        const Expected<QString> copiedId = target->worldId();
        if (!copiedId)
            return undo(copiedId.error());
        if (*copiedId != *worldId)
            return undo(tr("%1 holds the world %2 after the copy, not %3").arg(target->path(), *copiedId, *worldId));
    }
    if (const Expected<void> committed = (*store)->commit(); !committed) {
        (*journal)->rollback();
        return Result::failure(tr("%1; %2").arg(committed.error(), leftEmpty));
    }
    if (const Expected<void> committed = (*journal)->commit(); !committed)
        return Result::failure(tr("%1; the store was copied into %2 but its journal was not, so every program refuses the pair there"
                                  " (nothing can be charged twice). Drop and create both databases again, then export again")
                                   .arg(committed.error(), report.store));
    const auto byName = [](const TableRows &a, const TableRows &b) { return a.table < b.table; };
    report.storeRows = *storeRows;
    report.journalRows = *journalRows;
    std::sort(report.storeRows.begin(), report.storeRows.end(), byName);
    std::sort(report.journalRows.begin(), report.journalRows.end(), byName);
    return report;
}

} // namespace topup
