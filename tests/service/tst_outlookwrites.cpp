// After a write, the outlook re-makes only what the write touched: each
// write says which lines and methods it changed (AccountSession::touched),
// and the outlook's run kept (OutlookKeeper) survives it when those lines
// (and the lines paying with those methods) were on their own and still
// are — they run again alone — or when it touched no input of the engine
// (a line renamed: the whole outlook is given again, with the new name).
// Exactness is the point: two copies of one seeded random world take the
// same seeded random sequence of writes and moves, one service keeping the
// run and one making it at every outlook (Service::Options::keepOutlooks =
// false), and after every step both outlooks must say the same, field by
// field, and the dashboard's chart must equal every line's days added up.
#include "testmain.h"
#include "storeengine.h"
#include "service/service.h"
#include "checked.h"
#include "outlooktext.h"
#include "seededworld.h"
#include "storefixture.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <functional>

namespace tst_outlookwrites {

using namespace topup;

namespace {

using test::Draws;

constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

// What a sequence knows about its world (the same ids in both copies).
struct Fleet final
{
    std::vector<qint64> lines; // active ones
    std::vector<MethodRecord> methods;
    test::PackageIds packages;
    int added = 0;
};

// A card that always pays (most lines pay with it: on their own), a wallet
// running low shared by a few, sometimes a card that expires this month or
// the next; no account cap, one far out of reach or one within reach; 4 to
// 9 lines of random rules.
qint64 buildWorld(Service &service, Draws &draw, quint64 seed, Instant start, Fleet &fleet)
{
    std::optional<Money> cap;
    const int capKind = int(seed % 5);
    if (capKind == 1)
        cap = Money::fromCents(3000 + 1000 * qint64(draw.below(10)));
    else if (capKind == 2)
        cap = Money::fromCents(90000000);
    const QString zone = draw.pick(std::vector<QString>{QStringLiteral("Europe/Paris"), QStringLiteral("America/New_York"),
                                                        QStringLiteral("Australia/Lord_Howe"), QStringLiteral("UTC")});
    const qint64 accountId = test::signUpAccount(service, QStringLiteral("w%1@example.com").arg(seed), zone, cap);
    if (!accountId)
        return 0;
    const Expected<MethodRecord> card = test::addNumberedMethod(service, 1, Money::fromCents(100000000));
    const Expected<MethodRecord> wallet = test::addNumberedMethod(service, 0, Money::fromCents(qint64(draw.below(4000))));
    if (!card || !wallet)
        return 0;
    fleet.methods = {*card, *wallet};
    if (draw.chance(40)) {
        const QDate startDate = QDateTime::fromMSecsSinceEpoch(start.msecs(), QTimeZone(zone.toUtf8())).date();
        const QDate expiry = startDate.addMonths(int(draw.below(2)));
        const Expected<MethodRecord> expiring = service.addCard(
            CardForm{MethodKind::DebitCard, QStringLiteral("Pat Doe"), QStringLiteral("5555 5555 5555 4444"),
                     QStringLiteral("%1/%2").arg(expiry.month(), 2, 10, QLatin1Char('0')).arg(expiry.year() - 2000, 2, 10, QLatin1Char('0')),
                     QStringLiteral("123"), Money::fromCents(100000000)});
        if (!expiring)
            return 0;
        fleet.methods.push_back(*expiring);
    }
    const Expected<std::vector<PackageRecord>> records = service.packages();
    if (!records)
        return 0;
    fleet.packages = test::packageIds(*records);
    for (int i = 0, count = 4 + int(draw.below(6)); i < count; ++i) {
        const Expected<LineRecord> line = service.addLine(test::drawLine(draw, i, 5000, 200));
        if (!line)
            return 0;
        fleet.lines.push_back(line->id);
    }
    fleet.added = int(fleet.lines.size());
    return accountId;
}

// Random rules for a line: mostly paid with the card that always pays.
Policy drawPolicy(Draws &draw, const Fleet &fleet)
{
    Policy policy = test::drawRules(draw, test::RuleOdds{8, 85, 3000, 10}, fleet.packages.data, fleet.packages.voice, fleet.packages.all);
    const std::size_t pays = draw.chance(70) ? 0 : std::size_t(draw.below(quint32(fleet.methods.size())));
    policy.method = fleet.methods[pays].engineId();
    if (draw.chance(30)) {
        const std::size_t fallback = std::size_t(draw.below(quint32(fleet.methods.size())));
        if (fallback != pays)
            policy.fallback = fleet.methods[fallback].engineId();
    }
    return policy;
}

template<typename T>
Expected<void> done(const Expected<T> &result)
{
    if (!result)
        return Expected<void>::failure(result);
    return {};
}

// One step applied to a service; what it was, for the messages.
using Step = std::function<Expected<void>(Service &)>;

} // namespace

class TestOutlookWrites final : public QObject
{
    Q_OBJECT

    static inline int s_writes = 0;      // outlooks compared after a write
    static inline int s_runKept = 0;     // of them, the run kept (lines touched ran again alone)
    static inline int s_outlookKept = 0; // of them, the whole outlook kept (names only)
    static inline int s_linesTaken = 0;  // of them, built taking some lines of the last one again
    static inline int s_someRead = 0;    // of them, reading some lines only from the store

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void cleanupTestCase()
    {
        if (s_writes == 0)
            return; // keptAfterWritesSaysWhatAFreshOneSays did not run
        qDebug("%d outlooks compared after writes: %d kept the run (%d the whole outlook), %d took some lines of the last one,"
               " %d read some lines only",
               s_writes, s_runKept, s_outlookKept, s_linesTaken, s_someRead);
        // The writes are drawn so that about half of them touch only lines
        // on their own, or no input of the engine.
        QVERIFY(s_runKept > s_writes / 4);
        QVERIFY(s_writes - s_runKept > s_writes / 8);
        QVERIFY(s_outlookKept > 0);
        // Most writes touching some lines leave the others' outlooks as
        // they were: those are taken again, only the touched ones built.
        QVERIFY(s_linesTaken > (s_writes - s_outlookKept) / 2);
        // Most of those read the lines touched only (and the ones the engine
        // moved since), the others' rows taken from the world kept.
        QVERIFY(s_someRead > (s_writes - s_outlookKept) / 3);
    }

    void keptAfterWritesSaysWhatAFreshOneSays_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed = 1, worlds = quint64(test::seededWorldCount(16)); seed <= worlds; ++seed)
            QTest::addRow("world %llu", seed) << seed;
    }

    // Random writes and moves on both copies; after every step, the two
    // outlooks say the same.
    void keptAfterWritesSaysWhatAFreshOneSays()
    {
        QFETCH(quint64, seed);
        Draws draw(seed * 0x9e3779b97f4a7c15ULL + 29);
        test::WorldFolders folders(QStringLiteral("tst_outlookwrites"));
        QVERIFY(folders.isValid());
        const Instant start = test::drawStartIn2027(draw);
        qint64 accountId = 0;
        Fleet fleet;
        {
            std::unique_ptr<Service> service = test::openNarrowed(folders.narrow.path(), start, &Service::Options::keepOutlooks, true);
            QVERIFY(service);
            accountId = buildWorld(*service, draw, seed, start, fleet);
            QVERIFY(accountId);
            for (const qint64 line : fleet.lines) {
                if (draw.chance(85))
                    TOPUP_VERIFY_OK(service->setPolicy(line, drawPolicy(draw, fleet)));
            }
            TOPUP_VERIFY_OK(test::maybeAdvanceDays(*service, draw));
        }
        const test::NarrowedPair pair = test::copyAndOpenBoth(folders, start, &Service::Options::keepOutlooks, accountId);
        QVERIFY(pair.narrow && pair.whole);
        Service &keeping = *pair.narrow;
        Service &fresh = *pair.whole;
        QStringList steps;
        const auto same = [&]() -> QString {
            if (const QString differs = test::outlooksDiffer(keeping, fresh); !differs.isEmpty())
                return differs;
            return test::usageDiffers(keeping);
        };
        QString differs = same();
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        std::vector<qint64> addedIds; // by the step's two writes
        for (int step = 0; step < 16; ++step) {
            const int choice = int(draw.below(100));
            QString what;
            Step apply;
            if (choice < 25) {
                // Mostly a play step or a short catch-up, now and then days.
                const qint64 ms = draw.chance(75) ? qint64(1 + draw.below(12 * 60)) * minute : qint64(1 + draw.below(3)) * day;
                what = QStringLiteral("moved %1 min").arg(ms / minute);
                apply = [ms](Service &s) { return done(s.advanceBy(ms)); };
            } else if (fleet.lines.empty() || choice < 30) {
                const LineForm form = test::drawLine(draw, fleet.added++, 5000, 200);
                what = QStringLiteral("line added");
                apply = [form, &addedIds](Service &s) {
                    const Expected<LineRecord> line = s.addLine(form);
                    if (line)
                        addedIds.push_back(line->id);
                    return done(line);
                };
            } else if (choice < 42) {
                const qint64 line = draw.pick(fleet.lines);
                what = QStringLiteral("line %1 renamed").arg(line);
                const QString name = QStringLiteral("Renamed %1").arg(step);
                apply = [line, name](Service &s) { return s.renameLine(line, name); };
            } else if (choice < 62) {
                const qint64 line = draw.pick(fleet.lines);
                const std::optional<Policy> policy = draw.chance(90) ? std::optional<Policy>(drawPolicy(draw, fleet)) : std::nullopt;
                what = QStringLiteral("line %1's rules %2").arg(line).arg(policy ? QStringLiteral("saved") : QStringLiteral("removed"));
                apply = [line, policy](Service &s) { return s.setPolicy(line, policy); };
            } else if (choice < 72) {
                const MethodRecord &method = draw.pick(fleet.methods);
                const Money amount = Money::fromCents(100 + qint64(draw.below(3000)));
                what = QStringLiteral("deposit to method %1").arg(method.id);
                apply = [id = method.id, amount](Service &s) { return s.deposit(id, amount); };
            } else if (choice < 80) {
                const qint64 line = draw.pick(fleet.lines);
                const qint64 package = draw.pick(fleet.packages.data).mid(1).toLongLong();
                const qint64 method = draw.chance(80) ? fleet.methods[0].id : draw.pick(fleet.methods).id;
                what = QStringLiteral("manual top-up of line %1 with method %2").arg(line).arg(method);
                apply = [line, package, method](Service &s) { return done(s.manualTopUp(line, package, method)); };
            } else if (choice < 88) {
                const std::size_t index = std::size_t(draw.below(quint32(fleet.lines.size())));
                const qint64 line = fleet.lines[index];
                fleet.lines.erase(fleet.lines.begin() + std::ptrdiff_t(index));
                what = QStringLiteral("line %1 removed").arg(line);
                apply = [line](Service &s) { return s.removeLine(line); };
            } else if (choice < 92) {
                const std::optional<Money> cap = draw.chance(50) ? std::optional<Money>(Money::fromCents(2000 + 1000 * qint64(draw.below(20))))
                                                                 : std::nullopt;
                what = QStringLiteral("account cap %1").arg(cap ? cap->cents() : -1);
                apply = [cap](Service &s) { return s.setAccountCap(cap); };
            } else if (choice < 95) {
                const MethodRecord &method = draw.pick(fleet.methods);
                what = QStringLiteral("fault queued at method %1").arg(method.id);
                apply = [id = method.id](Service &s) { return s.injectFault(id, {Reason::Declined}); };
            } else {
                const qint64 line = draw.pick(fleet.lines);
                what = QStringLiteral("line %1 drained").arg(line);
                apply = [line](Service &s) { return s.drainLine(line); };
            }
            steps << what;
            const Expected<void> a = apply(keeping);
            const Expected<void> b = apply(fresh);
            QVERIFY2(bool(a) == bool(b), qPrintable(QStringLiteral("%1: %2 / %3").arg(what, a ? QString() : a.error(), b ? QString() : b.error())));
            if (!addedIds.empty()) {
                QCOMPARE(addedIds.size(), std::size_t(2));
                QCOMPARE(addedIds[0], addedIds[1]); // the same line in both copies
                fleet.lines.push_back(addedIds[0]);
                addedIds.clear();
            }
            const int runsBefore = keeping.outlookRuns();
            const int takingBefore = keeping.outlooksTakingLines();
            const int readingBefore = keeping.outlooksReadingSomeLines();
            differs = same();
            QVERIFY2(differs.isEmpty(), qPrintable(QStringLiteral("after %1: %2").arg(steps.join(QLatin1String(", ")), differs)));
            if (!what.startsWith(QLatin1String("moved"))) {
                ++s_writes;
                s_linesTaken += keeping.outlooksTakingLines() - takingBefore;
                s_someRead += keeping.outlooksReadingSomeLines() - readingBefore;
                if (keeping.outlookRuns() == runsBefore) {
                    ++s_runKept;
                    s_outlookKept += what.endsWith(QLatin1String("renamed")) ? 1 : 0;
                }
            }
        }
    }

    // The outlook after a move that crossed no usage sample reads again only
    // the lines the engine moved: here a retry that came due in between (the
    // line's state and retries changed, its top-up paid). Both copies move
    // to just past the 5-minute sample before the retry, then to just past
    // the retry, and say the same; the second outlook read some lines only.
    void aRetryDueBetweenTwoOutlooksIsReadAgain_data()
    {
        QTest::addColumn<bool>("capped");
        QTest::addColumn<bool>("leftBelow");
        QTest::addRow("on its own") << false << false;
        // An account cap within reach ties the lines: none is cut short.
        QTest::addRow("tied by the account cap") << true << false;
        // The retry's top-up leaves the line below its threshold: it tops up
        // again at the next instant visited, the next usage sample, in the
        // outlook kept (which went through the retry) and in the one made at
        // the clock after it alike (World::startVisited).
        QTest::addRow("left below its threshold") << false << true;
        QTest::addRow("left below its threshold, tied by the account cap") << true << true;
    }

    void aRetryDueBetweenTwoOutlooksIsReadAgain()
    {
        QFETCH(bool, capped);
        QFETCH(bool, leftBelow);
        Draws draw(77);
        test::WorldFolders folders(QStringLiteral("tst_outlookwrites"));
        QVERIFY(folders.isValid());
        const Instant start = *Instant::parse(u"2027-05-10T08:02:00Z"); // the retry due at 09:02
        qint64 accountId = 0;
        qint64 retrying = 0;
        {
            std::unique_ptr<Service> service = test::openNarrowed(folders.narrow.path(), start, &Service::Options::keepOutlooks, true);
            QVERIFY(service);
            test::PackageIds packages;
            accountId = test::signUpAccount(*service, QStringLiteral("retry@example.com"), QStringLiteral("UTC"),
                                              capped ? std::optional<Money>(Money::fromCents(1000)) : std::nullopt);
            QVERIFY(accountId);
            const MethodRecord card = TOPUP_VALUE(test::addNumberedMethod(*service, 1, Money::fromCents(100000000)));
            const std::vector<PackageRecord> records = TOPUP_VALUE(service->packages());
            packages = test::packageIds(records);
            qint64 packageBytes = 0;
            for (const PackageRecord &record : records) {
                if (record.package.id == packages.data.front())
                    packageBytes = record.package.data.bytes();
            }
            QVERIFY(packageBytes > 0);
            std::vector<LineRecord> lines;
            for (int i = 0; i < 3; ++i)
                lines.push_back(TOPUP_VALUE(service->addLine(test::drawLine(draw, i, 5000, 200))));
            // Just below its threshold: the settle's charge is declined, its
            // retry due an hour later lifts it above, or (leftBelow) not.
            Policy policy;
            policy.threshold = ThresholdTrigger{Resource::Data, lines[1].dataBytes + 1 + (leftBelow ? packageBytes : 0), packages.data.front()};
            policy.method = card.engineId();
            TOPUP_VERIFY_OK(service->injectFault(card.id, {Reason::Declined}));
            QVERIFY(!QTest::currentTestFailed());
            retrying = lines[1].id;
            TOPUP_VERIFY_OK(service->setPolicy(retrying, policy));
        }
        const test::NarrowedPair pair = test::copyAndOpenBoth(folders, start, &Service::Options::keepOutlooks, accountId);
        QVERIFY(pair.narrow && pair.whole);
        Service &keeping = *pair.narrow;
        Service &fresh = *pair.whole;
        std::optional<Instant> due;
        for (const LineRecord &line : TOPUP_VALUE(keeping.lines())) {
            if (line.id == retrying)
                due = line.nextThresholdRetry;
        }
        QVERIFY(due);
        const Expected<Instant> clock = keeping.worldClock();
        TOPUP_VERIFY_OK(clock);
        constexpr qint64 sample = 5 * minute;
        const qint64 sampleBefore = due->msecs() / sample * sample;
        QVERIFY(clock->msecs() < sampleBefore && sampleBefore < due->msecs());
        const auto same = [&] { return test::outlooksDiffer(keeping, fresh); };
        for (const qint64 to : {sampleBefore + 1, due->msecs() + 1}) {
            const Expected<Instant> now = keeping.worldClock();
            TOPUP_VERIFY_OK(now);
            const qint64 by = to - now->msecs();
            TOPUP_VERIFY_OK(keeping.advanceBy(by));
            TOPUP_VERIFY_OK(fresh.advanceBy(by));
            const int readingBefore = keeping.outlooksReadingSomeLines();
            const QString differs = same();
            QVERIFY2(differs.isEmpty(), qPrintable(differs));
            if (to == due->msecs() + 1)
                QCOMPARE(keeping.outlooksReadingSomeLines(), readingBefore + 1);
        }
    }

    // The world's top-ups do not depend on where its runs were cut: moved
    // an hour at once, or in pieces each starting 1 ms after a top-up that
    // left a line below its threshold (the write's settle, a usage sample),
    // both copies make the same attempts, at the same instants, and end with
    // the same balances. Such a line tops up again at the next usage sample
    // (the instant a run going through visits next), until the account cap
    // blocks it; a run resumed 1 ms after the top-up does not act at its start.
    void aWorldMovedInPiecesEqualsOneMove()
    {
        Draws draw(79);
        test::WorldFolders folders(QStringLiteral("tst_outlookwrites"));
        QVERIFY(folders.isValid());
        const Instant start = *Instant::parse(u"2027-05-10T08:02:00Z");
        qint64 accountId = 0;
        qint64 below = 0;
        {
            std::unique_ptr<Service> service = test::openNarrowed(folders.narrow.path(), start, &Service::Options::keepOutlooks, true);
            QVERIFY(service);
            accountId = test::signUpAccount(*service, QStringLiteral("pieces@example.com"), QStringLiteral("Europe/Paris"), std::nullopt);
            QVERIFY(accountId);
            const MethodRecord paying = TOPUP_VALUE(test::addNumberedMethod(*service, 1, Money::fromCents(100000000)));
            const std::vector<PackageRecord> records = TOPUP_VALUE(service->packages());
            const QString package = test::packageIds(records).data.front();
            const auto record = std::find_if(records.begin(), records.end(), [&](const PackageRecord &r) { return r.package.id == package; });
            QVERIFY(record != records.end());
            // Room for three top-ups of the line: the fourth is blocked.
            TOPUP_VERIFY_OK(service->setAccountCap(Money::fromCents(3 * record->package.price.cents())));
            std::vector<LineRecord> lines;
            for (int i = 0; i < 2; ++i)
                lines.push_back(TOPUP_VALUE(service->addLine(test::drawLine(draw, i, 5000, 200))));
            QVERIFY(!QTest::currentTestFailed());
            Policy policy;
            policy.threshold = ThresholdTrigger{Resource::Data, lines[0].dataBytes + 3 * record->package.data.bytes() + 1, package};
            policy.method = paying.engineId();
            below = lines[0].id;
            // Its settle tops it up once, still below.
            TOPUP_VERIFY_OK(service->setPolicy(below, policy));
        }
        const test::NarrowedPair pair = test::copyAndOpenBoth(folders, start, &Service::Options::keepOutlooks, accountId);
        QVERIFY(pair.narrow && pair.whole);
        Service &once = *pair.whole;
        Service &pieces = *pair.narrow;
        const Instant clock = TOPUP_VALUE(once.worldClock());
        const qint64 target = clock.msecs() + hour;
        // What the outlook at the clock promises for the hour (the account
        // cap ties the lines: none is cut short).
        QStringList promised;
        const Outlook outlook = TOPUP_VALUE(once.outlook());
        QVERIFY(outlook.line(below));
        for (const PreviewItem &item : outlook.line(below)->topUps) {
            if (item.at.msecs() <= target)
                promised << QStringLiteral("%1#%2 %3 at %4").arg(item.key).arg(item.attempt).arg(int(item.status)).arg(item.at.toString());
        }
        TOPUP_VERIFY_OK(once.advanceBy(hour));
        // 1 ms after the settle's top-up; then to the next sample, where it
        // tops up again, and 1 ms after it; the same at the sample after.
        constexpr qint64 sample = 5 * minute;
        const qint64 firstSample = (clock.msecs() / sample + 1) * sample;
        for (const qint64 to : {clock.msecs() + 1, firstSample, firstSample + 1, firstSample + sample, firstSample + sample + 1, target}) {
            const Instant now = TOPUP_VALUE(pieces.worldClock());
            TOPUP_VERIFY_OK(pieces.advanceBy(to - now.msecs()));
        }
        const auto attempts = [](Service &service) {
            QStringList text;
            for (const AttemptRow &row : TOPUP_VALUE(service.attempts(AttemptFilter{}, 100)))
                text << QStringLiteral("%1 %2#%3 %4 at %5").arg(row.lineId).arg(row.key).arg(row.attempt).arg(int(row.status)).arg(row.at.toString());
            return text;
        };
        const auto balances = [](Service &service) {
            QStringList text;
            for (const LineRecord &line : TOPUP_VALUE(service.lines()))
                text << QStringLiteral("%1: %2 B %3 s, state %4").arg(line.id).arg(line.dataBytes).arg(line.voiceSeconds).arg(int(line.progress.state));
            return text;
        };
        const QStringList made = attempts(once);
        QCOMPARE(attempts(pieces), made);
        QCOMPARE(balances(pieces), balances(once));
        // The settle's top-up, two at the next samples, one blocked by the cap.
        const std::vector<AttemptRow> rows = TOPUP_VALUE(once.attempts(AttemptFilter{below, std::nullopt}, 100));
        const auto count = [&rows](AttemptStatus status) {
            return std::count_if(rows.begin(), rows.end(), [status](const AttemptRow &row) { return row.status == status; });
        };
        QVERIFY2(count(AttemptStatus::Succeeded) == 3 && count(AttemptStatus::Blocked) == 1, qPrintable(made.join(QLatin1Char('\n'))));
        QStringList done;
        for (auto row = rows.rbegin(); row != rows.rend(); ++row) { // newest first
            if (clock < row->at)
                done << QStringLiteral("%1#%2 %3 at %4").arg(row->key).arg(row->attempt).arg(int(row->status)).arg(row->at.toString());
        }
        QCOMPARE(done, promised);
    }

    // A deposit re-arms the suspended lines paying with its method (SPEC
    // §3): their rows changed, so the write names them (Touched::lines) and
    // the outlook after it reads them again. (The line suspended here was
    // tied to the empty wallet, so the run is made again whole, from the
    // store read whole; the write must still say what it changed.)
    void aDepositReadsTheLinesItRearms()
    {
        Draws draw(78);
        test::WorldFolders folders(QStringLiteral("tst_outlookwrites"));
        QVERIFY(folders.isValid());
        const Instant start = *Instant::parse(u"2027-08-03T10:02:00Z");
        qint64 accountId = 0;
        qint64 suspended = 0;
        MethodRecord wallet;
        {
            std::unique_ptr<Service> service = test::openNarrowed(folders.narrow.path(), start, &Service::Options::keepOutlooks, true);
            QVERIFY(service);
            accountId = test::signUpAccount(*service, QStringLiteral("rearm@example.com"), QStringLiteral("UTC"), std::nullopt);
            QVERIFY(accountId);
            wallet = TOPUP_VALUE(test::addNumberedMethod(*service, 0, Money()));
            const MethodRecord card = TOPUP_VALUE(test::addNumberedMethod(*service, 1, Money::fromCents(100000000)));
            const test::PackageIds packages = test::packageIds(TOPUP_VALUE(service->packages()));
            std::vector<LineRecord> lines;
            for (int i = 0; i < 3; ++i)
                lines.push_back(TOPUP_VALUE(service->addLine(test::drawLine(draw, i, 5000, 200))));
            QVERIFY(!QTest::currentTestFailed());
            // Below its threshold, paying with an empty wallet: every attempt of its chain fails, suspended.
            Policy policy;
            policy.threshold = ThresholdTrigger{Resource::Data, lines[0].dataBytes + 1, packages.data.front()};
            policy.method = wallet.engineId();
            suspended = lines[0].id;
            TOPUP_VERIFY_OK(service->setPolicy(suspended, policy));
            // Another pays with the card, far above its threshold.
            policy.threshold->below = 1;
            policy.method = card.engineId();
            TOPUP_VERIFY_OK(service->setPolicy(lines[1].id, policy));
            TOPUP_VERIFY_OK(service->advanceBy(32 * hour));
            const Expected<std::vector<LineRecord>> now = service->lines();
            TOPUP_VERIFY_OK(now);
            QCOMPARE(now->front().progress.state, ThresholdState::Suspended);
        }
        const test::NarrowedPair pair = test::copyAndOpenBoth(folders, start, &Service::Options::keepOutlooks, accountId);
        QVERIFY(pair.narrow && pair.whole);
        Service &keeping = *pair.narrow;
        Service &fresh = *pair.whole;
        const auto same = [&] { return test::outlooksDiffer(keeping, fresh); };
        QString differs = same();
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        // Far more than the line could spend: it is on its own after.
        TOPUP_VERIFY_OK(keeping.deposit(wallet.id, Money::fromCents(10000000)));
        TOPUP_VERIFY_OK(fresh.deposit(wallet.id, Money::fromCents(10000000)));
        differs = same();
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        const Expected<Outlook> after = keeping.outlook();
        TOPUP_VERIFY_OK(after);
        QVERIFY(after->line(suspended));
        QVERIFY(after->line(suspended)->line.progress.state != ThresholdState::Suspended);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestOutlookWrites)
} // namespace tst_outlookwrites
#include "tst_outlookwrites.moc"
