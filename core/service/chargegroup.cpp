#include "chargegroup.h"

#include "store/arrayliteral.h"
#include "store/batchedstatement.h"
#include "store/database.h"
#include "store/databaseurl.h"
#include "store/dialect.h"
#include "store/identityarrays.h"
#include "store/journalgateway.h"
#include "store/statement.h"
#include "store/storeschema.h"

#include <QThread>

namespace topup {
namespace {

ChargeGroup::StageHook stageHook = nullptr;
std::size_t besideFrom = 256;

} // namespace

void ChargeGroup::setBesideFrom(std::size_t charges) noexcept
{
    besideFrom = charges;
}

void ChargeGroup::setStageHook(StageHook hook) noexcept
{
    stageHook = hook;
}

ChargeGroup::ChargeGroup(Database &store, JournalGateway &journal) : m_store(store), m_journal(journal), m_batch(journal.database())
{
}

ChargeGroup::~ChargeGroup()
{
    if (m_beside)
        m_beside->wait();
    rollback();
}

RecordedCharge ChargeGroup::charge(const ChargeRequest &request)
{
    if (m_failed)
        return RecordedCharge{std::nullopt, Failure(ChargeGroup::tr("an earlier charge of the same instant could not be made"))};
    // 1. The intent, in the store's transaction held open for the group.
    if (!m_store.inTransaction()) {
        if (const Expected<void> begun = m_store.begin(); !begun) {
            m_failed = true;
            return RecordedCharge{std::nullopt, begun.whyFailed()};
        }
    }
    m_at = request.at;
    const Expected<ChargeRecorder::Priced> priced = priceOf(request);
    if (!priced) {
        m_failed = true;
        return RecordedCharge{std::nullopt, priced.whyFailed()};
    }
    const ChargeIdentity identity{request.chainKey, request.attempt, priced->token};
    if (!m_replaysAtCommit) {
        const Expected<std::optional<ChargeAnswer>> recorded = ChargeRecorder::recordedAnswer(m_store, request, identity);
        if (!recorded) {
            m_failed = true;
            return RecordedCharge{std::nullopt, recorded.whyFailed()};
        }
        if (*recorded)
            return RecordedCharge{*recorded, std::nullopt};
    }
    m_intents.emplace_back(request, identity);
    // 2. The charge, in the journal's transaction held open for the group:
    // the provider's answer, standing once that transaction commits.
    Database &journal = m_journal.database();
    if (!journal.inTransaction()) {
        if (const Expected<void> begun = journal.begin(); !begun) {
            m_failed = true;
            return RecordedCharge{std::nullopt, begun.whyFailed()};
        }
    }
    const Expected<ChargeAnswer> answer = m_batch.charge(
        identity, priced->price, request.at, m_replaysAtCommit ? JournalBatch::Replays::LookedUpByCaller : JournalBatch::Replays::LookedUpEach);
    if (!answer) {
        m_failed = true;
        return RecordedCharge{std::nullopt, answer.whyFailed()};
    }
    m_pending.push_back(Pending{identity, ChargeRecorder::intentOf(request), priced->price, *answer});
    return RecordedCharge{*answer, std::nullopt};
}

Expected<ChargeRecorder::Priced> ChargeGroup::priceOf(const ChargeRequest &request)
{
    const auto key = std::make_tuple(request.accountId, request.methodId, request.packageId);
    if (const auto known = m_prices.find(key); known != m_prices.end())
        return known->second;
    const Expected<ChargeRecorder::Priced> priced = ChargeRecorder::priceOf(m_store, request);
    if (priced)
        m_prices.emplace(key, *priced);
    return priced;
}

Expected<void> ChargeGroup::writeIntents(Database &store)
{
    if (m_intents.empty())
        return {};
    const QString columns = QStringLiteral("charge_intents (chain_key, attempt, method_token, line_id, method_id, package_id, trigger, at_ms, month)");
    const QString big = QStringLiteral("BIGINT"), text = QStringLiteral("TEXT");
    BatchedStatement intend(store, store.dialect().insertOrIgnore(columns + QStringLiteral(" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                            store.dialect().insertOrIgnore(columns + QStringLiteral(" %1")), {text, big, text, big, big, big, text, big, text});
    for (const auto &[request, identity] : m_intents) {
        intend.set(0, identity.chainKey).set(1, identity.attempt).set(2, identity.method).set(3, request.lineId);
        intend.set(4, request.methodId).set(5, request.packageId).set(6, triggerKindName(request.trigger));
        intend.set(7, request.at.msecs()).set(8, request.month);
        if (const auto ran = intend.run(); !ran)
            return ran;
    }
    m_intents.clear();
    return intend.flush();
}

Expected<bool> ChargeGroup::anyRecorded()
{
    if (!m_store.dialect().hasArrays()) {
        for (const auto &[request, identity] : m_intents) {
            const Expected<std::optional<ChargeAnswer>> recorded = ChargeRecorder::recordedAnswer(m_store, request, identity);
            if (!recorded)
                return Expected<bool>::failure(recorded);
            if (*recorded)
                return true;
        }
        return false;
    }
    // ChargeRecorder::recordedAnswer's two looks, for every charge at once.
    IdentityArrays identities;
    ArrayLiteral lines, ats;
    for (const auto &[request, identity] : m_intents) {
        identities.add(identity);
        lines.add(request.lineId);
        ats.add(request.at.msecs());
    }
    const QString big = QStringLiteral("BIGINT"), text = QStringLiteral("TEXT");
    const Dialect &dialect = m_store.dialect();
    Statement made(m_store,
                   QStringLiteral("SELECT 1 FROM (%1) AS k (c, n, m) JOIN attempts a ON a.chain_key = k.c AND a.attempt = k.n AND a.method_token = k.m"
                                  " WHERE a.status <> ? UNION ALL"
                                  " SELECT 1 FROM (%2) AS k (l, t, c, n, m) JOIN attempts a ON a.line_id = k.l AND a.at_ms = k.t"
                                  " AND a.chain_key = k.c AND a.attempt = k.n AND a.method_token = k.m WHERE a.status <> ? LIMIT 1")
                       .arg(dialect.rowsFromArrays({text, big, text}), dialect.rowsFromArrays({big, big, text, big, text})),
                   Statement::Prepare::Reuse);
    const QString blocked = attemptStatusName(AttemptStatus::Blocked);
    made.bind(identities.keys.text()).bind(identities.attempts.text()).bind(identities.tokens.text()).bind(blocked);
    made.bind(lines.text()).bind(ats.text()).bind(identities.keys.text()).bind(identities.attempts.text()).bind(identities.tokens.text());
    made.bind(blocked);
    if (const auto ran = made.run(); !ran)
        return Expected<bool>::failure(ran);
    return made.next();
}

Expected<bool> ChargeGroup::beforeStages()
{
    if (m_failed) {
        rollback();
        return Expected<bool>::failure(ChargeGroup::tr("the charges of %1 were not made").arg(m_at ? m_at->toString() : QString()));
    }
    const bool lookUpNow = m_replaysAtCommit;
    m_replaysAtCommit = false;
    m_metReplay = false;
    if (!lookUpNow || m_pending.empty())
        return false;
    Expected<bool> met = anyRecorded();
    if (met && !*met)
        met = m_batch.anyAnsweredBefore();
    if (!met || *met) {
        const QString when = m_at ? m_at->toString() : QString();
        rollback();
        if (!met)
            return Expected<bool>::failure(met);
        m_metReplay = true;
        return Expected<bool>::failure(ChargeGroup::tr("the charges up to %1 meet one made before; they are asked again").arg(when));
    }
    return true;
}

Expected<void> ChargeGroup::commit()
{
    const Expected<bool> noneWrittenDown = beforeStages();
    if (!noneWrittenDown)
        return Expected<void>::failure(noneWrittenDown);
    return commitStages(m_store, m_journal.database(), *noneWrittenDown);
}

Expected<void> ChargeGroup::commitBeside()
{
    if (!m_store.dialect().hasArrays() || m_pending.size() < besideFrom)
        return commit();
    const Expected<bool> noneWrittenDown = beforeStages();
    if (!noneWrittenDown)
        return Expected<void>::failure(noneWrittenDown);
    // The thread's transactions are its own: this thread's, which only
    // read (a method's price, an account's funds), end here.
    Database &journal = m_journal.database();
    if (m_store.inTransaction())
        m_store.rollback();
    if (journal.inTransaction())
        journal.rollback();
    const QString storeUrl = m_store.path(), journalUrl = journal.path();
    const bool none = *noneWrittenDown;
    m_besideResult = {};
    m_beside.reset(QThread::create([this, storeUrl, journalUrl, none] { m_besideResult = commitOnThread(storeUrl, journalUrl, none); }));
    m_beside->start();
    return {};
}

Expected<void> ChargeGroup::finishBeside()
{
    if (!m_beside)
        return {};
    m_beside->wait();
    m_beside.reset();
    return m_besideResult;
}

Expected<void> ChargeGroup::commitOnThread(const QString &storeUrl, const QString &journalUrl, bool noneWrittenDown)
{
    std::shared_ptr<Database> store, journal;
    for (const auto &[url, schema, into] : {std::make_tuple(storeUrl, storeSchema(), &store), std::make_tuple(journalUrl, JournalGateway::schema(), &journal)}) {
        const Expected<DatabaseUrl> at = DatabaseUrl::parse(url);
        if (!at)
            return Expected<void>::failure(at);
        Expected<std::shared_ptr<Database>> opened = Database::openOnServer(*at, schema, Database::Presence::MustExist);
        if (!opened)
            return Expected<void>::failure(opened);
        *into = opened.take();
    }
    for (Database *database : {store.get(), journal.get()}) {
        if (const Expected<void> begun = database->begin(); !begun) {
            rollbackOn(*store, *journal);
            return begun;
        }
    }
    return commitStages(*store, *journal, noneWrittenDown);
}

Expected<void> ChargeGroup::commitStages(Database &store, Database &journal, bool noneWrittenDown)
{
    const int charges = int(m_pending.size());
    // 1. The intents reach the disk before the journal's charges do.
    if (store.inTransaction()) {
        Expected<void> committed = writeIntents(store);
        if (committed)
            committed = store.commit(Database::Sync::Synced);
        if (!committed) {
            rollbackOn(store, journal);
            return committed;
        }
    }
    if (stageHook && charges > 0)
        stageHook(Stage::IntentsCommitted, charges);
    // 2. The charges. Should this fail, the intents the journal never saw
    // are forgotten at the next start (ChargeRecorder::reconcile).
    if (journal.inTransaction()) {
        Expected<void> committed = m_batch.flushTo(journal);
        if (committed)
            committed = journal.commit(Database::Sync::Synced);
        if (!committed) {
            rollbackOn(store, journal);
            return committed;
        }
    }
    if (stageHook && charges > 0)
        stageHook(Stage::JournalCommitted, charges);
    // 3. Every attempt written down in one transaction, not synced on its
    // own (as a single charge's): a power cut leaves the intents, which
    // reconcile writes down from the journal.
    std::vector<Pending> pending;
    pending.swap(m_pending);
    m_at.reset();
    if (pending.empty())
        return {};
    const Expected<void> written = store.write(
        [&]() -> Expected<void> {
            if (store.dialect().hasArrays())
                return writeDownInArrays(store, pending, noneWrittenDown);
            for (const Pending &each : pending) {
                if (const Expected<void> down = ChargeRecorder::writeDown(store, each.identity, each.intent, each.price, each.answer, false);
                    !down)
                    return down;
            }
            return {};
        },
        Database::Sync::Deferred);
    if (!written)
        return Expected<void>::failure(Failure(
            ChargeGroup::tr("%n payment(s) went through but could not be written down yet (%1); they will be at the next start", "", charges)
                .arg(written.error()),
            ChargeGroup::tr("%n payment(s) went through but could not be written down yet; they will be at the next start.", "", charges),
            written.whyFailed()));
    return {};
}

Expected<void> ChargeGroup::writeDownInArrays(Database &store, const std::vector<Pending> &pending, bool noneWrittenDown)
{
    // What ChargeRecorder::writeDown does for each charge, in four
    // statements for the group: those written down already (a replay) are
    // found through the index by line and time and left (unless the group
    // looked its replays up at the commit and met none); the others'
    // attempts are inserted (the unique index ignoring any it holds), and
    // the lines of those inserted and paid are credited, a line's packages
    // of the group added up; every intent of the group is removed.
    const Dialect &dialect = store.dialect();
    const QString big = QStringLiteral("BIGINT"), text = QStringLiteral("TEXT");
    using Key = std::tuple<QString, qint64, QString>;
    IdentityArrays identities; // every charge's
    for (const Pending &each : pending)
        identities.add(each.identity);
    std::set<Key> already;
    if (!noneWrittenDown) {
        ArrayLiteral lines, ats;
        for (const Pending &each : pending) {
            lines.add(each.intent.lineId);
            ats.add(each.intent.atMs);
        }
        Statement found(store,
                        QStringLiteral("SELECT a.chain_key, a.attempt, a.method_token FROM (%1) AS k (l, t, c, n, m) JOIN attempts a"
                                       " ON a.line_id = k.l AND a.at_ms = k.t AND a.chain_key = k.c AND a.attempt = k.n AND a.method_token = k.m")
                            .arg(dialect.rowsFromArrays({big, big, text, big, text})),
                        Statement::Prepare::Reuse);
        found.bind(lines.text()).bind(ats.text()).bind(identities.keys.text()).bind(identities.attempts.text()).bind(identities.tokens.text());
        if (const auto ran = found.run(); !ran)
            return ran;
        while (found.next())
            already.emplace(found.text(0), found.integer(1), found.text(2));
    }
    std::set<Key> inserted;
    {
        std::vector<ArrayLiteral> columns(14);
        for (const Pending &each : pending) {
            if (already.count(Key{each.identity.chainKey, each.identity.attempt, each.identity.method}) != 0)
                continue;
            columns[0].add(each.intent.accountId);
            columns[1].add(each.intent.lineId);
            columns[2].add(each.intent.atMs);
            columns[3].add(each.intent.month.toUtf8());
            columns[4].add(triggerKindName(each.intent.trigger).toUtf8());
            columns[5].add(each.identity.chainKey.toUtf8());
            columns[6].add(qint64(each.identity.attempt));
            columns[7].add(each.intent.methodId);
            columns[8].add(each.identity.method.toUtf8());
            columns[9].add(each.intent.packageId);
            columns[10].add(each.price.cents());
            columns[11].add(attemptStatusName(each.answer.succeeded ? AttemptStatus::Succeeded : AttemptStatus::Failed).toUtf8());
            if (each.answer.reason)
                columns[12].add(reasonName(*each.answer.reason).toUtf8());
            else
                columns[12].addNull();
            columns[13].add(qint64(0));
        }
        if (columns[0].size() > 0) {
            Statement insert(store,
                             dialect.insertOrIgnore(QStringLiteral("attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt, method_id,"
                                                                   " method_token, package_id, amount_cents, status, reason, reconciled) %1")
                                                        .arg(dialect.rowsFromArrays({big, big, big, text, text, text, big, big, text, big, big, text,
                                                                                     text, big})))
                                 + QStringLiteral(" RETURNING chain_key, attempt, method_token"),
                             Statement::Prepare::Reuse);
            for (const ArrayLiteral &column : columns)
                insert.bind(column.text());
            if (const auto ran = insert.run(); !ran)
                return ran;
            while (insert.next())
                inserted.emplace(insert.text(0), insert.integer(1), insert.text(2));
        }
    }
    {
        ArrayLiteral lines, packages;
        for (const Pending &each : pending) {
            if (each.answer.succeeded && inserted.count(Key{each.identity.chainKey, each.identity.attempt, each.identity.method}) != 0) {
                lines.add(each.intent.lineId);
                packages.add(each.intent.packageId);
            }
        }
        if (lines.size() > 0) {
            Statement credit(store,
                             QStringLiteral("UPDATE lines SET check_due = 1, data_bytes = %1, voice_seconds = %2"
                                            " FROM (SELECT x.l, sum(p.data_bytes) AS d, sum(p.voice_seconds) AS v FROM (%3) AS x (l, p)"
                                            " JOIN packages p ON p.id = x.p GROUP BY x.l) AS v WHERE lines.id = v.l")
                                 .arg(dialect.cappedSum(QStringLiteral("lines.data_bytes"), QStringLiteral("v.d")),
                                      dialect.cappedSum(QStringLiteral("lines.voice_seconds"), QStringLiteral("v.v")),
                                      dialect.rowsFromArrays({big, big})),
                             Statement::Prepare::Reuse);
            credit.bind(lines.text()).bind(packages.text());
            if (const auto ran = credit.run(); !ran)
                return ran;
        }
    }
    Statement done(store,
                   QStringLiteral("DELETE FROM charge_intents i USING (%1) AS k (c, n, m) WHERE i.chain_key = k.c AND i.attempt = k.n"
                                  " AND i.method_token = k.m")
                       .arg(dialect.rowsFromArrays({text, big, text})),
                   Statement::Prepare::Reuse);
    done.bind(identities.keys.text()).bind(identities.attempts.text()).bind(identities.tokens.text());
    return done.run();
}

void ChargeGroup::rollback()
{
    rollbackOn(m_store, m_journal.database());
}

void ChargeGroup::rollbackOn(Database &store, Database &journal)
{
    if (store.inTransaction())
        store.rollback();
    if (journal.inTransaction())
        journal.rollback();
    m_batch.clear();
    m_prices.clear();
    m_intents.clear();
    m_pending.clear();
    m_at.reset();
    m_failed = false;
}

} // namespace topup
