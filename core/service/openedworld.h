#pragma once

#include "domain/expected.h"
#include "worldlocation.h"
#include "worldplace.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace topup {

class DataDirectory;
class Database;
class JournalGateway;

// What Service::open claims and opens before the Service exists: a data
// folder's world, claimed for this program, or one on a PostgreSQL server,
// claimed while it is opened (ServerWorldLock; several programs share it),
// both its databases open and checked as a pair (WorldFiles, WorldOnServer),
// its clock checked, its charges reconciled and any purchase cut short by
// a stop settled (paid, and now written down, or not).
struct OpenedWorld final
{
    QString name; // the data folder; for a world on PostgreSQL, its store's URL (for messages)
    WorldPlace place;
    std::unique_ptr<DataDirectory> directory;    // a folder's world, claimed
    bool onServer = false;                       // a world on PostgreSQL, shared
    std::shared_ptr<Database> store;
    std::unique_ptr<JournalGateway> provider;
    int reconciled = 0; // charges reconciled at open
    // The files whose full check a clean open deferred (IntegrityCheck runs it).
    QStringList unchecked;

    static Expected<OpenedWorld> open(const WorldLocation &location);

    OpenedWorld(OpenedWorld &&) noexcept;
    OpenedWorld &operator=(OpenedWorld &&) noexcept;
    ~OpenedWorld();

private:
    OpenedWorld(QString name, WorldPlace place);
    static Expected<OpenedWorld> openFolder(const QString &dataDir);
    static Expected<OpenedWorld> openOnServer(const DatabaseUrl &url);
    // What every open does once both databases are open and checked.
    static Expected<OpenedWorld> finish(OpenedWorld world);
};

} // namespace topup
