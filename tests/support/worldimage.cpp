#include "worldimage.h"

#include "checked.h"
#include "damagedfile.h"
#include "service/demoworld.h"
#include "service/service.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace topup::test {
namespace {

QStringList worldFileNames()
{
    const QString store = QStringLiteral("topup.sqlite");
    const QString journal = QStringLiteral("gateway.sqlite");
    return {store, store + QLatin1String("-wal"), journal, journal + QLatin1String("-wal")};
}

} // namespace

Expected<void> buildDemoWorld(const QString &folder, Instant now)
{
    Service::Options options;
    options.location = WorldLocation::folder(folder);
    options.fixedNow = now;
    options.passwordIterations = fastPasswordRounds;
    options.tokens = DemoWorld::tokens(1);
    return DemoWorld::build(options, 1);
}

bool copyWorldFiles(const QString &from, const QString &to)
{
    for (const QString &name : worldFileNames()) {
        const QString source = QDir(from).filePath(name);
        const QString target = QDir(to).filePath(name);
        QFile::remove(target);
        if (QFile::exists(source) && !QFile::copy(source, target))
            return false;
    }
    return true;
}

QStringList worldFingerprint(const QString &folder)
{
    QStringList prints;
    for (const QString &name : worldFileNames()) {
        const QString path = QDir(folder).filePath(name);
        prints << name + QLatin1Char(' ') + (QFile::exists(path) ? QString::fromLatin1(sha256Of(path).toHex()) : QStringLiteral("absent"));
    }
    return prints;
}

void takeCrashImage(const QString &folder, Instant now, const QString &image, const std::function<void(Service &)> &more)
{
    auto service = openService(folder, now);
    QVERIFY(service);
    const auto accounts = TOPUP_VALUE(service->allAccounts());
    QVERIFY(!accounts.empty());
    TOPUP_VERIFY_OK(service->actAs(accounts.front().id));
    const CatchUpSummary caughtUp = TOPUP_VALUE(service->catchUpToNow());
    QVERIFY2(caughtUp.topUps + caughtUp.failures > 0, "the catch-up charged nothing: nothing for the files to disagree about");
    if (more)
        more(*service);
    QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("topup.sqlite-wal"))));
    QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("gateway.sqlite-wal"))));
    QVERIFY(QDir().mkpath(image));
    QVERIFY(copyWorldFiles(folder, image));
}

bool forgetProviderAccount(const QString &folder, const QString &token)
{
    const QString connection = QStringLiteral("forgetProviderAccount");
    QString problem;
    {
        QSqlDatabase journal;
        if (StoreEngine *engine = StoreEngine::current(); engine && engine->server()) {
            journal = engine->addJournalConnection(connection, folder);
        } else {
            QDirIterator found(folder, {QStringLiteral("gateway.sqlite")}, QDir::Files, QDirIterator::Subdirectories);
            if (!found.hasNext()) {
                QTest::qFail("no payment journal in the folder", __FILE__, __LINE__);
                return false;
            }
            journal = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            journal.setDatabaseName(found.next());
        }
        QSqlQuery forget(journal);
        if (!journal.open())
            problem = journal.lastError().text();
        else if (!forget.prepare(QStringLiteral("DELETE FROM funding WHERE token = ?")))
            problem = forget.lastError().text();
        else {
            forget.addBindValue(token);
            if (!forget.exec())
                problem = forget.lastError().text();
            else if (forget.numRowsAffected() != 1)
                problem = QStringLiteral("the journal has no account for %1").arg(token);
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!problem.isEmpty())
        QTest::qFail(qPrintable(problem), __FILE__, __LINE__);
    return problem.isEmpty();
}

} // namespace topup::test
