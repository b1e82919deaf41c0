// Each world's store and provider journal carry the same random identity:
// a journal from another world, or one without its partner, is refused
// with a message naming both files; worlds from before identities get one.
#include "testmain.h"
#include "service/service.h"
#include "store/database.h"
#include "store/storeschema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace tst_worldidentity {

using namespace topup;

namespace {

Service::Options optionsFor(const QString &dir)
{
    Service::Options options;
    options.location = WorldLocation::folder(dir);
    options.fixedNow = *Instant::parse(u"2027-03-01T08:00:00Z");
    options.passwordIterations = 1000;
    return options;
}

bool makeWorld(const QString &dir)
{
    auto service = Service::open(optionsFor(dir));
    if (!service)
        qWarning("%s", qPrintable(service.error()));
    return bool(service);
}

// Runs statements on a file directly; the first column of the last row read.
QString sql(const QString &path, const QStringList &statements)
{
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("direct"));
        db.setDatabaseName(path);
        if (db.open()) {
            for (const QString &statement : statements) {
                QSqlQuery query(db);
                if (!query.exec(statement)) {
                    value = QStringLiteral("error");
                    break;
                }
                if (query.next())
                    value = query.value(0).toString();
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("direct"));
    return value;
}

QString worldId(const QString &path)
{
    return sql(path, {QStringLiteral("SELECT coalesce((SELECT world_id FROM world_identity), '')")});
}

// A store as the first schema version made it (no identity, no later
// columns): its migrations only, in place of the file.
bool makeLegacyStore(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    Schema first = storeSchema();
    first.migrations.resize(1);
    const auto db = Database::open(path, first);
    if (!db)
        qWarning("%s", qPrintable(db.error()));
    return bool(db);
}

// As the version before identities left a journal: no identity table (nor
// the books' mark that came later), version 1.
bool makeLegacy(const QString &path)
{
    return sql(path, {QStringLiteral("DROP TABLE world_identity"), QStringLiteral("DROP TABLE books_agreed"),
                      QStringLiteral("PRAGMA user_version = 1"),
                      QStringLiteral("PRAGMA user_version")})
        == QLatin1String("1");
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestWorldIdentity final : public QObject
{
    Q_OBJECT

private slots:
    void aNewWorldWritesOneIdentityIntoBothFiles()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        QVERIFY(makeWorld(first.path()));
        QVERIFY(makeWorld(second.path()));
        const QString id = worldId(first.filePath(QStringLiteral("topup.sqlite")));
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(id).hasMatch(), qPrintable(id)); // 128 bits, hex
        QCOMPARE(worldId(first.filePath(QStringLiteral("gateway.sqlite"))), id);
        QVERIFY(worldId(second.filePath(QStringLiteral("topup.sqlite"))) != id);
        QVERIFY(makeWorld(first.path())); // the pair opens again
    }

    void aJournalFromAnotherWorldIsRefused()
    {
        QTemporaryDir mine;
        QTemporaryDir other;
        QVERIFY(makeWorld(mine.path()));
        QVERIFY(makeWorld(other.path()));
        const QString store = mine.filePath(QStringLiteral("topup.sqlite"));
        const QString journal = mine.filePath(QStringLiteral("gateway.sqlite"));
        QVERIFY(QFile::remove(journal));
        QVERIFY(QFile::copy(other.filePath(QStringLiteral("gateway.sqlite")), journal));
        const QByteArray storeBefore = fileHash(store);
        const QByteArray journalBefore = fileHash(journal);

        const Expected<std::unique_ptr<Service>> opened = Service::open(optionsFor(mine.path()));
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(store) && opened.error().contains(journal), qPrintable(opened.error()));
        QVERIFY2(opened.error().contains(QLatin1String("different worlds")), qPrintable(opened.error()));
        QCOMPARE(fileHash(store), storeBefore);
        QCOMPARE(fileHash(journal), journalBefore);
    }

    void aMissingPartnerIsRefusedNamingBothFiles_data()
    {
        QTest::addColumn<QString>("removed");
        QTest::newRow("journal") << QStringLiteral("gateway.sqlite");
        QTest::newRow("store") << QStringLiteral("topup.sqlite");
    }

    void aMissingPartnerIsRefusedNamingBothFiles()
    {
        QFETCH(QString, removed);
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        QVERIFY(QFile::remove(dir.filePath(removed)));
        const Expected<std::unique_ptr<Service>> opened = Service::open(optionsFor(dir.path()));
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(dir.filePath(QStringLiteral("topup.sqlite")))
                     && opened.error().contains(dir.filePath(QStringLiteral("gateway.sqlite"))),
                 qPrintable(opened.error()));
        QVERIFY2(opened.error().contains(QLatin1String("missing")), qPrintable(opened.error()));
        QVERIFY(!QFile::exists(dir.filePath(removed))); // not recreated
    }

    void aWorldFromThePreviousVersionGetsOneIdentity()
    {
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        const QString store = dir.filePath(QStringLiteral("topup.sqlite"));
        const QString journal = dir.filePath(QStringLiteral("gateway.sqlite"));
        QVERIFY(makeLegacyStore(store));
        QVERIFY(makeLegacy(journal));
        QVERIFY(makeWorld(dir.path()));
        const QString id = worldId(store);
        QCOMPARE(id.size(), 32);
        QCOMPARE(worldId(journal), id);
    }

    void anUpgradeInterruptedAfterTheJournalIsFinished()
    {
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        const QString store = dir.filePath(QStringLiteral("topup.sqlite"));
        const QString id = worldId(store);
        QVERIFY(makeLegacyStore(store)); // the journal kept its identity, the store has none yet
        QVERIFY(makeWorld(dir.path()));
        QCOMPARE(worldId(store), id);
    }

    void aStoreWithAnIdentityRefusesAJournalWithout()
    {
        QTemporaryDir dir;
        QVERIFY(makeWorld(dir.path()));
        const QString journal = dir.filePath(QStringLiteral("gateway.sqlite"));
        QVERIFY(makeLegacy(journal));
        const Expected<std::unique_ptr<Service>> opened = Service::open(optionsFor(dir.path()));
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(journal) && opened.error().contains(QLatin1String("different worlds")), qPrintable(opened.error()));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestWorldIdentity)
} // namespace tst_worldidentity
#include "tst_worldidentity.moc"
