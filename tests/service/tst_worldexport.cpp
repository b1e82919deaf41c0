// Moving a world to PostgreSQL (issue 16): `topup-sim --data-dir DIR export
// --database URL` copies the demo world's store and journal into a server the
// test starts itself, verified, so that the service opens it there as the
// same world; a target that holds anything is refused and left as it was; a
// copy that fails half-way leaves both databases empty; and the command line
// says what is wrong with how it was called.
#include "testmain.h"
#include "checked.h"
#include "postgresserver.h"
#include "programrun.h"
#include "storefixture.h"
#include "worldimage.h"

#include "domain/alertkind.h"
#include "domain/attemptstatus.h"
#include "domain/lineprogress.h"
#include "domain/reason.h"
#include "domain/triggerkind.h"
#include "service/demoworld.h"
#include "service/service.h"
#include "service/worldlocation.h"
#include "service/worldonserver.h"
#include "store/database.h"
#include "store/databaseurl.h"
#include "store/journalgateway.h"
#include "store/storeschema.h"
#include "store/tablecopy.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace tst_worldexport {

using namespace topup;
using topup::test::PostgresServer;
using topup::test::ProgramRun;
using topup::test::runProgram;

namespace {

const char *const demoNow = "2027-03-01T00:00:00Z";

QString reasonText(const std::optional<Reason> &reason)
{
    return reason ? reasonName(*reason) : QStringLiteral("-");
}

// Everything a person sees of a world through the service, one fact a line:
// the clock, accounts, lines, methods, attempts, alerts, monthly spend.
QStringList seenThroughService(const WorldLocation &location)
{
    QStringList seen;
    Service::Options options;
    options.location = location;
    options.fixedNow = test::at(demoNow);
    Expected<std::unique_ptr<Service>> opened = Service::open(options);
    if (!QTest::qVerify(opened.ok(), "Service::open", qPrintable(opened.error()), __FILE__, __LINE__))
        return seen;
    Service &service = **opened;
    seen << QStringLiteral("clock %1").arg(TOPUP_VALUE(service.worldClock()).toString());
    for (const Account &account : TOPUP_VALUE(service.allAccounts())) {
        seen << QStringLiteral("account %1 %2 %3 %4 cap %5")
                    .arg(account.id)
                    .arg(account.login, account.currency, account.timezone,
                         account.monthlyCap ? account.monthlyCap->toString() : QStringLiteral("-"));
        if (!QTest::qVerify(service.actAs(account.id).ok(), "actAs", "", __FILE__, __LINE__))
            return seen;
        for (const LineRecord &line : TOPUP_VALUE(service.historyLines()))
            seen << QStringLiteral("line %1 %2 region %3 data %4 voice %5 state %6 threshold %7 chains %8 manual %9")
                        .arg(line.id)
                        .arg(line.name, line.region)
                        .arg(line.dataBytes)
                        .arg(line.voiceSeconds)
                        .arg(int(line.state))
                        .arg(thresholdStateName(line.progress.state))
                        .arg(line.progress.thresholdChains)
                        .arg(line.progress.manualTopUps)
                 + QStringLiteral(" policy %1").arg(line.policy.has_value());
        for (const MethodRecord &method : TOPUP_VALUE(service.methods()))
            seen << QStringLiteral("method %1 %2 %3 default %4 funds %5")
                        .arg(method.id)
                        .arg(method.token, method.lastFour)
                        .arg(method.isDefault)
                        .arg(method.funds.toString());
        const Expected<int> attempts = service.eachAttempt(AttemptFilter{}, [&seen](const AttemptRow &row) -> Expected<void> {
            seen << QStringLiteral("attempt %1 at %2 line %3 %4 %5/%6 method %7 %8 %9")
                        .arg(row.id)
                        .arg(row.at.toString())
                        .arg(row.lineId)
                        .arg(triggerKindName(row.trigger), row.key)
                        .arg(row.attempt)
                        .arg(row.methodId)
                        .arg(row.package, row.amount.toString())
                 + QStringLiteral(" %1 %2").arg(attemptStatusName(row.status), reasonText(row.reason));
            return {};
        });
        QTest::qVerify(attempts.ok() && *attempts > 0, "eachAttempt", qPrintable(attempts.error()), __FILE__, __LINE__);
        for (const AlertRow &alert : TOPUP_VALUE(service.alerts()))
            seen << QStringLiteral("alert %1 at %2 %3 line %4 method %5 read %6")
                        .arg(alert.id)
                        .arg(alert.at.toString(), alertKindName(alert.kind))
                        .arg(alert.lineId)
                        .arg(alert.methodId)
                        .arg(alert.read);
        for (const MonthSpend &month : TOPUP_VALUE(service.spendByMonth()))
            seen << QStringLiteral("spend %1 auto %2 manual %3 purchases %4")
                        .arg(month.month, month.autoSpend.toString(), month.manualSpend.toString(), month.purchases.toString());
    }
    return seen;
}

// Every charge the provider's journal holds, one a line.
QStringList chargesIn(Expected<std::unique_ptr<JournalGateway>> journal)
{
    QStringList charges;
    if (!QTest::qVerify(journal.ok(), "open the journal", qPrintable(journal.error()), __FILE__, __LINE__))
        return charges;
    for (const JournalCharge &charge : TOPUP_VALUE((*journal)->charges()))
        charges << QStringLiteral("%1/%2 %3 %4 at %5 %6 %7")
                       .arg(charge.identity.chainKey)
                       .arg(charge.identity.attempt)
                       .arg(charge.identity.method, charge.amount.toString(), charge.at.toString())
                       .arg(charge.answer.succeeded)
                       .arg(reasonText(charge.answer.reason));
    return charges;
}

} // namespace

class TestWorldExport final : public QObject
{
    Q_OBJECT

    PostgresServer m_server;
    QTemporaryDir m_root;
    QString m_demo; // the demo world, built once
    int m_folders = 0;

    // A copy of the demo world in a folder of its own.
    QString demoCopy()
    {
        const QString folder = m_root.filePath(QStringLiteral("world_%1").arg(++m_folders));
        if (!QTest::qVerify(QDir().mkpath(folder) && test::copyWorldFiles(m_demo, folder), "copyWorldFiles", qPrintable(folder), __FILE__,
                            __LINE__))
            return folder;
        return folder;
    }

    // The store's database `name` and its journal's `name_journal`, both new
    // and empty, as whoever administers the server makes them; the store's URL.
    QString newTarget(const QString &name)
    {
        for (const QString &database : {name, name + QLatin1String("_journal")}) {
            const auto created = m_server.createDatabase(database);
            QTest::qVerify(created.ok(), "createDatabase", qPrintable(created.error()), __FILE__, __LINE__);
        }
        return m_server.url(name);
    }

    static DatabaseUrl urlOf(const QString &text)
    {
        const Expected<DatabaseUrl> url = DatabaseUrl::parse(text);
        QTest::qVerify(url.ok(), "DatabaseUrl::parse", qPrintable(url.error()), __FILE__, __LINE__);
        return url.ok() ? *url : *DatabaseUrl::parse(QStringLiteral("postgresql:///unparsed"));
    }

    static DatabaseUrl journalUrlOf(const QString &store)
    {
        const Expected<DatabaseUrl> journal = WorldOnServer::journalOf(urlOf(store));
        QTest::qVerify(journal.ok(), "journalOf", qPrintable(journal.error()), __FILE__, __LINE__);
        return journal.ok() ? *journal : urlOf(store);
    }

    // The rows in every table of the store and of its journal, "table rows" a line.
    QStringList rowsAt(const QString &storeUrl)
    {
        QStringList rows;
        const std::pair<DatabaseUrl, Schema> both[] = {{urlOf(storeUrl), storeSchema()}, {journalUrlOf(storeUrl), JournalGateway::schema()}};
        for (const auto &[url, schema] : both) {
            const Expected<std::shared_ptr<Database>> database = Database::openOnServer(url, schema, Database::Presence::MustExist);
            if (!QTest::qVerify(database.ok(), "openOnServer", qPrintable(database.error()), __FILE__, __LINE__))
                return rows;
            for (const TableRows &table : TOPUP_VALUE(TableCopy::rowsIn(**database)))
                rows << QStringLiteral("%1 %2 %3").arg(url.database(), table.table).arg(table.rows);
        }
        return rows;
    }

    // `database` as pg_dump writes it, without the random key of its
    // \restrict and \unrestrict lines, which differs on every run.
    QByteArray dumpOf(const QString &database)
    {
        QByteArrayList lines = TOPUP_VALUE(m_server.dump(database)).split('\n');
        lines.removeIf([](const QByteArray &line) { return line.startsWith("\\restrict ") || line.startsWith("\\unrestrict "); });
        return lines.join('\n');
    }

    static bool allEmpty(const QStringList &rows)
    {
        return !rows.isEmpty() && std::all_of(rows.begin(), rows.end(), [](const QString &row) { return row.endsWith(QLatin1String(" 0")); });
    }

    static ProgramRun exportWorld(const QString &folder, const QString &url)
    {
        return runProgram(QStringLiteral(TOPUP_SIM), {QStringLiteral("--data-dir"), folder, QStringLiteral("export"), QStringLiteral("--database"), url});
    }

private slots:
    void initTestCase()
    {
        // No skipping: a server that cannot start fails every test here, saying why.
        const auto started = m_server.start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
        QVERIFY(m_root.isValid());
        m_demo = m_root.filePath(QStringLiteral("demo"));
        TOPUP_VERIFY_OK(test::buildDemoWorld(m_demo, test::at(demoNow)));
    }

    // The copied pair opens on the server as the same world: every line,
    // balance, method, attempt, alert and monthly spend, and every charge of
    // the provider's journal, as the folder's; the demo's password still
    // signs in; new rows get new ids after the copied ones.
    void copiesTheDemoWorldRowForRow()
    {
        const QString folder = demoCopy();
        const QString url = newTarget(QStringLiteral("moved"));
        const ProgramRun run = exportWorld(folder, url);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.startsWith(QStringLiteral("Copied the world ")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("\n  store accounts: 1\n")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("\n  store lines: 3\n")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("\n  journal charges: ")), qPrintable(out));
        QVERIFY2(out.contains(url + QLatin1String(" (the store)")), qPrintable(out));

        const QStringList inFolder = seenThroughService(WorldLocation::folder(folder));
        const QStringList onServer = seenThroughService(WorldLocation::database(urlOf(url)));
        QVERIFY(inFolder.size() > 20);
        QCOMPARE(onServer, inFolder);
        const QStringList folderCharges = chargesIn(JournalGateway::open(QDir(folder).filePath(QStringLiteral("gateway.sqlite")), true));
        const QStringList serverCharges = chargesIn(JournalGateway::openOnServer(journalUrlOf(url), true));
        QVERIFY(!folderCharges.isEmpty());
        QCOMPARE(serverCharges, folderCharges);

        // The world goes on there: ids after the copied ones, in the store and in the journal.
        Service::Options options;
        options.location = WorldLocation::database(urlOf(url));
        options.fixedNow = test::at(demoNow);
        Expected<std::unique_ptr<Service>> opened = Service::open(options);
        QVERIFY2(opened, qPrintable(opened.error()));
        Service &service = **opened;
        TOPUP_VERIFY_OK(service.signIn(QLatin1String(DemoWorld::login), QLatin1String(DemoWorld::password)));
        qint64 lastLine = 0;
        for (const LineRecord &line : TOPUP_VALUE(service.historyLines()))
            lastLine = std::max(lastLine, line.id);
        const LineRecord added = TOPUP_VALUE(service.addLine(LineForm{QStringLiteral("Fleet 1"), QString(), UsageProfile::Regular, 7,
                                                                      DataAmount(1000000), VoiceAmount(60)}));
        QVERIFY2(added.id > lastLine, qPrintable(QStringLiteral("new line id %1 after %2").arg(added.id).arg(lastLine)));
        const std::vector<MethodRecord> methods = TOPUP_VALUE(service.methods());
        QVERIFY(!methods.empty());
        TOPUP_VERIFY_OK(service.deposit(methods.front().id, Money::fromCents(500)));
    }

    // A target that holds any row is refused, naming which database holds
    // what, and is left as it was.
    void refusesATargetThatIsNotEmpty()
    {
        const QString url = newTarget(QStringLiteral("taken"));
        const ProgramRun first = exportWorld(demoCopy(), url);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QByteArray storeBefore = dumpOf(QStringLiteral("taken"));
        const QByteArray journalBefore = dumpOf(QStringLiteral("taken_journal"));

        const ProgramRun again = exportWorld(demoCopy(), url);
        QCOMPARE(again.exitCode, 1);
        const QString err = QString::fromUtf8(again.err);
        QVERIFY2(err.contains(url + QLatin1String(" is not empty (")) && err.contains(QLatin1String("accounts 1")), qPrintable(err));
        QVERIFY2(err.contains(journalUrlOf(url).toString() + QLatin1String(" is not empty (")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("nothing was copied")), qPrintable(err));
        QVERIFY(again.out.isEmpty());
        QCOMPARE(dumpOf(QStringLiteral("taken")), storeBefore);
        QCOMPARE(dumpOf(QStringLiteral("taken_journal")), journalBefore);

        // Only the journal holds something: that one is named, not the store.
        const QString half = newTarget(QStringLiteral("half"));
        {
            Expected<std::unique_ptr<JournalGateway>> journal = JournalGateway::openOnServer(journalUrlOf(half));
            QVERIFY2(journal, qPrintable(journal.error()));
            TOPUP_VERIFY_OK((*journal)->openAccount(QStringLiteral("someone-elses"), Money::fromCents(100), std::nullopt));
        }
        const ProgramRun intoHalf = exportWorld(demoCopy(), half);
        QCOMPARE(intoHalf.exitCode, 1);
        const QString halfErr = QString::fromUtf8(intoHalf.err);
        QVERIFY2(halfErr.contains(journalUrlOf(half).toString() + QLatin1String(" is not empty (funding 1)")), qPrintable(halfErr));
        QVERIFY2(!halfErr.contains(half + QLatin1String(" is not empty")), qPrintable(halfErr));
        const QStringList rows = rowsAt(half);
        QVERIFY(rows.contains(QStringLiteral("half_journal funding 1")));
        QVERIFY(rows.contains(QStringLiteral("half accounts 0")));
    }

    // A row PostgreSQL refuses, in the store (copied first) or in the
    // journal (copied last, after the whole store): both databases are
    // rolled back, left empty, and take a whole world afterwards.
    void leavesTheTargetEmptyWhenTheCopyFails_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("table");
        QTest::newRow("store") << "topup.sqlite"
                               << "UPDATE usage_daily SET data_bytes = 'lots' WHERE day = (SELECT max(day) FROM usage_daily)"
                               << "usage_daily";
        QTest::newRow("journal") << "gateway.sqlite"
                                 << "UPDATE charges SET amount_cents = 'lots' WHERE seq = (SELECT max(seq) FROM charges)"
                                 << "charges";
    }

    void leavesTheTargetEmptyWhenTheCopyFails()
    {
        QFETCH(QString, file);
        QFETCH(QString, damage);
        QFETCH(QString, table);
        const QString folder = demoCopy();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
            db.setDatabaseName(QDir(folder).filePath(file));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY2(query.exec(damage), qPrintable(query.lastError().text()));
            QVERIFY(query.numRowsAffected() >= 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("damage"));

        const QString name = QStringLiteral("failed_") + QString::fromLatin1(QTest::currentDataTag());
        const QString url = newTarget(name);
        const ProgramRun run = exportWorld(folder, url);
        QCOMPARE(run.exitCode, 1);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(QStringLiteral("copying the table %1: ").arg(table)), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("nothing was copied: both databases are left empty")), qPrintable(err));
        QVERIFY(run.out.isEmpty());
        const QStringList rows = rowsAt(url);
        QVERIFY2(allEmpty(rows), qPrintable(rows.join(QLatin1Char('\n'))));

        // Empty as a new target is: a whole world goes in afterwards.
        const ProgramRun whole = exportWorld(demoCopy(), url);
        QVERIFY2(whole.exitCode == 0, whole.err.constData());
        QVERIFY(rowsAt(url).contains(name + QLatin1String(" accounts 1")));
    }

    // What is read back must be what was read from the folder: a server
    // that changes a row on its way in (here a trigger of its own) fails
    // the export, naming the table, and nothing is kept.
    void refusesACopyThatReadsBackDifferently()
    {
        const QString url = newTarget(QStringLiteral("altered"));
        {
            const Expected<std::shared_ptr<Database>> store = Database::openOnServer(urlOf(url), storeSchema());
            QVERIFY2(store, qPrintable(store.error()));
            QSqlQuery query((*store)->connection());
            QVERIFY2(query.exec(QStringLiteral("CREATE FUNCTION rename_line() RETURNS trigger LANGUAGE plpgsql AS"
                                               " $$ BEGIN NEW.name := NEW.name || '!'; RETURN NEW; END $$")),
                     qPrintable(query.lastError().text()));
            QVERIFY2(query.exec(QStringLiteral("CREATE TRIGGER rename_line BEFORE INSERT ON lines FOR EACH ROW EXECUTE FUNCTION rename_line()")),
                     qPrintable(query.lastError().text()));
        }
        const ProgramRun run = exportWorld(demoCopy(), url);
        QCOMPARE(run.exitCode, 1);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(QStringLiteral("the table lines in %1 does not hold what was read from ").arg(url))
                     && err.contains(QLatin1String("(3 rows there, 3 here; digest "))
                     && err.contains(QLatin1String("nothing was copied: both databases are left empty")),
                 qPrintable(err));
        QVERIFY(run.out.isEmpty());
        const QStringList rows = rowsAt(url);
        QVERIFY2(allEmpty(rows), qPrintable(rows.join(QLatin1Char('\n'))));
    }

    // No server where the URL points: "try again" (75), for export as for
    // status; a server that answers and refuses (a database it does not
    // have) is not something trying again changes (1).
    void anUnreachableServerIsTryAgain()
    {
        QTemporaryDir noServer; // a socket folder where nothing listens
        QVERIFY(noServer.isValid());
        const QString nowhere = QStringLiteral("postgresql://topup@/world?host=%1").arg(noServer.path());
        const QString missing = m_server.url(QStringLiteral("never_made"));
        for (const auto &[url, exitCode] : {std::pair{nowhere, 75}, std::pair{missing, 1}}) {
            const ProgramRun status = runProgram(QStringLiteral(TOPUP_SIM), {QStringLiteral("--database"), url, QStringLiteral("status")});
            QVERIFY2(status.exitCode == exitCode, qPrintable(QStringLiteral("%1: status exits %2: %3").arg(url).arg(status.exitCode)
                                                                 .arg(QString::fromUtf8(status.err))));
            QVERIFY2(status.err.contains("cannot connect"), status.err.constData());
            const ProgramRun exported = exportWorld(demoCopy(), url);
            QVERIFY2(exported.exitCode == exitCode, qPrintable(QStringLiteral("%1: export exits %2: %3").arg(url).arg(exported.exitCode)
                                                                   .arg(QString::fromUtf8(exported.err))));
            QVERIFY2(exported.err.contains("cannot connect"), exported.err.constData());
        }
    }

    // How it is called: both options, once each, with values; nothing else.
    void refusesWhatItCannotDo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString folder = demoCopy();
        const QString url = m_server.url(QStringLiteral("never_made"));
        const QString dir = QStringLiteral("--data-dir");
        const QString db = QStringLiteral("--database");
        const QString ex = QStringLiteral("export");
        QTest::newRow("no --data-dir") << QStringList{ex, db, url} << 64 << "export needs --data-dir DIR";
        QTest::newRow("no --database") << QStringList{dir, folder, ex} << 64 << "export needs --database URL";
        QTest::newRow("an empty URL") << QStringList{dir, folder, ex, db, QString()} << 64 << "--database is given an empty value";
        QTest::newRow("--database twice") << QStringList{dir, folder, ex, db, url, db, url} << 64 << "--database is given more than once";
        QTest::newRow("a password") << QStringList{dir, folder, ex, db, QStringLiteral("postgresql://topup:Sekrit@localhost/db")} << 64
                                    << "--database: ";
        QTest::newRow("--now") << QStringList{dir, folder, ex, db, url, QStringLiteral("--now"), QString::fromLatin1(demoNow)} << 64
                               << "--now does not apply to export";
        QTest::newRow("--demo") << QStringList{dir, folder, ex, db, url, QStringLiteral("--demo")} << 64 << "--demo does not apply to export";
        QTest::newRow("an extra argument") << QStringList{dir, folder, ex, QStringLiteral("more"), db, url} << 64 << "unexpected \"more\"";
        const QString empty = m_root.filePath(QStringLiteral("no-world"));
        QDir().mkpath(empty);
        QTest::newRow("a folder without a world") << QStringList{dir, empty, ex, db, url} << 1 << "holds no world to export";
        QTest::newRow("a name too long for its journal")
            << QStringList{dir, folder, ex, db, m_server.url(QString(60, QLatin1Char('n')))} << 1 << "too long for its journal";
    }

    void refusesWhatItCannotDo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const ProgramRun run = runProgram(QStringLiteral(TOPUP_SIM), arguments);
        QCOMPARE(run.exitCode, exitCode);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.startsWith(QLatin1String("topup-sim: ")) && err.contains(message), qPrintable(err));
        QVERIFY(run.out.isEmpty());
        // A password is never repeated.
        QVERIFY(!run.err.contains("Sekrit"));
        // Nothing is made in a folder that held no world.
        QVERIFY(QDir(m_root.filePath(QStringLiteral("no-world"))).isEmpty());
    }
};

TOPUP_TEST_GUILESS_MAIN(TestWorldExport)
} // namespace tst_worldexport
#include "tst_worldexport.moc"
