// History and Alerts page by key (HistoryStore::attempts and alerts with
// `before`): on seeded worlds of two accounts where many rows share an
// instant and ids are not in time order, the pages, joined, are exactly the
// account's rows newest first (at, then id) — no gap, no repeat — for every
// page size, every line, a status and a range of time, and the unread alerts;
// the export's walk (eachAttempt) hands the same rows, field for field, and
// stops at the first failure its caller returns. And each statement walks an
// index in that order (EXPLAIN QUERY PLAN: no temporary B-tree for the
// ORDER BY; on PostgreSQL an index scan of that index and no Sort), so a page
// costs its own rows, not the account's.
#include "testmain.h"
#include "sim/xoshiro256.h"
#include "store/database.h"
#include "store/historystore.h"
#include "store/statement.h"
#include "checked.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <tuple>

namespace tst_historypaging {

using namespace topup;

namespace {

struct Written
{
    qint64 id = 0;
    qint64 account = 0;
    qint64 line = 0;
    qint64 atMs = 0;
    bool read = false;
    QString status;
};

const char *const statuses[] = {"succeeded", "failed", "blocked"};

// Every field of a row, to compare two ways of reading it.
QString rowText(const AttemptRow &row)
{
    return QStringList{QString::number(row.id), QString::number(row.at.msecs()), QString::number(row.lineId), row.lineName, triggerKindName(row.trigger),
                       row.key, QString::number(row.attempt), QString::number(row.methodId), row.package,
                       QString::number(row.amount.cents()), attemptStatusName(row.status),
                       row.reason ? reasonName(*row.reason) : QString(), QString::number(int(row.lineState))}
        .join(QLatin1Char('|'));
}

// One line's (0: every line's) attempts of `status` (empty: any) from `hours` hours before `now` to `now`.
AttemptFilter filterOf(qint64 line, const QString &status, Instant now, int hours)
{
    AttemptFilter filter;
    filter.lineId = line;
    filter.status = parseAttemptStatus(status);
    filter.fromMs = now.msecs() - qint64(hours) * 3600 * 1000;
    filter.toMs = now.msecs();
    return filter;
}

bool passes(const Written &row, const AttemptFilter &filter)
{
    return (filter.lineId == 0 || row.line == filter.lineId) && (!filter.status || row.status == attemptStatusName(*filter.status))
           && row.atMs >= filter.fromMs && row.atMs <= filter.toMs;
}

// Newest first, then the larger id first: the order History shows.
bool newerFirst(const Written &a, const Written &b)
{
    return std::tie(a.atMs, a.id) > std::tie(b.atMs, b.id);
}

// Pages of `pageSize` from `page` (limit, before) joined until a short one.
template<typename Row, typename Page>
std::vector<qint64> joinedIds(int pageSize, Page page)
{
    std::vector<qint64> ids;
    std::optional<HistoryKey> before;
    for (int pages = 0; pages < 10000; ++pages) {
        const Expected<std::vector<Row>> rows = page(pageSize, before);
        if (!rows)
            return {-1};
        for (const Row &row : *rows)
            ids.push_back(row.id);
        if (int(rows->size()) < pageSize)
            return ids;
        before = HistoryKey{rows->back().at, rows->back().id};
    }
    return {-2};
}

std::vector<qint64> idsOf(std::vector<Written> rows)
{
    std::sort(rows.begin(), rows.end(), newerFirst);
    std::vector<qint64> ids;
    for (const Written &row : rows)
        ids.push_back(row.id);
    return ids;
}

// PostgreSQL's plan of `sql` with every parameter 1, one line a step. The
// planner chooses by the tables' statistics, and these tables are nearly
// empty, where reading the whole table and sorting it is cheapest: so scans
// and sorts are priced out (enable_seqscan, enable_bitmapscan, enable_sort
// off), and a Sort still in the plan means no index gives the order. QPSQL
// prepares with PREPARE, which takes no EXPLAIN: the statement is prepared
// by name and its EXECUTE explained.
QStringList postgresqlPlanOf(Database &store, const QString &sql, int parameters)
{
    QString numbered;
    int n = 0;
    for (const QChar c : sql)
        numbered += c == QLatin1Char('?') ? QStringLiteral("$%1").arg(++n) : QString(c);
    QStringList ones;
    for (int i = 0; i < parameters; ++i)
        ones << QStringLiteral("'1'");
    QSqlQuery query(store.connection());
    for (const QString &statement : {QStringLiteral("SET enable_seqscan = off"), QStringLiteral("SET enable_bitmapscan = off"),
                                     QStringLiteral("SET enable_sort = off"), QStringLiteral("DEALLOCATE ALL"),
                                     QStringLiteral("PREPARE paged AS ") + numbered}) {
        if (!query.exec(statement))
            return {statement + QStringLiteral(": ") + query.lastError().text()};
    }
    if (!query.exec(QStringLiteral("EXPLAIN EXECUTE paged(%1)").arg(ones.join(QLatin1Char(',')))))
        return {query.lastError().text()};
    QStringList steps;
    while (query.next())
        steps << query.value(0).toString().trimmed();
    return steps;
}

QStringList planOf(Database &store, const QString &sql, int parameters)
{
    if (!store.dialect().isSqlite())
        return postgresqlPlanOf(store, sql, parameters);
    Statement explain(store, QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
    for (int i = 0; i < parameters; ++i)
        explain.bind(qint64(1));
    QStringList steps;
    if (const Expected<void> ran = explain.run(); !ran)
        return {ran.error()};
    while (explain.next())
        steps << explain.text(3);
    return steps;
}

} // namespace

class TestHistoryPaging final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase();
    void pagesJoinWithoutGapsOrRepeats_data();
    void pagesJoinWithoutGapsOrRepeats();
    void queriesWalkAnIndexInOrder_data();
    void queriesWalkAnIndexInOrder();
};

void TestHistoryPaging::initTestCase()
{
    TOPUP_VERIFY_OK(m_engine.start());
}

void TestHistoryPaging::pagesJoinWithoutGapsOrRepeats_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("pageSize");
    for (const quint64 seed : {3ULL, 2028ULL})
        for (const int pageSize : {1, 2, 7, 50, 1000})
            QTest::addRow("seed %llu, pages of %d", static_cast<unsigned long long>(seed), pageSize) << seed << pageSize;
}

void TestHistoryPaging::pagesJoinWithoutGapsOrRepeats()
{
    QFETCH(quint64, seed);
    QFETCH(int, pageSize);
    test::StoreFixture fixture(m_engine.server());
    TOPUP_VERIFY_OK(fixture.open());
    const Instant now = test::at("2027-03-15T10:00:00Z");
    const std::vector<qint64> accounts{TOPUP_VALUE(fixture.signUp(QStringLiteral("a@example.com"), now)),
                                       TOPUP_VALUE(fixture.signUp(QStringLiteral("b@example.com"), now))};
    Database &store = fixture.store();
    Xoshiro256 random(seed);
    std::vector<std::pair<qint64, qint64>> lines; // (account, line)
    for (const qint64 account : accounts) {
        for (int i = 0; i < 4; ++i) {
            Statement line(store, QStringLiteral("INSERT INTO lines (account_id, code, name, data_bytes, voice_seconds) VALUES (?, ?, ?, 0, 0)")
                                      + store.dialect().returningId());
            TOPUP_VERIFY_OK(line.bind(account).bind(QStringLiteral("c%1").arg(i)).bind(QStringLiteral("Line %1").arg(i)).run());
            lines.emplace_back(account, TOPUP_VALUE(line.insertedId()));
        }
    }
    // Six instants for 240 rows, written in random order: long runs of one
    // instant, and ids that do not follow time.
    std::vector<Written> attempts;
    std::vector<Written> alerts;
    Statement attempt(store, QStringLiteral("INSERT INTO attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt,"
                                            " package_id, amount_cents, status)"
                                            " VALUES (?, ?, ?, '2027-03', 'threshold', ?, 1,"
                                            " (SELECT min(id) FROM packages WHERE account_id = ?), 100, ?)")
                                 + store.dialect().returningId());
    Statement alert(store, QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, line_id, read, detail) VALUES (?, ?, 'topup_failed', ?, ?, 'declined')")
                               + store.dialect().returningId());
    TOPUP_VERIFY_OK(store.write([&]() -> Expected<void> {
        for (int n = 0; n < 240; ++n) {
            const auto &[account, line] = lines[random.below(quint32(lines.size()))];
            const qint64 atMs = now.msecs() - qint64(random.below(6)) * 3600 * 1000;
            const QString status = QLatin1String(statuses[random.below(3)]);
            attempt.set(0, account).set(1, line).set(2, atMs).set(3, QStringLiteral("k%1").arg(n)).set(4, account).set(5, status);
            if (const Expected<void> ran = attempt.run(); !ran)
                return ran;
            const Expected<qint64> attemptId = attempt.insertedId();
            if (!attemptId)
                return Expected<void>::failure(attemptId.error());
            attempts.push_back(Written{*attemptId, account, line, atMs, false, status});
            const bool read = random.below(3) == 0;
            alert.set(0, account).set(1, atMs).set(2, line).set(3, read ? 1 : 0);
            if (const Expected<void> ran = alert.run(); !ran)
                return ran;
            const Expected<qint64> alertId = alert.insertedId();
            if (!alertId)
                return Expected<void>::failure(alertId.error());
            alerts.push_back(Written{*alertId, account, line, atMs, read, QString()});
        }
        return {};
    }));
    HistoryStore history(store);
    for (const qint64 account : accounts) {
        std::vector<Written> mine;
        std::copy_if(attempts.begin(), attempts.end(), std::back_inserter(mine), [&](const Written &row) { return row.account == account; });
        QCOMPARE(joinedIds<AttemptRow>(pageSize, [&](int limit, std::optional<HistoryKey> before) {
                     return history.attempts(account, AttemptFilter{}, limit, before);
                 }),
                 idsOf(mine));
        // Every line and each line (another account's too: none), a status
        // or none, and instants at both ends of the range.
        std::vector<qint64> scopes{0};
        for (const auto &ownedLine : lines)
            scopes.push_back(ownedLine.second);
        for (const qint64 line : scopes) {
            for (const QString &status : {QString(), QStringLiteral("failed")}) {
                const AttemptFilter filter = filterOf(line, status, now, 3);
                std::vector<Written> shown;
                std::copy_if(attempts.begin(), attempts.end(), std::back_inserter(shown),
                             [&](const Written &row) { return row.account == account && passes(row, filter); });
                QCOMPARE(joinedIds<AttemptRow>(pageSize, [&](int limit, std::optional<HistoryKey> before) {
                             return history.attempts(account, filter, limit, before);
                         }),
                         idsOf(shown));
                QStringList listed;
                for (const AttemptRow &row : TOPUP_VALUE(history.attempts(account, filter, -1)))
                    listed << rowText(row);
                QStringList walked;
                const int handed = TOPUP_VALUE(history.eachAttempt(account, filter, [&](const AttemptRow &row) {
                    walked << rowText(row);
                    return Expected<void>();
                }));
                QCOMPARE(handed, int(listed.size()));
                QCOMPARE(walked, listed);
            }
        }
        // A failure of the caller stops the walk and is what it returns.
        int handed = 0;
        const Expected<int> stopped = history.eachAttempt(account, AttemptFilter{}, [&](const AttemptRow &) {
            return ++handed == 3 ? Expected<void>::failure(QStringLiteral("disk full")) : Expected<void>();
        });
        QVERIFY(!stopped);
        QCOMPARE(stopped.error(), QStringLiteral("disk full"));
        QCOMPARE(handed, 3);
        for (const bool unreadOnly : {false, true}) {
            std::vector<Written> shown;
            std::copy_if(alerts.begin(), alerts.end(), std::back_inserter(shown),
                         [&](const Written &row) { return row.account == account && !(unreadOnly && row.read); });
            QCOMPARE(joinedIds<AlertRow>(pageSize, [&](int limit, std::optional<HistoryKey> before) {
                         return history.alerts(account, unreadOnly, limit, before);
                     }),
                     idsOf(shown));
            if (unreadOnly)
                QCOMPARE(TOPUP_VALUE(history.unreadAlertCount(account)), int(shown.size()));
        }
    }
}

void TestHistoryPaging::queriesWalkAnIndexInOrder_data()
{
    // `walk`: what the plan's index step must say. A next page of attempts
    // walks the date range cut at the key (both ends on the index), not from
    // the range's end past every row of the pages before.
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("parameters");
    QTest::addColumn<QString>("walk");
    QTest::newRow("attempts, every line") << HistoryStore::attemptsSql(false, false) << 6
                                          << "INDEX attempts_account_time (account_id=? AND at_ms>? AND at_ms<?)";
    QTest::newRow("attempts, every line, next page") << HistoryStore::attemptsSql(false, true) << 8
                                                     << "INDEX attempts_account_time (account_id=? AND at_ms>? AND at_ms<?)";
    QTest::newRow("attempts, one line") << HistoryStore::attemptsSql(true, false) << 7
                                        << "INDEX attempts_line_time (line_id=? AND at_ms>? AND at_ms<?)";
    QTest::newRow("attempts, one line, next page") << HistoryStore::attemptsSql(true, true) << 9
                                                   << "INDEX attempts_line_time (line_id=? AND at_ms>? AND at_ms<?)";
    QTest::newRow("alerts") << HistoryStore::alertsSql(false, false) << 2 << "INDEX alerts_account_time (account_id=?)";
    QTest::newRow("alerts, next page") << HistoryStore::alertsSql(false, true) << 5 << "INDEX alerts_account_time (account_id=? AND at_ms<?)";
    QTest::newRow("unread alerts") << HistoryStore::alertsSql(true, false) << 2 << "INDEX alerts_account (account_id=? AND read=?)";
    QTest::newRow("unread alerts, next page") << HistoryStore::alertsSql(true, true) << 5
                                              << "INDEX alerts_account (account_id=? AND read=? AND at_ms<?)";
}

void TestHistoryPaging::queriesWalkAnIndexInOrder()
{
    QFETCH(QString, sql);
    QFETCH(int, parameters);
    QFETCH(QString, walk);
    test::StoreFixture fixture(m_engine.server());
    TOPUP_VERIFY_OK(fixture.open());
    const QStringList plan = planOf(fixture.store(), sql, parameters);
    const QString shown = plan.join(QLatin1String(" | "));
    if (fixture.store().dialect().isSqlite()) {
        QVERIFY2(!shown.contains(QLatin1String("TEMP B-TREE")), qPrintable(shown));
        QVERIFY2(shown.contains(walk), qPrintable(shown));
    } else {
        // The index `walk` names (its conditions are SQLite's words), scanned
        // newest first, and nothing sorted: SQLite's index ends with the
        // rowid, so it gives the order (at, id) whole; PostgreSQL's index
        // names `id` as its last column for that (store version 8; before
        // it, the rows of one instant were sorted by id after the walk, an
        // Incremental Sort). Which of a table's ordered indexes it walks
        // depends on statistics that these empty tables do not have (the
        // unread alerts' next page may walk alerts_account_time): any index
        // of the table, in order.
        const QString table = walk.section(QLatin1Char(' '), 1, 1).section(QLatin1Char('_'), 0, 0);
        QVERIFY2(shown.contains(QStringLiteral("Index Scan Backward using %1_").arg(table)), qPrintable(shown));
        QVERIFY2(!shown.contains(QLatin1String("Sort")), qPrintable(shown));
    }
}

TOPUP_TEST_GUILESS_MAIN(TestHistoryPaging)
} // namespace tst_historypaging
#include "tst_historypaging.moc"
