// Accounts: what sign-up accepts and refuses, how the password is stored,
// sign-in with its five-strikes lock, and raising the PBKDF2 count on sign-in.
#include "testmain.h"
#include "store/accountstore.h"
#include "store/database.h"
#include "store/packagestore.h"
#include "store/passwordhasher.h"
#include "store/storeschema.h"
#include "checked.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QDateTime>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace tst_accountstore {

using namespace topup;
using topup::test::at;

namespace {

constexpr int testIterations = test::fastPasswordRounds;
const QString goodPassword = test::testPassword();
const QString wrongPassword = QStringLiteral("not the password");
const QString janeLogin = QStringLiteral("jane@example.com");
const QString wrongAnswer = QStringLiteral("wrong login or password");
const QString lockedUntil = QStringLiteral("too many wrong passwords: the account is locked until ");

const Instant march10 = Instant::fromMsecs(1804680000000); // 2027-03-10T12:00:00Z

SignUpForm form(const QString &login, const QString &password = goodPassword, const QString &currency = QStringLiteral("EUR"),
                const QString &zone = QStringLiteral("UTC"), qint64 capCents = -1)
{
    SignUpForm form;
    form.login = login;
    form.password = password;
    form.currency = currency;
    form.timezone = zone;
    if (capCents >= 0)
        form.monthlyCap = Money::fromCents(capCents);
    return form;
}

} // namespace

class TestAccountStore final : public QObject
{
    Q_OBJECT

private:
    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql
    std::unique_ptr<test::StoreFixture> m_dir; // a fresh store for each test
    Database *m_db = nullptr;
    std::unique_ptr<AccountStore> m_accounts;

    // A column of the accounts row `id`.
    QVariant column(const char *name, qint64 id) const
    {
        QSqlQuery query(m_db->connection());
        query.prepare(QStringLiteral("SELECT %1 FROM accounts WHERE id = ?").arg(QLatin1String(name)));
        query.addBindValue(id);
        return query.exec() && query.next() ? query.value(0) : QVariant();
    }

    int count(const char *table) const
    {
        QSqlQuery query(m_db->connection());
        return query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && query.next() ? query.value(0).toInt() : -1;
    }

private slots:
    void initTestCase()
    {
        const Expected<void> started = m_engine.start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
    }

    void init()
    {
        m_dir = std::make_unique<test::StoreFixture>(m_engine.server());
        const Expected<void> opened = m_dir->open();
        QVERIFY2(opened, qPrintable(opened.error()));
        m_db = &m_dir->store();
        m_accounts = std::make_unique<AccountStore>(*m_db, testIterations);
    }

    void cleanup()
    {
        m_accounts.reset();
        m_db = nullptr;
        m_dir.reset();
    }

    void signUpAccepts_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<qint64>("capCents"); // -1: none
        QTest::addColumn<QString>("storedLogin");
        QTest::newRow("e-mail") << "jane@example.com" << "EUR" << "UTC" << qint64(-1) << "jane@example.com";
        QTest::newRow("e-mail mixed case, spaces") << "  Jane.Doe@Example.COM " << "USD" << "Europe/Berlin" << qint64(5000)
                                                   << "jane.doe@example.com";
        QTest::newRow("E.164 phone") << "+8613800138000" << "CNY" << "Asia/Shanghai" << qint64(-1) << "+8613800138000";
        QTest::newRow("phone with separators") << "+86 138-0013-8000" << "GBP" << "Europe/London" << qint64(1)
                                               << "+8613800138000";
    }

    void signUpAccepts()
    {
        QFETCH(QString, login);
        QFETCH(QString, currency);
        QFETCH(QString, zone);
        QFETCH(qint64, capCents);
        QFETCH(QString, storedLogin);
        const auto account = m_accounts->signUp(form(login, goodPassword, currency, zone, capCents), march10);
        QVERIFY2(account, qPrintable(account.error()));
        QVERIFY(account->id > 0);
        QCOMPARE(account->login, storedLogin);
        const auto read = m_accounts->account(account->id);
        QVERIFY2(read, qPrintable(read.error()));
        QCOMPARE(read->login, storedLogin);
        QCOMPARE(read->currency, currency);
        QCOMPARE(read->timezone, zone);
        QCOMPARE(read->monthlyCap.has_value(), capCents >= 0);
        if (capCents >= 0)
            QCOMPARE(read->monthlyCap->cents(), capCents);
        QCOMPARE(column("created_ms", account->id).toLongLong(), march10.msecs());
        // The same login, typed as at sign-up, signs in.
        const auto signedIn = m_accounts->signIn(login, goodPassword, at("2027-03-10T12:01:00Z"));
        QVERIFY2(signedIn, qPrintable(signedIn.error()));
        QCOMPARE(signedIn->id, account->id);
    }

    void signUpRefuses_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<qint64>("capCents"); // -1: none
        QTest::addColumn<QString>("error");
        const auto refuse = [](const char *name, const QString &login, const QString &password, const char *currency,
                               const char *zone, qint64 cap, const QString &error) {
            QTest::newRow(name) << login << password << QString::fromLatin1(currency)
                                << QString::fromLatin1(zone) << cap << error;
        };
        const QString ok = goodPassword;
        const QString notALogin = QStringLiteral("not an e-mail address or a phone number in international format, e.g. +8613800138000");
        refuse("neither e-mail nor phone", QStringLiteral("jane"), ok, "EUR", "UTC", -1, notALogin);
        refuse("phone without +", QStringLiteral("8613800138000"), ok, "EUR", "UTC", -1, notALogin);
        refuse("two @", QStringLiteral("jane@@example.com"), ok, "EUR", "UTC", -1, QStringLiteral("an e-mail address has exactly one '@'"));
        refuse("domain without dot", QStringLiteral("jane@example"), ok, "EUR", "UTC", -1,
               QStringLiteral("the domain \"example\" needs at least one dot, e.g. example.com"));
        refuse("phone too short", QStringLiteral("+12345"), ok, "EUR", "UTC", -1,
               QStringLiteral("a phone number in international format has 8 to 15 digits after the '+' (got 5), e.g. +8613800138000"));
        refuse("phone with letters", QStringLiteral("+86 138 CALL ME"), ok, "EUR", "UTC", -1,
               QStringLiteral("a phone number may contain only digits, spaces, dashes and parentheses after the '+'"));
        refuse("password of 9", QStringLiteral("jane@example.com"), QStringLiteral("abcdefghi"), "EUR", "UTC", -1,
               QStringLiteral("a password needs at least 10 characters (this one has 9)"));
        refuse("password empty", janeLogin, QString(), "EUR", "UTC", -1,
               QStringLiteral("a password needs at least 10 characters (this one has 0)"));
        const QString sameAsLogin = QStringLiteral("a password must not be your e-mail address or phone number");
        refuse("password = e-mail", QStringLiteral("jane.doe@example.com"), QStringLiteral("jane.doe@example.com"), "EUR", "UTC", -1, sameAsLogin);
        refuse("password = e-mail, other case", QStringLiteral("jane.doe@example.com"), QStringLiteral("JANE.DOE@example.com"), "EUR", "UTC", -1,
               sameAsLogin);
        refuse("password = phone", QStringLiteral("+8613800138000"), QStringLiteral("+8613800138000"), "EUR", "UTC", -1, sameAsLogin);
        refuse("password = phone digits", QStringLiteral("+8613800138000"), QStringLiteral("13800138000"), "EUR", "UTC", -1, sameAsLogin);
        const QString common = QStringLiteral("this password is one of the most commonly used ones and easy to guess; choose another");
        refuse("common password123", janeLogin, QStringLiteral("password123"), "EUR", "UTC", -1, common);
        refuse("common 1234567890", janeLogin, QStringLiteral("1234567890"), "EUR", "UTC", -1, common);
        refuse("common, upper case", janeLogin, QStringLiteral("PASSWORD123"), "EUR", "UTC", -1, common);
        refuse("currency JPY", janeLogin, ok, "JPY", "UTC", -1, QStringLiteral("currency JPY does not have 2 minor digits"));
        refuse("currency unknown", janeLogin, ok, "XYZ", "UTC", -1,
               QStringLiteral("unknown currency \"XYZ\" (expected an ISO 4217 code such as USD)"));
        refuse("zone unknown", janeLogin, ok, "EUR", "Mars/Olympus_Mons", -1,
               QStringLiteral("unknown time zone \"Mars/Olympus_Mons\" (expected an IANA name such as Europe/Paris)"));
        refuse("zone empty", janeLogin, ok, "EUR", "", -1,
               QStringLiteral("unknown time zone \"\" (expected an IANA name such as Europe/Paris)"));
        refuse("zone as an offset", janeLogin, ok, "EUR", "UTC+05:00", -1,
               QStringLiteral("\"UTC+05:00\" is a UTC offset, not a time zone: use the IANA name of a place, such as Asia/Karachi"));
        refuse("cap zero", janeLogin, ok, "EUR", "UTC", 0, QStringLiteral("a monthly cap must be more than zero"));
    }

    void signUpRefuses()
    {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(QString, currency);
        QFETCH(QString, zone);
        QFETCH(qint64, capCents);
        QFETCH(QString, error);
        const auto account = m_accounts->signUp(form(login, password, currency, zone, capCents), march10);
        QVERIFY(!account);
        QCOMPARE(account.error(), error);
        if (!password.isEmpty())
            QVERIFY2(!account.error().contains(password), "a message must never echo the password");
        QCOMPARE(count("accounts"), 0);
        QCOMPARE(count("packages"), 0);
    }

    void duplicateLoginRefused_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::newRow("same e-mail") << "jane@example.com" << "jane@example.com";
        QTest::newRow("e-mail, other case") << "jane@example.com" << "JANE@Example.Com";
        QTest::newRow("phone, other spacing") << "+8613800138000" << "+86 (138) 0013 8000";
    }

    void duplicateLoginRefused()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        TOPUP_VERIFY_OK(m_accounts->signUp(form(first), at("2027-03-10T12:00:00Z")));
        const auto again = m_accounts->signUp(form(second, QStringLiteral("another good secret")), at("2027-03-10T12:05:00Z"));
        QVERIFY(!again);
        QCOMPARE(again.error(), QStringLiteral("an account with this login already exists; sign in instead"));
        QCOMPARE(count("accounts"), 1);
        QCOMPARE(count("packages"), 5);
        // The first password still opens the account, the second does not.
        TOPUP_VERIFY_OK(m_accounts->signIn(first, goodPassword, at("2027-03-10T12:06:00Z")));
        QVERIFY(!m_accounts->signIn(first, QStringLiteral("another good secret"), at("2027-03-10T12:06:00Z")));
    }

    void defaultCatalogForEachAccount()
    {
        const auto jane = m_accounts->signUp(form(janeLogin), at("2027-03-10T12:00:00Z"));
        const auto joe = m_accounts->signUp(form(QStringLiteral("+8613800138000")), at("2027-03-10T12:00:00Z"));
        QVERIFY2(jane, qPrintable(jane.error()));
        QVERIFY2(joe, qPrintable(joe.error()));
        PackageStore packages(*m_db);
        QSet<qint64> seen;
        for (const qint64 id : {jane->id, joe->id}) {
            const auto list = packages.list(id);
            QVERIFY2(list, qPrintable(list.error()));
            QCOMPARE(list->size(), std::size_t(5));
            struct Want
            {
                const char *name;
                qint64 bytes, seconds, cents;
            };
            constexpr qint64 gb = 1000 * 1000 * 1000;
            const Want want[] = {{"1 GB data", gb, 0, 500},        {"100 minutes", 0, 6000, 500},
                                 {"5 GB data", 5 * gb, 0, 1500},   {"10 GB + 300 minutes", 10 * gb, 18000, 2500},
                                 {"20 GB data", 20 * gb, 0, 3500}};
            for (std::size_t i = 0; i < 5; ++i) {
                const PackageRecord &record = (*list)[i];
                QCOMPARE(record.name, QLatin1String(want[i].name));
                QCOMPARE(record.package.id, QStringLiteral("P%1").arg(record.id));
                QCOMPARE(record.package.data.bytes(), want[i].bytes);
                QCOMPARE(record.package.voice.seconds(), want[i].seconds);
                QCOMPARE(record.package.price.cents(), want[i].cents);
                QVERIFY(!seen.contains(record.id)); // each account its own rows
                seen.insert(record.id);
            }
        }
        QCOMPARE(count("packages"), 10);
    }

    void passwordHashIsSaltedAndStretched()
    {
        const auto jane = m_accounts->signUp(form(janeLogin), at("2027-03-10T12:00:00Z"));
        const auto joe = m_accounts->signUp(form(QStringLiteral("joe@example.com")), at("2027-03-10T12:00:00Z"));
        QVERIFY2(jane, qPrintable(jane.error()));
        QVERIFY2(joe, qPrintable(joe.error()));
        const QString hash = column("password_hash", jane->id).toString();
        QVERIFY2(hash.startsWith(QLatin1String("pbkdf2-sha256$1000$")), qPrintable(hash));
        QVERIFY(!hash.contains(goodPassword));
        QVERIFY(!hash.contains(QByteArray(goodPassword.toUtf8()).toBase64()));
        const QStringList parts = hash.split(QLatin1Char('$'));
        QCOMPARE(parts.size(), 4);
        QCOMPARE(QByteArray::fromBase64(parts[2].toLatin1()).size(), PasswordHasher::saltBytes);
        QCOMPARE(QByteArray::fromBase64(parts[3].toLatin1()).size(), PasswordHasher::keyBytes);
        QVERIFY(PasswordHasher::verify(goodPassword, hash));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("correct horse battery!"), hash));
        // Same password, fresh salt: the strings differ.
        QVERIFY(column("password_hash", joe->id).toString() != hash);
        QVERIFY(column("password_hash", joe->id).toString().startsWith(QLatin1String("pbkdf2-sha256$1000$")));
    }

    void signInAnswers_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("error"); // empty: signed in
        QTest::newRow("right") << "jane@example.com" << goodPassword << "";
        QTest::newRow("right, login in other case") << " JANE@Example.com " << goodPassword << "";
        QTest::newRow("wrong password") << "jane@example.com" << "correct horse batterY" << "wrong login or password";
        QTest::newRow("empty password") << "jane@example.com" << "" << "wrong login or password";
        QTest::newRow("unknown login") << "joe@example.com" << goodPassword << "wrong login or password";
        QTest::newRow("unknown phone") << "+8613800138001" << goodPassword << "wrong login or password";
    }

    void signInAnswers()
    {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(QString, error);
        const auto jane = m_accounts->signUp(form(janeLogin), at("2027-03-10T12:00:00Z"));
        QVERIFY2(jane, qPrintable(jane.error()));
        const auto signedIn = m_accounts->signIn(login, password, at("2027-03-10T12:01:00Z"));
        if (error.isEmpty()) {
            QVERIFY2(signedIn, qPrintable(signedIn.error()));
            QCOMPARE(signedIn->id, jane->id);
            QCOMPARE(signedIn->login, janeLogin);
        } else {
            QVERIFY(!signedIn);
            QCOMPARE(signedIn.error(), error);
        }
    }

    void fiveWrongPasswordsLock_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("localEnd"); // the lock's end, local wall time
        // Wrong passwords at 2027-07-10T12:00:00Z: the lock ends at 12:15Z.
        QTest::newRow("UTC") << "UTC" << "2027-07-10 12:15";
        QTest::newRow("Shanghai +08") << "Asia/Shanghai" << "2027-07-10 20:15";
        QTest::newRow("New York, summer time -04") << "America/New_York" << "2027-07-10 08:15";
        QTest::newRow("Kolkata +05:30") << "Asia/Kolkata" << "2027-07-10 17:45";
        QTest::newRow("Chatham +12:45, next day") << "Pacific/Chatham" << "2027-07-11 01:00";
    }

    void fiveWrongPasswordsLock()
    {
        QFETCH(QString, zone);
        QFETCH(QString, localEnd);
        TOPUP_VERIFY_OK(m_accounts->signUp(form(janeLogin, goodPassword, QStringLiteral("EUR"), zone), at("2027-07-01T00:00:00Z")));
        const Instant t0 = at("2027-07-10T12:00:00Z");
        for (int i = 1; i <= 4; ++i) {
            const auto attempt = m_accounts->signIn(janeLogin, wrongPassword, t0);
            QVERIFY(!attempt);
            QCOMPARE(attempt.error(), wrongAnswer);
        }
        // The fifth wrong password locks, and says until when.
        const auto fifth = m_accounts->signIn(janeLogin, wrongPassword, t0);
        QVERIFY(!fifth);
        QVERIFY2(fifth.error().startsWith(lockedUntil + localEnd), qPrintable(fifth.error()));
        const Instant lockEnd = t0.plusMsecs(15 * 60 * 1000);
        // Cross-check the table with Qt's own zone arithmetic.
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(lockEnd.msecs(), QTimeZone(zone.toUtf8())).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 localEnd);

        // Sixth try, right password: refused while locked, up to the last millisecond.
        for (const Instant when : {t0, t0.plusMsecs(60 * 1000), lockEnd.plusMsecs(-1)}) {
            const auto locked = m_accounts->signIn(janeLogin, goodPassword, when);
            QVERIFY(!locked);
            QVERIFY2(locked.error().startsWith(lockedUntil
                                               + localEnd),
                     qPrintable(locked.error()));
        }
        // The unknown-login answer stays the same: the lock does not reveal the account.
        QCOMPARE(m_accounts->signIn(QStringLiteral("nobody@example.com"), goodPassword, t0).error(), wrongAnswer);
        // 15 minutes after the fifth wrong password, the right one works again.
        const auto open = m_accounts->signIn(janeLogin, goodPassword, lockEnd);
        QVERIFY2(open, qPrintable(open.error()));
        QCOMPARE(column("failed_sign_ins", open->id).toInt(), 0);
        QVERIFY(column("locked_until_ms", open->id).isNull());
    }

    void theTimeZoneCanBeChangedToAKnownOne()
    {
        const auto jane = m_accounts->signUp(form(janeLogin), at("2027-07-01T00:00:00Z"));
        QVERIFY2(jane, qPrintable(jane.error()));
        TOPUP_VERIFY_OK(m_accounts->setTimeZone(jane->id, QStringLiteral("Asia/Tokyo")));
        QCOMPARE(TOPUP_VALUE(m_accounts->account(jane->id)).timezone, QStringLiteral("Asia/Tokyo"));
        const auto offset = m_accounts->setTimeZone(jane->id, QStringLiteral("UTC+05:00"));
        QVERIFY(!offset);
        QVERIFY2(offset.error().contains(QLatin1String("not a time zone")), qPrintable(offset.error()));
        QVERIFY(!m_accounts->setTimeZone(jane->id, QStringLiteral("Mars/Olympus_Mons")));
        QVERIFY(!m_accounts->setTimeZone(jane->id + 1000, QStringLiteral("Europe/Paris"))); // no such account
        QCOMPARE(TOPUP_VALUE(m_accounts->account(jane->id)).timezone, QStringLiteral("Asia/Tokyo"));
    }

    void lockRunsOutAndCountsAfresh()
    {
        const auto jane = m_accounts->signUp(form(janeLogin), at("2027-07-01T00:00:00Z"));
        QVERIFY2(jane, qPrintable(jane.error()));
        const Instant t0 = at("2027-07-10T12:00:00Z");
        for (int i = 0; i < 5; ++i)
            QVERIFY(!m_accounts->signIn(janeLogin, wrongPassword, t0));
        // After the lock, without a success in between: four wrong do not lock again, a fifth does.
        const Instant later = at("2027-07-10T13:00:00Z");
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_accounts->signIn(janeLogin, wrongPassword, later).error(), wrongAnswer);
        QCOMPARE(column("failed_sign_ins", jane->id).toInt(), 4);
        QVERIFY(column("locked_until_ms", jane->id).isNull());
        QVERIFY(!m_accounts->signIn(janeLogin, wrongPassword, later));
        QCOMPARE(column("locked_until_ms", jane->id).toLongLong(), at("2027-07-10T13:15:00Z").msecs());
        const auto again = m_accounts->signIn(janeLogin, goodPassword, later.plusMsecs(60 * 1000));
        QVERIFY(!again);
        QVERIFY2(again.error().startsWith(lockedUntil + QLatin1String("2027-07-10 13:15")), qPrintable(again.error()));
    }

    void successResetsTheCount()
    {
        const auto jane = m_accounts->signUp(form(janeLogin), at("2027-07-01T00:00:00Z"));
        QVERIFY2(jane, qPrintable(jane.error()));
        const Instant t0 = at("2027-07-10T12:00:00Z");
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_accounts->signIn(janeLogin, wrongPassword, t0));
        QCOMPARE(column("failed_sign_ins", jane->id).toInt(), 4);
        TOPUP_VERIFY_OK(m_accounts->signIn(janeLogin, goodPassword, t0));
        QCOMPARE(column("failed_sign_ins", jane->id).toInt(), 0);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_accounts->signIn(janeLogin, wrongPassword, t0).error(), wrongAnswer);
        const auto stillOpen = m_accounts->signIn(janeLogin, goodPassword, t0);
        QVERIFY2(stillOpen, qPrintable(stillOpen.error()));
        QVERIFY(column("locked_until_ms", jane->id).isNull());
    }

    void olderHashIsRaisedOnSignIn()
    {
        const auto jane = AccountStore(*m_db, 1000).signUp(form(janeLogin), at("2027-07-01T00:00:00Z"));
        QVERIFY2(jane, qPrintable(jane.error()));
        const QString before = column("password_hash", jane->id).toString();
        QVERIFY(before.startsWith(QLatin1String("pbkdf2-sha256$1000$")));
        AccountStore stronger(*m_db, 2000);
        // A wrong password leaves the hash alone.
        QVERIFY(!stronger.signIn(janeLogin, wrongPassword, at("2027-07-02T00:00:00Z")));
        QCOMPARE(column("password_hash", jane->id).toString(), before);
        TOPUP_VERIFY_OK(stronger.signIn(janeLogin, goodPassword, at("2027-07-02T00:00:00Z")));
        const QString after = column("password_hash", jane->id).toString();
        QVERIFY2(after.startsWith(QLatin1String("pbkdf2-sha256$2000$")), qPrintable(after));
        QVERIFY(!after.contains(goodPassword));
        QVERIFY(PasswordHasher::verify(goodPassword, after));
        TOPUP_VERIFY_OK(stronger.signIn(janeLogin, goodPassword, at("2027-07-03T00:00:00Z")));
        // A store with a lower count does not lower it again.
        QVERIFY(AccountStore(*m_db, 1000).signIn(janeLogin, goodPassword, at("2027-07-04T00:00:00Z")));
        QCOMPARE(column("password_hash", jane->id).toString(), after);
    }

    void monthlyCap()
    {
        const auto jane = m_accounts->signUp(form(janeLogin), at("2027-07-01T00:00:00Z"));
        QVERIFY2(jane, qPrintable(jane.error()));
        QVERIFY(!jane->monthlyCap);
        TOPUP_VERIFY_OK(m_accounts->setMonthlyCap(jane->id, Money::fromCents(4250)));
        QCOMPARE(TOPUP_VALUE(m_accounts->account(jane->id)).monthlyCap, std::optional<Money>(Money::fromCents(4250)));
        const auto zero = m_accounts->setMonthlyCap(jane->id, Money());
        QVERIFY(!zero);
        QCOMPARE(zero.error(), QStringLiteral("a monthly cap must be more than zero"));
        QCOMPARE(TOPUP_VALUE(m_accounts->account(jane->id)).monthlyCap, std::optional<Money>(Money::fromCents(4250)));
        TOPUP_VERIFY_OK(m_accounts->setMonthlyCap(jane->id, std::nullopt));
        const auto cleared = m_accounts->account(jane->id);
        QVERIFY2(cleared, qPrintable(cleared.error()));
        QVERIFY(!cleared->monthlyCap);
        QCOMPARE(m_accounts->account(jane->id + 100).error(), QStringLiteral("no such account"));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestAccountStore)
} // namespace tst_accountstore
#include "tst_accountstore.moc"
