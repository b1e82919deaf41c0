// A deposit that would take a method's funds past the int64 maximum is an
// error naming the method; nothing is deposited and the books still
// balance (SQLite would otherwise turn the sum into a floating-point value;
// PostgreSQL would refuse the BIGINT overflow). On both engines.
#include "testmain.h"
#include "checked.h"
#include "postgresserver.h"
#include "service/service.h"
#include "store/databaseurl.h"
#include "store/journalgateway.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

namespace tst_depositoverflow {

using namespace topup;

namespace {

constexpr qint64 largest = std::numeric_limits<qint64>::max();

} // namespace

class TestDepositOverflow final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void depositPastTheLargestAmount_data()
    {
        QTest::addColumn<qint64>("opening");
        QTest::addColumn<qint64>("deposit");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("one cent too many") << largest - 10 << qint64(11) << false;
        QTest::newRow("up to the largest") << largest - 10 << qint64(10) << true;
        QTest::newRow("largest onto largest") << largest << largest << false;
        QTest::newRow("five of 92233720368547758.00") << qint64(0) << qint64(9223372036854775800) << true;
    }

    void depositPastTheLargestAmount()
    {
        QFETCH(qint64, opening);
        QFETCH(qint64, deposit);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        Service::Options options;
        options.location = TOPUP_VALUE(test::worldLocationFor(dir.path()));
        options.fixedNow = *Instant::parse(u"2027-03-01T08:00:00Z");
        options.passwordIterations = 1000;
        auto opened = Service::open(options);
        QVERIFY2(opened, qPrintable(opened.error()));
        Service &service = **opened;
        const Expected<Account> account = service.signUp(SignUpForm{QStringLiteral("rich@example.com"), QStringLiteral("correct-horse-battery"),
                                                                    QStringLiteral("EUR"), QStringLiteral("Europe/Paris"), std::nullopt});
        QVERIFY2(account, qPrintable(account.error()));
        QVERIFY(service.catchUpToNow());
        const Expected<MethodRecord> wallet = service.addWallet(WalletForm{QStringLiteral("rich@example.com"), Money::fromCents(opening)});
        QVERIFY2(wallet, qPrintable(wallet.error()));

        const Expected<void> done = service.deposit(wallet->id, Money::fromCents(deposit));
        const Expected<std::vector<MethodRecord>> methods = service.methods();
        QVERIFY2(methods, qPrintable(methods.error()));
        QCOMPARE(methods->size(), std::size_t(1));
        if (accepted) {
            QVERIFY2(done, qPrintable(done.error()));
            QCOMPARE(methods->front().funds.cents(), opening + deposit);
            // A second deposit of the same size would pass the maximum.
            const Expected<void> again = service.deposit(wallet->id, Money::fromCents(deposit));
            QVERIFY(!again);
            QVERIFY2(again.error().contains(wallet->label()), qPrintable(again.error()));
            const Expected<std::vector<MethodRecord>> after = service.methods();
            QVERIFY2(after, qPrintable(after.error()));
            QCOMPARE(after->size(), std::size_t(1));
            QCOMPARE(after->front().funds.cents(), opening + deposit);
        } else {
            QVERIFY(!done);
            QVERIFY2(done.error().contains(wallet->label()), qPrintable(done.error())); // names the method
            QVERIFY2(done.error().contains(QLatin1String("largest amount")), qPrintable(done.error()));
            QCOMPARE(methods->front().funds.cents(), opening); // nothing moved, nothing saturated
        }
    }

    void theJournalRefusesItToo()
    {
        QTemporaryDir dir;
        Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::open(dir.filePath(QStringLiteral("gateway.sqlite")));
        if (test::PostgresServer *server = m_engine.server()) {
            TOPUP_VERIFY_OK(server->createDatabase(QStringLiteral("journal_only")));
            const Expected<DatabaseUrl> url = DatabaseUrl::parse(server->url(QStringLiteral("journal_only")));
            QVERIFY2(url, qPrintable(url.error()));
            journal = JournalGateway::openOnServer(*url);
        }
        QVERIFY2(journal, qPrintable(journal.error()));
        QVERIFY((*journal)->openAccount(QStringLiteral("tok"), Money::fromCents(largest - 1), std::nullopt));
        const Instant now = *Instant::parse(u"2027-03-01T08:00:00Z");
        QVERIFY(!(*journal)->depositTo(QStringLiteral("tok"), Money::fromCents(2), now));
        QCOMPARE((*journal)->fundsOf(QStringLiteral("tok"))->cents(), largest - 1);
        QVERIFY((*journal)->depositTo(QStringLiteral("tok"), Money::fromCents(1), now));
        QCOMPARE((*journal)->fundsOf(QStringLiteral("tok"))->cents(), largest);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestDepositOverflow)
} // namespace tst_depositoverflow
#include "tst_depositoverflow.moc"
