#include "storefixture.h"

#include "checked.h"

#include "postgresserver.h"
#include "storeengine.h"
#include "worldimage.h"
#include "service/service.h"
#include "store/journalgateway.h"
#include "store/accountstore.h"
#include "store/database.h"
#include "store/databaseurl.h"
#include "store/statement.h"
#include "store/storeschema.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

namespace topup::test {

QString testPassword()
{
    return QStringLiteral("correct horse battery");
}

StoreFixture::StoreFixture(PostgresServer *server) : m_server(server) {}
StoreFixture::~StoreFixture() = default;

Expected<void> StoreFixture::open()
{
    close();
    if (!m_dir.isValid())
        return Expected<void>::failure(QStringLiteral("cannot create a temporary folder: %1").arg(m_dir.errorString()));
    if (m_server && m_databaseName.isEmpty()) {
        static QAtomicInteger<quint64> counter;
        const QString name = QStringLiteral("store_%1").arg(counter.fetchAndAddRelaxed(1) + 1);
        if (const Expected<void> created = m_server->createDatabase(name); !created)
            return created;
        m_databaseName = name;
    }
    Expected<std::shared_ptr<Database>> store = Expected<std::shared_ptr<Database>>::failure(QString());
    if (m_server) {
        const Expected<DatabaseUrl> url = DatabaseUrl::parse(m_server->url(m_databaseName));
        if (!url)
            return Expected<void>::failure(url.error());
        store = Database::openOnServer(*url, storeSchema());
    } else {
        store = Database::open(storePath(), storeSchema());
    }
    if (!store)
        return Expected<void>::failure(QStringLiteral("%1: %2").arg(m_server ? m_databaseName : storePath(), store.error()));
    auto journal = JournalGateway::open(journalPath());
    if (!journal)
        return Expected<void>::failure(QStringLiteral("%1: %2").arg(journalPath(), journal.error()));
    m_store = *store;
    m_journal = journal.take();
    return {};
}

void StoreFixture::close()
{
    m_journal.reset();
    m_store.reset();
}

Expected<qint64> StoreFixture::signUp(const QString &login, Instant at, const QByteArray &fixedSalt)
{
    if (!m_store)
        return Expected<qint64>::failure(QStringLiteral("the store is not open"));
    SignUpForm form;
    form.login = login;
    form.password = testPassword();
    const Expected<Account> account = AccountStore(*m_store, fastPasswordRounds).signUp(form, at, fixedSalt);
    if (!account)
        return Expected<qint64>::failure(QStringLiteral("signing up %1: %2").arg(login, account.error()));
    return account->id;
}

Expected<WorldLocation> worldLocationFor(const QString &folder)
{
    if (StoreEngine *engine = StoreEngine::current())
        return engine->worldAt(folder);
    return WorldLocation::folder(folder);
}

Expected<std::unique_ptr<Service>> openTestService(const QString &dataDir, Instant now)
{
    const Expected<WorldLocation> location = worldLocationFor(dataDir);
    if (!location)
        return Expected<std::unique_ptr<Service>>::failure(location.error());
    return openTestService(*location, now);
}

Expected<std::unique_ptr<Service>> openTestService(const WorldLocation &location, Instant now)
{
    Service::Options options;
    options.location = location;
    options.fixedNow = now;
    options.passwordIterations = fastPasswordRounds;
    return Service::open(options);
}

QString worldArgument(const WorldLocation &location)
{
    return location.database() ? location.database()->toString() : location.dataDir();
}

Expected<WorldLocation> worldFromArgument(const QString &argument)
{
    if (!argument.startsWith(QLatin1String("postgresql://")))
        return WorldLocation::folder(argument);
    const Expected<DatabaseUrl> url = DatabaseUrl::parse(argument);
    if (!url)
        return Expected<WorldLocation>::failure(url);
    return WorldLocation::database(*url);
}

Expected<void> copyTestWorld(const QString &from, const QString &to)
{
    if (StoreEngine *engine = StoreEngine::current())
        return engine->copyWorld(from, to);
    if (!copyWorldFiles(from, to))
        return Expected<void>::failure(QStringLiteral("the world's files in %1 were not copied into %2").arg(from, to));
    return {};
}

QSqlDatabase addWorldConnection(const QString &connectionName, const QString &folder)
{
    if (StoreEngine *engine = StoreEngine::current())
        return engine->addWorldConnection(connectionName, folder);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(folder + QStringLiteral("/topup.sqlite"));
    return db;
}

std::unique_ptr<Service> openService(const QString &dataDir, Instant now)
{
    Expected<std::unique_ptr<Service>> service = openTestService(dataDir, now);
    if (!QTest::qVerify(service.ok(), "openTestService(dataDir, now)", qPrintable(service.error()), __FILE__, __LINE__))
        return nullptr;
    return service.take();
}

QString packageNamed(Service &service, const char *name)
{
    for (const PackageRecord &record : TOPUP_VALUE(service.packages())) {
        if (record.name == QLatin1String(name))
            return record.package.id;
    }
    QTest::qVerify(false, name, "no package of that name", __FILE__, __LINE__);
    return {};
}

Expected<void> allowUncheckedValues(Database &db, const QString &table)
{
    if (db.dialect().isSqlite()) {
        Statement unchecked(db, QStringLiteral("PRAGMA ignore_check_constraints = ON"));
        return unchecked.run();
    }
    Statement checks(db, QStringLiteral("SELECT conname FROM pg_constraint WHERE contype = 'c' AND conrelid = CAST(? AS regclass)"));
    if (const Expected<void> ran = checks.bind(table).run(); !ran)
        return ran;
    QStringList names;
    while (checks.next())
        names << checks.text(0);
    if (names.isEmpty())
        return Expected<void>::failure(QStringLiteral("the table %1 has no CHECK to drop").arg(table));
    for (const QString &name : std::as_const(names)) {
        // Not through Statement: QPSQL prepares (PREPARE … AS), which takes no ALTER.
        QSqlQuery drop(db.connection());
        if (!drop.exec(QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT \"%2\"").arg(table, name)))
            return Expected<void>::failure(QStringLiteral("dropping %1's CHECK %2: %3").arg(table, name, drop.lastError().text()));
    }
    return {};
}

QString couldNotReadOrWrite(const Database &db)
{
    return db.dialect().isSqlite() ? QStringLiteral("The data file %1 could not be read or written.").arg(db.path())
                                   : QStringLiteral("The database %1 could not be read or written.").arg(db.path());
}

qint64 scalarOf(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

Expected<qint64> journalChargesInStore(const QSqlDatabase &db, const std::vector<JournalCharge> &charges)
{
    QSqlQuery find(db);
    if (!find.prepare(QStringLiteral("SELECT status, amount_cents FROM attempts WHERE chain_key = ? AND attempt = ? AND method_token = ?")))
        return Expected<qint64>::failure(find.lastError().text());
    qint64 spend = 0;
    for (const JournalCharge &charge : charges) {
        const QString which = QStringLiteral("journal charge %1 #%2").arg(charge.identity.chainKey).arg(charge.identity.attempt);
        find.addBindValue(charge.identity.chainKey);
        find.addBindValue(charge.identity.attempt);
        find.addBindValue(charge.identity.method);
        if (!find.exec())
            return Expected<qint64>::failure(find.lastError().text());
        if (!find.next())
            return Expected<qint64>::failure(which + QStringLiteral(" is missing from the store"));
        const QString status = find.value(0).toString();
        const QString answer = QLatin1String(charge.answer.succeeded ? "succeeded" : "failed");
        if (status != answer)
            return Expected<qint64>::failure(QStringLiteral("%1: the journal says %2, the store %3").arg(which, answer, status));
        if (find.value(1).toLongLong() != charge.amount.cents())
            return Expected<qint64>::failure(QStringLiteral("%1: the journal charged %2 cents, the store says %3")
                                                 .arg(which).arg(charge.amount.cents()).arg(find.value(1).toLongLong()));
        if (charge.answer.succeeded)
            spend += charge.amount.cents();
        find.finish();
    }
    return spend;
}

} // namespace topup::test
