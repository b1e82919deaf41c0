#include "worldfiles.h"

#include "booksagreement.h"
#include "store/journalgateway.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/storeschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace topup {
namespace {

const QLatin1String storeName("topup.sqlite");
const QLatin1String journalName("gateway.sqlite");

QString inFolder(const QString &folder, QLatin1String name)
{
    return folder + QLatin1Char('/') + name;
}

// A new world in `staging`: both files, with the same new identity.
Expected<void> createIn(const QString &staging)
{
    const QString id = WorldFiles::newWorldId();
    const Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::open(inFolder(staging, journalName));
    if (!journal)
        return Expected<void>::failure(journal);
    if (const Expected<void> set = (*journal)->setWorldId(id); !set)
        return set;
    const Expected<std::shared_ptr<Database>> store = Database::open(inFolder(staging, storeName), storeSchema());
    if (!store)
        return Expected<void>::failure(store);
    return (*store)->setWorldId(id);
}

// Both files of a world, checked as a pair before either is upgraded or
// written: each one ours and whole, the same world, and the books in
// agreement. Refused, both stay byte for byte as they were, logs included.
Expected<void> checkPair(const QString &storePath, const QString &journalPath)
{
    const Expected<std::shared_ptr<Database>> store = Database::openUnchanged(storePath, storeSchema());
    if (!store)
        return Expected<void>::failure(store);
    const Expected<std::shared_ptr<Database>> journal = JournalGateway::openUnchanged(journalPath);
    if (!journal)
        return Expected<void>::failure(journal);
    const auto refuse = [&](Failure why) {
        (*store)->keepLogOnClose();
        (*journal)->keepLogOnClose();
        return Expected<void>::failure(std::move(why));
    };
    const Expected<QString> storeWorld = (*store)->worldIdIfAny();
    if (!storeWorld)
        return refuse(storeWorld.whyFailed());
    const Expected<QString> journalWorld = (*journal)->worldIdIfAny();
    if (!journalWorld)
        return refuse(journalWorld.whyFailed());
    // A store with an identity needs a journal with the same one. (A
    // journal with one and a store without is an upgrade from the
    // version before identities that stopped between the two files.)
    if (!storeWorld->isEmpty() && *journalWorld != *storeWorld)
        return refuse(Failure(WorldFiles::tr("%1 and %2 belong to different worlds (store %3, payment journal %4): the provider's"
                                             " journal must be the one created with the store; refused (nothing was changed)")
                                  .arg(storePath, journalPath, *storeWorld,
                                       journalWorld->isEmpty() ? WorldFiles::tr("without an identity") : *journalWorld),
                              WorldFiles::tr("The store %1 and the payment journal %2 belong to different worlds. Put back the journal"
                                             " created with this store, or choose another data folder; nothing was changed.")
                                  .arg(storePath, journalPath)));
    // A log beside either file: the last session did not end cleanly.
    const bool unclean = (*store)->vouched() == Database::Vouched::Full || (*journal)->vouched() == Database::Vouched::Full;
    if (const Expected<void> agreed = BooksAgreement(**store, **journal).check(unclean); !agreed)
        return refuse(agreed.whyFailed());
    return {};
}

} // namespace

QString WorldFiles::stagingPath(const QString &folder)
{
    return folder + QLatin1String("/.topup-building");
}

bool WorldFiles::holdsWorld(const QString &folder)
{
    for (const QLatin1String name : {storeName, journalName}) {
        const QString path = inFolder(folder, name);
        if (QFileInfo::exists(path) || QFileInfo::exists(path + QLatin1String("-wal")))
            return true;
    }
    return false;
}

QString WorldFiles::newWorldId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

Expected<void> WorldFiles::recover(const DataDirectory &directory)
{
    const QString folder = directory.path();
    const QString staging = stagingPath(folder);
    if (!QFileInfo::exists(staging))
        return {};
    const QString stagedStore = inFolder(staging, storeName);
    if (!QFileInfo::exists(directory.storePath()) && QFileInfo::exists(directory.journalPath()) && QFileInfo::exists(stagedStore)) {
        // The journal was moved in, the store not yet: finish the move when
        // they are the same world; otherwise leave everything as it is.
        // (Read-only looks: a lone journal may be anything a user left there.)
        const Expected<QString> journal = JournalGateway::inspect(directory.journalPath());
        const Expected<QString> store = Database::inspect(stagedStore, storeSchema());
        if (!journal || !store || journal->isEmpty() || *journal != *store)
            return {};
        if (!QFile::rename(stagedStore, directory.storePath()))
            return Expected<void>::failure(WorldFiles::tr("%1: cannot move the new world's store into place from %2").arg(folder, staging),
                                           WorldFiles::tr("The new world's store cannot be moved from %2 into the data folder %1. Check that you"
                                                          " may write there and try again.")
                                               .arg(folder, staging));
    }
    // What is left is an unfinished world that never reached the folder.
    if (!QDir(staging).removeRecursively())
        return Expected<void>::failure(WorldFiles::tr("%1: cannot remove the unfinished world in %2").arg(folder, staging),
                                       WorldFiles::tr("The unfinished world in %2 cannot be removed from the data folder %1. Remove it yourself"
                                                      " and try again.")
                                           .arg(folder, staging));
    return {};
}

Expected<void> WorldFiles::moveIn(const QString &staging, const QString &folder, const Announce &announce)
{
    for (const QLatin1String name : {journalName, storeName}) {
        const QString from = inFolder(staging, name);
        const QString to = inFolder(folder, name);
        // Both connections are closed, so SQLite has folded its write-ahead
        // log into the file; a log still there goes along, first.
        const QString wal = from + QLatin1String("-wal");
        if (QFileInfo::exists(wal) && !QFile::rename(wal, to + QLatin1String("-wal")))
            return Expected<void>::failure(WorldFiles::tr("%1: cannot move %2 into the data folder").arg(folder, wal),
                                           WorldFiles::tr("%2 cannot be moved into the data folder %1. Check that you may write there and try"
                                                          " again.")
                                               .arg(folder, wal));
        QFile::remove(from + QLatin1String("-shm"));
        if (!QFile::rename(from, to))
            return Expected<void>::failure(WorldFiles::tr("%1: cannot move %2 into the data folder").arg(folder, from),
                                           WorldFiles::tr("%2 cannot be moved into the data folder %1. Check that you may write there and try"
                                                          " again.")
                                               .arg(folder, from));
        if (announce)
            announce(name == journalName ? QStringLiteral("journal moved") : QStringLiteral("store moved"));
    }
    if (!QDir(staging).removeRecursively())
        return Expected<void>::failure(WorldFiles::tr("%1: cannot remove %2").arg(folder, staging),
                                       WorldFiles::tr("%2 cannot be removed from the data folder %1. Remove it yourself and try again.")
                                           .arg(folder, staging));
    return {};
}

Expected<WorldPair> WorldFiles::open(const DataDirectory &directory)
{
    using Result = Expected<WorldPair>;
    if (const Expected<void> recovered = recover(directory); !recovered)
        return Result::failure(recovered);
    const QString storePath = directory.storePath();
    const QString journalPath = directory.journalPath();
    const bool hasStore = QFileInfo::exists(storePath);
    const bool hasJournal = QFileInfo::exists(journalPath);

    if (!hasStore && !hasJournal) {
        // A write-ahead log left without its database would be replayed
        // into the new file: not a new world, someone's remains.
        for (const QString &path : {storePath, journalPath}) {
            if (QFileInfo::exists(path + QLatin1String("-wal")))
                return Result::failure(WorldFiles::tr("%1-wal: a write-ahead log without its database %1; refused (nothing was changed)."
                                                      " Put the database back, or move the folder aside to start fresh")
                                           .arg(path),
                                       WorldFiles::tr("%1-wal is a write-ahead log without its database %1; nothing was changed. Put the"
                                                      " database back, or move the folder aside to start fresh.")
                                           .arg(path));
        }
        const QString staging = stagingPath(directory.path());
        if (!QDir().mkpath(staging))
            return Result::failure(WorldFiles::tr("%1: cannot create %2 for the new world").arg(directory.path(), staging),
                                   WorldFiles::tr("The folder %2 for the new world cannot be created in the data folder %1. Check that you"
                                                  " may write there and try again.")
                                       .arg(directory.path(), staging));
        Expected<void> created = createIn(staging);
        if (created)
            created = moveIn(staging, directory.path());
        if (!created) {
            QDir(staging).removeRecursively();
            return Result::failure(created);
        }
    } else if (!hasJournal) {
        if (const Expected<QString> store = Database::inspect(storePath, storeSchema()); !store)
            return Result::failure(store); // not a TopUp store at all: say that first
        return Result::failure(WorldFiles::tr("%1: the payment journal of the store %2 is missing; the two files belong together, so the"
                                              " world is refused (nothing was changed). Put the world's gateway.sqlite back, or move the"
                                              " folder aside to start fresh")
                                   .arg(journalPath, storePath),
                               WorldFiles::tr("The payment journal %1 of the store %2 is missing; the two belong together, so nothing was"
                                              " changed. Put the world's gateway.sqlite back, or move the folder aside to start fresh.")
                                   .arg(journalPath, storePath));
    } else if (!hasStore) {
        if (const Expected<QString> journal = JournalGateway::inspect(journalPath); !journal)
            return Result::failure(journal);
        return Result::failure(WorldFiles::tr("%1: the store that belongs to the payment journal %2 is missing; the world is refused"
                                              " (nothing was changed). Put the world's topup.sqlite back, or move the folder aside to"
                                              " start fresh")
                                   .arg(storePath, journalPath),
                               WorldFiles::tr("The store %1 that belongs to the payment journal %2 is missing; nothing was changed. Put the"
                                              " world's topup.sqlite back, or move the folder aside to start fresh.")
                                   .arg(storePath, journalPath));
    } else if (const Expected<void> agreed = checkPair(storePath, journalPath); !agreed) {
        return Result::failure(agreed);
    }

    WorldPair pair;
    Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::open(journalPath, true);
    if (!journal)
        return Result::failure(journal);
    pair.journal = journal.take();
    Expected<std::shared_ptr<Database>> store = Database::open(storePath, storeSchema(), Database::Presence::MustExist);
    if (!store)
        return Result::failure(store);
    pair.store = *store;

    const Expected<WorldPair::Ids> ids = pair.worldIds();
    if (!ids)
        return Result::failure(ids);
    if (ids->journal.isEmpty() && ids->store.isEmpty()) {
        // Both from the version before identities: the same new one into
        // both, the journal first (so that a stop in between is finished
        // by the next branch at the next open).
        const QString id = newWorldId();
        if (const Expected<void> set = pair.journal->setWorldId(id); !set)
            return Result::failure(set);
        if (const Expected<void> set = pair.store->setWorldId(id); !set)
            return Result::failure(set);
    } else if (ids->store.isEmpty()) {
        // That upgrade, interrupted after the journal: finish it.
        if (const Expected<void> set = pair.store->setWorldId(ids->journal); !set)
            return Result::failure(set);
    }
    return pair;
}

} // namespace topup
