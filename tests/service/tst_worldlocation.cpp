// Which world a program opens (issue 16): --data-dir or --database, else
// TOPUP_DATA_DIR or TOPUP_DATABASE; two kinds of world named at once are
// refused, never one quietly chosen.
#include "testmain.h"
#include "service/worldlocation.h"

#include <QTest>

namespace tst_worldlocation {

using namespace topup;

namespace {

QProcessEnvironment environmentWith(const QStringList &assignments)
{
    QProcessEnvironment environment;
    for (const QString &assignment : assignments)
        environment.insert(assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
    return environment;
}

} // namespace

class TestWorldLocation final : public QObject
{
    Q_OBJECT

private slots:
    void chooses_data()
    {
        QTest::addColumn<QString>("dataDir");        // "-": not given
        QTest::addColumn<QString>("database");       // "-": not given
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<bool>("onPostgres");
        QTest::addColumn<QString>("expectedDataDir");
        QTest::addColumn<QString>("source");
        const QString url = QStringLiteral("postgresql://alice@/world?host=/tmp/x");
        QTest::newRow("nothing: the default folder") << "-" << "-" << QStringList{} << false << "" << "";
        QTest::newRow("--data-dir") << "/w" << "-" << QStringList{} << false << "/w" << "";
        QTest::newRow("--data-dir beats TOPUP_DATABASE") << "/w" << "-" << QStringList{"TOPUP_DATABASE=" + url} << false << "/w" << "";
        QTest::newRow("--database") << "-" << url << QStringList{} << true << "" << "--database";
        QTest::newRow("--database beats TOPUP_DATA_DIR") << "-" << url << QStringList{"TOPUP_DATA_DIR=/w"} << true << "" << "--database";
        QTest::newRow("TOPUP_DATABASE") << "-" << "-" << QStringList{"TOPUP_DATABASE=" + url} << true << "" << "TOPUP_DATABASE";
        QTest::newRow("TOPUP_DATABASE, empty TOPUP_DATA_DIR")
            << "-" << "-" << QStringList{"TOPUP_DATABASE=" + url, "TOPUP_DATA_DIR="} << true << "" << "TOPUP_DATABASE";
        QTest::newRow("TOPUP_DATA_DIR: resolved later") << "-" << "-" << QStringList{"TOPUP_DATA_DIR=/w"} << false << "" << "";
    }

    void chooses()
    {
        QFETCH(QString, dataDir);
        QFETCH(QString, database);
        QFETCH(QStringList, environment);
        const auto given = [](const QString &value) { return value == QLatin1String("-") ? std::nullopt : std::optional<QString>(value); };
        const Expected<WorldLocation> location = WorldLocation::choose(given(dataDir), given(database), environmentWith(environment));
        QVERIFY2(location.ok(), qPrintable(location.error()));
        QTEST(location->onPostgres(), "onPostgres");
        QTEST(location->dataDir(), "expectedDataDir");
        QTEST(location->databaseSource(), "source");
        if (location->onPostgres()) {
            QCOMPARE(location->database()->database(), QStringLiteral("world"));
            QCOMPARE(location->database()->toString(), QStringLiteral("postgresql://alice@/world?host=/tmp/x"));
        } else {
            QVERIFY(!location->database());
        }
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("dataDir");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QString>("message");
        QTest::newRow("both options") << "/w" << "postgresql://h/world" << QStringList{} << "--data-dir and --database name two different worlds";
        QTest::newRow("both variables") << "-" << "-" << QStringList{"TOPUP_DATA_DIR=/w", "TOPUP_DATABASE=postgresql://h/world"}
                                        << "TOPUP_DATA_DIR and TOPUP_DATABASE are both set";
        QTest::newRow("a bad --database") << "-" << "postgresql://h" << QStringList{} << "--database: the database URL names no database";
        QTest::newRow("a password in TOPUP_DATABASE") << "-" << "-" << QStringList{"TOPUP_DATABASE=postgresql://a:Hunter2@h/world"}
                                                      << "TOPUP_DATABASE: the database URL holds a password";
        QTest::newRow("an empty TOPUP_DATABASE") << "-" << "-" << QStringList{"TOPUP_DATABASE="} << "TOPUP_DATABASE: the database URL is empty";
    }

    void refuses()
    {
        QFETCH(QString, dataDir);
        QFETCH(QString, database);
        QFETCH(QStringList, environment);
        QFETCH(QString, message);
        const auto given = [](const QString &value) { return value == QLatin1String("-") ? std::nullopt : std::optional<QString>(value); };
        const Expected<WorldLocation> location = WorldLocation::choose(given(dataDir), given(database), environmentWith(environment));
        QVERIFY(!location.ok());
        QVERIFY2(location.error().startsWith(message), qPrintable(location.error()));
        QVERIFY2(!location.error().contains(QStringLiteral("Hunter2")), qPrintable(location.error()));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestWorldLocation)
} // namespace tst_worldlocation
#include "tst_worldlocation.moc"
