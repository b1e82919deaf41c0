// Two accounts in one store: neither sees nor touches the other's lines,
// methods or packages, whatever ids it passes.
#include "testmain.h"
#include "rules/zonedcalendar.h"
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
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace tst_accountisolation {

using namespace topup;

namespace {

const Instant now = Instant::fromMsecs(1804680000000); // 2027-03-10T12:00:00Z

struct Owned final
{
    qint64 account = 0;
    qint64 line = 0;
    qint64 card = 0;
    qint64 wallet = 0;
    QString cardToken;
    QString package; // "P<id>" of its "1 GB data"
};

// Every row of `table` belonging to `account`, as text, for before/after comparison.
QStringList rowsOf(Database &db, const QString &table, qint64 account)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT * FROM %1 WHERE account_id = ? ORDER BY id").arg(table));
    query.addBindValue(account);
    QStringList rows;
    if (!query.exec())
        return {QStringLiteral("query failed")};
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i)
            values << (query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
        rows << values.join(QLatin1Char('|'));
    }
    return rows;
}

bool exec(Database &db, const QString &sql)
{
    return QSqlQuery(db.connection()).exec(sql);
}

} // namespace

class TestAccountIsolation final : public QObject
{
    Q_OBJECT

private:
    test::StoreEngine m_engine;                 // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql
    std::unique_ptr<test::StoreFixture> m_dir; // a fresh store and journal for each test
    Database *m_db = nullptr;
    std::unique_ptr<MethodStore> m_methods;
    std::unique_ptr<LineStore> m_lines;
    Owned m_a;
    Owned m_b;

    JournalGateway &gateway() { return m_dir->journal(); }

    Expected<Owned> makeAccount(const QString &login, const QString &cardNumber, const QString &lineName)
    {
        Owned owned;
        const Expected<qint64> account = m_dir->signUp(login, now);
        if (!account)
            return Expected<Owned>::failure(account.error());
        owned.account = *account;
        const ZonedCalendar utc(QTimeZone::utc());
        const auto card = m_methods->addCard(owned.account, CardForm{MethodKind::CreditCard, QStringLiteral("Holder"), cardNumber,
                                                                     QStringLiteral("12/29"), QStringLiteral("123"),
                                                                     Money::fromCents(5000)},
                                             now, utc);
        const auto wallet = m_methods->addWallet(owned.account, WalletForm{login, Money::fromCents(100)}, now);
        const auto line = m_lines->add(owned.account, LineForm{lineName, QStringLiteral("EU"), UsageProfile::Regular, 1,
                                                               DataAmount(1000), VoiceAmount(60)});
        const auto packages = PackageStore(*m_db).list(owned.account);
        for (const QString &error : {card.error(), wallet.error(), line.error(), packages.error()}) {
            if (!error.isEmpty())
                return Expected<Owned>::failure(QStringLiteral("%1: %2").arg(login, error));
        }
        if (packages->empty())
            return Expected<Owned>::failure(QStringLiteral("%1 has no packages").arg(login));
        owned.card = card->id;
        owned.cardToken = card->token;
        owned.wallet = wallet->id;
        owned.line = line->id;
        owned.package = packages->front().package.id;
        return owned;
    }

    Policy policy(const Owned &methodOwner, const Owned &packageOwner) const
    {
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, 1000, packageOwner.package};
        policy.method = QStringLiteral("M%1").arg(methodOwner.card);
        return policy;
    }

    QStringList snapshotOfA()
    {
        QStringList all;
        for (const char *table : {"lines", "methods", "packages"})
            all << rowsOf(*m_db, QLatin1String(table), m_a.account);
        all << QString::number(TOPUP_VALUE(gateway().fundsOf(m_a.cardToken)).cents());
        return all;
    }

private slots:
    void initTestCase() { TOPUP_VERIFY_OK(m_engine.start()); }

    void init()
    {
        m_dir = std::make_unique<test::StoreFixture>(m_engine.server());
        const Expected<void> opened = m_dir->open();
        QVERIFY2(opened, qPrintable(opened.error()));
        m_db = &m_dir->store();
        m_methods = std::make_unique<MethodStore>(*m_db, gateway());
        m_lines = std::make_unique<LineStore>(*m_db);
        const Expected<Owned> a = makeAccount(QStringLiteral("alice@example.com"), QStringLiteral("4111111111111111"), QStringLiteral("Alice's line"));
        QVERIFY2(a, qPrintable(a.error()));
        const Expected<Owned> b = makeAccount(QStringLiteral("bob@example.com"), QStringLiteral("5555555555554444"), QStringLiteral("Bob's line"));
        QVERIFY2(b, qPrintable(b.error()));
        m_a = *a;
        m_b = *b;
        // A has a policy on its line; B's ids differ from A's.
        TOPUP_VERIFY_OK(m_lines->setPolicy(m_a.account, m_a.line, policy(m_a, m_a)));
        QVERIFY(m_a.card != m_b.card && m_a.line != m_b.line && m_a.package != m_b.package);
    }

    void cleanup()
    {
        m_lines.reset();
        m_methods.reset();
        m_db = nullptr;
        m_dir.reset();
    }

    void listsShowOnlyOwnRows()
    {
        const auto bLines = m_lines->list(m_b.account);
        QVERIFY2(bLines, qPrintable(bLines.error()));
        QCOMPARE(bLines->size(), std::size_t(1));
        QCOMPARE(bLines->front().id, m_b.line);
        QCOMPARE(bLines->front().name, QStringLiteral("Bob's line"));
        QVERIFY(!bLines->front().policy);
        const auto bMethods = m_methods->list(m_b.account);
        QVERIFY2(bMethods, qPrintable(bMethods.error()));
        QCOMPARE(bMethods->size(), std::size_t(2));
        QCOMPARE((*bMethods)[0].id, m_b.card);
        QCOMPARE((*bMethods)[0].lastFour, QStringLiteral("4444"));
        QCOMPARE((*bMethods)[1].id, m_b.wallet);
        QCOMPARE((*bMethods)[1].walletMasked, QStringLiteral("b•••@example.com"));
        const auto aPackages = PackageStore(*m_db).list(m_a.account);
        const auto bPackages = PackageStore(*m_db).list(m_b.account);
        QVERIFY2(aPackages, qPrintable(aPackages.error()));
        QVERIFY2(bPackages, qPrintable(bPackages.error()));
        QCOMPARE(bPackages->size(), std::size_t(5));
        for (const PackageRecord &mine : *bPackages) {
            for (const PackageRecord &theirs : *aPackages)
                QVERIFY(mine.id != theirs.id);
        }
        const auto aLines = m_lines->list(m_a.account);
        QVERIFY2(aLines, qPrintable(aLines.error()));
        QCOMPARE(aLines->size(), std::size_t(1));
        QCOMPARE(aLines->front().id, m_a.line);
    }

    void lineOfAnotherAccountIsUntouchable_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("find") << "find";
        QTest::newRow("rename") << "rename";
        QTest::newRow("remove") << "remove";
        QTest::newRow("setPolicy with B's own ids") << "setPolicy";
        QTest::newRow("clear policy") << "clearPolicy";
    }

    void lineOfAnotherAccountIsUntouchable()
    {
        QFETCH(QString, action);
        const QStringList before = snapshotOfA();
        QVERIFY(exec(*m_db, QStringLiteral("UPDATE lines SET threshold_state = 'suspended'")));
        QString error;
        if (action == QLatin1String("find"))
            error = m_lines->find(m_b.account, m_a.line).error();
        else if (action == QLatin1String("rename"))
            error = m_lines->rename(m_b.account, m_a.line, QStringLiteral("Mine now")).error();
        else if (action == QLatin1String("remove"))
            error = m_lines->remove(m_b.account, m_a.line, now).error();
        else if (action == QLatin1String("setPolicy"))
            error = m_lines->setPolicy(m_b.account, m_a.line, policy(m_b, m_b)).error();
        else
            error = m_lines->setPolicy(m_b.account, m_a.line, std::nullopt).error();
        QCOMPARE(error, QStringLiteral("no such line"));
        QCOMPARE(TOPUP_VALUE(m_lines->find(m_a.account, m_a.line)).progress.state, ThresholdState::Suspended);
        QVERIFY(exec(*m_db, QStringLiteral("UPDATE lines SET threshold_state = 'armed'")));
        QCOMPARE(snapshotOfA(), before);
    }

    void methodOfAnotherAccountIsUntouchable_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("card"); // else the wallet
        for (const bool card : {true, false}) {
            for (const char *action : {"find", "deposit", "setDefault", "remove"})
                QTest::addRow("%s %s", action, card ? "card" : "wallet") << QString::fromLatin1(action) << card;
        }
    }

    void methodOfAnotherAccountIsUntouchable()
    {
        QFETCH(QString, action);
        QFETCH(bool, card);
        const qint64 target = card ? m_a.card : m_a.wallet;
        const QStringList before = snapshotOfA();
        const QStringList bBefore = rowsOf(*m_db, QStringLiteral("methods"), m_b.account);
        QString error;
        if (action == QLatin1String("find"))
            error = m_methods->find(m_b.account, target).error();
        else if (action == QLatin1String("deposit"))
            error = m_methods->deposit(m_b.account, target, Money::fromCents(999), now).error();
        else if (action == QLatin1String("setDefault"))
            error = m_methods->setDefault(m_b.account, target).error();
        else
            error = m_methods->remove(m_b.account, target).error();
        QCOMPARE(error, QStringLiteral("no such payment method"));
        QCOMPARE(snapshotOfA(), before);
        QCOMPARE(rowsOf(*m_db, QStringLiteral("methods"), m_b.account), bBefore);
    }

    void policyCannotNameAnotherAccountsIds_data()
    {
        QTest::addColumn<bool>("foreignMethod");
        QTest::addColumn<bool>("foreignPackage");
        QTest::newRow("A's method") << true << false;
        QTest::newRow("A's package") << false << true;
        QTest::newRow("both") << true << true;
    }

    void policyCannotNameAnotherAccountsIds()
    {
        QFETCH(bool, foreignMethod);
        QFETCH(bool, foreignPackage);
        const QStringList before = snapshotOfA();
        const Policy bad = policy(foreignMethod ? m_a : m_b, foreignPackage ? m_a : m_b);
        QStringList problems;
        if (foreignPackage)
            problems << QStringLiteral("policy.threshold.package: unknown package \"%1\"").arg(m_a.package);
        if (foreignMethod)
            problems << QStringLiteral("policy.method: unknown method \"M%1\"").arg(m_a.card);
        const QString expected = problems.join(QLatin1Char('\n'));
        QCOMPARE(m_lines->checkPolicy(m_b.account, m_b.line, bad).error(), expected);
        QCOMPARE(m_lines->setPolicy(m_b.account, m_b.line, bad).error(), expected);
        QVERIFY(!TOPUP_VALUE(m_lines->find(m_b.account, m_b.line)).policy);
        // A's fallback is no better.
        Policy fallback = policy(m_b, m_b);
        fallback.fallback = QStringLiteral("M%1").arg(m_a.wallet);
        QCOMPARE(m_lines->checkPolicy(m_b.account, m_b.line, fallback).error(),
                 QStringLiteral("policy.fallback: unknown method \"M%1\"").arg(m_a.wallet));
        // The same policy with B's own ids is fine, and A's own policy is still valid for A.
        TOPUP_VERIFY_OK(m_lines->checkPolicy(m_b.account, m_b.line, policy(m_b, m_b)));
        TOPUP_VERIFY_OK(m_lines->checkPolicy(m_a.account, m_a.line, policy(m_a, m_a)));
        QCOMPARE(snapshotOfA(), before);
    }

    void ownChangesLeaveTheOtherAlone()
    {
        const QStringList before = snapshotOfA();
        // B's default moves, B removes its card and line: A keeps its default and its rows.
        TOPUP_VERIFY_OK(m_methods->setDefault(m_b.account, m_b.wallet));
        TOPUP_VERIFY_OK(m_methods->deposit(m_b.account, m_b.card, Money::fromCents(250), now));
        TOPUP_VERIFY_OK(m_methods->remove(m_b.account, m_b.card));
        TOPUP_VERIFY_OK(m_lines->rename(m_b.account, m_b.line, QStringLiteral("Renamed")));
        TOPUP_VERIFY_OK(m_lines->remove(m_b.account, m_b.line, now));
        QCOMPARE(snapshotOfA(), before);
        QCOMPARE(TOPUP_VALUE(m_methods->find(m_a.account, m_a.card)).isDefault, true);
        // A's card is in use by A's policy; B's remove of its own card was not blocked by it.
        QCOMPARE(m_methods->remove(m_a.account, m_a.card).error(),
                 QStringLiteral("this method pays the auto top-ups of Alice's line; choose another method there first"));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestAccountIsolation)
} // namespace tst_accountisolation
#include "tst_accountisolation.moc"
