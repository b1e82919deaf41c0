#pragma once

#include "chargerecorder.h"
#include "domain/money.h"
#include "store/journalbatch.h"

#include <QCoreApplication>
#include <QThread>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

namespace topup {

class Database;
class JournalGateway;

// The charges of a run (RecordingGateway) sharing their syncs (group commit), with the
// exactly-once protocol of ChargeRecorder kept for the group as a whole:
// 1. every charge's intent is written into one store transaction, held
// open; 2. each is charged in one journal transaction, held open (the
// provider's answers are given from it, and stand once it commits); then
// commit() commits 1 (synced), then 2 (synced), then writes every attempt
// down in one store transaction (not synced on its own, as a single
// charge's write-down). A kill before 1 commits leaves nothing; between 1
// and 2, intents the journal never saw, forgotten at the next start; after
// 2, charges the journal has and the store lacks, each with its intent,
// written down by reconcile at the next start. Two synced commits a group
// instead of two a charge. The group must be committed before anything
// else is written to either file, and a group not committed is rolled back.
// The round trips to a server are a group's too (issue 16): a method's
// token and a package's price are read once a group, the intents are
// written together just before step 1 commits, and the journal's side is a
// JournalBatch (an account read once, the charges' rows written together
// just before step 2 commits). Whether a charge's identity was answered
// before (a replay: a run made again after a crash meets the charges it
// made) is asked of the store and the journal at each charge, or, for a
// group told so, for all its charges at its commit (a statement each on
// PostgreSQL, where two round trips a charge were most of a fleet's day).
// Such a group that meets a replay commits nothing: the run that made it is
// made again, its charges asked each (RecordingGateway, WorldSync).
class ChargeGroup final
{
    Q_DECLARE_TR_FUNCTIONS(ChargeGroup)

public:
    // Where a commit is, for the crash test's kills (setStageHook).
    enum class Stage { IntentsCommitted, JournalCommitted };
    using StageHook = void (*)(Stage stage, int charges);

    ChargeGroup(Database &store, JournalGateway &journal);
    ~ChargeGroup();
    Q_DISABLE_COPY_MOVE(ChargeGroup)

    // The charge inside the group's transactions: the provider's answer, or
    // the error that stopped it (then the group can only be rolled back).
    RecordedCharge charge(const ChargeRequest &request);
    // Commits the group (see the class comment); an error says which stage
    // failed. Empty groups commit nothing.
    Expected<void> commit();
    // The same, its replays looked up here, but its three stages on a
    // thread of its own with connections of its own to the same two
    // databases (a group of at least setBesideFrom charges on an engine
    // with arrays; a smaller one, or on SQLite, commits here): the caller
    // goes on meanwhile (WorldSync writes the save's usage) and must call
    // finishBeside before it writes the lines (the write-down credits
    // them), uses the group again, or commits anything that follows the
    // charges. An error of the stages comes from finishBeside.
    Expected<void> commitBeside();
    Expected<void> finishBeside();
    bool committingBeside() const noexcept { return bool(m_beside); }
    void rollback();

    // Until the next commit, replays are looked up at the commit for the
    // whole group, not at each charge (the class comment). Each commit, and
    // anything the provider does meanwhile, ends it: a run can be made again
    // only while nothing of it reached the journal.
    void lookUpReplaysAtCommit() noexcept { m_replaysAtCommit = true; }
    void lookUpReplaysEachCharge() noexcept { m_replaysAtCommit = false; }
    // Whether the last commit met a replay so looked up: it committed
    // nothing, and the charges are to be asked again, each.
    bool metReplay() const noexcept { return m_metReplay; }

    // What the group's charges took from the provider's account behind
    // `token` and did not write yet (JournalBatch::takenFrom).
    Money takenFrom(const QString &token) const { return m_batch.takenFrom(token); }

    // The instant of the group's last charge; none when nothing is open.
    std::optional<Instant> at() const noexcept { return m_at; }

    // Test seam: called once a commit passes each stage, with the group's
    // size (the crash test kills its child there). Not thread-safe: set it
    // before any group commits.
    static void setStageHook(StageHook hook) noexcept;
    // Test seam: the fewest charges a group commits beside (256; the crash
    // test lowers it). Set before any group commits.
    static void setBesideFrom(std::size_t charges) noexcept;

private:
    struct Pending final
    {
        ChargeIdentity identity;
        ChargeIntent intent;
        Money price;
        ChargeAnswer answer;
    };

    // The method's token and the package's price, read once a group.
    Expected<ChargeRecorder::Priced> priceOf(const ChargeRequest &request);
    // A failed group rolled back; the replays looked up, when the group
    // was told so (one met: rolled back, metReplay). True when they were
    // looked up and none met.
    Expected<bool> beforeStages();
    // The protocol's three stages (the class comment) on `store` and
    // `journal`, each in the transaction the group's charges began.
    Expected<void> commitStages(Database &store, Database &journal, bool noneWrittenDown);
    Expected<void> commitOnThread(const QString &storeUrl, const QString &journalUrl, bool noneWrittenDown);
    void rollbackOn(Database &store, Database &journal);
    Expected<void> writeIntents(Database &store);
    // Whether the store wrote any of the group's charges down already, each
    // through both its indexes (ChargeRecorder::recordedAnswer).
    Expected<bool> anyRecorded();
    // Step 3 on an engine with arrays (PostgreSQL): a few statements for
    // the whole group instead of four a charge.
    // `noneWrittenDown`: the group's replays were looked up at its commit,
    // and none met.
    Expected<void> writeDownInArrays(Database &store, const std::vector<Pending> &pending, bool noneWrittenDown);

    Database &m_store;
    JournalGateway &m_journal;
    JournalBatch m_batch;
    std::map<std::tuple<qint64, qint64, qint64>, ChargeRecorder::Priced> m_prices; // account, method, package
    std::vector<std::pair<ChargeRequest, ChargeIdentity>> m_intents; // to be written before the store commits
    std::vector<Pending> m_pending; // journaled, to be written down
    std::optional<Instant> m_at;
    bool m_failed = false;
    bool m_replaysAtCommit = false;
    bool m_metReplay = false;
    std::unique_ptr<QThread> m_beside; // the stages' thread (commitBeside)
    Expected<void> m_besideResult;
};

} // namespace topup
