// The outlook draws a line that nothing ties to the others only until its
// first top-ups are known (DryRun, LineCoupling). On seeded random worlds
// where lines on their own sit beside lines that are tied — an account cap
// within reach or out of it, a method shared by several lines running low, a
// fallback behind a method that always pays or one that expires, a fault
// queued — the narrowed outlook says, line by line, what the outlook drawing
// every line to the horizon says: every top-up up to the line's `complete`,
// the monthly ones after it when the line has no cap, the first of each
// trigger, the refill the allowance counts to, the forecast, this month's
// limits and low funds.
#include "testmain.h"
#include "storeengine.h"
#include "service/service.h"
#include "checked.h"
#include "seededworld.h"
#include "storefixture.h"
#include "worldimage.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace tst_outlooknarrowing {

using namespace topup;

namespace {

using test::Draws;
using test::describe;

// What the screens take from a line's outlook, its top-ups as given.
QStringList describe(const LineOutlook &outlook, const std::vector<PreviewItem> &topUps)
{
    const auto first = [&](TriggerKind trigger) {
        for (const PreviewItem &item : topUps) {
            if (item.trigger == trigger)
                return describe(item);
        }
        return QStringLiteral("none");
    };
    QStringList said{QStringLiteral("next monthly %1").arg(first(TriggerKind::Monthly)),
                     QStringLiteral("next threshold %1").arg(first(TriggerKind::Threshold)),
                     QStringLiteral("period end %1 %2").arg(outlook.periodEnd.toString()).arg(outlook.periodEndIsMonthly),
                     QStringLiteral("forecast %1/day, runs out %2, below %3, %4 a day for %5 days")
                         .arg(outlook.forecast.perDay)
                         .arg(outlook.forecast.runOut ? outlook.forecast.runOut->toString() : QStringLiteral("never"),
                              outlook.forecast.thresholdAt ? outlook.forecast.thresholdAt->toString() : QStringLiteral("never"))
                         .arg(outlook.forecast.allowancePerDay)
                         .arg(outlook.forecast.daysLeft),
                     QStringLiteral("this month %1c in %2, account %3c")
                         .arg(outlook.thisMonth.lineSpend.cents())
                         .arg(outlook.thisMonth.lineCount)
                         .arg(outlook.thisMonth.accountSpend.cents()),
                     QStringLiteral("method removed %1, blocked by %2")
                         .arg(outlook.methodRemoved)
                         .arg(outlook.blockedReason ? reasonName(*outlook.blockedReason) : QStringLiteral("nothing"))};
    for (const PreviewItem &item : topUps)
        said << describe(item);
    for (const LowFunds &low : outlook.lowFunds)
        said << QStringLiteral("low funds M%1 %2c < %3c").arg(low.methodId).arg(low.funds.cents()).arg(low.needed.cents());
    return said;
}

// The whole run's top-ups a narrowed outlook lists: every one up to
// `complete`, then the monthly ones when no cap of the line could tell its usage.
std::vector<PreviewItem> listedUpTo(const LineOutlook &whole, Instant complete)
{
    const std::optional<Policy> &rules = whole.line.policy;
    const bool monthlyListed = !rules || (!rules->monthlyCap && !rules->maxPerMonth);
    std::vector<PreviewItem> listed;
    for (const PreviewItem &item : whole.topUps) {
        if (!(complete < item.at) || (item.trigger == TriggerKind::Monthly && monthlyListed))
            listed.push_back(item);
    }
    return listed;
}

} // namespace

class TestOutlookNarrowing final : public QObject
{
    Q_OBJECT

    static inline int s_worlds = 0;       // how many worlds run (test::seededWorldCount)
    static inline int s_lines = 0;
    static inline int s_cutShort = 0;     // lines drawn only until their first top-ups
    static inline int s_tiedBeside = 0;   // lines with a threshold drawn to the horizon where others were cut short

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void cleanupTestCase()
    {
        qDebug("%d lines compared, %d cut short, %d drawn whole beside lines cut short", s_lines, s_cutShort, s_tiedBeside);
        // A line cut short a world, one drawn whole beside them every third
        // (60 worlds: more than 60 and 20).
        QVERIFY(s_cutShort > s_worlds);
        QVERIFY(s_tiedBeside > s_worlds / 3);
    }

    void narrowedOutlookSaysWhatTheWholeRunSays_data()
    {
        QTest::addColumn<quint64>("seed");
        s_worlds = test::seededWorldCount(60);
        for (quint64 seed = 1; seed <= quint64(s_worlds); ++seed)
            QTest::addRow("world %llu", seed) << seed;
    }

    void narrowedOutlookSaysWhatTheWholeRunSays()
    {
        QFETCH(quint64, seed);
        Draws draw(seed * 0x9e3779b97f4a7c15ULL + 11);
        test::WorldFolders folders(QStringLiteral("tst_outlooknarrowing"));
        QVERIFY(folders.isValid());
        const Instant start = test::drawStartIn2027(draw);
        qint64 accountId = 0;
        {
            std::unique_ptr<Service> service = test::openNarrowed(folders.narrow.path(), start, &Service::Options::narrowOutlooks, true);
            QVERIFY(service);
            // No account cap, one the lines could reach (then nothing is on
            // its own), or one far out of their reach.
            std::optional<Money> cap;
            const int capKind = int(seed % 4);
            if (capKind == 1)
                cap = Money::fromCents(2000 + 1000 * qint64(draw.below(10)));
            else if (capKind == 2)
                cap = Money::fromCents(90000000);
            const QString zone = draw.pick(std::vector<QString>{QStringLiteral("Europe/Paris"), QStringLiteral("America/New_York"),
                                                                QStringLiteral("Australia/Lord_Howe"), QStringLiteral("UTC")});
            accountId = test::signUpAccount(*service, QStringLiteral("n%1@example.com").arg(seed), zone, cap);
            QVERIFY(accountId);
            const QDate startDate = QDateTime::fromMSecsSinceEpoch(start.msecs(), QTimeZone(zone.toUtf8())).date();
            // A company card that always pays, a wallet shared by several
            // lines running low, and now and then a card that expires at the
            // end of this month or the next.
            std::vector<MethodRecord> methods;
            methods.push_back(TOPUP_VALUE(test::addNumberedMethod(*service, 1, Money::fromCents(100000000))));
            methods.push_back(TOPUP_VALUE(test::addNumberedMethod(*service, 0, Money::fromCents(qint64(draw.below(4000))))));
            if (draw.chance(50)) {
                const QDate expiry = startDate.addMonths(int(draw.below(2)));
                methods.push_back(TOPUP_VALUE(service->addCard(
                    CardForm{MethodKind::DebitCard, QStringLiteral("Pat Doe"), QStringLiteral("5555 5555 5555 4444"),
                             QStringLiteral("%1/%2").arg(expiry.month(), 2, 10, QLatin1Char('0')).arg(expiry.year() - 2000, 2, 10, QLatin1Char('0')),
                             QStringLiteral("123"), Money::fromCents(100000000)})));
            }
            // A fault queued at the provider ties every line to the others.
            if (draw.chance(12))
                TOPUP_VERIFY_OK(service->injectFault(methods[1].id, {Reason::Declined}));
            const test::PackageIds packages = test::packageIds(TOPUP_VALUE(service->packages()));
            QVERIFY(!packages.data.empty() && !packages.voice.empty());
            for (int i = 0, count = 3 + int(draw.below(6)); i < count; ++i) {
                const qint64 lineId = TOPUP_VALUE(service->addLine(test::drawLine(draw, i, 5000, 200))).id;
                if (draw.chance(10))
                    continue; // no rules
                Policy policy = test::drawRules(draw, test::RuleOdds{8, 85, 3000, 10}, packages.data, packages.voice, packages.all);
                // Mostly the card that always pays; some lines on the wallet
                // or the expiring card, some falling back on another method.
                const std::size_t pays = draw.chance(60) ? 0 : std::size_t(draw.below(quint32(methods.size())));
                policy.method = methods[pays].engineId();
                if (draw.chance(40)) {
                    const std::size_t fallback = std::size_t(draw.below(quint32(methods.size())));
                    if (fallback != pays)
                        policy.fallback = methods[fallback].engineId();
                }
                TOPUP_VERIFY_OK(service->setPolicy(lineId, policy));
            }
            TOPUP_VERIFY_OK(test::maybeAdvanceDays(*service, draw));
        }
        const test::NarrowedPair pair = test::copyAndOpenBoth(folders, start, &Service::Options::narrowOutlooks, accountId);
        QVERIFY(pair.narrow && pair.whole);
        Service *narrow = pair.narrow.get();
        Service *whole = pair.whole.get();

        const Outlook narrowed = TOPUP_VALUE(narrow->outlook());
        const Outlook replayed = TOPUP_VALUE(whole->outlook());
        QCOMPARE(narrowed.lines.size(), replayed.lines.size());
        QCOMPARE(narrowed.horizon, replayed.horizon);
        int cutShort = 0;
        for (std::size_t i = 0; i < narrowed.lines.size(); ++i) {
            const LineOutlook &said = narrowed.lines[i];
            const LineOutlook &all = replayed.lines[i];
            QCOMPARE(said.line.id, all.line.id);
            QCOMPARE(all.complete, replayed.horizon);
            QVERIFY(!(narrowed.horizon < said.complete));
            const QStringList narrowSays = describe(said, said.topUps);
            const QStringList wholeSays = describe(all, listedUpTo(all, said.complete));
            QVERIFY2(narrowSays == wholeSays, qPrintable(QStringLiteral("line %1, complete to %2:\n  narrowed: %3\n  whole:    %4")
                                                             .arg(said.line.id)
                                                             .arg(said.complete.toString(), narrowSays.join(QStringLiteral("\n            ")),
                                                                  wholeSays.join(QStringLiteral("\n            ")))));
            cutShort += said.complete < narrowed.horizon ? 1 : 0;
        }
        s_lines += int(narrowed.lines.size());
        s_cutShort += cutShort;
        if (cutShort > 0) {
            for (const LineOutlook &line : narrowed.lines) {
                const std::optional<Policy> &rules = line.line.policy;
                s_tiedBeside += rules && rules->hasActiveThreshold() && line.complete == narrowed.horizon ? 1 : 0;
            }
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestOutlookNarrowing)
} // namespace tst_outlooknarrowing
#include "tst_outlooknarrowing.moc"
