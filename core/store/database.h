#pragma once

#include "dialect.h"
#include "domain/expected.h"
#include "migration.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <QHash>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

struct sqlite3;

namespace topup {

class DatabaseUrl;
class WalCheckpointer;

// One SQLite file through Qt Sql: opened carefully (a file that is not
// ours, damaged, or from a newer version is refused and left untouched),
// migrated with `PRAGMA user_version`, WAL with synchronous=FULL, foreign
// keys on. A Database belongs to the thread that opened it.
//
// What open checks before anything is written: the 100-byte header (magic,
// page size, the page count against the file's size), the schema (the
// tables and indexes the file's version has) and whether the last session
// ended cleanly. The clean-shutdown marker is SQLite's own write-ahead log:
// in WAL mode the last connection to close checkpoints the log into the
// file and deletes it, so a `-wal` file at open means a crash, a connection
// still open elsewhere (another process, a tool), or damage found earlier
// (reportDamage keeps the log on purpose). Only a file in WAL mode with no
// `-wal` or `-journal` beside it, or one this process already has open, is
// vouched for without reading every page (Vouched::Deferred: IntegrityCheck
// owes it the full check); anything else gets the full `PRAGMA integrity_check`
// at open, as before, and is refused on damage. No row is written for the
// marker, so it is right with any number of connections and processes.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // MayCreate: a missing file becomes a new, migrated database.
    // MustExist: the file must be one of ours already; a missing file, or
    // an empty SQLite database, is refused (and not created or changed).
    enum class Presence { MayCreate, MustExist };

    // Refused, untouched: a zero-length file, a file that is not SQLite, a
    // SQLite file with other tables (someone else's), a damaged one, one
    // from a newer version, and a read-only one.
    static Expected<std::shared_ptr<Database>> open(const QString &path, const Schema &schema,
                                                   Presence presence = Presence::MayCreate);
    // A database on a PostgreSQL server (QPSQL; the password, if any, from
    // ~/.pgpass or PGPASSWORD, as libpq reads them), migrated like a file:
    // an empty database becomes a new one (MayCreate); one with other
    // tables, or from a newer version, is refused and left untouched. None
    // of the file's checks apply (header, pages, write-ahead log, damage):
    // the server keeps its own pages. (Issue 16: the store does not run on
    // it yet; the schema does.)
    static Expected<std::shared_ptr<Database>> openOnServer(const DatabaseUrl &url, const Schema &schema,
                                                           Presence presence = Presence::MayCreate);
    // The same checks, for a file that must exist, without changing it
    // (no pragma, no migration), to check both files of a world first; its
    // world identity (empty when it has none yet).
    static Expected<QString> inspect(const QString &path, const Schema &schema);
    // The connection inspect uses, kept open to read more before the file
    // is opened for writing (see keepLogOnClose). Its vouched() says
    // whether the last session ended cleanly (Deferred) or not (Full).
    static Expected<std::shared_ptr<Database>> openUnchanged(const QString &path, const Schema &schema);
    // The world identity, empty when the file has none or is from before identities.
    Expected<QString> worldIdIfAny() const;
    // Closing leaves the write-ahead log found beside the file at open as it
    // is, even when this is the last connection: for a file refused after it
    // was opened, which must stay byte for byte as it was. (A file opened
    // without one keeps none: the empty log reading made goes with it.)
    void keepLogOnClose()
    {
        if (m_foundLog)
            setCheckpointOnClose(false);
    }

    // Full: every page was read and every index compared at open (`PRAGMA integrity_check`), or the file
    // is new. Deferred: the file was closed cleanly (or is open in this
    // process already), so open checked the header and the schema only and
    // the full check is still owed (IntegrityCheck, in the background).
    enum class Vouched { Full, Deferred };
    Vouched vouched() const noexcept { return m_vouched; }

    // Damage found after open (by IntegrityCheck), for this whole process:
    // every connection to the file then refuses to write, opening it again
    // while one is open is refused, and the connections close without
    // folding their write-ahead log into the file, so the next open sees an
    // unclean shutdown and runs the full check. `problem` is what
    // `PRAGMA integrity_check` said. Thread-safe.
    static void reportDamage(const QString &path, const QString &problem);
    // "PATH: damaged database (…)" when damage was reported; empty otherwise.
    static QString damageOf(const QString &path);

    // The file's path; for a database on a server, its URL (without a password: it has none).
    const QString &path() const noexcept { return m_path; }
    // How this engine is spoken to: SQLite's or PostgreSQL's words.
    const Dialect &dialect() const noexcept { return *m_dialect; }
    QSqlDatabase connection() const;
    int schemaVersion() const noexcept { return m_version; }

    // How a commit reaches the disk. Synced: the commit returns once the
    // disk has it (synchronous=FULL). Deferred: the commit is atomic and
    // survives the process dying, but a power cut may lose it until the next
    // synced commit on the file (synchronous=NORMAL for this transaction).
    // Deferred is for what can be rebuilt after a power cut, such as an
    // attempt written down while its intent still stands in a synced commit.
    enum class Sync { Synced, Deferred };

    // Runs `work` inside BEGIN IMMEDIATE … COMMIT. When `work` fails, or
    // the commit does, everything is rolled back and the error returned.
    // Inside a transaction held open (begin), `work` runs in a savepoint of
    // it instead, undone alone when it fails, and commits nothing.
    Expected<void> write(const std::function<Expected<void>()> &work, Sync sync = Sync::Synced);

    // A transaction held open across calls (a group of charges sharing
    // their commits, ChargeGroup): BEGIN IMMEDIATE, then commit or rollback.
    Expected<void> begin();
    Expected<void> commit(Sync sync = Sync::Synced);
    void rollback();
    bool inTransaction() const noexcept { return m_inTransaction; }

    // A statement of the hot paths prepared once for the connection's life
    // (Statement::Prepare::Reuse): the cached query, marked in use until
    // release(); none when another Statement holds it (the caller prepares
    // its own), or when it cannot be prepared: then `prepareError` says why
    // (on PostgreSQL the failed PREPARE has aborted the transaction, and a
    // second one would only say so).
    QSqlQuery *reusable(const QString &sql, QSqlError *prepareError = nullptr);
    void release(const QString &sql);
    // On PostgreSQL every statement is kept for reuse (Statement's
    // Prepare::Once too): QPSQL prepares on the server, so a statement
    // prepared for one run costs three round trips (PREPARE, EXECUTE,
    // DEALLOCATE) where a kept one costs one. Up to `reusableLimit` kept
    // statements a connection (statements built with a varying count of
    // rows or ids would otherwise grow it without end); past that, a
    // statement not yet kept is prepared for itself, as on SQLite, where
    // preparing costs no round trip.
    bool keepsEveryStatement() const noexcept { return !m_dialect->isSqlite(); }
    static constexpr std::size_t reusableLimit = 256;
    QSqlQuery *reusableIfRoom(const QString &sql, QSqlError *prepareError = nullptr);
    // How many statements Statement has run on this connection (on
    // PostgreSQL each a round trip to the server, or more): the tests hold
    // a fleet's hot paths to a count that does not grow with the lines.
    quint64 statementsRun() const noexcept { return m_statementsRun; }
    void countStatement() noexcept { ++m_statementsRun; }

    // The connection's own sqlite3 handle, for the one hot loop (usage
    // samples), when Qt's driver runs the very same SQLite build as the one
    // we link; otherwise none, and callers keep to Qt Sql.
    sqlite3 *rawHandle() const;

    // The world's identity: one random id written into both files of a
    // world (table world_identity, in both schemas); empty when not set.
    Expected<QString> worldId() const;
    Expected<void> setWorldId(const QString &id);

    // "topup.sqlite: disk I/O error" — a message for a person. A file that
    // turned read-only says so: "topup.sqlite is read-only (/path)"; a full
    // disk or a lock held by another program says that, and is reported
    // (TransientFailure).
    QString describe(const QString &what) const;
    QString describe(const QSqlError &error) const;
    // describe() as a failure, with the sentences a screen shows: what is
    // wrong with which file and what the person can do, then what the
    // database said ("The database says: disk I/O error.").
    Failure failureOf(const QSqlError &error) const;
    Failure failureOf(const QString &what) const;
    // "PATH: damaged database (DETAIL)", with its sentences.
    static Failure damaged(const QString &path, const QString &detail);
    // Rows of this database that no version of TopUp Dashboard writes (a
    // value out of range, a row that cannot be read): the command line's
    // `text`, then the sentences of damaged() worded for where the database
    // is (a data file, or a database on a server), with `detail` as what is
    // wrong.
    Failure damagedRows(const QString &text, const QString &detail) const;
    // The failure of the connection's own sqlite3 handle (rawHandle()), as
    // failureOf() words a Qt Sql error: a full disk, a lock or a file turned
    // read-only in their own words, anything else with what SQLite said.
    Failure failureOfRawHandle() const;

    // Where a database is, for the sentences that say what is wrong with
    // it: a data file at a path, or a database on a PostgreSQL server at a
    // URL (which holds no password, DatabaseUrl).
    enum class Place { File, Server };
    Place place() const noexcept { return m_dialect->isSqlite() ? Place::File : Place::Server; }
    // The command line's `text` about the database at `path` with the
    // sentences a screen shows for why it cannot be used: someone else's
    // file or database, one that cannot be opened or read (the system's or
    // the server's `detail` after), one that is missing, or one a newer
    // version made.
    static Failure notOurs(const QString &text, const QString &path, Place place = Place::File);
    static Failure unreadable(const QString &text, const QString &path, const QString &detail, Place place = Place::File);
    // What a database or its server said, for the sentence that quotes it:
    // its first line, spaces simplified (PostgreSQL adds the statement, a
    // caret and hints on lines of their own; the command line's text keeps
    // them).
    static QString inOneLine(const QString &said);
    // A PostgreSQL server at `where` that cannot be reached or refused the connection.
    static Failure unreachable(const QString &text, const QString &where, const QString &detail);
    static Failure missing(const QString &text, const QString &path);
    static Failure newer(const QString &text, const QString &path, Place place = Place::File);
    // "NAME is read-only (PATH): …", with its sentence.
    static Failure readOnly(const QString &path);

    // How a move of the world on this connection waits for another
    // program's (WorldMoveLock, PostgreSQL): up to `limitMs` (0: as long as
    // it takes), saying before it waits who holds the world (`waiting`:
    // "topup-dashboard, process 42 on desk-2", empty when the server does
    // not say) and after (`done`), whether it got it or not.
    struct WorldWait final
    {
        int limitMs = 0;
        std::function<void(const QString &holder)> waiting;
        std::function<void()> done;
    };
    void setWorldWait(WorldWait wait) { m_worldWait = std::move(wait); }
    // The provider's journal of the world this store is of (PostgreSQL): a
    // move taken on this connection then waits for a charge that a program
    // which died holding the world still has in flight there (WorldMoveLock,
    // JournalQuiet). Not owned; none: nothing is waited for.
    void setJournal(const std::shared_ptr<Database> &journal) { m_journal = journal; }

private:
    // The checks at open and the migrations (DatabaseOpener) set what the
    // open found: the version, whether the file is vouched for, its log.
    friend class DatabaseOpener;
    // Counts the holds of this connection on its world (WorldMoveLock).
    friend class WorldMoveLock;

    Database(QString path, QString connectionName, const Dialect &dialect = Dialect::sqlite());

    // A full disk or a lock (TransientFailure) in its own words, reported;
    // empty for any other error.
    std::optional<Failure> transientFailure(const QSqlError &error) const;
    // A failure to read the file while it is checked at open: a passing
    // cause in its own words, anything else damage.
    Failure readFailure(const QSqlError &error) const;
    // Off: closing leaves the write-ahead log as it is (when this is the
    // last connection, SQLite would otherwise fold it into the file).
    void setCheckpointOnClose(bool checkpoint);
    Expected<void> exec(const QString &statement);

    QString m_path;
    QString m_connectionName;
    const Dialect *m_dialect;
    QString m_key; // the file's place in the process-wide list of open files
    Vouched m_vouched = Vouched::Full;
    bool m_foundLog = false; // a log (a crash's, or another connection's) was beside the file at open
    int m_version = 0;
    mutable int m_rawChecked = 0; // 0 unknown, 1 usable, -1 not
    bool m_inTransaction = false; // begin() … commit() or rollback()
    int m_worldHolds = 0;         // WorldMoveLocks held on this connection (PostgreSQL)
    quint64 m_statementsRun = 0;  // statementsRun()
    WorldWait m_worldWait;        // how a WorldMoveLock waits for another program's
    std::weak_ptr<Database> m_journal; // the world's journal, waited for after taking the world (PostgreSQL)
    struct Reusable final
    {
        QSqlQuery query;
        bool inUse = false;
    };
    std::unordered_map<QString, std::unique_ptr<Reusable>> m_reusable;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // SQLite: the log folded on a thread of its own
};

} // namespace topup
