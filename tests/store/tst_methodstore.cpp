// Payment methods: what is kept of a card (brand, last four, expiry, holder,
// token: never the number or the security code, in any file or log), wallets,
// the default method, deposits at the provider, and removal while in use.
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
#include "postgresserver.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>
#include <utility>

namespace tst_methodstore {

using namespace topup;
using topup::test::at;

namespace {


const Instant march10 = Instant::fromMsecs(1804680000000); // 2027-03-10T12:00:00Z

QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    capturedLog << message;
    if (previousHandler)
        previousHandler(type, context, message);
}

// A store, the provider's journal and one account, in a folder of their own.
// Tokens are letters only, so a digit run found in a file can only be card data.
struct Setup final
{
    explicit Setup(test::PostgresServer *server) : dir(server) {}

    test::StoreFixture dir;
    Database *db = nullptr;
    JournalGateway *gateway = nullptr;
    std::unique_ptr<MethodStore> methods;
    qint64 account = 0;
    int tokensIssued = 0;
    ZonedCalendar berlin{QTimeZone("Europe/Berlin")};

    Expected<void> open()
    {
        if (const Expected<void> opened = dir.open(); !opened)
            return opened;
        db = &dir.store();
        gateway = &dir.journal();
        methods = std::make_unique<MethodStore>(*db, *gateway, [this] {
            QString name = QStringLiteral("tok_");
            for (int n = ++tokensIssued; n > 0; n /= 26)
                name.append(QChar(u'a' + (n % 26)));
            return name;
        });
        const Expected<qint64> signedUp = dir.signUp(QStringLiteral("jane@example.com"), march10, QByteArray(16, 'k'));
        if (!signedUp)
            return Expected<void>::failure(signedUp.error());
        account = *signedUp;
        return {};
    }

    void close()
    {
        methods.reset();
        gateway = nullptr;
        db = nullptr;
        dir.close();
    }

    Expected<MethodRecord> card(const QString &number, const QString &code, const QString &expiry = QStringLiteral("12/29"),
                                const QString &holder = QStringLiteral("Jane Doe"), qint64 cents = 2500)
    {
        return methods->addCard(account, CardForm{MethodKind::CreditCard, holder, number, expiry, code, Money::fromCents(cents)},
                                march10, berlin);
    }

    // "kind|holder|brand|last_four|expires|wallet_masked|token|code|is_default|removed", NULL for null.
    QString row(qint64 id) const
    {
        QSqlQuery query(db->connection());
        query.prepare(QStringLiteral("SELECT kind, holder, brand, last_four, expires, wallet_masked, token, code,"
                                     " is_default, removed FROM methods WHERE id = ?"));
        query.addBindValue(id);
        QStringList values;
        if (query.exec() && query.next()) {
            for (int i = 0; i < 10; ++i)
                values << (query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
        }
        return values.join(QLatin1Char('|'));
    }
};

Policy thresholdPolicy(const QString &method, const QString &package, const QString &fallback = {}, bool enabled = true)
{
    Policy policy;
    policy.enabled = enabled;
    policy.threshold = ThresholdTrigger{Resource::Data, 500 * 1000 * 1000, package};
    policy.method = method;
    policy.fallback = fallback;
    return policy;
}

QByteArray utf16(const QString &text)
{
    return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
}

// The longest run of ASCII digits in `bytes`.
int longestDigitRun(const QByteArray &bytes)
{
    int longest = 0;
    for (int i = 0, run = 0; i < bytes.size(); ++i)
        longest = qMax(longest, run = (bytes[i] >= '0' && bytes[i] <= '9') ? run + 1 : 0);
    return longest;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Whether `bytes` holds `digits` (ASCII digits) as UTF-8 or UTF-16 with no
// digit right before or after it: a security code kept would be a value of
// its own, while the catalogue's names carry object ids in decimal
// (PostgreSQL's "RI_ConstraintTrigger_c_17391" holds 7391 by chance).
bool holdsStandalone(const QByteArray &bytes, const QString &digits)
{
    for (const auto &[needle, step] : {std::pair{digits.toUtf8(), 1}, std::pair{utf16(digits), 2}}) {
        for (qsizetype i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + 1)) {
            const bool digitBefore = i >= step && isDigit(bytes[i - step]);
            const qsizetype end = i + needle.size();
            const bool digitAfter = end < bytes.size() && isDigit(bytes[end]);
            if (!digitBefore && !digitAfter)
                return true;
        }
    }
    return false;
}

struct CardData final
{
    QString number; // as typed
    QString code;
    QString holder;
};

// Empty when `bytes` holds nothing of the cards, else what was found. Any
// run of more than `longestRun` digits counts as card data: in the files'
// binary pages a run of 13 is none of the store's numbers; in text (pg_dump)
// every instant is a run of 13 (milliseconds), so there 14 and more count
// (the test's cards have 15 and 16 digits, and each is looked for itself).
QString findCardData(const QByteArray &bytes, const std::vector<CardData> &cards, int longestRun = 12)
{
    if (const int run = longestDigitRun(bytes); run > longestRun)
        return QStringLiteral("a run of %1 digits").arg(run);
    for (const CardData &card : cards) {
        const QString digits = QString(card.number).remove(QLatin1Char(' '));
        for (const QString &form : {card.number, digits}) {
            if (bytes.contains(form.toUtf8()) || bytes.contains(utf16(form)))
                return QStringLiteral("card number %1").arg(form);
        }
        if (card.code.size() == 4 && holdsStandalone(bytes, card.code))
            return QStringLiteral("security code %1").arg(card.code);
        // A 3-digit code may occur by chance in binary pages; it must not sit beside the holder's name.
        const QByteArray holder = card.holder.toUtf8();
        for (qsizetype i = bytes.indexOf(holder); i >= 0; i = bytes.indexOf(holder, i + 1)) {
            if (holdsStandalone(bytes.mid(qMax(qsizetype(0), i - 128), holder.size() + 256), card.code))
                return QStringLiteral("security code %1 beside %2").arg(card.code, card.holder);
        }
    }
    return {};
}

} // namespace

class TestMethodStore final : public QObject
{
    Q_OBJECT

private:
    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql
    std::unique_ptr<Setup> m_w; // a fresh store, journal and account for each test

private slots:
    void initTestCase()
    {
        previousHandler = qInstallMessageHandler(captureMessage);
        TOPUP_VERIFY_OK(m_engine.start());
    }
    void cleanupTestCase() { qInstallMessageHandler(previousHandler); }

    void init()
    {
        m_w = std::make_unique<Setup>(m_engine.server());
        const Expected<void> opened = m_w->open();
        QVERIFY2(opened, qPrintable(opened.error()));
    }

    void cleanup() { m_w.reset(); }

    // A kind the schema's CHECK lets through only in a damaged file or a
    // later version's store: reported with the method's id, never read as a
    // credit card.
    void unknownKindIsReported()
    {
        const qint64 id = TOPUP_VALUE(m_w->card(QStringLiteral("4111 1111 1111 1111"), QStringLiteral("482"))).id;
        TOPUP_VERIFY_OK(test::allowUncheckedValues(*m_w->db, QStringLiteral("methods")));
        QSqlQuery query(m_w->db->connection());
        QVERIFY(query.exec(QStringLiteral("UPDATE methods SET kind = 'gift_card' WHERE id = %1").arg(id)));
        const auto listed = m_w->methods->list(m_w->account);
        QVERIFY(!listed);
        QCOMPARE(listed.error(), QStringLiteral("method %1 in the store has an unknown kind \"gift_card\"").arg(id));
    }

    void addCardKeepsOnlyWhatMayBeKept_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("brand");
        QTest::addColumn<QString>("lastFour");
        QTest::newRow("Visa") << "4111 1111 1111 1111" << "482" << "Visa" << "1111";
        QTest::newRow("Amex, 4-digit code") << "378282246310005" << "7391" << "American Express" << "0005";
        QTest::newRow("Mastercard 2-series") << "2223 0031 2200 3222" << "615" << "Mastercard" << "3222";
        QTest::newRow("Mastercard 5-series") << "5555555555554444" << "906" << "Mastercard" << "4444";
    }

    void addCardKeepsOnlyWhatMayBeKept()
    {
        QFETCH(QString, number);
        QFETCH(QString, code);
        QFETCH(QString, brand);
        QFETCH(QString, lastFour);
        const auto added = m_w->card(number, code, QStringLiteral("12/29"), QStringLiteral("  Jane   Doe "));
        QVERIFY2(added, qPrintable(added.error()));
        QCOMPARE(added->brand, brand);
        QCOMPARE(added->lastFour, lastFour);
        QCOMPARE(added->holder, QStringLiteral("Jane Doe"));
        QVERIFY(added->expires);
        QCOMPARE(added->expires->toString(), QStringLiteral("2029-12"));
        QCOMPARE(added->token, QStringLiteral("tok_b"));
        QCOMPARE(added->label(), brand + QStringLiteral(" •••• ") + lastFour);
        QCOMPARE(added->engineId(), QStringLiteral("M%1").arg(added->id));
        QVERIFY(added->isDefault);
        QCOMPARE(m_w->row(added->id), QStringLiteral("credit_card|Jane Doe|%1|%2|2029-12|NULL|tok_b|tok_b|1|0").arg(brand, lastFour));
        // No column to put the number or the code in.
        const QSqlRecord columns = m_w->db->connection().record(QStringLiteral("methods"));
        QStringList names;
        for (int i = 0; i < columns.count(); ++i)
            names << columns.fieldName(i);
        QCOMPARE(names.join(QLatin1Char(',')), QStringLiteral("id,account_id,code,kind,holder,brand,last_four,expires,"
                                                              "wallet_masked,token,is_default,removed,created_ms"));
        // The provider holds the funds and ends the card with its month, Berlin time.
        QCOMPARE(TOPUP_VALUE(m_w->gateway->fundsOf(QStringLiteral("tok_b"))).cents(), qint64(2500));
        const auto list = m_w->methods->list(m_w->account);
        QVERIFY2(list, qPrintable(list.error()));
        QCOMPARE(list->size(), std::size_t(1));
        QCOMPARE(list->front().funds.cents(), qint64(2500));
        QCOMPARE(list->front().label(), brand + QStringLiteral(" •••• ") + lastFour);
    }

    void addCardRefuses_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expiry");
        QTest::addColumn<QString>("holder");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("error");
        const auto refuse = [](const char *name, const char *number, const char *code, const char *expiry, const char *holder,
                               const char *now, const char *error) {
            QTest::newRow(name) << number << code << expiry << holder << now << error;
        };
        const char *visa = "4111111111111111";
        const char *now = "2027-03-10T12:00:00Z";
        const char *threeDigits = "the security code is the 3 digits printed on the back of the card";
        refuse("bad Luhn", "4111 1111 1111 1112", "482", "12/29", "Jane Doe", now, "this card number is not valid; check it for typing mistakes");
        refuse("expired last month", visa, "482", "02/27", "Jane Doe", now, "card expired (02/27)");
        refuse("now after expiry", visa, "482", "12/29", "Jane Doe", "2030-01-15T12:00:00Z", "card expired (12/29)");
        // 23:30Z on 31 March is already April in Berlin.
        refuse("expired in the account's zone", visa, "482", "03/27", "Jane Doe", "2027-03-31T23:30:00Z", "card expired (03/27)");
        refuse("Visa code of 4", visa, "4821", "12/29", "Jane Doe", now, threeDigits);
        refuse("Visa code of 2", visa, "48", "12/29", "Jane Doe", now, threeDigits);
        refuse("Amex code of 3", "378282246310005", "739", "12/29", "Jane Doe", now,
               "the security code of an American Express card is the 4 digits printed on its front");
        refuse("empty holder", visa, "482", "12/29", "", now, "the card holder's name is missing");
        refuse("blank holder", visa, "482", "12/29", "   ", now, "the card holder's name is missing");
        refuse("bad expiry", visa, "482", "1229", "Jane Doe", now, "enter the expiry date as MM/YY, e.g. 08/27");
    }

    void addCardRefuses()
    {
        QFETCH(QString, number);
        QFETCH(QString, code);
        QFETCH(QString, expiry);
        QFETCH(QString, holder);
        QFETCH(QString, now);
        QFETCH(QString, error);
        CardForm form{MethodKind::CreditCard, holder, number, expiry, code, Money::fromCents(100)};
        const Expected<Instant> when = Instant::parse(now);
        QVERIFY2(when, qPrintable(when.error()));
        const auto added = m_w->methods->addCard(m_w->account, form, *when, m_w->berlin);
        QVERIFY(!added);
        QCOMPARE(added.error(), error);
        QCOMPARE(m_w->tokensIssued, 0); // nothing opened at the provider
        QCOMPARE(TOPUP_VALUE(m_w->methods->list(m_w->account)).size(), std::size_t(0));
    }

    void expiryEdgeIsTheAccountsMonth()
    {
        CardForm form{MethodKind::DebitCard, QStringLiteral("Jane Doe"), QStringLiteral("4111111111111111"),
                      QStringLiteral("03/27"), QStringLiteral("482"), Money::fromCents(1000)};
        // Still March in Berlin at 21:30Z on the 31st: the card is valid this month.
        const auto added = m_w->methods->addCard(m_w->account, form, at("2027-03-31T21:30:00Z"), m_w->berlin);
        QVERIFY2(added, qPrintable(added.error()));
        QCOMPARE(m_w->row(added->id), QStringLiteral("debit_card|Jane Doe|Visa|1111|2027-03|NULL|tok_b|tok_b|1|0"));
        // The provider takes it to the last millisecond of March, Berlin time, and no later.
        const auto inTime = m_w->gateway->chargeToken(ChargeIdentity{QStringLiteral("j"), 1, added->token}, Money::fromCents(1),
                                                   at("2027-03-31T21:59:59.999Z"));
        QVERIFY(inTime && inTime->succeeded);
        const auto late = m_w->gateway->chargeToken(ChargeIdentity{QStringLiteral("k"), 1, added->token}, Money::fromCents(1),
                                                 at("2027-03-31T22:00:00Z"));
        QVERIFY(late && !late->succeeded);
        QCOMPARE(late->reason, std::optional<Reason>(Reason::CardExpired));
        QCOMPARE(TOPUP_VALUE(m_w->gateway->fundsOf(added->token)).cents(), qint64(999));
    }

    void walletIsMasked()
    {
        const auto bad = m_w->methods->addWallet(m_w->account, WalletForm{QStringLiteral("jane.example.com"), Money()}, march10);
        QVERIFY(!bad);
        QCOMPARE(bad.error(), QStringLiteral("a wallet is identified by its e-mail address, e.g. jane@example.com"));
        const auto wallet = m_w->methods->addWallet(m_w->account, WalletForm{QStringLiteral(" Jane@Example.com "), Money::fromCents(300)},
                                                 march10);
        QVERIFY2(wallet, qPrintable(wallet.error()));
        QCOMPARE(wallet->walletMasked, QStringLiteral("j•••@example.com"));
        QCOMPARE(wallet->label(), QStringLiteral("PayPal j•••@example.com"));
        QVERIFY(!wallet->isCard());
        QCOMPARE(m_w->row(wallet->id), QStringLiteral("paypal|NULL|NULL|NULL|NULL|j•••@example.com|tok_b|tok_b|1|0"));
        const auto list = m_w->methods->list(m_w->account);
        QVERIFY2(list, qPrintable(list.error()));
        QCOMPARE(list->size(), std::size_t(1));
        QCOMPARE(list->front().funds.cents(), qint64(300));
        QCOMPARE(list->front().walletMasked, QStringLiteral("j•••@example.com"));
        QVERIFY(!list->front().expires);
    }

    // Funds the provider cannot tell (its account for the token is gone)
    // are unknown, with its reason: never 0.00 (issue 14).
    void fundsTheProviderCannotTellAreUnknown()
    {
        const auto wallet = m_w->methods->addWallet(m_w->account, WalletForm{QStringLiteral("jane@example.com"), Money::fromCents(300)},
                                                    march10);
        QVERIFY2(wallet, qPrintable(wallet.error()));
        QVERIFY(TOPUP_VALUE(m_w->methods->list(m_w->account)).front().fundsKnown);
        QSqlQuery forget(m_w->gateway->database().connection());
        QVERIFY(forget.prepare(QStringLiteral("DELETE FROM funding WHERE token = ?")));
        forget.addBindValue(wallet->token);
        QVERIFY2(forget.exec(), qPrintable(forget.lastError().text()));
        QCOMPARE(forget.numRowsAffected(), 1);
        const MethodRecord listed = TOPUP_VALUE(m_w->methods->list(m_w->account)).front();
        QVERIFY(!listed.fundsKnown);
        QCOMPARE(listed.fundsProblem, QStringLiteral("no such payment account at the provider"));
    }

    void firstMethodIsDefaultUntilMoved()
    {
        const auto visa = m_w->card(QStringLiteral("4111111111111111"), QStringLiteral("482"));
        const auto wallet = m_w->methods->addWallet(m_w->account, WalletForm{QStringLiteral("jane@example.com"), Money()}, march10);
        QVERIFY(visa && wallet);
        QVERIFY(visa->isDefault);
        QVERIFY(!wallet->isDefault);
        TOPUP_VERIFY_OK(m_w->methods->setDefault(m_w->account, wallet->id));
        auto list = m_w->methods->list(m_w->account);
        QVERIFY2(list, qPrintable(list.error()));
        QCOMPARE(list->size(), std::size_t(2));
        QCOMPARE((*list)[0].isDefault, false);
        QCOMPARE((*list)[1].isDefault, true);
        const auto unknown = m_w->methods->setDefault(m_w->account, wallet->id + 100);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error(), QStringLiteral("no such payment method"));
        list = m_w->methods->list(m_w->account);
        QVERIFY2(list, qPrintable(list.error()));
        QCOMPARE(list->size(), std::size_t(2));
        QCOMPARE((*list)[0].isDefault, false);
        QCOMPARE((*list)[1].isDefault, true);
        TOPUP_VERIFY_OK(m_w->methods->setDefault(m_w->account, visa->id));
        QCOMPARE(TOPUP_VALUE(m_w->methods->find(m_w->account, visa->id)).isDefault, true);
        QCOMPARE(TOPUP_VALUE(m_w->methods->find(m_w->account, wallet->id)).isDefault, false);
    }

    void depositAddsFundsAtTheProvider_data()
    {
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("10.50") << qint64(1050) << "";
        QTest::newRow("0.01") << qint64(1) << "";
        QTest::newRow("zero") << qint64(0) << "a deposit must be more than zero";
        QTest::newRow("negative") << qint64(-500) << "a deposit must be more than zero";
    }

    void depositAddsFundsAtTheProvider()
    {
        QFETCH(qint64, cents);
        QFETCH(QString, error);
        const auto visa = m_w->card(QStringLiteral("4111111111111111"), QStringLiteral("482"));
        QVERIFY2(visa, qPrintable(visa.error()));
        const auto deposited = m_w->methods->deposit(m_w->account, visa->id, Money::fromCents(cents), march10);
        QCOMPARE(deposited.ok(), error.isEmpty());
        QCOMPARE(deposited.error(), error);
        const qint64 expected = 2500 + (error.isEmpty() ? cents : 0);
        const auto list = m_w->methods->list(m_w->account);
        QVERIFY2(list, qPrintable(list.error()));
        QCOMPARE(list->size(), std::size_t(1));
        QCOMPARE(list->front().funds.cents(), expected);
        QCOMPARE(TOPUP_VALUE(m_w->methods->find(m_w->account, visa->id)).funds.cents(), expected);
        QCOMPARE(TOPUP_VALUE(m_w->gateway->fundsOf(visa->token)).cents(), expected);
        QCOMPARE(m_w->methods->deposit(m_w->account, visa->id + 100, Money::fromCents(100), march10).error(),
                 QStringLiteral("no such payment method"));
    }

    void removeIsRefusedWhileAnEnabledPolicyUsesIt()
    {
        const auto visa = m_w->card(QStringLiteral("4111111111111111"), QStringLiteral("482"));
        const auto wallet = m_w->methods->addWallet(m_w->account, WalletForm{QStringLiteral("jane@example.com"), Money()}, march10);
        QVERIFY(visa && wallet);
        const auto packages = PackageStore(*m_w->db).list(m_w->account);
        QVERIFY2(packages, qPrintable(packages.error()));
        QVERIFY(!packages->empty());
        const QString package = packages->front().package.id;
        LineStore lines(*m_w->db);
        const auto home = lines.add(m_w->account, LineForm{QStringLiteral("Home"), QStringLiteral("EU"), UsageProfile::Regular, 1, {}, {}});
        const auto travel = lines.add(m_w->account, LineForm{QStringLiteral("Travel"), QStringLiteral("EU"), UsageProfile::Regular, 2, {}, {}});
        const auto spare = lines.add(m_w->account, LineForm{QStringLiteral("Spare"), QStringLiteral("EU"), UsageProfile::Regular, 3, {}, {}});
        QVERIFY(home && travel && spare);
        TOPUP_VERIFY_OK(lines.setPolicy(m_w->account, home->id, thresholdPolicy(visa->engineId(), package)));
        TOPUP_VERIFY_OK(lines.setPolicy(m_w->account, travel->id, thresholdPolicy(wallet->engineId(), package, visa->engineId())));
        TOPUP_VERIFY_OK(lines.setPolicy(m_w->account, spare->id, thresholdPolicy(visa->engineId(), package, {}, false)));

        const auto refused = m_w->methods->remove(m_w->account, visa->id);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), QStringLiteral("this method pays the auto top-ups of Home, Travel; choose another method there first"));
        QCOMPARE(TOPUP_VALUE(m_w->methods->list(m_w->account)).size(), std::size_t(2));

        TOPUP_VERIFY_OK(lines.setPolicy(m_w->account, home->id, thresholdPolicy(visa->engineId(), package, {}, false)));
        QCOMPARE(m_w->methods->remove(m_w->account, visa->id).error(),
                 QStringLiteral("this method pays the auto top-ups of Travel; choose another method there first"));
        TOPUP_VERIFY_OK(lines.setPolicy(m_w->account, travel->id, std::nullopt));
        const auto removed = m_w->methods->remove(m_w->account, visa->id);
        QVERIFY2(removed, qPrintable(removed.error()));
        const auto list = m_w->methods->list(m_w->account);
        QVERIFY2(list, qPrintable(list.error()));
        QCOMPARE(list->size(), std::size_t(1));
        QCOMPARE(list->front().id, wallet->id);
        QCOMPARE(m_w->methods->find(m_w->account, visa->id).error(), QStringLiteral("no such payment method"));
        QCOMPARE(m_w->methods->remove(m_w->account, visa->id).error(), QStringLiteral("no such payment method"));
        QCOMPARE(m_w->row(visa->id), QStringLiteral("credit_card|Jane Doe|Visa|1111|2029-12|NULL|tok_b|tok_b|0|1")); // kept, marked
    }

    void securityScanFindsNoCardData()
    {
        capturedLog.clear();
        const std::vector<CardData> accepted{
            {QStringLiteral("4111 1111 1111 1111"), QStringLiteral("482"), QStringLiteral("Ada Visa")},
            {QStringLiteral("4012888888881881"), QStringLiteral("509"), QStringLiteral("Ben Visa")},
            {QStringLiteral("3782 822463 10005"), QStringLiteral("7391"), QStringLiteral("Cy Amex")},
            {QStringLiteral("5555 5555 5555 4444"), QStringLiteral("615"), QStringLiteral("Di Master")},
            {QStringLiteral("2223003122003222"), QStringLiteral("937"), QStringLiteral("Ed Master")},
            {QStringLiteral("6011 1111 1111 1117"), QStringLiteral("250"), QStringLiteral("Flo Discover")},
        };
        const std::vector<CardData> refused{
            {QStringLiteral("4111 1111 1111 1112"), QStringLiteral("318"), QStringLiteral("Gus Typo")},
            {QStringLiteral("371449635398431"), QStringLiteral("8264"), QStringLiteral("Hal Expired")},
        };
        for (const CardData &card : accepted) {
            const auto added = m_w->card(card.number, card.code, QStringLiteral("11/30"), card.holder);
            QVERIFY2(added, qPrintable(added.error()));
            TOPUP_VERIFY_OK(m_w->methods->deposit(m_w->account, added->id, Money::fromCents(700), march10));
        }
        QCOMPARE(refused.size(), std::size_t(2));
        QVERIFY(!m_w->card(refused[0].number, refused[0].code, QStringLiteral("11/30"), refused[0].holder));
        QVERIFY(!m_w->card(refused[1].number, refused[1].code, QStringLiteral("01/27"), refused[1].holder));
        QCOMPARE(TOPUP_VALUE(m_w->methods->list(m_w->account)).size(), accepted.size());
        const auto list = m_w->methods->list(m_w->account);
        QVERIFY2(list && !list->empty(), qPrintable(list.error()));
        TOPUP_VERIFY_OK(m_w->methods->setDefault(m_w->account, list->back().id));

        std::vector<CardData> all = accepted;
        all.insert(all.end(), refused.begin(), refused.end());
        const auto scanFolder = [&](const char *when, const QStringList &mustExist) {
            const QStringList names = QDir(m_w->dir.filePath(QString())).entryList(QDir::Files | QDir::Hidden);
            for (const QString &name : mustExist)
                QVERIFY2(names.contains(name), qPrintable(name + QLatin1String(" missing: ") + names.join(QLatin1Char(' '))));
            for (const QString &name : names) {
                QFile file(m_w->dir.filePath(name));
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray bytes = file.readAll();
                const QString found = findCardData(bytes, all);
                QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 (%2): %3").arg(name, QLatin1String(when), found)));
            }
        };
        // On PostgreSQL the store is on the server (the journal stays a file
        // in the folder): the files the server writes are scanned too — the
        // store database's tables and indexes, the cluster's shared tables,
        // write-ahead log and transaction status (after a CHECKPOINT, so the
        // rows are in the table files and not only in the server's memory)
        // and its log — and the database as pg_dump writes it, every row as
        // text. The holders' names must be found there: the scan reaches the
        // rows. The other databases' folders (base/OID: the earlier tests'
        // stores and the templates) are left out: they hold no row of this
        // store, and reading them all made the test ten times slower.
        QString ownFolder; // "/data/base/OID/" of the store's database
        const auto scanServer = [&](const char *when) {
            test::PostgresServer *server = m_engine.server();
            QVERIFY(!ownFolder.isEmpty());
            const QByteArray dumped = TOPUP_VALUE(server->dump(m_w->dir.databaseName()));
            QVERIFY2(dumped.contains("Ada Visa"), "the dump holds the methods' rows");
            const QString inDump = findCardData(dumped, all, 13);
            QVERIFY2(inDump.isEmpty(), qPrintable(QStringLiteral("pg_dump (%1): %2").arg(QLatin1String(when), inDump)));
            int scanned = 0;
            bool holderSeen = false;
            QDirIterator files(server->folder(), QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString path = files.next();
                const QString inside = path.mid(server->folder().size());
                if (inside.startsWith(QLatin1String("/data/base/")) && !inside.startsWith(ownFolder))
                    continue;
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path + QLatin1String(": ") + file.errorString()));
                const QByteArray bytes = file.readAll();
                holderSeen = holderSeen || bytes.contains("Ada Visa");
                const QString found = findCardData(bytes, all);
                QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 (%2): %3").arg(path, QLatin1String(when), found)));
                ++scanned;
            }
            QVERIFY2(scanned > 100, qPrintable(QStringLiteral("only %1 files in %2").arg(scanned).arg(server->folder())));
            QVERIFY2(holderSeen, "the server's files hold the methods' rows");
        };
        if (m_engine.server()) {
            QSqlQuery query(m_w->db->connection());
            QVERIFY2(query.exec(QStringLiteral("SELECT oid FROM pg_database WHERE datname = current_database()")) && query.next(),
                     qPrintable(query.lastError().text()));
            ownFolder = QStringLiteral("/data/base/%1/").arg(query.value(0).toLongLong());
            QVERIFY2(query.exec(QStringLiteral("CHECKPOINT")), qPrintable(query.lastError().text()));
            scanServer("open");
            const QStringList files{QStringLiteral("gateway.sqlite")};
            scanFolder("open", files + QStringList{QStringLiteral("gateway.sqlite-wal"), QStringLiteral("gateway.sqlite-shm")});
            m_w->close();
            scanFolder("closed", files);
            scanServer("closed");
        } else {
            const QStringList files{QStringLiteral("topup.sqlite"), QStringLiteral("gateway.sqlite")};
            scanFolder("open", files + QStringList{QStringLiteral("topup.sqlite-wal"), QStringLiteral("topup.sqlite-shm"),
                                                   QStringLiteral("gateway.sqlite-wal"), QStringLiteral("gateway.sqlite-shm")});
            m_w->close();
            scanFolder("closed", files);
        }
        // The scanner itself finds what it looks for.
        QCOMPARE(findCardData("x4111111111111111x", all), QStringLiteral("a run of 16 digits"));
        QCOMPARE(findCardData("x1234567890123x", all), QStringLiteral("a run of 13 digits"));
        QCOMPARE(findCardData("x1804680000000x", all, 13), QString());
        QCOMPARE(findCardData("x37828224631000x", all, 13), QStringLiteral("a run of 14 digits"));
        QCOMPARE(findCardData("x4111 1111 1111 1111x", all), QStringLiteral("card number 4111 1111 1111 1111"));
        QCOMPARE(findCardData("...7391...", all), QStringLiteral("security code 7391"));
        QCOMPARE(findCardData("RI_ConstraintTrigger_c_17391", all), QString());
        QCOMPARE(findCardData("73910", all), QString());
        QCOMPARE(findCardData("Ada Visa|482|tok", all), QStringLiteral("security code 482 beside Ada Visa"));
        QCOMPARE(findCardData(utf16(QStringLiteral("8264")), all), QStringLiteral("security code 8264"));

        qInfo("log capture probe");
        QVERIFY(capturedLog.contains(QStringLiteral("log capture probe")));
        const QString found = findCardData(capturedLog.join(QLatin1Char('\n')).toUtf8(), all);
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("log: ") + found));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestMethodStore)
} // namespace tst_methodstore
#include "tst_methodstore.moc"
