#include "storefixture.h"

#include "checked.h"

#include "service/service.h"
#include "store/journalgateway.h"
#include "store/accountstore.h"
#include "store/database.h"
#include "store/storeschema.h"

#include <QSqlQuery>

namespace topup::test {

QString testPassword()
{
    return QStringLiteral("correct horse battery");
}

StoreFixture::StoreFixture() = default;
StoreFixture::~StoreFixture() = default;

Expected<bool> StoreFixture::open()
{
    close();
    if (!m_dir.isValid())
        return Expected<bool>::failure(QStringLiteral("cannot create a temporary folder: %1").arg(m_dir.errorString()));
    auto store = Database::open(storePath(), storeSchema());
    if (!store)
        return Expected<bool>::failure(QStringLiteral("%1: %2").arg(storePath(), store.error()));
    auto journal = JournalGateway::open(journalPath());
    if (!journal)
        return Expected<bool>::failure(QStringLiteral("%1: %2").arg(journalPath(), journal.error()));
    m_store = *store;
    m_journal = journal.take();
    return true;
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

Expected<std::unique_ptr<Service>> openTestService(const QString &dataDir, Instant now)
{
    Service::Options options;
    options.dataDir = dataDir;
    options.fixedNow = now;
    options.passwordIterations = fastPasswordRounds;
    return Service::open(options);
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

qint64 scalarOf(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace topup::test
