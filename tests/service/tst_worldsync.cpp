// The catch-up (WorldSync): the worlds are read once and carried from day to
// day in memory and saved a week at a time, which must give exactly what a
// catch-up of one day at a time gives (each day read from and saved to the
// store); and the store keeps the 5-minute samples of the last 48 hours only,
// while the roll-ups the charts read keep everything.
#include "testmain.h"
#include "checked.h"
#include "service/service.h"
#include "store/database.h"
#include "store/samplesrow.h"
#include "store/usagestore.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QScopeGuard>
#include <QThread>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

namespace tst_worldsync {

using namespace topup;
using topup::test::at;

namespace {

constexpr qint64 dayMs = 24 * 3600 * 1000;
constexpr qint64 gigabyte = 1000 * 1000 * 1000;
const char *const start = "2027-03-01T08:00:00Z"; // Paris changes to summer time on March 28

QString packageNamed(const std::vector<PackageRecord> &packages, const char *name)
{
    for (const PackageRecord &record : packages) {
        if (record.name == QLatin1String(name))
            return record.package.id;
    }
    return QString();
}

// Six lines that meet every rule a catch-up writes down: threshold and
// monthly top-ups, a declined card and its fallback, a wallet that runs
// dry (failures, suspended thresholds), monthly caps (blocked attempts) and
// a card that expires at the end of April (its alert).
Expected<void> buildWorld(Service &service)
{
    using Result = Expected<void>;
    const SignUpForm form{QStringLiteral("ana@example.com"), topup::test::testPassword(), QStringLiteral("EUR"),
                          QStringLiteral("Europe/Paris"), Money::fromCents(40000)};
    if (const Expected<Account> account = service.signUp(form); !account)
        return Result::failure(account.error());
    if (const Expected<CatchUpSummary> started = service.catchUpToNow(); !started)
        return Result::failure(started.error());
    const Expected<MethodRecord> card = service.addCard(CardForm{MethodKind::DebitCard, QStringLiteral("Ana Test"),
                                                                 QStringLiteral("5555 5555 5555 4444"), QStringLiteral("04/27"),
                                                                 QStringLiteral("456"), Money::fromCents(30000)});
    if (!card)
        return Result::failure(card.error());
    const Expected<MethodRecord> wallet = service.addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(6000)});
    if (!wallet)
        return Result::failure(wallet.error());
    const Expected<std::vector<PackageRecord>> packages = service.packages();
    if (!packages)
        return Result::failure(packages.error());
    const UsageProfile profiles[] = {UsageProfile::Heavy, UsageProfile::Regular, UsageProfile::Traveller, UsageProfile::Light};
    for (int i = 0; i < 6; ++i) {
        const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Line %1").arg(i), {}, profiles[i % 4],
                                                                   quint64(40 + i), DataAmount(2 * gigabyte), VoiceAmount(600)});
        if (!line)
            return Result::failure(line.error());
        Policy policy;
        if (i != 4)
            policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageNamed(*packages, i == 0 ? "5 GB data" : "1 GB data")};
        if (i % 2 == 1 || i == 4)
            policy.monthly = MonthlyTrigger{1 + (9 * i) % 28, 9 * 60, packageNamed(*packages, "100 minutes")};
        if (i == 1)
            policy.monthlyCap = Money::fromCents(1000);
        if (i == 3)
            policy.maxPerMonth = 2;
        policy.method = (i == 2 ? wallet : card)->engineId();
        if (i != 2)
            policy.fallback = wallet->engineId();
        if (const Expected<void> set = service.setPolicy(line->id, policy); !set)
            return set;
    }
    return service.injectFault(card->id, {Reason::Declined, Reason::GatewayError});
}

// Everything the UI shows of the world, as text.
QStringList everything(Service &service)
{
    QStringList text;
    const auto fail = [&](const QString &what) { return QStringList{QStringLiteral("error: ") + what}; };
    const Expected<Instant> clock = service.worldClock();
    if (!clock)
        return fail(clock.error());
    text << QStringLiteral("clock %1").arg(clock->toString());
    const Expected<std::vector<AttemptRow>> attempts = service.attempts(100000);
    if (!attempts)
        return fail(attempts.error());
    for (const AttemptRow &row : *attempts)
        text << QStringLiteral("attempt %1 %2 %3 %4 %5 %6 %7 %8 %9")
                    .arg(row.at.toString(), row.lineName, triggerKindName(row.trigger), row.key)
                    .arg(row.attempt)
                    .arg(row.methodId)
                    .arg(row.package, row.amount.toString(), attemptStatusName(row.status) + QLatin1Char(' ') + (row.reason ? reasonName(*row.reason) : QString()));
    const Expected<std::vector<LineRecord>> lines = service.lines();
    if (!lines)
        return fail(lines.error());
    for (const LineRecord &line : *lines) {
        text << QStringLiteral("line %1 %2 %3 %4 %5 %6 %7 %8")
                    .arg(line.name)
                    .arg(line.dataBytes)
                    .arg(line.voiceSeconds)
                    .arg(thresholdStateName(line.progress.state))
                    .arg(line.progress.thresholdChains)
                    .arg(line.progress.lastMonthlyKey)
                    .arg(line.progress.unservedDataBytes)
                    .arg(line.progress.unservedVoiceSeconds);
        for (const auto &[label, points] : {std::pair{"day", service.dailyUsage(line.id, 400)}, std::pair{"hour", service.hourlyUsage(line.id, 24 * 60)}}) {
            if (!points)
                return fail(points.error());
            for (const UsagePoint &point : *points)
                text << QStringLiteral("%1 %2 %3 %4 %5").arg(QLatin1String(label), line.name, point.label).arg(point.dataBytes).arg(point.voiceSeconds);
        }
    }
    const Expected<std::vector<MethodRecord>> methods = service.methods();
    if (!methods)
        return fail(methods.error());
    for (const MethodRecord &method : *methods)
        text << QStringLiteral("method %1 %2").arg(method.id).arg(method.funds.toString());
    const Expected<std::vector<MonthSpend>> spend = service.spendByMonth();
    if (!spend)
        return fail(spend.error());
    for (const MonthSpend &month : *spend)
        text << QStringLiteral("spend %1 %2 %3").arg(month.month, month.autoSpend.toString(), month.manualSpend.toString());
    const Expected<std::vector<AlertRow>> alerts = service.alerts();
    if (!alerts)
        return fail(alerts.error());
    for (const AlertRow &alert : *alerts) {
        const QString detail = !alert.failedCharges.empty() ? FailedTopUp{alert.failedCharges}.detail()
                               : alert.blockedBy            ? reasonName(*alert.blockedBy)
                               : alert.cardExpires          ? alert.cardExpires->toString()
                               : alert.lowFunds             ? alert.lowFunds->detail()
                                                            : QString();
        text << QStringLiteral("alert %1 %2 %3 %4 %5").arg(alert.at.toString(), alertKindName(alert.kind), alert.lineName).arg(alert.methodId).arg(detail);
    }
    return text;
}

int count(const QStringList &text, const char *prefix)
{
    int n = 0;
    for (const QString &row : text)
        n += row.startsWith(QLatin1String(prefix)) ? 1 : 0;
    return n;
}

// Ana in Paris, whose line "Phone" buys 1 GB at 09:00 on the 2nd of each
// month from an empty wallet: every monthly attempt fails and is retried
// (SPEC §6). The line's id.
Expected<qint64> monthlyFromEmptyWallet(Service &service)
{
    const auto fail = [](const QString &error) { return Expected<qint64>::failure(error); };
    if (const auto signedUp = service.signUp(SignUpForm{QStringLiteral("ana@example.com"), topup::test::testPassword(),
                                                        QStringLiteral("EUR"), QStringLiteral("Europe/Paris"), std::nullopt});
        !signedUp)
        return fail(signedUp.error());
    if (const auto caught = service.catchUpToNow(); !caught)
        return fail(caught.error());
    const Expected<MethodRecord> empty = service.addWallet(WalletForm{QStringLiteral("ana@example.com"), Money()});
    if (!empty)
        return fail(empty.error());
    const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Light, 1, DataAmount(5 * gigabyte), {}});
    if (!line)
        return fail(line.error());
    const Expected<std::vector<PackageRecord>> packages = service.packages();
    if (!packages)
        return fail(packages.error());
    Policy policy;
    policy.monthly = MonthlyTrigger{2, 9 * 60, packageNamed(*packages, "1 GB data")};
    policy.method = empty->engineId();
    if (const auto set = service.setPolicy(line->id, policy); !set)
        return fail(set.error());
    return line->id;
}

// The rows a catch-up's save writes, as the store holds them: every
// line's state, the pending retries, the attempts and the alerts, ids
// included, in the order of their keys (a truth value as 0 or 1 on both).
QStringList savedRows(QSqlDatabase db)
{
    QStringList rows;
    const char *const queries[] = {
        "SELECT id, data_bytes, voice_seconds, unserved_data_bytes, unserved_voice_seconds, threshold_state, threshold_chains,"
        " last_monthly_key, check_due FROM lines ORDER BY id",
        "SELECT line_id, due_ms, seq, trigger, chain_key, attempt FROM retries ORDER BY line_id, seq",
        // (not the method's token: a random one each world)
        "SELECT id, account_id, line_id, at_ms, month, trigger, chain_key, attempt, method_id, method_token IS NULL, package_id,"
        " amount_cents, status, reason, reconciled FROM attempts ORDER BY id",
        "SELECT id, account_id, at_ms, kind, line_id, method_id, detail, read FROM alerts ORDER BY id"};
    for (const char *sql : queries) {
        QSqlQuery query(db);
        if (!query.exec(QLatin1String(sql)))
            return {QStringLiteral("error: ") + query.lastError().text()};
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << (query.isNull(i) ? QStringLiteral("<null>")
                           : query.value(i).metaType() == QMetaType::fromType<bool>() ? QString::number(int(query.value(i).toBool()))
                                                                                      : query.value(i).toString());
            rows << values.join(QLatin1Char('|'));
        }
    }
    return rows;
}

} // namespace

class TestWorldSync final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void carriedAndSavedWeeklyEqualsDayByDay_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<qint64>("extraMs"); // a last part day
        QTest::newRow("40 days") << 40 << qint64(0);
        QTest::newRow("6 days and a half") << 6 << qint64(12 * 3600 * 1000);
        QTest::newRow("15 days and 7 minutes") << 15 << qint64(7 * 60 * 1000);
    }

    void carriedAndSavedWeeklyEqualsDayByDay()
    {
        QFETCH(int, days);
        QFETCH(qint64, extraMs);
        const qint64 spanMs = days * dayMs + extraMs;
        QTemporaryDir dayByDayDir;
        QTemporaryDir wholeDir;
        QStringList dayByDay;
        {
            Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(dayByDayDir.path(), at(start));
            QVERIFY2(opened, qPrintable(opened.error()));
            std::unique_ptr<Service> service = opened.take();
            const Expected<void> built = buildWorld(*service);
            QVERIFY2(built, qPrintable(built.error()));
            // One catch-up per day: each reads the world from the store and saves it.
            for (qint64 done = 0; done < spanMs; done += dayMs) {
                const Expected<CatchUpSummary> step = service->advanceBy(std::min(dayMs, spanMs - done));
                QVERIFY2(step, qPrintable(step.error()));
            }
            dayByDay = everything(*service);
        }
        QStringList whole;
        CatchUpSummary summary;
        int reports = 0;
        {
            Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(wholeDir.path(), at(start));
            QVERIFY2(opened, qPrintable(opened.error()));
            std::unique_ptr<Service> service = opened.take();
            const Expected<void> built = buildWorld(*service);
            QVERIFY2(built, qPrintable(built.error()));
            const Expected<CatchUpSummary> done = service->advanceBy(spanMs, [&](Instant, Instant) { ++reports; });
            QVERIFY2(done, qPrintable(done.error()));
            summary = *done;
            whole = everything(*service);
        }
        QCOMPARE(reports, days + (extraMs > 0 ? 1 : 0)); // progress every day
        QVERIFY2(!dayByDay.isEmpty() && !dayByDay.first().startsWith(QLatin1String("error")), qPrintable(dayByDay.join(QLatin1Char('\n'))));
        QCOMPARE(whole.size(), dayByDay.size());
        for (int i = 0; i < whole.size(); ++i)
            QCOMPARE(whole[i], dayByDay[i]);
        QVERIFY(summary.topUps + summary.failures + summary.blocked > 0);
        if (days >= 40) { // the world met every rule it was built for
            QVERIFY2(count(whole, "attempt") > 20, qPrintable(QString::number(count(whole, "attempt"))));
            QVERIFY(whole.filter(QStringLiteral(" blocked ")).size() > 0);
            QVERIFY(whole.filter(QStringLiteral(" failed ")).size() > 0);
            QVERIFY(whole.filter(QStringLiteral("card_expiring")).size() == 1);
            QVERIFY(whole.filter(QStringLiteral("topup_failed")).size() > 0);
        }
    }

    // A failed chain's retries stay pending however the clock moves: in
    // steps shorter than their delays (the player moves 4.8 hours a tick,
    // and every change to the world settles the rules with a step of 1 ms),
    // a retry loaded into a run that ends before it is due was dropped, so
    // a monthly chain stopped after attempt 2 and a threshold trigger stayed
    // "retrying" for ever.
    void retriesOutliveShortSteps_data()
    {
        QTest::addColumn<qint64>("stepMs");
        QTest::newRow("a day at a time") << dayMs;
        QTest::newRow("the player's 4.8 hours") << qint64(288 * 60 * 1000);
        QTest::newRow("50 minutes") << qint64(50 * 60 * 1000);
    }

    void retriesOutliveShortSteps()
    {
        QFETCH(qint64, stepMs);
        QTemporaryDir dir;
        Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(dir.path(), at(start));
        QVERIFY2(opened, qPrintable(opened.error()));
        std::unique_ptr<Service> service = opened.take();
        TOPUP_VERIFY_OK(monthlyFromEmptyWallet(*service));
        for (qint64 done = 0; done < 3 * dayMs; done += stepMs)
            TOPUP_VERIFY_OK(service->advanceBy(stepMs));
        std::vector<AttemptRow> attempts = TOPUP_VALUE(service->attempts(100));
        std::reverse(attempts.begin(), attempts.end());
        // 09:00 in Paris on the 2nd, then one hour, six hours and a day after each failure (SPEC §6).
        const std::vector<Instant> expected{at("2027-03-02T08:00:00Z"), at("2027-03-02T09:00:00Z"), at("2027-03-02T15:00:00Z"),
                                            at("2027-03-03T15:00:00Z")};
        QCOMPARE(attempts.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(attempts[i].at, expected[i]);
            QCOMPARE(attempts[i].attempt, int(i) + 1);
            QCOMPARE(attempts[i].reason, Reason::InsufficientFunds);
        }
    }

    // A pending retry or charge intent whose trigger this version does not
    // know (a damaged file) stops the world with a message naming it; a
    // retry's was run as a threshold retry.
    void unknownTriggerIsReported_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("message");
        QTest::newRow("a retry") << "UPDATE retries SET trigger = 'weekly'"
                                 << "retry of line %1 in the store has an unknown trigger \"weekly\"";
        QTest::newRow("a charge intent")
            << "INSERT INTO charge_intents (chain_key, attempt, method_token, line_id, method_id, package_id, trigger, at_ms, month)"
               " SELECT 'k', 1, m.token, l.id, m.id, (SELECT min(id) FROM packages), 'weekly', 0, '2027-03' FROM lines l, methods m"
            << "charge intent of line %1 in the store has an unknown trigger \"weekly\"";
    }

    void unknownTriggerIsReported()
    {
        QFETCH(QString, damage);
        QFETCH(QString, message);
        QTemporaryDir dir;
        qint64 lineId = 0;
        {
            Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(dir.path(), at(start));
            QVERIFY2(opened, qPrintable(opened.error()));
            std::unique_ptr<Service> service = opened.take();
            lineId = TOPUP_VALUE(monthlyFromEmptyWallet(*service));
            TOPUP_VERIFY_OK(service->advanceBy(dayMs + 30 * 60 * 1000)); // the first attempt failed; its retry is due an hour later
            QCOMPARE(TOPUP_VALUE(service->attempts(100)).size(), std::size_t(1));
        }
        const QString connection = QStringLiteral("tst_worldsync_damage");
        const auto closeConnection = qScopeGuard([&] { QSqlDatabase::removeDatabase(connection); });
        {
            QSqlDatabase db = test::addWorldConnection(connection, dir.path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY2(query.exec(damage), qPrintable(query.lastError().text()));
            QCOMPARE(query.numRowsAffected(), 1);
        }
        Expected<std::unique_ptr<Service>> reopened = topup::test::openTestService(dir.path(), at(start));
        if (!reopened) {
            QCOMPARE(reopened.error(), message.arg(lineId));
            return;
        }
        const Expected<CatchUpSummary> moved = (*reopened)->advanceBy(dayMs);
        QVERIFY(!moved);
        QCOMPARE(moved.error(), message.arg(lineId));
    }

    // A catch-up writes the same rows on both engines: on PostgreSQL the
    // save sends the lines' state, retries, blocked attempts and alerts
    // thousands of rows a statement (BatchedStatement), on SQLite a
    // statement a row. The same world, built and caught up over 40 days
    // (weekly saves, every rule met) in a data folder and on the server,
    // shows the same and holds the same rows, ids included. Run by
    // tst_worldsync_postgresql, which has a server to compare with.
    void bothEnginesWriteTheSameRows()
    {
        if (m_engine.engine() == Dialect::Engine::Sqlite)
            return; // the _postgresql run compares the two engines
        QTemporaryDir folder;
        QTemporaryDir serverFolder;
        const Expected<WorldLocation> onServer = m_engine.worldAt(serverFolder.path());
        QVERIFY2(onServer, qPrintable(onServer.error()));
        QStringList shown[2];
        QStringList saved[2];
        int pass = 0;
        for (const WorldLocation &location : {WorldLocation::folder(folder.path()), *onServer}) {
            Service::Options options;
            options.location = location;
            options.fixedNow = at(start);
            options.passwordIterations = topup::test::fastPasswordRounds;
            Expected<std::unique_ptr<Service>> opened = Service::open(options);
            QVERIFY2(opened, qPrintable(opened.error()));
            std::unique_ptr<Service> service = opened.take();
            TOPUP_VERIFY_OK(buildWorld(*service));
            TOPUP_VERIFY_OK(service->advanceBy(40 * dayMs));
            shown[pass] = everything(*service);
            const QString connection = QStringLiteral("tst_worldsync_engines_%1").arg(pass);
            {
                QSqlDatabase db = pass == 0 ? QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection)
                                            : m_engine.addWorldConnection(connection, serverFolder.path());
                if (pass == 0)
                    db.setDatabaseName(folder.filePath(QStringLiteral("topup.sqlite")));
                QVERIFY2(db.open(), qPrintable(db.lastError().text()));
                saved[pass] = savedRows(db);
            }
            QSqlDatabase::removeDatabase(connection);
            ++pass;
        }
        QVERIFY2(count(shown[0], "attempt") > 20, qPrintable(shown[0].join(QLatin1Char('\n'))));
        QVERIFY(shown[0].filter(QStringLiteral(" blocked ")).size() > 0);
        QCOMPARE(shown[1].size(), shown[0].size());
        for (int i = 0; i < shown[0].size(); ++i)
            QCOMPARE(shown[1][i], shown[0][i]);
        QVERIFY2(!saved[0].isEmpty() && !saved[0].first().startsWith(QLatin1String("error")), qPrintable(saved[0].value(0)));
        QCOMPARE(saved[1].size(), saved[0].size());
        for (int i = 0; i < saved[0].size(); ++i)
            QCOMPARE(saved[1][i], saved[0][i]);
    }

    void samplesAreKeptFor48Hours_data()
    {
        QTest::addColumn<bool>("stopEarly");
        QTest::newRow("caught up") << false;
        QTest::newRow("stopped between days after a weekly save") << true;
    }

    // After a catch-up the samples table holds the hours that reach into
    // the last 48 hours of the clock, every 5-minute sample of them, and they add up to the hourly
    // roll-ups of the hours they cover; the roll-ups cover the whole span.
    // A catch-up stopped between days (the window closed) leaves the same.
    void samplesAreKeptFor48Hours()
    {
        QFETCH(bool, stopEarly);
        QTemporaryDir dir;
        int days = 10;
        {
            Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(dir.path(), at(start));
            QVERIFY2(opened, qPrintable(opened.error()));
            std::unique_ptr<Service> service = opened.take();
            const Expected<void> built = buildWorld(*service);
            QVERIFY2(built, qPrintable(built.error()));
            if (!stopEarly) {
                const Expected<CatchUpSummary> done = service->advanceBy(days * dayMs);
                QVERIFY2(done, qPrintable(done.error()));
                QCOMPARE(done->usageSamples, qint64(6 * days * 288));
            }
        }
        if (stopEarly) {
            // Two years ahead, stopped between days one day after the first
            // weekly save (as when the window closes): in a thread of its
            // own, which asks itself to stop once day 8 is done.
            QString error;
            std::unique_ptr<QThread> thread(QThread::create([&] {
                Expected<std::unique_ptr<Service>> opened = topup::test::openTestService(dir.path(), at(start).plusMsecs(730 * dayMs));
                if (!opened) {
                    error = opened.error();
                    return;
                }
                const Expected<CatchUpSummary> done = (*opened)->catchUpToNow([&](Instant reached, Instant) {
                    if (reached.msecs() >= at(start).msecs() + 8 * dayMs)
                        QThread::currentThread()->requestInterruption();
                });
                if (!done)
                    error = done.error();
            }));
            thread->start();
            QVERIFY(thread->wait(120000));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        const QString connection = QStringLiteral("tst_worldsync_read");
        const auto closeConnection = qScopeGuard([&] { QSqlDatabase::removeDatabase(connection); });
        {
            QSqlDatabase db = test::addWorldConnection(connection, dir.path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            // A few ms past the day: setting a policy settles the rules.
            QVERIFY(query.exec(QStringLiteral("SELECT clock_ms FROM world")) && query.next());
            const qint64 clock = query.value(0).toLongLong();
            query.finish();
            if (stopEarly) {
                days = int((clock - at(start).msecs()) / dayMs);
                QCOMPARE(days, 8);
            }
            QVERIFY(clock >= at(start).msecs() + days * dayMs);
            // Kept by the UTC day: every sample from the start of the day
            // that holds the instant 48 hours before the clock.
            const qint64 cutOff = UsageStore::samplesKeptFrom(Instant::fromMsecs(clock)).msecs();
            QCOMPARE(cutOff % dayMs, 0);
            QVERIFY(cutOff <= clock - UsageStore::sampleRetentionMs && cutOff > clock - UsageStore::sampleRetentionMs - dayMs);
            constexpr qint64 every = 5 * 60 * 1000;
            constexpr qint64 hour = 3600 * 1000;
            const qint64 firstSample = cutOff;
            const qint64 lastSample = clock / every * every;
            QVERIFY(query.exec(QStringLiteral("SELECT line_id, hour, samples FROM usage_recent ORDER BY line_id, hour")));
            // line → its samples' instants, and each hour's sums
            std::map<qint64, std::vector<qint64>> instants;
            std::map<std::pair<qint64, qint64>, std::pair<qint64, qint64>> hourSums;
            while (query.next()) {
                const qint64 line = query.value(0).toLongLong();
                const qint64 number = query.value(1).toLongLong();
                const Expected<SamplesRow> samples = SamplesRow::parse(query.value(2).toByteArray(), number);
                QVERIFY2(samples, qPrintable(samples.error()));
                QVERIFY(!samples->empty());
                for (const SamplesRow::Sample &sample : samples->samples()) {
                    const qint64 instant = number * hour + sample.offsetMs;
                    instants[line].push_back(instant);
                    hourSums[{line, instant / hour}].first += sample.dataBytes;
                    hourSums[{line, instant / hour}].second += sample.voiceSeconds;
                }
            }
            QCOMPARE(int(instants.size()), 6);
            for (const auto &[line, each] : instants) {
                QCOMPARE(each.front(), firstSample);
                QCOMPARE(each.back(), lastSample);
                QCOMPARE(qint64(each.size()), (lastSample - firstSample) / every + 1); // every one of them
            }
            // Every hour inside the window: its samples add up to its roll-up.
            // Every hour inside the window: its samples add up to its roll-up
            // (a line's day of hours a row of usage_hours).
            QVERIFY(query.exec(QStringLiteral("SELECT line_id, day, hours FROM usage_hours ORDER BY line_id, day")));
            int hours = 0;
            qint64 allHours = 0;
            qint64 hourlyData = 0;
            qint64 hourlyVoice = 0;
            while (query.next()) {
                const Expected<HoursRow> row = HoursRow::parse(query.value(2).toByteArray());
                QVERIFY2(row, qPrintable(row.error()));
                for (const HoursRow::Hour &each : row->hours()) {
                    const qint64 number = HoursRow::firstHourOf(query.value(1).toLongLong()) + each.hour;
                    ++allHours;
                    hourlyData += each.dataBytes;
                    hourlyVoice += each.voiceSeconds;
                    if (number * hour < cutOff || number * hour + hour > clock)
                        continue;
                    ++hours;
                    const auto sums = hourSums.find({query.value(0).toLongLong(), number});
                    QVERIFY(sums != hourSums.end());
                    QCOMPARE(sums->second.first, each.dataBytes);
                    QCOMPARE(sums->second.second, each.voiceSeconds);
                }
            }
            const qint64 fullHours = clock / hour - cutOff / hour;
            QCOMPARE(hours, int(6 * fullHours));
            QVERIFY(fullHours >= 48);
            // The roll-ups keep the whole span, and agree with each other.
            QVERIFY(query.exec(QStringLiteral("SELECT (SELECT sum(data_bytes) FROM usage_daily), (SELECT sum(voice_seconds) FROM usage_daily)")));
            QVERIFY(query.next());
            QVERIFY2(allHours >= 6 * days * 24, qPrintable(QString::number(allHours)));
            QCOMPARE(hourlyData, query.value(0).toLongLong());
            QCOMPARE(hourlyVoice, query.value(1).toLongLong());
            QVERIFY(hourlyData > 0);
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestWorldSync)
} // namespace tst_worldsync
#include "tst_worldsync.moc"
