// The spend of every line at once (HistoryStore::spendOfLinesIn, what
// `topup-sim status` asks) is exactly what spendIn says line by line, on
// seeded worlds of two accounts: every trigger (purchases are not auto
// spend), every status (only succeeded attempts count), several months,
// amounts in minor units, lines with no attempt at all.
#include "testmain.h"
#include "sim/xoshiro256.h"
#include "store/database.h"
#include "store/historystore.h"
#include "store/statement.h"
#include "checked.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QTest>

#include <algorithm>

namespace tst_historystore {

using namespace topup;

namespace {

const char *const triggers[] = {"threshold", "monthly", "manual", "purchase"};
const char *const statuses[] = {"succeeded", "failed", "blocked"};
const char *const months[] = {"2027-02", "2027-03", "2027-04"};

} // namespace

class TestHistoryStore final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase();
    void spendOfLinesMatchesEachLine_data();
    void spendOfLinesMatchesEachLine();
    void spendOfLinesCountsOnlySucceededNonPurchases();
    void attemptsReadNamesAsEnums();
    void unknownNamesAreReported();
    void alertDetailsAreRead();
    void unreadableAlertDetailsAreReported_data();
    void unreadableAlertDetailsAreReported();
};

void TestHistoryStore::initTestCase()
{
    TOPUP_VERIFY_OK(m_engine.start());
}

void TestHistoryStore::spendOfLinesMatchesEachLine_data()
{
    QTest::addColumn<quint64>("seed");
    for (const quint64 seed : {1ULL, 7ULL, 2028ULL, 99991ULL})
        QTest::addRow("seed %llu", static_cast<unsigned long long>(seed)) << seed;
}

void TestHistoryStore::spendOfLinesMatchesEachLine()
{
    QFETCH(quint64, seed);
    test::StoreFixture fixture(m_engine.server());
    TOPUP_VERIFY_OK(fixture.open());
    const Instant at = test::at("2027-03-15T10:00:00Z");
    const std::vector<qint64> accounts{TOPUP_VALUE(fixture.signUp(QStringLiteral("a@example.com"), at)),
                                       TOPUP_VALUE(fixture.signUp(QStringLiteral("b@example.com"), at))};
    Database &store = fixture.store();
    Xoshiro256 random(seed);
    std::vector<std::pair<qint64, qint64>> lines; // (account, line)
    for (const qint64 account : accounts) {
        for (int i = 0; i < 12; ++i) {
            Statement line(store, QStringLiteral("INSERT INTO lines (account_id, code, name, data_bytes, voice_seconds) VALUES (?, ?, ?, 0, 0)")
                                      + store.dialect().returningId());
            TOPUP_VERIFY_OK(line.bind(account).bind(QStringLiteral("c%1").arg(i)).bind(QStringLiteral("Line %1").arg(i)).run());
            lines.emplace_back(account, TOPUP_VALUE(line.insertedId()));
        }
    }
    Statement attempt(store, QStringLiteral("INSERT INTO attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt,"
                                            " package_id, amount_cents, status)"
                                            " VALUES (?, ?, 0, ?, ?, ?, 1, (SELECT min(id) FROM packages WHERE account_id = ?), ?, ?)"));
    TOPUP_VERIFY_OK(store.write([&]() -> Expected<void> {
        for (int n = 0; n < 600; ++n) {
            // The first line of each account never gets an attempt.
            const auto &[account, line] = lines[1 + random.below(quint32(lines.size() - 1))];
            attempt.set(0, account).set(1, line).set(2, QLatin1String(months[random.below(3)]));
            attempt.set(3, QLatin1String(triggers[random.below(4)])).set(4, QStringLiteral("k%1").arg(n)).set(5, account);
            attempt.set(6, qint64(1 + random.below(99999))).set(7, QLatin1String(statuses[random.below(3)]));
            if (const Expected<void> ran = attempt.run(); !ran)
                return ran;
        }
        return {};
    }));
    HistoryStore history(store);
    for (const qint64 account : accounts) {
        for (const char *month : months) {
            const std::map<qint64, MonthSpend> all = TOPUP_VALUE(history.spendOfLinesIn(account, QLatin1String(month)));
            for (const auto &[owner, line] : lines) {
                const auto found = all.find(line);
                if (owner != account) {
                    QVERIFY2(found == all.end(), "another account's line in the spend");
                    continue;
                }
                const MonthSpend one = TOPUP_VALUE(history.spendIn(account, QLatin1String(month), line));
                const MonthSpend grouped = found != all.end() ? found->second : MonthSpend{QLatin1String(month), {}, {}, {}};
                QCOMPARE(grouped.month, one.month);
                QCOMPARE(grouped.autoSpend.cents(), one.autoSpend.cents());
                QCOMPARE(grouped.manualSpend.cents(), one.manualSpend.cents());
                QCOMPARE(grouped.purchases.cents(), one.purchases.cents());
            }
        }
    }
}

void TestHistoryStore::spendOfLinesCountsOnlySucceededNonPurchases()
{
    test::StoreFixture fixture(m_engine.server());
    TOPUP_VERIFY_OK(fixture.open());
    const qint64 account = TOPUP_VALUE(fixture.signUp(QStringLiteral("a@example.com"), test::at("2027-03-15T10:00:00Z")));
    Database &store = fixture.store();
    Statement line(store, QStringLiteral("INSERT INTO lines (id, account_id, code, name, data_bytes, voice_seconds) VALUES (5, ?, 'a', 'A', 0, 0)"));
    TOPUP_VERIFY_OK(line.bind(account).run());
    Statement attempt(store, QStringLiteral("INSERT INTO attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt,"
                                            " package_id, amount_cents, status)"
                                            " VALUES (?, 5, 0, ?, ?, ?, 1, (SELECT min(id) FROM packages WHERE account_id = ?), ?, ?)"));
    const struct
    {
        const char *month;
        const char *trigger;
        qint64 cents;
        const char *status;
    } rows[] = {
        {"2027-03", "threshold", 1501, "succeeded"}, {"2027-03", "monthly", 250, "succeeded"}, {"2027-03", "manual", 999, "succeeded"},
        {"2027-03", "purchase", 4000, "succeeded"},  {"2027-03", "threshold", 7000, "failed"}, {"2027-03", "monthly", 8000, "blocked"},
        {"2027-02", "threshold", 3333, "succeeded"},
    };
    int n = 0;
    for (const auto &row : rows) {
        attempt.set(0, account).set(1, QLatin1String(row.month)).set(2, QLatin1String(row.trigger)).set(3, QStringLiteral("k%1").arg(++n));
        attempt.set(4, account).set(5, row.cents).set(6, QLatin1String(row.status));
        TOPUP_VERIFY_OK(attempt.run());
    }
    const std::map<qint64, MonthSpend> spend = TOPUP_VALUE(HistoryStore(store).spendOfLinesIn(account, QStringLiteral("2027-03")));
    QCOMPARE(spend.size(), std::size_t(1));
    QCOMPARE(spend.at(5).month, QStringLiteral("2027-03"));
    QCOMPARE(spend.at(5).autoSpend.cents(), qint64(1751));
    QCOMPARE(spend.at(5).manualSpend.cents(), qint64(999));
    QCOMPARE(spend.at(5).purchases.cents(), qint64(4000));
    QVERIFY(TOPUP_VALUE(HistoryStore(store).spendOfLinesIn(account, QStringLiteral("2027-05"))).empty());
}

namespace {

// A line (row 5) and one attempt of it with these names; the attempt's row id.
Expected<qint64> attemptWith(Database &store, qint64 account, const QString &trigger, const QString &status, const QVariant &reason)
{
    Statement line(store, store.dialect().insertOrIgnore(QStringLiteral("lines (id, account_id, code, name, data_bytes, voice_seconds)"
                                                                        " VALUES (5, ?, 'a', 'A', 0, 0)")));
    if (const auto ran = line.bind(account).run(); !ran)
        return Expected<qint64>::failure(ran.error());
    Statement attempt(store, QStringLiteral("INSERT INTO attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt,"
                                            " package_id, amount_cents, status, reason)"
                                            " VALUES (?, 5, 0, '2027-03', ?, 'k', 1, (SELECT min(id) FROM packages WHERE account_id = ?), 450, ?, ?)")
                                 + store.dialect().returningId());
    attempt.bind(account).bind(trigger).bind(account).bind(status).bind(reason);
    if (const auto ran = attempt.run(); !ran)
        return Expected<qint64>::failure(ran.error());
    return attempt.insertedId();
}

} // namespace

void TestHistoryStore::attemptsReadNamesAsEnums()
{
    test::StoreFixture fixture(m_engine.server());
    TOPUP_VERIFY_OK(fixture.open());
    const qint64 account = TOPUP_VALUE(fixture.signUp(QStringLiteral("a@example.com"), test::at("2027-03-15T10:00:00Z")));
    QVERIFY(TOPUP_VALUE(attemptWith(fixture.store(), account, QStringLiteral("monthly"), QStringLiteral("failed"), QStringLiteral("card_expired"))) > 0);
    const std::vector<AttemptRow> rows = TOPUP_VALUE(HistoryStore(fixture.store()).attempts(account, AttemptFilter{}, 10));
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].trigger, TriggerKind::Monthly);
    QCOMPARE(rows[0].status, AttemptStatus::Failed);
    QCOMPARE(rows[0].reason, std::optional<Reason>(Reason::CardExpired));
}

// A name this version does not know is an error that names the row and the
// name, not a default (it was read as "threshold", "failed" or no reason).
void TestHistoryStore::unknownNamesAreReported()
{
    test::StoreFixture fixture(m_engine.server());
    TOPUP_VERIFY_OK(fixture.open());
    const qint64 account = TOPUP_VALUE(fixture.signUp(QStringLiteral("a@example.com"), test::at("2027-03-15T10:00:00Z")));
    Database &store = fixture.store();
    const qint64 id = TOPUP_VALUE(attemptWith(store, account, QStringLiteral("threshold"), QStringLiteral("failed"), QStringLiteral("card_melted")));
    HistoryStore history(store);
    const Expected<std::vector<AttemptRow>> read = history.attempts(account, AttemptFilter{}, 10);
    QVERIFY(!read);
    QCOMPARE(read.error(), QStringLiteral("attempt %1 in the store has an unknown reason \"card_melted\"").arg(id));
    // A screen gets a sentence that says what the person can do.
    QCOMPARE(read.sentences(), QStringLiteral("The store holds a row this version cannot read (attempt %1, its reason is \"card_melted\"): the file"
                                              " is damaged or was written by a newer version. Open it with the version that wrote it, or"
                                              " move the data folder aside to start fresh.")
                                   .arg(id));

    // Trigger and status have the schema's CHECKs: a damaged file or a later version's store may still hold others.
    TOPUP_VERIFY_OK(test::allowUncheckedValues(store, QStringLiteral("attempts")));
    Statement status(store, QStringLiteral("UPDATE attempts SET reason = NULL, status = 'refunded' WHERE id = ?"));
    TOPUP_VERIFY_OK(status.bind(id).run());
    const Expected<std::vector<AttemptRow>> byStatus = history.attempts(account, AttemptFilter{}, 10);
    QVERIFY(!byStatus);
    QCOMPARE(byStatus.error(), QStringLiteral("attempt %1 in the store has an unknown status \"refunded\"").arg(id));
    Statement trigger(store, QStringLiteral("UPDATE attempts SET status = 'succeeded', trigger = 'weekly' WHERE id = ?"));
    TOPUP_VERIFY_OK(trigger.bind(id).run());
    const Expected<std::vector<AttemptRow>> byTrigger = history.attempts(account, AttemptFilter{}, 10);
    QVERIFY(!byTrigger);
    QCOMPARE(byTrigger.error(), QStringLiteral("attempt %1 in the store has an unknown trigger \"weekly\"").arg(id));

    Statement alert(store, QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, detail) VALUES (?, 0, 'meteor_strike', '')")
                               + store.dialect().returningId());
    TOPUP_VERIFY_OK(alert.bind(account).run());
    const qint64 alertId = TOPUP_VALUE(alert.insertedId());
    const Expected<std::vector<AlertRow>> alerts = history.alerts(account, false, 10);
    QVERIFY(!alerts);
    QCOMPARE(alerts.error(), QStringLiteral("alert %1 in the store has an unknown kind \"meteor_strike\"").arg(alertId));
}

namespace {

// An alert of `kind` with `detail` about method row `method`; its row id.
Expected<qint64> alertWith(Database &store, qint64 account, const QString &kind, qint64 method, const QString &detail)
{
    Statement alert(store, QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, method_id, detail)"
                                          " VALUES (?, 0, ?, (SELECT min(id) FROM methods WHERE id = ?), ?)")
                               + store.dialect().returningId());
    if (const auto ran = alert.bind(account).bind(kind).bind(method).bind(detail).run(); !ran)
        return Expected<qint64>::failure(ran.error());
    return alert.insertedId();
}

} // namespace

// An alert's detail comes out of the store read: the charges of a failed
// top-up (with its fallback), the reason a top-up was blocked, the month a
// card expires, a method's low funds — the screens never parse it.
void TestHistoryStore::alertDetailsAreRead()
{
    test::StoreFixture fixture(m_engine.server());
    TOPUP_VERIFY_OK(fixture.open());
    const qint64 account = TOPUP_VALUE(fixture.signUp(QStringLiteral("a@example.com"), test::at("2027-03-15T10:00:00Z")));
    Database &store = fixture.store();
    TOPUP_VERIFY_OK(alertWith(store, account, QStringLiteral("topup_failed"), 0, QStringLiteral("declined 7:insufficient_funds")));
    TOPUP_VERIFY_OK(alertWith(store, account, QStringLiteral("topup_blocked"), 0, QStringLiteral("budget_cap")));
    TOPUP_VERIFY_OK(alertWith(store, account, QStringLiteral("card_expiring"), 0, QStringLiteral("2027-04")));
    TOPUP_VERIFY_OK(alertWith(store, account, QStringLiteral("low_funds"), 0, QStringLiteral("250 1500")));
    TOPUP_VERIFY_OK(alertWith(store, account, QStringLiteral("threshold_suspended"), 0, QString()));
    std::vector<AlertRow> alerts = TOPUP_VALUE(HistoryStore(store).alerts(account, false, 10));
    std::reverse(alerts.begin(), alerts.end()); // newest first: all at 0, so by id
    QCOMPARE(alerts.size(), std::size_t(5));
    QCOMPARE(alerts[0].failedCharges.size(), std::size_t(2));
    QCOMPARE(alerts[0].failedCharges[0].reason, Reason::Declined);
    QCOMPARE(alerts[0].failedCharges[1].methodId, qint64(7));
    QCOMPARE(alerts[0].failedCharges[1].reason, Reason::InsufficientFunds);
    QCOMPARE(alerts[1].blockedBy, std::optional<Reason>(Reason::BudgetCap));
    QVERIFY(alerts[2].cardExpires == (YearMonth{2027, 4}));
    QVERIFY(alerts[3].lowFunds);
    QCOMPARE(alerts[3].lowFunds->funds.cents(), qint64(250));
    QCOMPARE(alerts[3].lowFunds->needed.cents(), qint64(1500));
    QCOMPARE(alerts[4].kind, AlertKind::ThresholdSuspended);
}

void TestHistoryStore::unreadableAlertDetailsAreReported_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("detail");
    QTest::newRow("failed, unknown reason") << "topup_failed" << "card_melted";
    QTest::newRow("failed, no reason") << "topup_failed" << "";
    QTest::newRow("failed, fallback without its method") << "topup_failed" << "declined insufficient_funds";
    QTest::newRow("failed, fallback of method 0") << "topup_failed" << "declined 0:declined";
    QTest::newRow("blocked, unknown reason") << "topup_blocked" << "too_late";
    QTest::newRow("card, month 13") << "card_expiring" << "2027-13";
    QTest::newRow("card, not a month") << "card_expiring" << "April";
    QTest::newRow("low funds, one number") << "low_funds" << "250";
    QTest::newRow("low funds, not numbers") << "low_funds" << "a b";
}

// A detail its kind never writes (a damaged file) is reported with the
// alert's id; it was shown raw ("card_melted", "2027-13").
void TestHistoryStore::unreadableAlertDetailsAreReported()
{
    QFETCH(QString, kind);
    QFETCH(QString, detail);
    test::StoreFixture fixture(m_engine.server());
    TOPUP_VERIFY_OK(fixture.open());
    const qint64 account = TOPUP_VALUE(fixture.signUp(QStringLiteral("a@example.com"), test::at("2027-03-15T10:00:00Z")));
    const qint64 id = TOPUP_VALUE(alertWith(fixture.store(), account, kind, 0, detail));
    const Expected<std::vector<AlertRow>> alerts = HistoryStore(fixture.store()).alerts(account, false, 10);
    QVERIFY(!alerts);
    QCOMPARE(alerts.error(), QStringLiteral("alert %1 in the store has an unknown detail \"%2\"").arg(id).arg(detail));
}

TOPUP_TEST_GUILESS_MAIN(TestHistoryStore)
} // namespace tst_historystore
#include "tst_historystore.moc"
