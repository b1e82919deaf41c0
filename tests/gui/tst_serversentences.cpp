// A world on a PostgreSQL server that cannot be opened says why in the
// core's own sentences, in English and in Chinese, as made: which server or
// database (its URL, which holds no password), never a "data file" of a
// folder, what to do, then what the server said (issue 14). Each case has
// databases of its own on the test's server.
#include "testmain.h"
#include "checked.h"
#include "pagesfixture.h"
#include "postgresserver.h"
#include "sentencelanguages.h"

#include "service/service.h"
#include "service/worldlocation.h"
#include "store/databaseurl.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace tst_serversentences {

using namespace topup;
using namespace topup::testing;

class TestServerSentences final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SentenceLanguages m_languages;
    std::unique_ptr<test::PostgresServer> m_server; // started by the first case that needs one

    // A PostgreSQL server of the test's own; null (the test failed) when it cannot start.
    test::PostgresServer *server()
    {
        if (!m_server) {
            auto started = std::make_unique<test::PostgresServer>();
            const Expected<void> running = started->start();
            if (!QTest::qVerify(running.ok(), "PostgresServer::start", qPrintable(running.error()), __FILE__, __LINE__))
                return nullptr;
            m_server = std::move(started);
        }
        return m_server.get();
    }

    // The row's own world on the test's server, named after the case and
    // the row: its databases made (none when `made` is empty) with
    // `statements` run in the first; the error, when it could not be.
    Expected<DatabaseUrl> worldOnServer(const QStringList &made, const QStringList &statements = {})
    {
        test::PostgresServer *postgres = server();
        if (!postgres)
            return Expected<DatabaseUrl>::failure(QStringLiteral("no server"));
        const QString name = QStringLiteral("%1_%2").arg(QLatin1String(QTest::currentTestFunction()),
                                                          QLatin1String(QTest::currentDataTag())).toLower();
        for (const QString &suffix : made) {
            if (const Expected<void> created = postgres->createDatabase(name + suffix); !created)
                return Expected<DatabaseUrl>::failure(created.error());
        }
        if (!statements.isEmpty()) {
            if (const Expected<void> ran = postgres->execute(name, statements); !ran)
                return Expected<DatabaseUrl>::failure(ran.error());
        }
        return DatabaseUrl::parse(postgres->url(name));
    }

    static Service::Options optionsFor(const DatabaseUrl &url)
    {
        Service::Options options;
        options.location = WorldLocation::database(url);
        options.fixedNow = at("2027-03-15T10:00:00Z");
        options.passwordIterations = 1000;
        return options;
    }

    // The service opened on `url`; null, the failure recorded, when it is refused.
    static std::unique_ptr<Service> opened(const DatabaseUrl &url)
    {
        Expected<std::unique_ptr<Service>> service = Service::open(optionsFor(url));
        if (!QTest::qVerify(service.ok(), "Service::open", qPrintable(service.ok() ? QString() : service.error()), __FILE__, __LINE__))
            return nullptr;
        return service.take();
    }

    // Opens the service on `url`, which must be refused: its failure.
    static Failure refusedOpening(const DatabaseUrl &url)
    {
        const Expected<std::unique_ptr<Service>> opened = Service::open(optionsFor(url));
        QTest::qVerify(!opened.ok(), "!opened", "the world was opened", __FILE__, __LINE__);
        return opened ? Failure() : opened.whyFailed();
    }

private slots:
    void cleanup()
    {
        m_languages.restore();
    }

    // A world on a PostgreSQL server that cannot be reached (no server on
    // the URL's socket): the window says which database could not be
    // opened, why in words and what to do, then what the server said.
    void aServerThatCannotBeReachedSaysSoInSentences_data()
    {
        SentenceLanguages::addRows(QStringLiteral("The PostgreSQL server of %1 cannot be reached, or it refused the connection. Check that the"
                                                  " server is running and that the database URL names it, its database and your role; a password"
                                                  " goes in ~/.pgpass. Then try again.\nThe server says: "),
                                   QStringLiteral("无法连接 %1 的 PostgreSQL 服务器，或它拒绝了连接。请确认服务器正在运行，并且数据库 URL 写明了它、"
                                                  "它的数据库和您的角色；密码请放在 ~/.pgpass 中。然后重试。\n服务器提示："));
    }

    void aServerThatCannotBeReachedSaysSoInSentences()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        m_languages.use(language);
        const QString sockets = m_dir.filePath(QStringLiteral("sockets-%1").arg(QLatin1String(QTest::currentDataTag()))); // no server listens here
        QVERIFY(QDir().mkpath(sockets));
        const std::optional<QString> url = QStringLiteral("postgresql://nobody@/nodb?host=%1").arg(sockets);
        const Expected<WorldLocation> location = WorldLocation::choose(std::nullopt, url, QProcessEnvironment());
        QVERIFY2(location, qPrintable(location.error()));
        Service::Options options;
        options.location = *location;
        options.fixedNow = at("2027-03-15T10:00:00Z");
        const Expected<std::unique_ptr<Service>> opened = Service::open(options);
        QVERIFY(!opened);
        const QString shown = opened.sentences();
        QVERIFY2(shown.startsWith(expected.arg(*url)), qPrintable(shown + QLatin1String("\n---\n") + expected.arg(*url)));
        QVERIFY2(shown.size() > expected.arg(*url).size() + 5, qPrintable(shown)); // what the server said follows
        QVERIFY(opened.error() != shown); // the command line's text stays its own
    }

    // A database on the server that holds someone else's tables: the
    // window says it is not a TopUp Dashboard database, naming it by its
    // URL (which holds no password), not as a "data file" of a folder.
    void aDatabaseThatIsNotOursIsNamedAsADatabase_data()
    {
        SentenceLanguages::addRows(QStringLiteral("The PostgreSQL database %1 is not a TopUp Dashboard database; it was left untouched. Give the address"
                                                  " of an empty database, or of one TopUp Dashboard made."),
                                   QStringLiteral("PostgreSQL 数据库 %1 不是 TopUp Dashboard 的数据库；它保持原样未动。请给出一个空数据库的地址，"
                                                  "或一个由 TopUp Dashboard 创建的数据库的地址。"));
    }

    void aDatabaseThatIsNotOursIsNamedAsADatabase()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        m_languages.use(language);
        // Its journal's database beside it is empty (it becomes a journal): the store's is refused.
        const Expected<DatabaseUrl> url = worldOnServer({QString(), QStringLiteral("_journal")},
                                                        {QStringLiteral("CREATE TABLE invoices (id integer PRIMARY KEY)")});
        QVERIFY2(url, qPrintable(url ? QString() : url.error()));
        const Failure refused = refusedOpening(*url);
        QCOMPARE(refused.sentences(), expected.arg(url->toString()));
        QVERIFY(refused.text() != refused.sentences());
    }

    // A world on the server whose journal's database was dropped (the
    // claim on the world connects to the store first, which is there): the
    // window names the journal's database and the store's and says to
    // create it, then why the server refused.
    void aMissingJournalDatabaseSaysSoInSentences_data()
    {
        SentenceLanguages::addRows(QStringLiteral("The provider's journal, the database %1 beside the store %2 on the same server, cannot be opened."
                                                  " Create it there if it is missing (empty, owned by the same role), then try again.\n"
                                                  "The PostgreSQL server of %3 cannot be reached, or it refused the connection."),
                                   QStringLiteral("无法打开支付服务商的日志，即同一服务器上与存储 %2 并列的数据库 %1。如果它不存在，请在那里创建它"
                                                  "（空的、属于同一角色），然后重试。\n无法连接 %3 的 PostgreSQL 服务器，或它拒绝了连接。"));
    }

    void aMissingJournalDatabaseSaysSoInSentences()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        m_languages.use(language);
        const Expected<DatabaseUrl> url = worldOnServer({QString(), QStringLiteral("_journal")});
        QVERIFY2(url, qPrintable(url ? QString() : url.error()));
        const DatabaseUrl journal = url->withDatabase(url->database() + QLatin1String("_journal"));
        // A world made there, closed; then its journal's database dropped.
        QVERIFY(opened(*url));
        TOPUP_VERIFY_OK(m_server->execute(QLatin1String(test::PostgresServer::defaultDatabase),
                                          {QStringLiteral("DROP DATABASE \"%1\" WITH (FORCE)").arg(journal.database())}));
        const Failure refused = refusedOpening(*url);
        const QString shown = refused.sentences();
        const QString start = expected.arg(journal.database(), url->database(), journal.toString());
        QVERIFY2(shown.startsWith(start), qPrintable(shown + QLatin1String("\n---\n") + start));
        QVERIFY2(shown.contains(QStringLiteral("database \"%1\" does not exist").arg(journal.database())), qPrintable(shown)); // the server's words
        QVERIFY(refused.text() != shown);
    }

    // A world on the server whose journal lost a charge the store wrote
    // down (one database restored from an older backup than the other):
    // the window names both databases and says to restore them from one
    // backup — not to put "files" back or move a folder aside.
    void journalAndStoreThatDisagreeAreNamedAsDatabases_data()
    {
        SentenceLanguages::addRows(QStringLiteral("The store's database %1 and the payment journal's database %2 disagree about the charges made"
                                                  " since they last agreed, so nothing was changed. Restore both databases from the same"
                                                  " backup, or give the address of an empty database to start fresh.\nWhere they differ: "),
                                   QStringLiteral("存储数据库 %1 与支付日志数据库 %2 对上次一致之后的扣款记录不一致，因此未做任何更改。请从同一份备份"
                                                  "恢复这两个数据库，或给出一个空数据库的地址以重新开始。\n不一致之处："));
    }

    void journalAndStoreThatDisagreeAreNamedAsDatabases()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        const Expected<DatabaseUrl> url = worldOnServer({QString(), QStringLiteral("_journal")});
        QVERIFY2(url, qPrintable(url ? QString() : url.error()));
        const DatabaseUrl journal = url->withDatabase(url->database() + QLatin1String("_journal"));
        {
            // A world with one paid top-up; then the journal forgets its charge.
            const std::unique_ptr<Service> made = opened(*url);
            QVERIFY(made);
            Service &service = *made;
            TOPUP_VERIFY_OK(service.signUp(SignUpForm{QStringLiteral("ana@example.com"), QStringLiteral("correct-horse-battery"),
                                                      QStringLiteral("EUR"), QStringLiteral("Europe/Paris"), std::nullopt}));
            TOPUP_VERIFY_OK(service.catchUpToNow());
            const MethodRecord wallet = TOPUP_VALUE(service.addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(10'000)}));
            const LineRecord line = TOPUP_VALUE(service.addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Light, 7, {}, {}}));
            const std::vector<PackageRecord> packages = TOPUP_VALUE(service.packages());
            QVERIFY(!packages.empty());
            const ChargeAnswer paid = TOPUP_VALUE(service.manualTopUp(line.id, packages.front().id, wallet.id));
            QVERIFY(paid.succeeded);
        }
        TOPUP_VERIFY_OK(m_server->execute(journal.database(), {QStringLiteral("DELETE FROM charges")}));
        m_languages.use(language);
        const Failure refused = refusedOpening(*url);
        const QString shown = refused.sentences();
        const QString start = expected.arg(url->toString(), journal.toString());
        QVERIFY2(shown.startsWith(start), qPrintable(shown + QLatin1String("\n---\n") + start));
        QVERIFY2(shown.size() > start.size() + 5, qPrintable(shown)); // where they differ follows
        QVERIFY(!shown.contains(QLatin1String("folder")) && !shown.contains(QStringLiteral("文件夹")));
        QVERIFY(refused.text() != shown);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestServerSentences)
} // namespace tst_serversentences
#include "tst_serversentences.moc"
