// Lines: adding, listing, renaming and removing; policies checked against the
// account's own methods and packages (SPEC §2), and a new policy re-arming the
// threshold trigger and dropping pending retries (SPEC §3).
#include "testmain.h"
#include "store/journalgateway.h"
#include "store/accountstore.h"
#include "store/database.h"
#include "store/linestore.h"
#include "store/methodstore.h"
#include "store/packagestore.h"
#include "store/storeschema.h"
#include "checked.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>
#include <optional>

namespace tst_linestore {

using namespace topup;

namespace {

const Instant now = Instant::fromMsecs(1804680000000); // 2027-03-10T12:00:00Z

// A store with one account, two wallets and the default packages.
struct Setup final
{
    explicit Setup(test::PostgresServer *server) : folder(server) {}

    test::StoreFixture folder;
    Database *db = nullptr;
    std::unique_ptr<LineStore> lines;
    qint64 account = 0;
    QString wallet1, wallet2;            // "M<id>"
    std::map<QString, QString> packages; // name -> "P<id>"

    Expected<void> open()
    {
        if (const Expected<void> opened = folder.open(); !opened)
            return opened;
        db = &folder.store();
        lines = std::make_unique<LineStore>(*db);
        const Expected<qint64> signedUp = folder.signUp(QStringLiteral("jane@example.com"), now);
        if (!signedUp)
            return Expected<void>::failure(signedUp.error());
        account = *signedUp;
        MethodStore methods(*db, folder.journal());
        const auto a = methods.addWallet(account, WalletForm{QStringLiteral("a@example.com"), Money()}, now);
        if (!a)
            return Expected<void>::failure(a.error());
        const auto b = methods.addWallet(account, WalletForm{QStringLiteral("b@example.com"), Money()}, now);
        if (!b)
            return Expected<void>::failure(b.error());
        wallet1 = a->engineId();
        wallet2 = b->engineId();
        const auto catalog = PackageStore(*db).list(account);
        if (!catalog)
            return Expected<void>::failure(catalog.error());
        for (const PackageRecord &record : *catalog)
            packages[record.name] = record.package.id;
        return {};
    }

    Expected<LineRecord> add(const QString &name)
    {
        return lines->add(account, LineForm{name, QStringLiteral("EU"), UsageProfile::Regular, 7, DataAmount(1000), VoiceAmount(60)});
    }

    QVariant scalar(const QString &sql, qint64 id) const
    {
        QSqlQuery query(db->connection());
        query.prepare(sql);
        query.addBindValue(id);
        return query.exec() && query.next() ? query.value(0) : QVariant();
    }

    bool exec(const QString &sql) const { return QSqlQuery(db->connection()).exec(sql); }
};

} // namespace

class TestLineStore final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        const Expected<void> started = m_engine.start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
    }

    void addListFind()
    {
        Setup s(m_engine.server());
        const Expected<void> opened = s.open();
        QVERIFY2(opened, qPrintable(opened.error()));
        const auto home = s.lines->add(s.account, LineForm{QStringLiteral("  Home "), QStringLiteral(" EU "), UsageProfile::Heavy,
                                                           42, DataAmount(2000000000), VoiceAmount(300)});
        QVERIFY2(home, qPrintable(home.error()));
        QCOMPARE(home->name, QStringLiteral("Home"));
        QCOMPARE(home->region, QStringLiteral("EU"));
        QCOMPARE(home->profile, UsageProfile::Heavy);
        QCOMPARE(home->seed, quint64(42));
        QCOMPARE(home->dataBytes, qint64(2000000000));
        QCOMPARE(home->voiceSeconds, qint64(300));
        QVERIFY(!home->policy);
        QCOMPARE(home->progress.state, ThresholdState::Armed);
        QCOMPARE(home->progress.lastMonthlyKey, -1);
        QCOMPARE(home->engineId(), QStringLiteral("L%1").arg(home->id));
        const auto travel = s.add(QStringLiteral("Travel"));
        QVERIFY2(travel, qPrintable(travel.error()));
        const auto list = s.lines->list(s.account);
        QVERIFY2(list, qPrintable(list.error()));
        QCOMPARE(list->size(), std::size_t(2));
        QCOMPARE((*list)[0].id, home->id);
        QCOMPARE((*list)[0].name, QStringLiteral("Home"));
        QCOMPARE((*list)[1].id, travel->id);
        QCOMPARE((*list)[1].name, QStringLiteral("Travel"));
        QCOMPARE((*list)[1].dataBytes, qint64(1000));
        QCOMPARE(TOPUP_VALUE(s.lines->find(s.account, travel->id)).voiceSeconds, qint64(60));
        QCOMPARE(s.lines->find(s.account, travel->id + 100).error(), QStringLiteral("no such line"));
    }

    // A column this version cannot read (a damaged file, a later version's)
    // is an error naming the line, the column and the value — never a
    // default: an unknown threshold state was read as "armed", an unknown
    // profile as "regular", and rules that no longer read as no rules at
    // all, which silently stopped the line's top-ups.
    void damagedColumnsAreReported_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("message");
        QTest::newRow("threshold state") << "threshold_state = 'dormant'" << "line %1 in the store has an unknown threshold_state \"dormant\"";
        QTest::newRow("profile") << "profile = 'sporty'" << "line %1 in the store has an unknown profile \"sporty\"";
        QTest::newRow("empty profile") << "profile = ''" << "line %1 in the store has an unknown profile \"\"";
        QTest::newRow("rules not JSON") << "policy_json = '{\"enabled\": tru'"
                                        << "line %1 in the store has rules that are not a JSON object (illegal value)";
        QTest::newRow("rules not an object") << "policy_json = '[1, 2]'" << "line %1 in the store has rules that are not a JSON object (not an object)";
        QTest::newRow("rules with an unknown field")
            << "policy_json = '{\"enabled\": false, \"weekly\": {}}'" << "line %1 in the store has rules that cannot be read: weekly: unknown key";
    }

    void damagedColumnsAreReported()
    {
        QFETCH(QString, assignment);
        QFETCH(QString, message);
        Setup s(m_engine.server());
        const Expected<void> opened = s.open();
        QVERIFY2(opened, qPrintable(opened.error()));
        const qint64 line = TOPUP_VALUE(s.add(QStringLiteral("Home"))).id;
        QVERIFY(s.exec(QStringLiteral("UPDATE lines SET %1 WHERE id = %2").arg(assignment).arg(line)));
        const auto listed = s.lines->list(s.account);
        QVERIFY(!listed);
        QCOMPARE(listed.error(), message.arg(line));
        const auto found = s.lines->find(s.account, line);
        QVERIFY(!found);
        QCOMPARE(found.error(), message.arg(line));
    }

    void regionMayBeLeftOut_data()
    {
        QTest::addColumn<QString>("region");
        QTest::newRow("null (LineForm's default)") << QString();
        QTest::newRow("empty") << QStringLiteral("");
        QTest::newRow("blank") << QStringLiteral("   ");
    }

    void regionMayBeLeftOut()
    {
        QFETCH(QString, region);
        Setup s(m_engine.server());
        const Expected<void> opened = s.open();
        QVERIFY2(opened, qPrintable(opened.error()));
        LineForm form;
        form.name = QStringLiteral("Home");
        form.region = region;
        const auto line = s.lines->add(s.account, form);
        QVERIFY2(line, qPrintable(line.error())); // a null region once bound as NULL into lines.region NOT NULL
        QCOMPARE(line->region, QString());
    }

    void namesAreChecked_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("empty") << "" << "a line needs a name";
        QTest::newRow("blank") << "   " << "a line needs a name";
        QTest::newRow("60 characters") << QString(60, QLatin1Char('x')) << "";
        QTest::newRow("61 characters") << QString(61, QLatin1Char('x')) << "a line's name is at most 60 characters";
        QTest::newRow("non-ASCII") << "Ma ligne №2 — été" << "";
    }

    void namesAreChecked()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        Setup s(m_engine.server());
        const Expected<void> opened = s.open();
        QVERIFY2(opened, qPrintable(opened.error()));
        const auto added = s.add(name);
        QCOMPARE(added.ok(), error.isEmpty());
        QCOMPARE(added.error(), error);
        QCOMPARE(TOPUP_VALUE(s.lines->list(s.account)).size(), std::size_t(error.isEmpty() ? 1 : 0));
        // The same rule for a new name.
        const auto other = s.add(QStringLiteral("Other"));
        QVERIFY2(other, qPrintable(other.error()));
        const auto renamed = s.lines->rename(s.account, other->id, name);
        QCOMPARE(renamed.ok(), error.isEmpty());
        QCOMPARE(renamed.error(), error);
        QCOMPARE(TOPUP_VALUE(s.lines->find(s.account, other->id)).name, error.isEmpty() ? name.trimmed() : QStringLiteral("Other"));
    }

    void renameAndRemove()
    {
        Setup s(m_engine.server());
        const Expected<void> opened = s.open();
        QVERIFY2(opened, qPrintable(opened.error()));
        const auto home = s.add(QStringLiteral("Home"));
        const auto work = s.add(QStringLiteral("Work"));
        QVERIFY(home && work);
        TOPUP_VERIFY_OK(s.lines->rename(s.account, home->id, QStringLiteral(" Family ")));
        QCOMPARE(TOPUP_VALUE(s.lines->find(s.account, home->id)).name, QStringLiteral("Family"));
        QCOMPARE(s.lines->rename(s.account, work->id + 100, QStringLiteral("X")).error(), QStringLiteral("no such line"));
        TOPUP_VERIFY_OK(s.lines->remove(s.account, home->id, Instant::fromMsecs(1234)));
        const auto list = s.lines->list(s.account);
        QVERIFY2(list, qPrintable(list.error()));
        QCOMPARE(list->size(), std::size_t(1));
        QCOMPARE(list->front().id, work->id);
        // Kept for History, marked removed, with when.
        const LineRecord removed = TOPUP_VALUE(s.lines->find(s.account, home->id));
        QCOMPARE(removed.state, LineState::Removed);
        QCOMPARE(removed.removedAt, std::optional<Instant>(Instant::fromMsecs(1234)));
        QCOMPARE(TOPUP_VALUE(s.lines->listForHistory(s.account)).size(), std::size_t(2));
        QCOMPARE(s.lines->remove(s.account, home->id, Instant::fromMsecs(1235)).error(), QStringLiteral("no such line"));
        QCOMPARE(s.lines->drainData(s.account, home->id).error(), QStringLiteral("no such line"));
        QCOMPARE(s.lines->setPolicy(s.account, home->id, std::nullopt).error(), QStringLiteral("no such line"));
        QCOMPARE(s.lines->rename(s.account, home->id, QStringLiteral("Back")).error(), QStringLiteral("no such line"));
    }

    void validPolicyRoundTrips()
    {
        Setup s(m_engine.server());
        const Expected<void> opened = s.open();
        QVERIFY2(opened, qPrintable(opened.error()));
        const auto home = s.add(QStringLiteral("Home"));
        QVERIFY2(home, qPrintable(home.error()));
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, 500000000, s.packages.at(QStringLiteral("1 GB data"))};
        policy.monthly = MonthlyTrigger{31, 23 * 60 + 59, s.packages.at(QStringLiteral("10 GB + 300 minutes"))};
        policy.monthlyCap = Money::fromCents(4000);
        policy.maxPerMonth = 3;
        policy.method = s.wallet1;
        policy.fallback = s.wallet2;
        TOPUP_VERIFY_OK(s.lines->checkPolicy(s.account, home->id, policy));
        const auto set = s.lines->setPolicy(s.account, home->id, policy);
        QVERIFY2(set, qPrintable(set.error()));
        QCOMPARE(s.scalar(QStringLiteral("SELECT policy_json FROM lines WHERE id = ?"), home->id).toString(),
                 QStringLiteral("{\"enabled\":true,\"fallback\":\"%1\",\"max_per_month\":3,\"method\":\"%2\",\"monthly\":{\"day\":31,"
                                "\"package\":\"%3\",\"time\":\"23:59\"},\"monthly_cap\":\"40.00\",\"threshold\":{\"below\":"
                                "\"500000000B\",\"package\":\"%4\",\"resource\":\"data\"}}")
                     .arg(s.wallet2, s.wallet1, policy.monthly->package, policy.threshold->package));
        const auto read = s.lines->find(s.account, home->id);
        QVERIFY2(read, qPrintable(read.error()));
        QVERIFY(read->policy);
        const Policy &back = *read->policy;
        QCOMPARE(back.enabled, true);
        QVERIFY(back.threshold && back.monthly && back.monthlyCap);
        QCOMPARE(back.threshold->resource, Resource::Data);
        QCOMPARE(back.threshold->below, qint64(500000000));
        QCOMPARE(back.threshold->package, policy.threshold->package);
        QCOMPARE(back.monthly->day, 31);
        QCOMPARE(back.monthly->minuteOfDay, 23 * 60 + 59);
        QCOMPARE(back.monthly->package, policy.monthly->package);
        QCOMPARE(back.monthlyCap->cents(), qint64(4000));
        QCOMPARE(back.maxPerMonth, std::optional<int>(3));
        QCOMPARE(back.method, s.wallet1);
        QCOMPARE(back.fallback, s.wallet2);

        // A voice threshold on the voice package; then no policy at all.
        Policy voice;
        voice.threshold = ThresholdTrigger{Resource::Voice, 600, s.packages.at(QStringLiteral("100 minutes"))};
        voice.method = s.wallet2;
        TOPUP_VERIFY_OK(s.lines->setPolicy(s.account, home->id, voice));
        const auto voiceBack = TOPUP_VALUE(s.lines->find(s.account, home->id)).policy;
        QVERIFY(voiceBack && voiceBack->threshold);
        QCOMPARE(voiceBack->threshold->resource, Resource::Voice);
        QCOMPARE(voiceBack->threshold->below, qint64(600));
        QVERIFY(!voiceBack->monthly && !voiceBack->monthlyCap && !voiceBack->maxPerMonth);
        QCOMPARE(voiceBack->fallback, QString());
        TOPUP_VERIFY_OK(s.lines->setPolicy(s.account, home->id, std::nullopt));
        QVERIFY(!TOPUP_VALUE(s.lines->find(s.account, home->id)).policy);
        QVERIFY(s.scalar(QStringLiteral("SELECT policy_json FROM lines WHERE id = ?"), home->id).isNull());
    }

    void invalidPolicyIsRefusedWithItsPath_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("trigger"); // "", "data", "voice"
        QTest::addColumn<QString>("package"); // a package name, or an id as is
        QTest::addColumn<QString>("method");  // "1"/"2": wallet1/wallet2, else as is
        QTest::addColumn<QString>("fallback");
        QTest::addColumn<QString>("error"); // %1: the package's id
        QTest::newRow("unknown method") << true << "data" << "1 GB data" << "M999" << ""
                                        << "policy.method: unknown method \"M999\"";
        QTest::newRow("unknown fallback") << true << "data" << "1 GB data" << "1" << "M999"
                                          << "policy.fallback: unknown method \"M999\"";
        QTest::newRow("fallback = method") << true << "data" << "1 GB data" << "1" << "1"
                                           << "policy.fallback: must differ from method";
        QTest::newRow("enabled, no trigger") << true << "" << "" << "1" << ""
                                             << "policy: an enabled policy needs a threshold or a monthly trigger";
        QTest::newRow("enabled, no method") << true << "data" << "1 GB data" << "" << ""
                                            << "policy.method: missing (required when the policy is enabled)";
        QTest::newRow("data threshold, voice package") << true << "data" << "100 minutes" << "1" << ""
            << "policy.threshold.package: package \"%1\" adds no data, so it can never lift a data threshold";
        QTest::newRow("voice threshold, data package") << true << "voice" << "5 GB data" << "1" << ""
            << "policy.threshold.package: package \"%1\" adds no voice, so it can never lift a voice threshold";
        QTest::newRow("unknown package") << true << "data" << "P999" << "1" << ""
                                         << "policy.threshold.package: unknown package \"P999\"";
        QTest::newRow("disabled, unknown method") << false << "" << "" << "M999" << ""
                                                  << "policy.method: unknown method \"M999\"";
        QTest::newRow("two problems") << true << "" << "" << "M999" << ""
            << "policy.method: unknown method \"M999\"\npolicy: an enabled policy needs a threshold or a monthly trigger";
    }

    void invalidPolicyIsRefusedWithItsPath()
    {
        QFETCH(bool, enabled);
        QFETCH(QString, trigger);
        QFETCH(QString, package);
        QFETCH(QString, method);
        QFETCH(QString, fallback);
        QFETCH(QString, error);
        Setup s(m_engine.server());
        const Expected<void> opened = s.open();
        QVERIFY2(opened, qPrintable(opened.error()));
        const auto home = s.add(QStringLiteral("Home"));
        QVERIFY2(home, qPrintable(home.error()));
        const auto methodId = [&](const QString &text) {
            return text == QLatin1String("1") ? s.wallet1 : text == QLatin1String("2") ? s.wallet2 : text;
        };
        const QString packageId = s.packages.count(package) ? s.packages.at(package) : package;
        Policy policy;
        policy.enabled = enabled;
        if (!trigger.isEmpty())
            policy.threshold = ThresholdTrigger{trigger == QLatin1String("data") ? Resource::Data : Resource::Voice, 100, packageId};
        policy.method = methodId(method);
        policy.fallback = methodId(fallback);
        const QString expected = error.contains(QLatin1String("%1")) ? error.arg(packageId) : error;
        QCOMPARE(s.lines->checkPolicy(s.account, home->id, policy).error(), expected);
        QVERIFY(s.exec(QStringLiteral("UPDATE lines SET threshold_state = 'suspended'")));
        const auto set = s.lines->setPolicy(s.account, home->id, policy);
        QVERIFY(!set);
        QCOMPARE(set.error(), expected);
        QVERIFY(!TOPUP_VALUE(s.lines->find(s.account, home->id)).policy);
        QCOMPARE(TOPUP_VALUE(s.lines->find(s.account, home->id)).progress.state, ThresholdState::Suspended); // untouched
    }

    void aRetryingLineSaysWhenItTriesNext()
    {
        Setup s(m_engine.server());
        const Expected<void> opened = s.open();
        QVERIFY2(opened, qPrintable(opened.error()));
        const auto home = s.add(QStringLiteral("Home"));
        QVERIFY2(home, qPrintable(home.error()));
        QVERIFY(!home->nextThresholdRetry);
        // Two threshold retries (the earlier is next) and a monthly one, which is not the threshold's.
        QVERIFY(s.exec(QStringLiteral("INSERT INTO retries (line_id, due_ms, seq, trigger, chain_key, attempt) VALUES"
                                      " (%1, 1804680600000, 2, 'threshold', 'L%1/threshold/1', 3),"
                                      " (%1, 1804600000000, 1, 'threshold', 'L%1/threshold/2', 2),"
                                      " (%1, 1800000000000, 3, 'monthly', 'L%1/monthly/2027-03', 2)").arg(home->id)));
        const LineRecord found = TOPUP_VALUE(s.lines->find(s.account, home->id));
        QVERIFY(found.nextThresholdRetry);
        QCOMPARE(found.nextThresholdRetry->msecs(), qint64(1804600000000));
        const Expected<std::vector<LineRecord>> all = s.lines->list(s.account);
        QVERIFY2(all && all->size() == 1, "one line expected");
        QCOMPARE(all->front().nextThresholdRetry, found.nextThresholdRetry);
    }

    void newPolicyArmsAndDropsRetries()
    {
        Setup s(m_engine.server());
        const Expected<void> opened = s.open();
        QVERIFY2(opened, qPrintable(opened.error()));
        const auto home = s.add(QStringLiteral("Home"));
        const auto work = s.add(QStringLiteral("Work"));
        QVERIFY(home && work);
        QVERIFY(s.exec(QStringLiteral("UPDATE lines SET threshold_state = 'suspended'")));
        for (const qint64 line : {home->id, home->id, work->id}) {
            QVERIFY(s.exec(QStringLiteral("INSERT INTO retries (line_id, due_ms, seq, trigger, chain_key, attempt)"
                                          " VALUES (%1, 1804680600000, 1, 'threshold', 'L%1/threshold/1', 2)").arg(line)));
        }
        const QString retries = QStringLiteral("SELECT count(*) FROM retries WHERE line_id = ?");
        QCOMPARE(s.scalar(retries, home->id).toInt(), 2);

        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, 1000, s.packages.at(QStringLiteral("1 GB data"))};
        policy.method = s.wallet1;
        // A refused policy changes nothing.
        Policy bad = policy;
        bad.method = QStringLiteral("M999");
        QVERIFY(!s.lines->setPolicy(s.account, home->id, bad));
        QCOMPARE(s.scalar(retries, home->id).toInt(), 2);
        QCOMPARE(TOPUP_VALUE(s.lines->find(s.account, home->id)).progress.state, ThresholdState::Suspended);

        TOPUP_VERIFY_OK(s.lines->setPolicy(s.account, home->id, policy));
        QCOMPARE(TOPUP_VALUE(s.lines->find(s.account, home->id)).progress.state, ThresholdState::Armed);
        QCOMPARE(s.scalar(retries, home->id).toInt(), 0);
        // The other line keeps its state and its retry.
        QCOMPARE(TOPUP_VALUE(s.lines->find(s.account, work->id)).progress.state, ThresholdState::Suspended);
        QCOMPARE(s.scalar(retries, work->id).toInt(), 1);
        // Clearing the policy is a policy change too.
        TOPUP_VERIFY_OK(s.lines->setPolicy(s.account, work->id, std::nullopt));
        QCOMPARE(TOPUP_VALUE(s.lines->find(s.account, work->id)).progress.state, ThresholdState::Armed);
        QCOMPARE(s.scalar(retries, work->id).toInt(), 0);
        QCOMPARE(s.lines->setPolicy(s.account, work->id + 100, policy).error(), QStringLiteral("no such line"));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestLineStore)
} // namespace tst_linestore
#include "tst_linestore.moc"
