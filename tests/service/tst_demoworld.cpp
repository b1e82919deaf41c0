// The demo world through the service: made the same, row for row, every
// time (seed 7), its lines named in the language of the day, and what it
// shows (a declined charge paid by the fallback, a budget block, an
// expiring card, 90 days of usage).
#include "testmain.h"
#include "service/demoworld.h"
#include "service/service.h"
#include "checked.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace tst_demoworld {

using namespace topup;
using namespace topup::test;

namespace {

// Every table of a store, row by row, as text.
QString dump(const QString &path)
{
    QString text;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("dump"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery tables(db);
        // The world's identity is random per folder (README), everything else is the same.
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'world_identity' ORDER BY name"));
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        for (const QString &name : names) {
            QSqlQuery rows(db);
            rows.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(name));
            while (rows.next()) {
                text += name;
                for (int i = 0; i < rows.record().count(); ++i)
                    text += QLatin1Char('|') + rows.value(i).toString();
                text += QLatin1Char('\n');
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("dump"));
    return text;
}

// The demo world (seed 7) made in a new service on `dir`, still open.
Expected<std::unique_ptr<Service>> demoService(const QString &dir)
{
    Service::Options options;
    const Expected<WorldLocation> location = test::worldLocationFor(dir);
    if (!location)
        return Expected<std::unique_ptr<Service>>::failure(location.error());
    options.location = *location;
    options.fixedNow = at("2027-06-20T10:00:00Z");
    options.tokens = DemoWorld::tokens(7);
    Expected<std::unique_ptr<Service>> service = Service::open(options);
    if (!service)
        return service;
    if (const Expected<void> created = DemoWorld::create(**service, 7); !created)
        return Expected<std::unique_ptr<Service>>::failure(created.error());
    return service;
}

} // namespace

class TestDemoWorld final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void demoLinesAreNamedInTheLanguageOfTheDay()
    {
        // The demo's lines are named in the language the app speaks when it
        // is made (looked up under DemoWorld), as a person names their own.
        class Bracketing final : public QTranslator
        {
        public:
            bool isEmpty() const override { return false; }
            QString translate(const char *context, const char *source, const char *, int) const override
            {
                return qstrcmp(context, "DemoWorld") == 0 ? QStringLiteral("«%1»").arg(QString::fromUtf8(source)) : QString();
            }
        } translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        QTemporaryDir dir;
        const Expected<std::unique_ptr<Service>> service = demoService(dir.path());
        QVERIFY2(service, qPrintable(service.error()));
        TOPUP_VERIFY_OK((*service)->signIn(QLatin1String(DemoWorld::login), QLatin1String(DemoWorld::password)));
        QStringList names;
        for (const LineRecord &line : TOPUP_VALUE((*service)->lines()))
            names << line.name + QLatin1Char('/') + line.region;
        names.sort();
        QCOMPARE(names, QStringList({QStringLiteral("«EU tablet»/«European Union»"), QStringLiteral("«Home phone»/«Germany»"),
                                     QStringLiteral("«Japan travel eSIM»/«Japan»")}));
    }

    void demoWorldIsTheSameEveryTime()
    {
        if (m_engine.engine() != Dialect::Engine::Sqlite)
            QSKIP("compares two worlds' files row by row; the demo is made by the same calls on either engine");
        QTemporaryDir first;
        QTemporaryDir second;
        for (const QTemporaryDir *dir : {&first, &second}) {
            const Expected<std::unique_ptr<Service>> service = demoService(dir->path());
            QVERIFY2(service, qPrintable(service.error()));
            QVERIFY(!DemoWorld::create(**service, 7)); // not twice
        }
        QCOMPARE(dump(first.filePath(QStringLiteral("topup.sqlite"))), dump(second.filePath(QStringLiteral("topup.sqlite"))));
        QCOMPARE(dump(first.filePath(QStringLiteral("gateway.sqlite"))), dump(second.filePath(QStringLiteral("gateway.sqlite"))));

        auto service = openService(first.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(service);
        TOPUP_VERIFY_OK(service->signIn(QLatin1String(DemoWorld::login), QLatin1String(DemoWorld::password)));
        QCOMPARE(TOPUP_VALUE(service->lines()).size(), std::size_t(3));
        QCOMPARE(TOPUP_VALUE(service->methods()).size(), std::size_t(3));
        const std::vector<AttemptRow> attempts = TOPUP_VALUE(service->attempts(100000));
        bool declinedThenPaid = false;
        bool blockedByBudget = false;
        for (const AttemptRow &attempt : attempts) {
            blockedByBudget = blockedByBudget || attempt.reason == Reason::BudgetCap;
            if (attempt.reason != Reason::Declined)
                continue;
            for (const AttemptRow &other : attempts)
                declinedThenPaid = declinedThenPaid || (other.key == attempt.key && other.attempt == attempt.attempt
                                                        && other.status == AttemptStatus::Succeeded && other.at == attempt.at);
        }
        QVERIFY(declinedThenPaid);
        QVERIFY(blockedByBudget);
        bool expiring = false;
        const Expected<std::vector<AlertRow>> alerts = service->alerts();
        QVERIFY2(alerts, qPrintable(alerts.error()));
        for (const AlertRow &alert : *alerts)
            expiring = expiring || alert.kind == AlertKind::CardExpiring;
        QVERIFY(expiring);
        QCOMPARE(TOPUP_VALUE(service->dailyUsage(TOPUP_FIRST(service->lines()).id, 90)).size(), std::size_t(90));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestDemoWorld)
} // namespace tst_demoworld
#include "tst_demoworld.moc"
