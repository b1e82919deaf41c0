// What the core says will happen is what then happens: many seeded random
// worlds (zones, methods that run dry or expire, injected faults, lines of
// every profile, random rules and caps, some history), each line's outlook
// taken at the world's clock, the clock then moved past the outlook's
// horizon in random steps, and every top-up the outlook announced compared
// with what the engine did, first monthly and first threshold top-up included.
#include "testmain.h"
#include "storeengine.h"
#include "domain/engineid.h"
#include "service/service.h"
#include "checked.h"
#include "seededworld.h"
#include "storefixture.h"
#include "worldimage.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include <algorithm>
#include <map>

namespace tst_outlookproperty {

using namespace topup;

namespace {

constexpr qint64 minute = 60 * 1000;
constexpr qint64 day = 24 * 60 * minute;

// A top-up as both sides can say it: the package and method by their store rows.
struct Seen final
{
    qint64 at = 0;
    TriggerKind trigger = TriggerKind::Threshold;
    QString key;
    int attempt = 0;
    qint64 package = 0;
    qint64 method = 0;
    qint64 cents = 0;
    AttemptStatus status = AttemptStatus::Succeeded;
    std::optional<Reason> reason;

    bool operator==(const Seen &other) const
    {
        return at == other.at && trigger == other.trigger && key == other.key && attempt == other.attempt
               && package == other.package && method == other.method && cents == other.cents && status == other.status
               && reason == other.reason;
    }
    QString toString() const
    {
        return QStringLiteral("%1 %2 %3#%4 P%5 M%6 %7c %8 %9")
            .arg(Instant::fromMsecs(at).toString(), triggerKindName(trigger), key)
            .arg(attempt)
            .arg(package)
            .arg(method)
            .arg(cents)
            .arg(attemptStatusName(status), reason ? reasonName(*reason) : QString());
    }
};

QString describe(const std::vector<Seen> &list)
{
    QStringList lines;
    for (const Seen &each : list)
        lines << each.toString();
    return lines.isEmpty() ? QStringLiteral("(none)") : lines.join(QStringLiteral("\n    "));
}

using test::Draws;

const std::vector<QString> zones{QStringLiteral("Europe/Paris"), QStringLiteral("America/New_York"), QStringLiteral("Asia/Shanghai"),
                                 QStringLiteral("Australia/Lord_Howe"), QStringLiteral("UTC")};

} // namespace

class TestOutlookProperty final : public QObject
{
    Q_OBJECT

    static inline int s_cutShort = 0; // lines whose usage the outlook drew only until their first top-ups

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    // The worlds met both ways of running ahead: every line drawn to the
    // horizon, and lines on their own cut short.
    void cleanupTestCase()
    {
        QVERIFY2(s_cutShort > 0, "no world had a line on its own: the cut-short runs went untested");
        qDebug("%d lines cut short", s_cutShort);
    }

    void whatTheOutlookSaysIsWhatHappens_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed = 1, worlds = quint64(test::seededWorldCount(60)); seed <= worlds; ++seed)
            QTest::addRow("world %llu", seed) << seed;
    }

    void whatTheOutlookSaysIsWhatHappens()
    {
        QFETCH(quint64, seed);
        Draws draw(seed * 0x9e3779b97f4a7c15ULL);
        QTemporaryDir dir(test::worldFolderTemplate(QStringLiteral("tst_outlookproperty")));
        QVERIFY(dir.isValid());
        const Instant start = test::drawStartIn2027(draw);
        Expected<std::unique_ptr<Service>> opened = test::openTestService(dir.path(), start);
        QVERIFY2(opened, qPrintable(opened.error()));
        std::unique_ptr<Service> service = opened.take();
        std::optional<Money> accountCap;
        if (draw.chance(25))
            accountCap = Money::fromCents(1000 + 500 * qint64(draw.below(12)));
        const QString zone = draw.pick(zones);
        TOPUP_VERIFY_OK(service->signUp(SignUpForm{QStringLiteral("p%1@example.com").arg(seed), test::testPassword(),
                                                   QStringLiteral("EUR"), zone, accountCap}));
        TOPUP_VERIFY_OK(service->catchUpToNow());
        const QDate startDate = QDateTime::fromMSecsSinceEpoch(start.msecs(), QTimeZone(zone.toUtf8())).date();
        const YearMonth startMonth{startDate.year(), startDate.month()};

        // Methods: a wallet or cards, some nearly empty, one card maybe running out this month.
        std::vector<MethodRecord> methods;
        const int methodCount = 1 + int(draw.below(3));
        for (int i = 0; i < methodCount; ++i) {
            // Some run dry, some hold more than every line could spend (then
            // lines no other depends on are drawn only until their first top-ups).
            const int kind = int(draw.below(10));
            const Money funds = Money::fromCents(kind < 3 ? qint64(draw.below(1500))
                                                 : kind < 6 ? 100000000 + qint64(draw.below(1000000))
                                                            : 2000 + qint64(draw.below(20000)));
            if (draw.chance(40)) {
                methods.push_back(TOPUP_VALUE(service->addWallet(WalletForm{QStringLiteral("w%1@example.com").arg(i), funds})));
            } else {
                const YearMonth expires = draw.chance(30) ? startMonth : YearMonth{startMonth.year + 1 + int(draw.below(3)), 1 + int(draw.below(12))};
                const QString expiry = QStringLiteral("%1/%2").arg(expires.month, 2, 10, QLatin1Char('0')).arg(expires.year - 2000, 2, 10, QLatin1Char('0'));
                methods.push_back(TOPUP_VALUE(service->addCard(CardForm{i % 2 ? MethodKind::DebitCard : MethodKind::CreditCard,
                                                                        QStringLiteral("Pat Doe"),
                                                                        i % 2 ? QStringLiteral("5555 5555 5555 4444")
                                                                              : QStringLiteral("4111 1111 1111 1111"),
                                                                        expiry, QStringLiteral("123"), funds})));
            }
            QVERIFY(methods.back().id != 0);
            if (draw.chance(10)) {
                std::vector<Reason> faults;
                for (int f = 1 + int(draw.below(3)); f > 0; --f)
                    faults.push_back(std::vector<Reason>{Reason::Declined, Reason::GatewayError, Reason::InsufficientFunds}[draw.below(3)]);
                TOPUP_VERIFY_OK(service->injectFault(methods.back().id, faults));
            }
        }
        const std::vector<PackageRecord> packages = TOPUP_VALUE(service->packages());
        std::vector<QString> dataPackages;
        std::vector<QString> voicePackages;
        std::vector<QString> allPackages;
        std::map<QString, qint64> packageRow;
        for (const PackageRecord &record : packages) {
            allPackages.push_back(record.package.id);
            packageRow[record.package.id] = record.id;
            if (record.package.data.bytes() > 0)
                dataPackages.push_back(record.package.id);
            if (record.package.voice.seconds() > 0)
                voicePackages.push_back(record.package.id);
        }
        QVERIFY(!dataPackages.empty() && !voicePackages.empty());

        // Lines with random rules.
        const int lineCount = 1 + int(draw.below(4));
        for (int i = 0; i < lineCount; ++i) {
            const LineRecord line = TOPUP_VALUE(service->addLine(test::drawLine(draw, i, 6000, 300)));
            QVERIFY(line.id != 0);
            if (draw.chance(10))
                continue; // no rules
            Policy policy = test::drawRules(draw, test::RuleOdds{10, 75, 2000, 8}, dataPackages, voicePackages, allPackages);
            const MethodRecord &method = draw.pick(methods);
            policy.method = method.engineId();
            if (methods.size() > 1 && draw.chance(50)) {
                const MethodRecord &fallback = draw.pick(methods);
                if (fallback.id != method.id)
                    policy.fallback = fallback.engineId();
            }
            TOPUP_VERIFY_OK(service->setPolicy(line.id, policy));
        }

        // Some history, then what the core says will happen.
        if (draw.chance(70))
            TOPUP_VERIFY_OK(service->advanceBy(qint64(1 + draw.below(25)) * day + qint64(draw.below(24 * 60)) * minute));
        const Instant clock = TOPUP_VALUE(service->worldClock());
        const Outlook outlook = TOPUP_VALUE(service->outlook());
        QCOMPARE(outlook.clock, clock);
        QCOMPARE(int(outlook.lines.size()), lineCount);
        QVERIFY(outlook.horizon.msecs() >= clock.msecs() + 30 * day);

        // The clock moves past the horizon in random steps (a minute to ten days).
        while (TOPUP_VALUE(service->worldClock()) < outlook.horizon) {
            const qint64 step = draw.chance(30) ? minute * (1 + draw.below(600)) : minute * (1 + draw.below(10 * 24 * 60));
            const qint64 left = outlook.horizon.msecs() - TOPUP_VALUE(service->worldClock()).msecs();
            TOPUP_VERIFY_OK(service->advanceBy(std::min(step, left)));
        }

        std::vector<AttemptRow> happened = TOPUP_VALUE(service->attempts(100000));
        std::reverse(happened.begin(), happened.end()); // oldest first
        std::stable_sort(happened.begin(), happened.end(), [](const AttemptRow &a, const AttemptRow &b) { return a.at < b.at; });
        int announced = 0;
        int paid = 0;
        int failed = 0;
        int blocked = 0;
        for (const LineOutlook &line : outlook.lines) {
            std::vector<Seen> said;
            for (const PreviewItem &item : line.topUps)
                said.push_back(Seen{item.at.msecs(), item.trigger, item.key, item.attempt, packageRow[item.package],
                                    EngineId::methodRow(item.method).value_or(0), item.amount.cents(), item.status,
                                    item.reason});
            std::vector<Seen> done;
            for (const AttemptRow &row : happened) {
                if (row.lineId != line.line.id || !(clock < row.at) || outlook.horizon < row.at || row.trigger == TriggerKind::Manual)
                    continue;
                // Past `complete` the outlook lists monthly top-ups only (and none when a cap could tell).
                const bool monthlyListed = !line.line.policy || (!line.line.policy->monthlyCap && !line.line.policy->maxPerMonth);
                if (line.complete < row.at && (row.trigger != TriggerKind::Monthly || !monthlyListed))
                    continue;
                const auto package = std::find_if(packages.begin(), packages.end(), [&](const PackageRecord &p) { return p.name == row.package; });
                QVERIFY(package != packages.end());
                done.push_back(Seen{row.at.msecs(), row.trigger, row.key, row.attempt, package->id, row.methodId, row.amount.cents(),
                                    row.status, row.reason});
            }
            // Rows of one instant: the store orders the blocked ones by when they were saved.
            const auto byInstantThenKey = [](const Seen &a, const Seen &b) {
                return std::tie(a.at, a.key, a.attempt) < std::tie(b.at, b.key, b.attempt);
            };
            std::stable_sort(said.begin(), said.end(), byInstantThenKey);
            std::stable_sort(done.begin(), done.end(), byInstantThenKey);
            QVERIFY2(said == done, qPrintable(QStringLiteral("line %1 (%2): the outlook said\n    %3\nthe engine did\n    %4")
                                                  .arg(line.line.id)
                                                  .arg(line.line.name, describe(said), describe(done))));
            // The first monthly and threshold top-ups the screens name.
            for (const TriggerKind trigger : {TriggerKind::Monthly, TriggerKind::Threshold}) {
                const PreviewItem *next = trigger == TriggerKind::Monthly ? line.nextMonthly() : line.nextThreshold();
                const auto first = std::find_if(done.begin(), done.end(), [&](const Seen &s) { return s.trigger == trigger; });
                QCOMPARE(next != nullptr, first != done.end());
                if (next)
                    QCOMPARE(next->at.msecs(), first->at);
            }
            // An active monthly trigger always has its next occurrence in the horizon.
            const std::optional<Policy> &rules = line.line.policy;
            if (rules && rules->hasActiveMonthly() && !line.methodRemoved)
                QVERIFY2(line.nextMonthly(), qPrintable(line.line.name));
            announced += int(said.size());
            if (line.complete < outlook.horizon) {
                ++s_cutShort;
                // Cut short only once the first attempt of each trigger is known.
                const std::optional<Policy> &rules = line.line.policy;
                QVERIFY(rules && rules->hasActiveThreshold() && line.nextThreshold() && !(line.complete < line.nextThreshold()->at));
                if (rules->hasActiveMonthly() && (rules->monthlyCap || rules->maxPerMonth))
                    QVERIFY(line.nextMonthly() && !(line.complete < line.nextMonthly()->at));
            }
            for (const Seen &each : said) {
                paid += each.status == AttemptStatus::Succeeded ? 1 : 0;
                failed += each.status == AttemptStatus::Failed ? 1 : 0;
                blocked += each.status == AttemptStatus::Blocked ? 1 : 0;
            }
        }
        qDebug("world %llu: %d lines, %d top-ups announced and made (%d paid, %d failed, %d blocked)", seed, lineCount, announced, paid,
               failed, blocked);
    }

    // A method whose account the provider no longer holds: the preview
    // says what the charge then does (declined, as the journal answers),
    // not "insufficient funds" from funds it cannot tell.
    void aMethodTheProviderDoesNotHoldIsDeclinedAsPreviewed()
    {
        QTemporaryDir dir(test::worldFolderTemplate(QStringLiteral("tst_outlookproperty")));
        QVERIFY(dir.isValid());
        std::unique_ptr<Service> service = test::openNarrowed(dir.path(), test::at("2027-03-01T08:00:00Z"), &Service::Options::narrowPreviews, true);
        QVERIFY(service);
        QVERIFY(test::signUpAccount(*service, QStringLiteral("ana@example.com"), QStringLiteral("Europe/Paris"), std::nullopt));
        const MethodRecord wallet = TOPUP_VALUE(service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(10000)}));
        const LineRecord line = TOPUP_VALUE(
            service->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Heavy, 7, DataAmount(3 * test::gigabyte), {}}));
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, test::gigabyte, test::packageIds(TOPUP_VALUE(service->packages())).data.front()};
        policy.method = wallet.engineId();
        TOPUP_VERIFY_OK(service->setPolicy(line.id, policy));
        QVERIFY(test::forgetProviderAccount(dir.path(), wallet.token));
        QVERIFY(!TOPUP_FIRST(service->methods()).atProvider);

        const LineOutlook preview = TOPUP_VALUE(service->previewPolicy(line.id, policy));
        const PreviewItem *said = preview.nextThreshold();
        QVERIFY(said);
        QCOMPARE(said->status, AttemptStatus::Failed);
        QCOMPARE(said->reason, std::optional<Reason>(Reason::Declined));

        const Instant clock = TOPUP_VALUE(service->worldClock());
        TOPUP_VERIFY_OK(service->advanceBy(said->at.msecs() - clock.msecs() + minute));
        const std::vector<AttemptRow> attempts = TOPUP_VALUE(service->attempts(10, line.id));
        QVERIFY(!attempts.empty());
        const AttemptRow &done = attempts.back(); // the newest first: the first attempt last
        QCOMPARE(done.at, said->at);
        QCOMPARE(done.key, said->key);
        QCOMPARE(done.status, said->status);
        QCOMPARE(done.reason, said->reason);
        QCOMPARE(TOPUP_VALUE(service->methods()).front().funds, Money()); // unknown, and nothing moved
    }
};

TOPUP_TEST_GUILESS_MAIN(TestOutlookProperty)
} // namespace tst_outlookproperty
#include "tst_outlookproperty.moc"
