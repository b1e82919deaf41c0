// A write settles only the lines something can happen to (WorldSync::settle,
// docs/settling.md): on seeded random worlds, with and without an account
// cap, one world is driven with narrowed settles and a copy of it with
// settles that run every line, through the same random writes and clock
// moves, and after each of them both stores and journals must hold the
// same world: attempts, balances and rule states, retries, alerts, usage,
// funds and the clock.
#include "testmain.h"
#include "storeengine.h"
#include "service/service.h"
#include "service/worldsync.h"
#include "checked.h"
#include "seededworld.h"
#include "storefixture.h"
#include "worldimage.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace tst_settlenarrowing {

using namespace topup;

namespace {

constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
constexpr qint64 megabyte = 1000 * 1000;

using test::Draws;

// Every row of the queries on the store of the world kept for `folder`
// (its file, or its database on the test's server), one text line each:
// what "the same world" compares.
QStringList dump(const QString &folder, const QStringList &queries)
{
    static int opened = 0;
    const QString connection = QStringLiteral("tst_settlenarrowing_%1").arg(++opened);
    QStringList rows;
    {
        QSqlDatabase db = test::addWorldConnection(connection, folder);
        if (!db.open()) {
            rows << QStringLiteral("cannot open the store of %1: %2").arg(folder, db.lastError().text());
        } else {
            QSqlQuery query(db);
            for (const QString &sql : queries) {
                rows << sql;
                if (!query.exec(sql)) {
                    rows << QStringLiteral("failed: ") + query.lastError().text();
                    continue;
                }
                while (query.next()) {
                    QStringList values;
                    for (int i = 0; i < query.record().count(); ++i)
                        values << (query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
                    rows << values.join(QLatin1Char('|'));
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

QStringList worldOf(const QString &folder)
{
    return dump(folder,
                {QStringLiteral("SELECT clock_ms FROM world"),
                 QStringLiteral("SELECT id, state, data_bytes, voice_seconds, unserved_data_bytes, unserved_voice_seconds, policy_json,"
                                " threshold_state, threshold_chains, manual_topups, last_monthly_key, check_due, pays_method,"
                                " pays_fallback, pays_cents FROM lines ORDER BY id"),
                 QStringLiteral("SELECT line_id, due_ms, trigger, chain_key, attempt FROM retries ORDER BY line_id, seq"),
                 QStringLiteral("SELECT account_id, line_id, at_ms, month, trigger, chain_key, attempt, method_id, method_token, package_id,"
                                " amount_cents, status, reason, reconciled FROM attempts ORDER BY id"),
                 QStringLiteral("SELECT account_id, at_ms, kind, line_id, method_id, detail, read FROM alerts ORDER BY id"),
                 QStringLiteral("SELECT line_id, hour, samples FROM usage_recent ORDER BY line_id, hour"),
                 QStringLiteral("SELECT line_id, day, hours FROM usage_hours ORDER BY line_id, day"),
                 QStringLiteral("SELECT line_id, day, data_bytes, voice_seconds FROM usage_daily ORDER BY line_id, day"),
                 QStringLiteral("SELECT count(*) FROM charge_intents")});
}

// The funds the journal holds, as the service reports them.
QStringList fundsOf(Service &service)
{
    QStringList funds;
    for (const MethodRecord &method : TOPUP_VALUE(service.methods()))
        funds << QStringLiteral("%1 %2").arg(method.id).arg(method.funds.cents());
    return funds;
}

// Why two worlds differ: the first row where they part.
QString firstDifference(const QStringList &narrowed, const QStringList &whole)
{
    for (int i = 0; i < std::min(narrowed.size(), whole.size()); ++i) {
        if (narrowed[i] != whole[i])
            return QStringLiteral("row %1:\n  narrowed: %2\n  whole:    %3").arg(i).arg(narrowed[i], whole[i]);
    }
    return QStringLiteral("%1 rows narrowed, %2 whole").arg(narrowed.size()).arg(whole.size());
}

} // namespace

class TestSettleNarrowing final : public QObject
{
    Q_OBJECT

    // What the worlds met, so no case goes untested.
    static inline int s_narrowed = 0;       // settles that ran some lines only
    static inline int s_retryDue = 0;       // ... with another line's retry due at their instant
    static inline int s_checkDue = 0;       // ... with another line's threshold check still due
    static inline int s_accountCapped = 0;  // ... in an account with a cap

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void cleanupTestCase()
    {
        qDebug("%d narrowed settles: %d with a retry due, %d with a check due, %d under an account cap", s_narrowed, s_retryDue,
               s_checkDue, s_accountCapped);
        QVERIFY(s_narrowed > 100);
        QVERIFY(s_retryDue > 0);
        QVERIFY(s_checkDue > 0);
        QVERIFY(s_accountCapped > 0);
    }

    void narrowedSettleGivesTheWholeWorldsResult_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<bool>("accountCap");
        for (quint64 seed = 1, worlds = quint64(test::seededWorldCount(12)); seed <= worlds; ++seed)
            QTest::addRow("world %llu%s", seed, seed % 2 ? ", account cap" : "") << seed << (seed % 2 == 1);
    }

    void narrowedSettleGivesTheWholeWorldsResult()
    {
        QFETCH(quint64, seed);
        QFETCH(bool, accountCap);
        Draws draw(seed * 0x9e3779b97f4a7c15ULL);
        test::WorldFolders folders(QStringLiteral("tst_settlenarrowing"));
        QVERIFY(folders.isValid());
        const QString narrowDir = folders.narrow.path();
        const QString wholeDir = folders.whole.path();
        // At any second of 2027, a few ms past it.
        const Instant start = Instant::fromMsecs(test::at("2027-01-01T00:00:00Z").msecs() + qint64(draw.below(364)) * day
                                                 + qint64(draw.below(86400)) * 1000 + 1 + draw.below(999));

        // The world, built once (with settles of every line) and copied.
        qint64 accountId = 0;
        std::vector<qint64> lineIds;
        std::vector<MethodRecord> methods;
        std::vector<PackageRecord> packages;
        // A random policy: thresholds above what their package adds (the
        // check stays due), small caps, fallbacks.
        const auto randomPolicy = [&]() -> Policy {
            Policy policy;
            policy.enabled = !draw.chance(10);
            std::vector<QString> data;
            for (const PackageRecord &record : packages) {
                if (record.package.data.bytes() > 0)
                    data.push_back(record.package.id);
            }
            if (draw.chance(80))
                policy.threshold = ThresholdTrigger{Resource::Data, (200 + qint64(draw.below(8000))) * megabyte, draw.pick(data)};
            if (!policy.threshold || draw.chance(40))
                policy.monthly = MonthlyTrigger{1 + int(draw.below(28)), int(draw.below(24 * 60)), draw.pick(packages).package.id};
            if (draw.chance(40))
                policy.monthlyCap = Money::fromCents(1000 + 1000 * qint64(draw.below(6)));
            if (draw.chance(25))
                policy.maxPerMonth = 1 + qint64(draw.below(3));
            policy.method = draw.pick(methods).engineId();
            const QString fallback = draw.pick(methods).engineId();
            if (draw.chance(40) && fallback != policy.method)
                policy.fallback = fallback;
            return policy;
        };

        {
            std::unique_ptr<Service> service = test::openNarrowed(narrowDir, start, &Service::Options::narrowSettles, false);
            QVERIFY(service);
            std::optional<Money> cap;
            if (accountCap)
                cap = Money::fromCents(3000 + 1000 * qint64(draw.below(6)));
            const QString zone = draw.pick(std::vector<QString>{QStringLiteral("Europe/Paris"), QStringLiteral("America/New_York"),
                                                                QStringLiteral("Asia/Kolkata"), QStringLiteral("UTC")});
            accountId = test::signUpAccount(*service, QStringLiteral("n%1@example.com").arg(seed), zone, cap);
            QVERIFY(accountId);
            for (int i = 0, count = 2 + int(draw.below(2)); i < count; ++i) {
                // Some run dry soon, so top-ups fail, retry and get suspended.
                const Money funds = Money::fromCents(draw.chance(50) ? qint64(draw.below(3000)) : 20000 + qint64(draw.below(20000)));
                methods.push_back(TOPUP_VALUE(test::addNumberedMethod(*service, i, funds)));
            }
            packages = TOPUP_VALUE(service->packages());
            for (int i = 0, count = 6 + int(draw.below(5)); i < count; ++i) {
                lineIds.push_back(TOPUP_VALUE(service->addLine(test::drawLine(draw, i, 3000, 100))).id);
                if (draw.chance(80))
                    TOPUP_VERIFY_OK(service->setPolicy(lineIds.back(), randomPolicy()));
            }
            TOPUP_VERIFY_OK(service->advanceBy(qint64(draw.below(5)) * day + qint64(draw.below(86400)) * 1000 + 1 + draw.below(998)));
        }
        const test::NarrowedPair pair = test::copyAndOpenBoth(folders, start, &Service::Options::narrowSettles, accountId);
        QVERIFY(pair.narrow && pair.whole);
        Service *narrow = pair.narrow.get();
        Service *whole = pair.whole.get();

        for (int step = 0; step < 50; ++step) {
            const Instant clock = TOPUP_VALUE(narrow->worldClock());
            const qint64 next = clock.msecs() + 1;
            const int kind = int(draw.below(100));
            // What a narrowed settle at clock + 1 ms will meet.
            if (kind < 70 && WorldSync::narrowable(clock, Instant::fromMsecs(next))) {
                const QStringList state = dump(narrowDir,
                                               {QStringLiteral("SELECT count(*) FROM retries WHERE due_ms = %1").arg(next),
                                                QStringLiteral("SELECT count(*) FROM lines WHERE check_due = 1 AND state = 'active'")});
                ++s_narrowed;
                s_retryDue += state.value(1) != QLatin1String("0") ? 1 : 0;
                s_checkDue += state.value(3) != QLatin1String("0") ? 1 : 0;
                s_accountCapped += accountCap ? 1 : 0;
            }
            const qint64 line = draw.pick(lineIds);
            const MethodRecord &method = draw.pick(methods);
            QString what;
            if (kind < 30) {
                const Policy policy = randomPolicy();
                what = QStringLiteral("setPolicy L%1").arg(line);
                const Expected<void> a = narrow->setPolicy(line, policy);
                const Expected<void> b = whole->setPolicy(line, policy);
                QCOMPARE(bool(a), bool(b));
            } else if (kind < 42) {
                const Money amount = Money::fromCents(1 + qint64(draw.below(4000)));
                what = QStringLiteral("deposit M%1").arg(method.id);
                TOPUP_VERIFY_OK(narrow->deposit(method.id, amount));
                TOPUP_VERIFY_OK(whole->deposit(method.id, amount));
            } else if (kind < 52) {
                what = QStringLiteral("drain L%1").arg(line);
                TOPUP_VERIFY_OK(narrow->drainLine(line));
                TOPUP_VERIFY_OK(whole->drainLine(line));
            } else if (kind < 60) {
                const qint64 package = draw.pick(packages).id;
                what = QStringLiteral("manual top-up L%1").arg(line);
                const Expected<ChargeAnswer> a = narrow->manualTopUp(line, package, method.id);
                const Expected<ChargeAnswer> b = whole->manualTopUp(line, package, method.id);
                QCOMPARE(bool(a), bool(b));
            } else if (kind < 65) {
                const std::vector<Reason> faults{std::vector<Reason>{Reason::Declined, Reason::GatewayError}[draw.below(2)]};
                what = QStringLiteral("faults M%1").arg(method.id);
                TOPUP_VERIFY_OK(narrow->injectFault(method.id, faults));
                TOPUP_VERIFY_OK(whole->injectFault(method.id, faults));
            } else if (kind < 68 && accountCap) {
                const Money cap = Money::fromCents(2000 + 1000 * qint64(draw.below(8)));
                what = QStringLiteral("account cap");
                TOPUP_VERIFY_OK(narrow->setAccountCap(cap));
                TOPUP_VERIFY_OK(whole->setAccountCap(cap));
            } else if (kind < 80) {
                // Up to a millisecond before a retry, so the next write's
                // settle meets it (a retry falls where its attempt did).
                std::optional<Instant> due;
                for (const LineRecord &record : TOPUP_VALUE(narrow->lines())) {
                    if (record.nextThresholdRetry && clock.msecs() + 1 < record.nextThresholdRetry->msecs() - 1)
                        due = !due || *record.nextThresholdRetry < *due ? record.nextThresholdRetry : due;
                }
                const qint64 by = due ? due->msecs() - 1 - clock.msecs() : 1 + qint64(draw.below(3 * 3600)) * 1000 + draw.below(999);
                what = QStringLiteral("advance %1 ms").arg(by);
                TOPUP_VERIFY_OK(narrow->advanceBy(by));
                TOPUP_VERIFY_OK(whole->advanceBy(by));
            } else {
                const qint64 by = draw.chance(50) ? qint64(draw.below(3)) * day + qint64(draw.below(86400)) * 1000 + draw.below(999)
                                                  : 1 + qint64(draw.below(20));
                what = QStringLiteral("advance %1 ms").arg(by);
                TOPUP_VERIFY_OK(narrow->advanceBy(std::max<qint64>(by, 1)));
                TOPUP_VERIFY_OK(whole->advanceBy(std::max<qint64>(by, 1)));
            }
            const QStringList narrowed = worldOf(narrowDir) + fundsOf(*narrow);
            const QStringList reference = worldOf(wholeDir) + fundsOf(*whole);
            QVERIFY2(narrowed == reference,
                     qPrintable(QStringLiteral("step %1 (%2): %3").arg(step).arg(what, firstDifference(narrowed, reference))));
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestSettleNarrowing)
} // namespace tst_settlenarrowing
#include "tst_settlenarrowing.moc"
