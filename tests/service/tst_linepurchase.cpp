// Buying a line from the carrier's catalog (a charge through the provider,
// exactly once, its own trigger in History; refused with the provider's
// reason and then no line), the packages of a line's region, renaming and
// removing a line with its history kept.
#include "testmain.h"
#include "service/service.h"
#include "checked.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <set>

namespace tst_linepurchase {

using namespace topup;
using topup::test::at;

namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
constexpr qint64 day = 24 * 3600 * 1000;

std::unique_ptr<Service> openService(const QString &dir, Instant now = at("2027-03-01T08:00:00Z"))
{
    Expected<std::unique_ptr<Service>> service = test::openTestService(dir, now);
    if (!QTest::qVerify(service.ok(), "openTestService(dir, now)", qPrintable(service.error()), __FILE__, __LINE__))
        return nullptr;
    return service.take();
}

SignUpForm form(const char *currency = "USD")
{
    return SignUpForm{QStringLiteral("ana@example.com"), test::testPassword(), QLatin1String(currency),
                      QStringLiteral("America/New_York"), std::nullopt};
}

// A signed-up account with its clock started and a card of `cents` funds.
MethodRecord signedUpWithCard(Service &service, qint64 cents, const char *currency = "USD")
{
    if (!QTest::qVerify(service.signUp(form(currency)).ok(), "signUp", "", __FILE__, __LINE__))
        return {};
    TOPUP_VALUE(service.catchUpToNow());
    return TOPUP_VALUE(service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Ana Test"), QStringLiteral("4111 1111 1111 1111"),
                                                QStringLiteral("09/31"), QStringLiteral("123"), Money::fromCents(cents)}));
}

LinePurchaseForm japan(qint64 methodId, const char *package = "JP/data-10gb")
{
    return LinePurchaseForm{QStringLiteral("Tokyo trip"), QStringLiteral("JP"), QLatin1String(package), methodId,
                            UsageProfile::Traveller, quint64(42)};
}

QVariant scalar(const QString &dir, const QString &sql)
{
    QVariant value;
    {
        QSqlDatabase db = test::addWorldConnection(QStringLiteral("peek"), dir);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return value;
}

} // namespace

class TestLinePurchase final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void theCatalogIsPricedInEveryCurrencyOffered()
    {
        QVERIFY(Service::currencies().contains(QStringLiteral("EUR")));
        QVERIFY(Service::currencies().contains(QStringLiteral("USD")));
        QVERIFY(Service::currencies().contains(QStringLiteral("GBP")));
        QVERIFY(Service::currencies().contains(QStringLiteral("CNY")));
        std::map<QString, std::vector<qint64>> pricesByCurrency;
        for (const QString &currency : Service::currencies()) {
            QTemporaryDir dir;
            auto service = openService(dir.path());
            QVERIFY(service);
            TOPUP_VERIFY_OK(service->signUp(form(currency.toLatin1().constData())));
            const std::vector<RegionOffer> regions = TOPUP_VALUE(service->regions());
            QVERIFY(regions.size() >= 10);
            const auto has = [&](RegionKind kind, const char *code) {
                return std::any_of(regions.cbegin(), regions.cend(),
                                   [&](const RegionOffer &r) { return r.kind == kind && r.code == QLatin1String(code); });
            };
            QVERIFY(has(RegionKind::Global, "GLOBAL"));
            QVERIFY(has(RegionKind::Region, "EUROPE"));
            std::set<QString> codes;
            for (const RegionOffer &region : regions) {
                QVERIFY2(!region.packages.empty(), qPrintable(region.code));
                for (const PackageOffer &offer : region.packages) {
                    QVERIFY2(codes.insert(offer.code).second, qPrintable(offer.code)); // unique in the catalog
                    QVERIFY(offer.code.startsWith(region.code + QLatin1Char('/')));
                    QVERIFY(offer.price > Money());
                    QVERIFY(offer.data.bytes() > 0 || offer.voice.seconds() > 0);
                    pricesByCurrency[currency].push_back(offer.price.cents());
                }
            }
        }
        // Each currency has its own price points, not one figure relabelled.
        QVERIFY(pricesByCurrency[QStringLiteral("EUR")] != pricesByCurrency[QStringLiteral("CNY")]);
        QVERIFY(pricesByCurrency[QStringLiteral("USD")] != pricesByCurrency[QStringLiteral("GBP")]);
    }

    void signUpRefusesACurrencyTheCatalogIsNotPricedIn()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path());
        QVERIFY(service);
        const Expected<Account> refused = service->signUp(form("HKD"));
        QVERIFY(!refused);
        QCOMPARE(refused.error(), QStringLiteral("the carrier's catalog is not priced in HKD; choose one of EUR, USD, GBP, CNY"));
        const Account account = TOPUP_VALUE(service->signUp(form("USD")));
        QCOMPARE(account.currency, QStringLiteral("USD"));
        QCOMPARE(account.timezone, QStringLiteral("America/New_York"));
    }

    void aPurchaseIsAChargeThroughTheProvider()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path());
        QVERIFY(service);
        const MethodRecord card = signedUpWithCard(*service, 10000);
        const std::vector<RegionOffer> regions = TOPUP_VALUE(service->regions());
        const auto japanOffer = std::find_if(regions.begin(), regions.end(), [](const RegionOffer &r) { return r.code == QLatin1String("JP"); });
        QVERIFY(japanOffer != regions.end());
        const RegionOffer region = *japanOffer;
        const auto tenGigabytes = std::find_if(region.packages.begin(), region.packages.end(),
                                               [](const PackageOffer &p) { return p.code == QLatin1String("JP/data-10gb"); });
        QVERIFY(tenGigabytes != region.packages.end());
        const PackageOffer offer = *tenGigabytes;

        const LinePurchaseResult result = TOPUP_VALUE(service->buyLine(japan(card.id)));
        QVERIFY(!result.refusal);
        QVERIFY(result.line);
        QCOMPARE(result.price, offer.price);
        const LineRecord line = *result.line;
        QCOMPARE(line.name, QStringLiteral("Tokyo trip"));
        QCOMPARE(line.region, QStringLiteral("JP"));
        QCOMPARE(line.profile, UsageProfile::Traveller);
        QCOMPARE(line.seed, quint64(42));
        QCOMPARE(line.state, LineState::Active);
        QCOMPARE(line.dataBytes, 10 * gigabyte); // the first package, bought
        QCOMPARE(TOPUP_VALUE(service->lines()).size(), std::size_t(1));

        // Charged once, as its own trigger, in the month it was bought.
        const AttemptRow attempt = TOPUP_FIRST(service->attempts());
        QCOMPARE(attempt.trigger, TriggerKind::Purchase);
        QCOMPARE(attempt.key, QStringLiteral("L%1/purchase/1").arg(line.id));
        QCOMPARE(attempt.attempt, 1);
        QCOMPARE(attempt.status, AttemptStatus::Succeeded);
        QCOMPARE(attempt.methodId, card.id);
        QCOMPARE(attempt.amount, offer.price);
        QCOMPARE(TOPUP_FIRST(service->methods()).funds, Money::fromCents(10000) - offer.price);
        const MonthSpend spend = TOPUP_VALUE(service->spendThisMonth(0));
        QCOMPARE(spend.purchases, offer.price);
        QCOMPARE(spend.autoSpend, Money()); // not an auto top-up: no cap counts it
        QCOMPARE(spend.manualSpend, Money());

        // The line's top-ups buy its region's packages, and only those.
        const std::vector<PackageRecord> packages = TOPUP_VALUE(service->packages(line.id));
        QCOMPARE(packages.size(), region.packages.size());
        for (const PackageRecord &package : packages)
            QCOMPARE(package.region, QStringLiteral("JP"));
    }

    void aRefusedPurchaseMakesNoLineAndSaysWhy_data()
    {
        QTest::addColumn<qint64>("funds");
        QTest::addColumn<bool>("inject");
        QTest::addColumn<QString>("reason");
        QTest::newRow("declined") << qint64(10000) << true << QStringLiteral("declined");
        QTest::newRow("lacks funds") << qint64(100) << false << QStringLiteral("insufficient_funds");
    }

    void aRefusedPurchaseMakesNoLineAndSaysWhy()
    {
        QFETCH(qint64, funds);
        QFETCH(bool, inject);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        auto service = openService(dir.path());
        QVERIFY(service);
        const MethodRecord card = signedUpWithCard(*service, funds);
        if (inject)
            TOPUP_VERIFY_OK(service->injectFault(card.id, {Reason::Declined}));
        const LinePurchaseResult result = TOPUP_VALUE(service->buyLine(japan(card.id)));
        QVERIFY(!result.line);
        QVERIFY(result.refusal);
        QCOMPARE(reasonName(*result.refusal), reason);
        QCOMPARE(result.methodLabel, card.label());
        QVERIFY(TOPUP_VALUE(service->lines()).empty());
        QCOMPARE(TOPUP_FIRST(service->methods()).funds, Money::fromCents(funds)); // nothing moved
        // The refused charge stays in History, its line marked as never bought.
        const AttemptRow attempt = TOPUP_FIRST(service->attempts());
        QCOMPARE(attempt.trigger, TriggerKind::Purchase);
        QCOMPARE(attempt.status, AttemptStatus::Failed);
        QCOMPARE(attempt.reason, parseReason(reason));
        QCOMPARE(attempt.lineState, LineState::Refused);
        // The engine never sees it: a catch-up makes no usage for it.
        TOPUP_VERIFY_OK(service->advanceBy(2 * day));
        QCOMPARE(scalar(dir.path(), QStringLiteral("SELECT count(*) FROM usage_hours")).toInt(), 0);
    }

    void aPurchaseIsRefusedBeforeAnyChargeWhenTheFormIsWrong_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("package");
        QTest::addColumn<QString>("error");
        QTest::newRow("no name") << QStringLiteral("  ") << QStringLiteral("JP") << QStringLiteral("JP/data-1gb")
                                 << QStringLiteral("a line needs a name");
        QTest::newRow("bidi in the name") << QStringLiteral("Trip\u202Egpj") << QStringLiteral("JP") << QStringLiteral("JP/data-1gb")
                                          << QStringLiteral("the line's name holds a text direction control (U+202E) at character 5,"
                                                            " which would change how the text reads; remove it");
        QTest::newRow("unknown region") << QStringLiteral("Trip") << QStringLiteral("Atlantis") << QStringLiteral("JP/data-1gb")
                                        << QStringLiteral("the carrier sells no lines for \"Atlantis\"; choose a country or region"
                                                          " from its catalog");
        QTest::newRow("another region's package") << QStringLiteral("Trip") << QStringLiteral("JP") << QStringLiteral("DE/data-1gb")
                                                  << QStringLiteral("package \"DE/data-1gb\" is not sold for JP");
    }

    void aPurchaseIsRefusedBeforeAnyChargeWhenTheFormIsWrong()
    {
        QFETCH(QString, name);
        QFETCH(QString, region);
        QFETCH(QString, package);
        QFETCH(QString, error);
        QTemporaryDir dir;
        auto service = openService(dir.path());
        QVERIFY(service);
        const MethodRecord card = signedUpWithCard(*service, 10000);
        const Expected<LinePurchaseResult> refused = service->buyLine(LinePurchaseForm{name, region, package, card.id, UsageProfile::Light, 1});
        QVERIFY(!refused);
        QCOMPARE(refused.error(), error);
        QVERIFY(TOPUP_VALUE(service->attempts()).empty());
        QCOMPARE(scalar(dir.path(), QStringLiteral("SELECT count(*) FROM lines")).toInt(), 0);
    }

    void anExpiredCardIsRefusedBeforeCharging()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        TOPUP_VERIFY_OK(service->signUp(form()));
        TOPUP_VERIFY_OK(service->catchUpToNow());
        const MethodRecord card = TOPUP_VALUE(service->addCard(CardForm{MethodKind::DebitCard, QStringLiteral("Ana Test"),
                                                                        QStringLiteral("5555 5555 5555 4444"), QStringLiteral("03/27"),
                                                                        QStringLiteral("456"), Money::fromCents(10000)}));
        TOPUP_VERIFY_OK(service->advanceBy(40 * day)); // into April: the card ran out with March
        const Expected<LinePurchaseResult> refused = service->buyLine(japan(card.id));
        QVERIFY(!refused);
        QCOMPARE(refused.error(), QStringLiteral("%1 expired at the end of 2027-03; choose another method").arg(card.label()));
        QVERIFY(TOPUP_VALUE(service->attempts()).empty());
    }

    void aPurchaseCutShortIsSettledAtTheNextStart()
    {
        QTemporaryDir dir;
        qint64 paidLine = 0;
        {
            auto service = openService(dir.path());
            QVERIFY(service);
            const MethodRecord card = signedUpWithCard(*service, 10000);
            paidLine = TOPUP_VALUE(service->buyLine(japan(card.id))).line.value_or(LineRecord{}).id;
            QVERIFY(paidLine > 0);
        }
        // As a stop between the provider's answer and the line's state
        // left them: one paid, one whose charge never reached the provider.
        {
            QSqlDatabase db = test::addWorldConnection(QStringLiteral("cut"), dir.path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("UPDATE lines SET state = 'buying'")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO lines (account_id, code, name, region, data_bytes, voice_seconds, state)"
                                              " SELECT account_id, 'L99', 'Unpaid', 'JP', 0, 0, 'buying' FROM lines")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("cut"));
        auto service = openService(dir.path());
        QVERIFY(service);
        TOPUP_VERIFY_OK(service->signIn(QStringLiteral("ana@example.com"), test::testPassword()));
        const std::vector<LineRecord> lines = TOPUP_VALUE(service->lines());
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines.front().id, paidLine);
        QCOMPARE(scalar(dir.path(), QStringLiteral("SELECT state FROM lines WHERE name = 'Unpaid'")).toString(), QStringLiteral("refused"));
        QCOMPARE(TOPUP_VALUE(service->attempts()).size(), std::size_t(1)); // charged once
    }

    void aLineTopsUpOnlyFromItsRegionsPackages()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path());
        QVERIFY(service);
        const MethodRecord card = signedUpWithCard(*service, 100000);
        const LineRecord tokyo = *TOPUP_VALUE(service->buyLine(japan(card.id))).line;
        LinePurchaseForm berlin = japan(card.id, "DE/data-5gb");
        berlin.name = QStringLiteral("Berlin");
        berlin.region = QStringLiteral("DE");
        const LineRecord germany = *TOPUP_VALUE(service->buyLine(berlin)).line;
        const PackageRecord german = TOPUP_FIRST(service->packages(germany.id));
        const PackageRecord japanese = TOPUP_FIRST(service->packages(tokyo.id));
        QCOMPARE(german.region, QStringLiteral("DE"));

        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, german.package.id};
        policy.method = card.engineId();
        const Expected<void> refused = service->setPolicy(tokyo.id, policy);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), QStringLiteral("policy.threshold.package: unknown package \"%1\"").arg(german.package.id));
        QVERIFY(!service->checkPolicy(tokyo.id, policy));
        policy.threshold->package = japanese.package.id;
        TOPUP_VERIFY_OK(service->checkPolicy(tokyo.id, policy));
        TOPUP_VERIFY_OK(service->setPolicy(tokyo.id, policy));
        const Expected<ChargeAnswer> manual = service->manualTopUp(tokyo.id, german.id, card.id);
        QVERIFY(!manual);
        QCOMPARE(manual.error(), QStringLiteral("that package is not sold for this line's region"));
        TOPUP_VERIFY_OK(service->manualTopUp(tokyo.id, japanese.id, card.id));
    }

    void anEnabledPolicyMayNotPayWithAnExpiredCard()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path(), at("2027-03-01T08:00:00Z"));
        QVERIFY(service);
        const MethodRecord visa = signedUpWithCard(*service, 100000);
        const MethodRecord debit = TOPUP_VALUE(service->addCard(CardForm{MethodKind::DebitCard, QStringLiteral("Ana Test"),
                                                                         QStringLiteral("5555 5555 5555 4444"), QStringLiteral("03/27"),
                                                                         QStringLiteral("456"), Money::fromCents(10000)}));
        const LineRecord line = *TOPUP_VALUE(service->buyLine(japan(visa.id))).line;
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, TOPUP_FIRST(service->packages(line.id)).package.id};
        policy.method = visa.engineId();
        policy.fallback = debit.engineId();
        TOPUP_VERIFY_OK(service->setPolicy(line.id, policy)); // March: still valid
        TOPUP_VERIFY_OK(service->advanceBy(40 * day));
        const Expected<void> refused = service->checkPolicy(line.id, policy);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), QStringLiteral("policy.fallback: this card expired at the end of 2027-03; choose another method"));
        policy.enabled = false; // switched off, it may keep naming it
        TOPUP_VERIFY_OK(service->checkPolicy(line.id, policy));
    }

    // Each refused field comes back on its own, named by its path inside the
    // policy and said in a whole sentence; the message keeps one line each.
    void eachRefusedFieldIsAProblemOfItsOwn()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path());
        QVERIFY(service);
        const MethodRecord card = signedUpWithCard(*service, 100000);
        const LineRecord line = *TOPUP_VALUE(service->buyLine(japan(card.id))).line;
        Policy policy;
        policy.monthly = MonthlyTrigger{32, 9 * 60, TOPUP_FIRST(service->packages(line.id)).package.id};
        policy.method = card.engineId();
        policy.fallback = card.engineId();
        for (const Expected<void> &refused : {service->checkPolicy(line.id, policy), service->setPolicy(line.id, policy)}) {
            QVERIFY(!refused);
            const FieldProblems expected{
                FieldProblem{QStringLiteral("monthly.day"), QStringLiteral("Must be between 1 and 31 (got 32).")},
                FieldProblem{QStringLiteral("fallback"), QStringLiteral("Must differ from the method.")},
            };
            QCOMPARE(refused.problems().size(), expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i) {
                QCOMPARE(refused.problems()[i].field, expected[i].field);
                QCOMPARE(refused.problems()[i].sentence, expected[i].sentence);
            }
            QCOMPARE(refused.error(), QStringLiteral("policy.monthly.day: must be between 1 and 31 (got 32)\n"
                                                     "policy.fallback: must differ from method"));
        }
        policy.enabled = true;
        policy.monthly.reset(); // the whole policy: no field of its own
        const Expected<void> noTrigger = service->checkPolicy(line.id, policy);
        QVERIFY(!noTrigger);
        QCOMPARE(noTrigger.problems().back().field, QString());
        QCOMPARE(noTrigger.problems().back().sentence, QStringLiteral("An enabled policy needs a threshold or a monthly trigger."));
        // The preview refuses the same problems, field by field.
        const Expected<LineOutlook> preview = service->previewPolicy(line.id, policy);
        QVERIFY(!preview);
        QCOMPARE(preview.problems().size(), noTrigger.problems().size());
        QCOMPARE(preview.problems().front().field, noTrigger.problems().front().field);
    }

    void renamingAndRemovingKeepTheHistory()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path());
        QVERIFY(service);
        const MethodRecord card = signedUpWithCard(*service, 100000);
        const LineRecord line = *TOPUP_VALUE(service->buyLine(japan(card.id, "JP/data-1gb"))).line;
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, 500 * 1000 * 1000, TOPUP_FIRST(service->packages(line.id)).package.id};
        policy.monthly = MonthlyTrigger{5, 9 * 60, TOPUP_FIRST(service->packages(line.id)).package.id};
        policy.method = card.engineId();
        TOPUP_VERIFY_OK(service->setPolicy(line.id, policy));
        TOPUP_VERIFY_OK(service->advanceBy(day)); // a day of use
        TOPUP_VERIFY_OK(service->injectFault(card.id, {Reason::GatewayError}));
        TOPUP_VERIFY_OK(service->drainLine(line.id)); // fails: a retry is pending
        QVERIFY(TOPUP_VALUE(service->lines()).front().nextThresholdRetry);
        TOPUP_VERIFY_OK(service->renameLine(line.id, QStringLiteral("Old Tokyo")));
        QCOMPARE(TOPUP_VALUE(service->lines()).front().name, QStringLiteral("Old Tokyo"));
        const std::size_t attemptsBefore = TOPUP_VALUE(service->attempts()).size();
        // Its days of hourly roll-ups, and how long their texts are (an hour added to a day's row lengthens it).
        const QString hoursSql = QStringLiteral("SELECT count(*) || ':' || sum(length(hours)) FROM usage_hours");
        const QString usageBefore = scalar(dir.path(), hoursSql).toString();
        QVERIFY(!usageBefore.startsWith(QLatin1String("0:")));

        const Instant removedAt = TOPUP_VALUE(service->worldClock());
        TOPUP_VERIFY_OK(service->removeLine(line.id));
        QVERIFY(TOPUP_VALUE(service->lines()).empty());
        QCOMPARE(scalar(dir.path(), QStringLiteral("SELECT count(*) FROM retries")).toInt(), 0);
        // Its retry and its monthly top-up of the 5th never run; no usage either.
        TOPUP_VERIFY_OK(service->advanceBy(10 * day));
        QCOMPARE(TOPUP_VALUE(service->attempts()).size(), attemptsBefore);
        QCOMPARE(scalar(dir.path(), hoursSql).toString(), usageBefore);
        // History keeps all it had, marked as a removed line.
        for (const AttemptRow &row : TOPUP_VALUE(service->attempts())) {
            QCOMPARE(row.lineName, QStringLiteral("Old Tokyo"));
            QCOMPARE(row.lineState, LineState::Removed);
        }
        bool alerted = false;
        for (const AlertRow &alert : TOPUP_VALUE(service->alerts())) {
            if (alert.lineId == line.id) {
                alerted = true;
                QCOMPARE(alert.lineState, LineState::Removed);
            }
        }
        QVERIFY(alerted); // the failed top-up's alert stays
        const std::vector<LineRecord> history = TOPUP_VALUE(service->historyLines());
        QCOMPARE(history.size(), std::size_t(1));
        QCOMPARE(history.front().state, LineState::Removed);
        QCOMPARE(history.front().removedAt, std::optional<Instant>(removedAt));
        QVERIFY(!TOPUP_VALUE(service->dailyUsage(line.id, 30)).empty()); // its usage stays too
        // Gone from every action.
        QCOMPARE(service->renameLine(line.id, QStringLiteral("Back")).error(), QStringLiteral("no such line"));
        QCOMPARE(service->removeLine(line.id).error(), QStringLiteral("no such line"));
        QCOMPARE(service->drainLine(line.id).error(), QStringLiteral("no such line"));
        QVERIFY(!service->setPolicy(line.id, std::nullopt));
    }

    void removingAMethodAPolicyUsesIsRefusedUpFront()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path());
        QVERIFY(service);
        const MethodRecord card = signedUpWithCard(*service, 100000);
        const LineRecord line = *TOPUP_VALUE(service->buyLine(japan(card.id))).line;
        TOPUP_VERIFY_OK(service->canRemoveMethod(card.id));
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, TOPUP_FIRST(service->packages(line.id)).package.id};
        policy.method = card.engineId();
        TOPUP_VERIFY_OK(service->setPolicy(line.id, policy));
        const Expected<void> refused = service->canRemoveMethod(card.id);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), QStringLiteral("this method pays the auto top-ups of Tokyo trip; choose another method there first"));
        QCOMPARE(TOPUP_VALUE(service->methods()).size(), std::size_t(1)); // asked, not removed
        TOPUP_VERIFY_OK(service->removeLine(line.id)); // a removed line's rules hold nothing back
        TOPUP_VERIFY_OK(service->canRemoveMethod(card.id));
    }

    void lookAlikeMethodsAreToldApart()
    {
        QTemporaryDir dir;
        auto service = openService(dir.path());
        QVERIFY(service);
        TOPUP_VERIFY_OK(service->signUp(form()));
        TOPUP_VERIFY_OK(service->catchUpToNow());
        const auto card = [&](MethodKind kind, const char *expiry, const char *holder) {
            return TOPUP_VALUE(service->addCard(CardForm{kind, QLatin1String(holder), QStringLiteral("4111 1111 1111 1111"),
                                                         QLatin1String(expiry), QStringLiteral("123"), Money::fromCents(100)}));
        };
        const MethodRecord credit = card(MethodKind::CreditCard, "09/31", "Ana Test");
        QCOMPARE(TOPUP_FIRST(service->methods()).label(), QStringLiteral("Visa •••• 1111")); // alone: plain
        const MethodRecord debit = card(MethodKind::DebitCard, "09/31", "Ana Test");
        const MethodRecord later = card(MethodKind::CreditCard, "10/32", "Ana Test");
        const MethodRecord twin = card(MethodKind::CreditCard, "10/32", "Ana Test");
        QStringList labels;
        for (const MethodRecord &method : TOPUP_VALUE(service->methods()))
            labels << method.label();
        QCOMPARE(labels, (QStringList{QStringLiteral("Visa •••• 1111 (credit, exp. 09/31)"), QStringLiteral("Visa •••• 1111 (debit)"),
                                      QStringLiteral("Visa •••• 1111 (credit, exp. 10/32, no. 1)"),
                                      QStringLiteral("Visa •••• 1111 (credit, exp. 10/32, no. 2)")}));
        // The same words in messages that name a method.
        const Expected<void> refused = service->deposit(debit.id, Money::fromCents(9'223'372'036'854'775'807LL));
        QVERIFY(!refused);
        QVERIFY2(refused.error().startsWith(QStringLiteral("Visa •••• 1111 (debit): ")), qPrintable(refused.error()));
        Q_UNUSED(credit)
        Q_UNUSED(later)
        Q_UNUSED(twin)
    }
};

TOPUP_TEST_GUILESS_MAIN(TestLinePurchase)
} // namespace tst_linepurchase
#include "tst_linepurchase.moc"
