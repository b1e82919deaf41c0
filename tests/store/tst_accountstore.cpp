// Accounts: what sign-up accepts and refuses, how the password is stored,
// sign-in with its five-strikes lock, and raising the PBKDF2 count on sign-in.
#include "store/accountstore.h"
#include "store/database.h"
#include "store/packagestore.h"
#include "store/passwordhasher.h"
#include "store/storeschema.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace topup;

namespace {

constexpr int testIterations = 1000;
const QString goodPassword = QStringLiteral("correct horse battery");
const QString wrongPassword = QStringLiteral("not the password");
const QString jane = QStringLiteral("jane@example.com");

Instant at(const char *text)
{
    return *Instant::parse(QString::fromLatin1(text));
}

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

// A fresh store in its own folder for each test.
struct Fixture final
{
    QTemporaryDir dir;
    std::shared_ptr<Database> db;

    bool open()
    {
        auto opened = Database::open(dir.filePath(QStringLiteral("topup.sqlite")), storeSchema());
        if (!opened) {
            qWarning("%s", qPrintable(opened.error()));
            return false;
        }
        db = *opened;
        return true;
    }

    // A column of the accounts row `id`.
    QVariant column(const char *name, qint64 id) const
    {
        QSqlQuery query(db->connection());
        query.prepare(QStringLiteral("SELECT %1 FROM accounts WHERE id = ?").arg(QLatin1String(name)));
        query.addBindValue(id);
        return query.exec() && query.next() ? query.value(0) : QVariant();
    }

    int count(const char *table) const
    {
        QSqlQuery query(db->connection());
        return query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && query.next()
                   ? query.value(0).toInt()
                   : -1;
    }
};

} // namespace

class TestAccountStore final : public QObject
{
    Q_OBJECT

private slots:
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
        Fixture f;
        QVERIFY(f.open());
        AccountStore accounts(*f.db, testIterations);
        const auto account = accounts.signUp(form(login, goodPassword, currency, zone, capCents), march10);
        QVERIFY2(account, qPrintable(account.error()));
        QVERIFY(account->id > 0);
        QCOMPARE(account->login, storedLogin);
        const auto read = accounts.account(account->id);
        QVERIFY2(read, qPrintable(read.error()));
        QCOMPARE(read->login, storedLogin);
        QCOMPARE(read->currency, currency);
        QCOMPARE(read->timezone, zone);
        QCOMPARE(read->monthlyCap.has_value(), capCents >= 0);
        if (capCents >= 0)
            QCOMPARE(read->monthlyCap->cents(), capCents);
        QCOMPARE(f.column("created_ms", account->id).toLongLong(),
                 march10.msecs());
        // The same login, typed as at sign-up, signs in.
        const auto signedIn = accounts.signIn(jane, goodPassword, at("2027-03-10T12:01:00Z"));
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
        const auto refuse = [](const char *name, const char *login, const QString &password, const char *currency,
                               const char *zone, qint64 cap, const QString &error) {
            QTest::newRow(name) << QString::fromUtf8(login) << password << QString::fromLatin1(currency)
                                << QString::fromLatin1(zone) << cap << error;
        };
        const QString ok = goodPassword;
        const QString notALogin = QStringLiteral("not an e-mail address or a phone number in international format, e.g. +8613800138000");
        refuse("neither e-mail nor phone", "jane", ok, "EUR", "UTC", -1, notALogin);
        refuse("phone without +", "8613800138000", ok, "EUR", "UTC", -1, notALogin);
        refuse("two @", "jane@@example.com", ok, "EUR", "UTC", -1, QStringLiteral("an e-mail address has exactly one '@'"));
        refuse("domain without dot", "jane@example", ok, "EUR", "UTC", -1,
               QStringLiteral("the domain \"example\" needs at least one dot, e.g. example.com"));
        refuse("phone too short", "+12345", ok, "EUR", "UTC", -1,
               QStringLiteral("a phone number in international format has 8 to 15 digits after the '+' (got 5), e.g. +8613800138000"));
        refuse("phone with letters", "+86 138 CALL ME", ok, "EUR", "UTC", -1,
               QStringLiteral("a phone number may contain only digits, spaces, dashes and parentheses after the '+'"));
        refuse("password of 9", "jane@example.com", QStringLiteral("abcdefghi"), "EUR", "UTC", -1,
               QStringLiteral("a password needs at least 10 characters (this one has 9)"));
        refuse("password empty", jane, QString(), "EUR", "UTC", -1,
               QStringLiteral("a password needs at least 10 characters (this one has 0)"));
        const QString sameAsLogin = QStringLiteral("a password must not be your e-mail address or phone number");
        refuse("password = e-mail", "jane.doe@example.com", QStringLiteral("jane.doe@example.com"), "EUR", "UTC", -1, sameAsLogin);
        refuse("password = e-mail, other case", "jane.doe@example.com", QStringLiteral("JANE.DOE@example.com"), "EUR", "UTC", -1,
               sameAsLogin);
        refuse("password = phone", "+8613800138000", QStringLiteral("+8613800138000"), "EUR", "UTC", -1, sameAsLogin);
        refuse("password = phone digits", "+8613800138000", QStringLiteral("13800138000"), "EUR", "UTC", -1, sameAsLogin);
        const QString common = QStringLiteral("this password is one of the most commonly used ones and easy to guess; choose another");
        refuse("common password123", jane, QStringLiteral("password123"), "EUR", "UTC", -1, common);
        refuse("common 1234567890", jane, QStringLiteral("1234567890"), "EUR", "UTC", -1, common);
        refuse("common, upper case", jane, QStringLiteral("PASSWORD123"), "EUR", "UTC", -1, common);
        refuse("currency JPY", jane, ok, "JPY", "UTC", -1, QStringLiteral("currency JPY does not have 2 minor digits"));
        refuse("currency unknown", jane, ok, "XYZ", "UTC", -1,
               QStringLiteral("unknown currency \"XYZ\" (expected an ISO 4217 code such as USD)"));
        refuse("zone unknown", jane, ok, "EUR", "Mars/Olympus_Mons", -1, QStringLiteral("unknown time zone \"Mars/Olympus_Mons\""));
        refuse("zone empty", jane, ok, "EUR", "", -1, QStringLiteral("unknown time zone \"\""));
        refuse("cap zero", jane, ok, "EUR", "UTC", 0, QStringLiteral("a monthly cap must be more than zero"));
    }

    void signUpRefuses()
    {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(QString, currency);
        QFETCH(QString, zone);
        QFETCH(qint64, capCents);
        QFETCH(QString, error);
        Fixture f;
        QVERIFY(f.open());
        const auto account = AccountStore(*f.db, testIterations).signUp(form(login, password, currency, zone, capCents), march10);
        QVERIFY(!account);
        QCOMPARE(account.error(), error);
        if (!password.isEmpty())
            QVERIFY2(!account.error().contains(password), "a message must never echo the password");
        QCOMPARE(f.count("accounts"), 0);
        QCOMPARE(f.count("packages"), 0);
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
        Fixture f;
        QVERIFY(f.open());
        AccountStore accounts(*f.db, testIterations);
        QVERIFY(accounts.signUp(form(first), at("2027-03-10T12:00:00Z")));
        const auto again = accounts.signUp(form(second, QStringLiteral("another good secret")), at("2027-03-10T12:05:00Z"));
        QVERIFY(!again);
        QCOMPARE(again.error(), QStringLiteral("an account with this login already exists; sign in instead"));
        QCOMPARE(f.count("accounts"), 1);
        QCOMPARE(f.count("packages"), 5);
        // The first password still opens the account, the second does not.
        QVERIFY(accounts.signIn(first, goodPassword, at("2027-03-10T12:06:00Z")));
        QVERIFY(!accounts.signIn(first, QStringLiteral("another good secret"), at("2027-03-10T12:06:00Z")));
    }

    void defaultCatalogForEachAccount()
    {
        Fixture f;
        QVERIFY(f.open());
        AccountStore accounts(*f.db, testIterations);
        const auto jane = accounts.signUp(form(jane), at("2027-03-10T12:00:00Z"));
        const auto joe = accounts.signUp(form(QStringLiteral("+8613800138000")), at("2027-03-10T12:00:00Z"));
        QVERIFY(jane && joe);
        PackageStore packages(*f.db);
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
                QCOMPARE(column(*f.db, QStringLiteral("SELECT account_id FROM packages WHERE id = ?"), record.id).toLongLong(), id);
            }
        }
        QCOMPARE(f.count("packages"), 10);
    }

    void passwordHashIsSaltedAndStretched()
    {
        Fixture f;
        QVERIFY(f.open());
        AccountStore accounts(*f.db, testIterations);
        const auto jane = accounts.signUp(form(jane), at("2027-03-10T12:00:00Z"));
        const auto joe = accounts.signUp(form(QStringLiteral("joe@example.com")), at("2027-03-10T12:00:00Z"));
        QVERIFY(jane && joe);
        const QString hash = f.column("password_hash", jane->id).toString();
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
        QVERIFY(f.column("password_hash", joe->id).toString() != hash);
        QVERIFY(f.column("password_hash", joe->id).toString().startsWith(QLatin1String("pbkdf2-sha256$1000$")));
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
        Fixture f;
        QVERIFY(f.open());
        AccountStore accounts(*f.db, testIterations);
        const auto jane = accounts.signUp(form(jane), at("2027-03-10T12:00:00Z"));
        QVERIFY(jane);
        const auto signedIn = accounts.signIn(jane, password, at("2027-03-10T12:01:00Z"));
        if (error.isEmpty()) {
            QVERIFY2(signedIn, qPrintable(signedIn.error()));
            QCOMPARE(signedIn->id, jane->id);
            QCOMPARE(signedIn->login, jane);
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
        Fixture f;
        QVERIFY(f.open());
        AccountStore accounts(*f.db, testIterations);
        QVERIFY(accounts.signUp(form(jane, goodPassword, QStringLiteral("EUR"), zone), at("2027-07-01T00:00:00Z")));
        const Instant t0 = at("2027-07-10T12:00:00Z");
        for (int i = 1; i <= 5; ++i) {
            const auto attempt = accounts.signIn(jane, wrongPassword, t0);
            QVERIFY(!attempt);
            QCOMPARE(attempt.error(), QStringLiteral("wrong login or password"));
        }
        const Instant lockEnd = t0.plusMsecs(15 * 60 * 1000);
        // Cross-check the table with Qt's own zone arithmetic.
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(lockEnd.msecs(), QTimeZone(zone.toUtf8())).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 localEnd);

        // Sixth try, right password: refused while locked, up to the last millisecond.
        for (const Instant when : {t0, t0.plusMsecs(60 * 1000), lockEnd.plusMsecs(-1)}) {
            const auto locked = accounts.signIn(jane, goodPassword, when);
            QVERIFY(!locked);
            QVERIFY2(locked.error().startsWith(QStringLiteral("too many wrong passwords: the account is locked until ")
                                               + localEnd),
                     qPrintable(locked.error()));
        }
        // The unknown-login answer stays the same: the lock does not reveal the account.
        QCOMPARE(accounts.signIn(QStringLiteral("nobody@example.com"), goodPassword, t0).error(),
                 QStringLiteral("wrong login or password"));
        // 15 minutes after the fifth wrong password, the right one works again.
        const auto open = accounts.signIn(jane, goodPassword, lockEnd);
        QVERIFY2(open, qPrintable(open.error()));
        QCOMPARE(f.column("failed_sign_ins", open->id).toInt(), 0);
        QVERIFY(f.column("locked_until_ms", open->id).isNull());
    }

    void lockRunsOutAndCountsAfresh()
    {
        Fixture f;
        QVERIFY(f.open());
        AccountStore accounts(*f.db, testIterations);
        const auto jane = accounts.signUp(form(jane), at("2027-07-01T00:00:00Z"));
        QVERIFY(jane);
        const Instant t0 = at("2027-07-10T12:00:00Z");
        for (int i = 0; i < 5; ++i)
            QVERIFY(!accounts.signIn(jane, wrongPassword, t0));
        // After the lock, without a success in between: four wrong do not lock again, a fifth does.
        const Instant later = at("2027-07-10T13:00:00Z");
        for (int i = 0; i < 4; ++i)
            QCOMPARE(accounts.signIn(jane, wrongPassword, later).error(),
                     QStringLiteral("wrong login or password"));
        QCOMPARE(f.column("failed_sign_ins", jane->id).toInt(), 4);
        QVERIFY(f.column("locked_until_ms", jane->id).isNull());
        QVERIFY(!accounts.signIn(jane, wrongPassword, later));
        QCOMPARE(f.column("locked_until_ms", jane->id).toLongLong(),
                 at("2027-07-10T13:15:00Z").msecs());
        const auto again = accounts.signIn(jane, goodPassword, later.plusMsecs(60 * 1000));
        QVERIFY(!again);
        QVERIFY2(again.error().startsWith(QStringLiteral("too many wrong passwords: the account is locked until 2027-07-10 13:15")),
                 qPrintable(again.error()));
    }

    void successResetsTheCount()
    {
        Fixture f;
        QVERIFY(f.open());
        AccountStore accounts(*f.db, testIterations);
        const auto jane = accounts.signUp(form(jane), at("2027-07-01T00:00:00Z"));
        QVERIFY(jane);
        const Instant t0 = at("2027-07-10T12:00:00Z");
        for (int i = 0; i < 4; ++i)
            QVERIFY(!accounts.signIn(jane, wrongPassword, t0));
        QCOMPARE(f.column("failed_sign_ins", jane->id).toInt(), 4);
        QVERIFY(accounts.signIn(jane, goodPassword, t0));
        QCOMPARE(f.column("failed_sign_ins", jane->id).toInt(), 0);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(accounts.signIn(jane, wrongPassword, t0).error(),
                     QStringLiteral("wrong login or password"));
        const auto stillOpen = accounts.signIn(jane, goodPassword, t0);
        QVERIFY2(stillOpen, qPrintable(stillOpen.error()));
        QVERIFY(f.column("locked_until_ms", jane->id).isNull());
    }

    void olderHashIsRaisedOnSignIn()
    {
        Fixture f;
        QVERIFY(f.open());
        const auto jane = AccountStore(*f.db, 1000).signUp(form(jane), at("2027-07-01T00:00:00Z"));
        QVERIFY(jane);
        const QString before = f.column("password_hash", jane->id).toString();
        QVERIFY(before.startsWith(QLatin1String("pbkdf2-sha256$1000$")));
        AccountStore stronger(*f.db, 2000);
        // A wrong password leaves the hash alone.
        QVERIFY(!stronger.signIn(jane, wrongPassword, at("2027-07-02T00:00:00Z")));
        QCOMPARE(f.column("password_hash", jane->id).toString(), before);
        QVERIFY(stronger.signIn(jane, goodPassword, at("2027-07-02T00:00:00Z")));
        const QString after = f.column("password_hash", jane->id).toString();
        QVERIFY2(after.startsWith(QLatin1String("pbkdf2-sha256$2000$")), qPrintable(after));
        QVERIFY(!after.contains(goodPassword));
        QVERIFY(PasswordHasher::verify(goodPassword, after));
        QVERIFY(stronger.signIn(jane, goodPassword, at("2027-07-03T00:00:00Z")));
        // A store with a lower count does not lower it again.
        QVERIFY(AccountStore(*f.db, 1000).signIn(jane, goodPassword, at("2027-07-04T00:00:00Z")));
        QCOMPARE(f.column("password_hash", jane->id).toString(), after);
    }

    void monthlyCap()
    {
        Fixture f;
        QVERIFY(f.open());
        AccountStore accounts(*f.db, testIterations);
        const auto jane = accounts.signUp(form(jane), at("2027-07-01T00:00:00Z"));
        QVERIFY(jane);
        QVERIFY(!jane->monthlyCap);
        QVERIFY(accounts.setMonthlyCap(jane->id, Money::fromCents(4250)));
        QCOMPARE(accounts.account(jane->id)->monthlyCap->cents(), qint64(4250));
        const auto zero = accounts.setMonthlyCap(jane->id, Money());
        QVERIFY(!zero);
        QCOMPARE(zero.error(), QStringLiteral("a monthly cap must be more than zero"));
        QCOMPARE(accounts.account(jane->id)->monthlyCap->cents(), qint64(4250));
        QVERIFY(accounts.setMonthlyCap(jane->id, std::nullopt));
        QVERIFY(!accounts.account(jane->id)->monthlyCap);
        QCOMPARE(accounts.account(jane->id + 100).error(), QStringLiteral("no such account"));
    }
};

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
