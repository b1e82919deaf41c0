// `--database` and TOPUP_DATABASE's URL (issue 16): libpq's forms are read
// into their parts, and a hostile or mistaken URL is refused with a message
// naming the part at fault — never quoting a password.
#include "testmain.h"
#include "store/databaseurl.h"

#include <QTest>

namespace tst_databaseurl {

using namespace topup;

class TestDatabaseUrl final : public QObject
{
    Q_OBJECT

private slots:
    void readsLibpqForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("sslMode");
        QTest::addColumn<bool>("viaSocket");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("tcp") << "postgresql://alice@db.example:6543/world" << "alice" << "db.example" << 6543 << "world" << "" << false
                             << "postgresql://alice@db.example:6543/world";
        QTest::newRow("postgres scheme, defaults") << "postgres://db.example/world" << "" << "db.example" << 0 << "world" << "" << false
                                                   << "postgresql://db.example/world";
        QTest::newRow("socket folder") << "postgresql://alice@/world?host=/tmp/x" << "alice" << "/tmp/x" << 0 << "world" << "" << true
                                       << "postgresql://alice@/world?host=/tmp/x";
        QTest::newRow("socket, encoded folder") << "postgresql://alice@:5433/world?host=%2Fvar%2Frun%2Fpostgresql" << "alice"
                                                << "/var/run/postgresql" << 5433 << "world" << "" << true
                                                << "postgresql://alice@:5433/world?host=/var/run/postgresql";
        QTest::newRow("system socket") << "postgresql:///world" << "" << "" << 0 << "world" << "" << true << "postgresql:///world";
        QTest::newRow("ipv6") << "postgresql://alice@[::1]:5432/world" << "alice" << "::1" << 5432 << "world" << "" << false
                              << "postgresql://alice@[::1]:5432/world";
        QTest::newRow("sslmode") << "postgresql://alice@db.example/world?sslmode=verify-full" << "alice" << "db.example" << 0 << "world"
                                 << "verify-full" << false << "postgresql://alice@db.example/world?sslmode=verify-full";
        QTest::newRow("both parameters") << "postgresql://bob@/w?sslmode=disable&host=/s" << "bob" << "/s" << 0 << "w" << "disable" << true
                                         << "postgresql://bob@/w?host=/s&sslmode=disable";
        QTest::newRow("encoded user and name") << "postgresql://ali%40ce@h/t%C3%BCte" << "ali@ce" << "h" << 0 << QString::fromUtf8("t\xc3\xbcte")
                                               << "" << false << "postgresql://ali%40ce@h/t%C3%BCte";
    }

    void readsLibpqForms()
    {
        QFETCH(QString, text);
        const Expected<DatabaseUrl> url = DatabaseUrl::parse(text);
        QVERIFY2(url.ok(), qPrintable(url.error()));
        QTEST(url->user(), "user");
        QTEST(url->host(), "host");
        QTEST(url->port(), "port");
        QTEST(url->database(), "database");
        QTEST(url->sslMode(), "sslMode");
        QTEST(url->viaSocket(), "viaSocket");
        QTEST(url->toString(), "canonical");
        // What is shown reads back as the same URL.
        const Expected<DatabaseUrl> again = DatabaseUrl::parse(url->toString());
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QVERIFY(*again == *url);
    }

    void refusesWithAReason_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << "" << "the database URL is empty";
        QTest::newRow("another scheme") << "mysql://alice@h/world" << "must start with postgresql://";
        QTest::newRow("a path, no scheme") << "/tmp/world" << "must start with postgresql://";
        QTest::newRow("no database") << "postgresql://alice@h" << "names no database";
        QTest::newRow("empty database") << "postgresql://alice@h/" << "names no database";
        QTest::newRow("database with a slash") << "postgresql://alice@h/a/b" << "holds a '/'";
        QTest::newRow("password") << "postgresql://alice:s3cret@h/world" << "~/.pgpass or PGPASSWORD";
        QTest::newRow("empty password") << "postgresql://alice:@h/world" << "~/.pgpass or PGPASSWORD";
        QTest::newRow("password with an @") << "postgresql://alice:p@ss@h/world" << "~/.pgpass or PGPASSWORD";
        QTest::newRow("password parameter") << "postgresql://alice@h/world?password=s3cret" << "~/.pgpass or PGPASSWORD";
        QTest::newRow("empty user") << "postgresql://@h/world" << "user name before '@' is empty";
        QTest::newRow("port zero") << "postgresql://h:0/world" << "from 1 to 65535";
        QTest::newRow("port too big") << "postgresql://h:65536/world" << "from 1 to 65535";
        QTest::newRow("port with a sign") << "postgresql://h:+5432/world" << "from 1 to 65535";
        QTest::newRow("port with a space") << "postgresql://h: 5432/world" << "from 1 to 65535";
        QTest::newRow("port, password-like") << "postgresql://alice:s3cret/world" << "from 1 to 65535";
        QTest::newRow("empty port") << "postgresql://h:/world" << "port after ':' is empty";
        QTest::newRow("unclosed ipv6") << "postgresql://[::1/world" << "no ']'";
        QTest::newRow("several hosts") << "postgresql://a,b/world" << "several hosts";
        QTest::newRow("unknown parameter") << "postgresql://h/world?connect_timeout=3" << "\"connect_timeout\", which TopUp does not know";
        QTest::newRow("repeated host") << "postgresql:///world?host=/a&host=/b" << "gives the parameter host twice";
        QTest::newRow("repeated sslmode") << "postgresql://h/world?sslmode=require&sslmode=require" << "gives the parameter sslmode twice";
        QTest::newRow("host twice") << "postgresql://h/world?host=/tmp/x" << "gives the host twice";
        QTest::newRow("parameter without value") << "postgresql://h/world?sslmode" << "parameter sslmode has no value";
        QTest::newRow("parameter with empty value") << "postgresql:///world?host=" << "parameter host has no value";
        QTest::newRow("trailing ?") << "postgresql://h/world?" << "empty parameter";
        QTest::newRow("&&") << "postgresql:///world?host=/a&&sslmode=disable" << "empty parameter";
        QTest::newRow("bad sslmode") << "postgresql://h/world?sslmode=yes" << "sslmode must be";
        QTest::newRow("fragment") << "postgresql://h/world#x" << "fragment";
        QTest::newRow("broken escape") << "postgresql://h/wor%2" << "'%' not followed by two hexadecimal digits";
        QTest::newRow("bad hex") << "postgresql://h/wor%zz" << "'%' not followed by two hexadecimal digits";
        QTest::newRow("not utf-8") << "postgresql://h/%FF" << "not UTF-8";
        QTest::newRow("control character") << "postgresql://h/wo%00rld" << "control character";
    }

    void refusesWithAReason()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const Expected<DatabaseUrl> url = DatabaseUrl::parse(text);
        QVERIFY(!url.ok());
        QVERIFY2(url.error().contains(message), qPrintable(url.error()));
    }

    // Whatever is wrong, the password is never in the message.
    void neverQuotesAPassword_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("userinfo") << "postgresql://alice:Hunter2Secret@h/world";
        QTest::newRow("userinfo and a bad port") << "postgresql://alice:Hunter2Secret@h:99999/world";
        QTest::newRow("as the port") << "postgresql://alice:Hunter2Secret/world";
        QTest::newRow("as a parameter") << "postgresql://h/world?password=Hunter2Secret";
        QTest::newRow("after an unknown parameter") << "postgresql://h/world?user=x&password=Hunter2Secret";
        QTest::newRow("no database") << "postgresql://alice:Hunter2Secret@h";
        QTest::newRow("wrong scheme") << "mysql://alice:Hunter2Secret@h/world";
    }

    void neverQuotesAPassword()
    {
        QFETCH(QString, text);
        const Expected<DatabaseUrl> url = DatabaseUrl::parse(text);
        QVERIFY(!url.ok());
        QVERIFY2(!url.error().contains(QStringLiteral("Hunter2")), qPrintable(url.error()));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestDatabaseUrl)
} // namespace tst_databaseurl
#include "tst_databaseurl.moc"
