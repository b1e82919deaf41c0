// A rules preview of a line that nothing ties to the others (no account
// cap, no fault queued, methods that cannot run dry) runs that line alone;
// on seeded random worlds, with and without an account cap, every preview
// says what the preview running every line says.
#include "testmain.h"
#include "storeengine.h"
#include "service/service.h"
#include "checked.h"
#include "seededworld.h"
#include "storefixture.h"
#include "worldimage.h"

#include <QTemporaryDir>
#include <QTest>

namespace tst_previewnarrowing {

using namespace topup;

namespace {

using test::Draws;
using test::describe;

QString describe(const LimitUse &use, bool withAccount)
{
    return QStringLiteral("%1: line %2c, %3 top-ups%4")
        .arg(use.month.toString())
        .arg(use.lineSpend.cents())
        .arg(use.lineCount)
        .arg(withAccount ? QStringLiteral(", account %1c").arg(use.accountSpend.cents()) : QString());
}

// What a preview says, line by line: what the panel and its table show.
QStringList describe(const LineOutlook &outlook, bool accountCapped)
{
    QStringList said{QStringLiteral("complete %1, horizon %2").arg(outlook.complete.toString(), outlook.horizon.toString()),
                     QStringLiteral("period end %1 %2").arg(outlook.periodEnd.toString()).arg(outlook.periodEndIsMonthly),
                     QStringLiteral("forecast %1/day, runs out %2")
                         .arg(outlook.forecast.perDay)
                         .arg(outlook.forecast.runOut ? outlook.forecast.runOut->toString() : QStringLiteral("never")),
                     QStringLiteral("this month ") + describe(outlook.thisMonth, true)};
    for (const PreviewItem &item : outlook.topUps)
        said << describe(item);
    for (const LimitUse &use : outlook.months)
        said << describe(use, accountCapped);
    for (const LowFunds &low : outlook.lowFunds)
        said << QStringLiteral("low funds M%1 %2c < %3c").arg(low.methodId).arg(low.funds.cents()).arg(low.needed.cents());
    return said;
}

} // namespace

class TestPreviewNarrowing final : public QObject
{
    Q_OBJECT

    static inline int s_previews = 0;
    static inline int s_alone = 0; // previews in worlds where every line is on its own: each ran alone

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void cleanupTestCase()
    {
        qDebug("%d previews compared, %d of a line on its own", s_previews, s_alone);
        QVERIFY(s_alone > 20);
        QVERIFY(s_previews > s_alone + 20);
    }

    void narrowedPreviewSaysWhatTheWholeRunSays_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<bool>("accountCap");
        for (quint64 seed = 1, worlds = quint64(test::seededWorldCount(16)); seed <= worlds; ++seed)
            QTest::addRow("world %llu%s", seed, seed % 4 == 1 ? ", account cap" : "") << seed << (seed % 4 == 1);
    }

    void narrowedPreviewSaysWhatTheWholeRunSays()
    {
        QFETCH(quint64, seed);
        QFETCH(bool, accountCap);
        Draws draw(seed * 0x9e3779b97f4a7c15ULL + 7);
        test::WorldFolders folders(QStringLiteral("tst_previewnarrowing"));
        QVERIFY(folders.isValid());
        const Instant start = test::drawStartIn2027(draw);
        // Half the worlds pay with methods that hold more than every line
        // could spend: each line there is on its own (without an account cap).
        const bool ample = seed % 2 == 0;
        qint64 accountId = 0;
        std::vector<qint64> lineIds;
        std::vector<MethodRecord> methods;
        std::vector<PackageRecord> packages;
        const auto randomPolicy = [&]() -> Policy {
            const test::PackageIds ids = test::packageIds(packages);
            Policy policy = test::drawRules(draw, test::RuleOdds{}, ids.data, ids.voice, ids.all);
            policy.method = draw.pick(methods).engineId();
            const QString fallback = draw.pick(methods).engineId();
            if (draw.chance(40) && fallback != policy.method)
                policy.fallback = fallback;
            return policy;
        };
        {
            std::unique_ptr<Service> service = test::openNarrowed(folders.narrow.path(), start, &Service::Options::narrowPreviews, false);
            QVERIFY(service);
            std::optional<Money> cap;
            if (accountCap)
                cap = Money::fromCents(2000 + 1000 * qint64(draw.below(8)));
            const QString zone = draw.pick(std::vector<QString>{QStringLiteral("Europe/Paris"), QStringLiteral("America/New_York"),
                                                                QStringLiteral("Australia/Lord_Howe"), QStringLiteral("UTC")});
            accountId = test::signUpAccount(*service, QStringLiteral("v%1@example.com").arg(seed), zone, cap);
            QVERIFY(accountId);
            for (int i = 0, count = 1 + int(draw.below(3)); i < count; ++i) {
                const Money funds = Money::fromCents(ample ? 100000000 + qint64(draw.below(1000000))
                                                           : draw.chance(50) ? qint64(draw.below(3000)) : 3000 + qint64(draw.below(20000)));
                methods.push_back(TOPUP_VALUE(test::addNumberedMethod(*service, i, funds)));
                // A fault queued now and then: then nothing runs alone.
                if (!ample && draw.chance(15))
                    TOPUP_VERIFY_OK(service->injectFault(methods.back().id, {Reason::Declined}));
            }
            packages = TOPUP_VALUE(service->packages());
            for (int i = 0, count = 3 + int(draw.below(5)); i < count; ++i) {
                lineIds.push_back(TOPUP_VALUE(service->addLine(test::drawLine(draw, i, 4000, 200))).id);
                if (draw.chance(85))
                    TOPUP_VERIFY_OK(service->setPolicy(lineIds.back(), randomPolicy()));
            }
            TOPUP_VERIFY_OK(test::maybeAdvanceDays(*service, draw));
        }
        const test::NarrowedPair pair = test::copyAndOpenBoth(folders, start, &Service::Options::narrowPreviews, accountId);
        QVERIFY(pair.narrow && pair.whole);
        Service *narrow = pair.narrow.get();
        Service *whole = pair.whole.get();

        for (const qint64 lineId : lineIds) {
            for (int i = 0; i < 3; ++i) {
                const Policy policy = randomPolicy();
                const int days = i == 0 ? 30 : 1 + int(draw.below(90));
                const Expected<LineOutlook> narrowed = narrow->previewPolicy(lineId, policy, days);
                const Expected<LineOutlook> replayed = whole->previewPolicy(lineId, policy, days);
                QCOMPARE(bool(narrowed), bool(replayed));
                if (!narrowed) {
                    QCOMPARE(narrowed.error(), replayed.error());
                    continue;
                }
                const QStringList said = describe(*narrowed, accountCap);
                const QStringList whole = describe(*replayed, accountCap);
                QVERIFY2(said == whole, qPrintable(QStringLiteral("line %1, %2 days:\n  narrowed: %3\n  whole:    %4")
                                                       .arg(lineId)
                                                       .arg(days)
                                                       .arg(said.join(QStringLiteral("\n            ")),
                                                            whole.join(QStringLiteral("\n            ")))));
                ++s_previews;
                s_alone += ample && !accountCap ? 1 : 0;
            }
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestPreviewNarrowing)
} // namespace tst_previewnarrowing
#include "tst_previewnarrowing.moc"
