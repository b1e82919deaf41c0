// Runs every scenario of tests/scenarios through the real topup-sim binary:
// valid ones must print exactly their .expected.json (compared as JSON, plus
// byte-identical between runs), invalid ones must exit 2 naming every path
// their .error file lists.
#include "testmain.h"
#include "programrun.h"

#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

namespace tst_scenarios {

class TestScenarios final : public QObject
{
    Q_OBJECT

private:
    using Run = topup::test::ProgramRun;

    static Run runSim(const QStringList &arguments, const QByteArray &input = {})
    {
        return topup::test::runProgram(QStringLiteral(TOPUP_SIM), arguments, input, QStringLiteral(TOPUP_SCENARIO_DIR));
    }

    static QStringList scenarioFiles(const char *suffix)
    {
        QStringList names;
        const QDir dir(QStringLiteral(TOPUP_SCENARIO_DIR));
        for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            if (file.endsWith(QLatin1String(".expected.json")))
                continue;
            const QString base = file.chopped(5);
            if (dir.exists(base + QLatin1String(suffix)))
                names << base;
        }
        return names;
    }

private slots:
    void validScenario_data()
    {
        QTest::addColumn<QString>("base");
        const QStringList names = scenarioFiles(".expected.json");
        QVERIFY2(names.size() >= 20, "the scenario folder should hold the examples and our own");
        for (const QString &base : names)
            QTest::newRow(qPrintable(base)) << base;
    }

    void validScenario()
    {
        QFETCH(QString, base);
        const Run first = runSim({QStringLiteral("run"), base + QLatin1String(".json")});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QVERIFY2(first.err.isEmpty(), first.err.constData());
        QFile expectedFile(QStringLiteral(TOPUP_SCENARIO_DIR "/") + base + QLatin1String(".expected.json"));
        QVERIFY(expectedFile.open(QIODevice::ReadOnly));
        const QJsonDocument expected = QJsonDocument::fromJson(expectedFile.readAll());
        QJsonParseError error;
        const QJsonDocument actual = QJsonDocument::fromJson(first.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        if (actual != expected) {
            qWarning().noquote() << "got:\n" << first.out;
            QFAIL("result differs from .expected.json");
        }
        const Run second = runSim({QStringLiteral("run"), base + QLatin1String(".json")});
        QCOMPARE(second.out, first.out);
    }

    void invalidScenario_data()
    {
        QTest::addColumn<QString>("base");
        const QStringList names = scenarioFiles(".error");
        QVERIFY(!names.isEmpty());
        for (const QString &base : names)
            QTest::newRow(qPrintable(base)) << base;
    }

    void invalidScenario()
    {
        QFETCH(QString, base);
        QFile errorFile(QStringLiteral(TOPUP_SCENARIO_DIR "/") + base + QLatin1String(".error"));
        QVERIFY(errorFile.open(QIODevice::ReadOnly));
        const QString spec = QString::fromUtf8(errorFile.readAll()).trimmed();
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("exit status (\\d+); standard error names (.+)$")).match(spec);
        QVERIFY2(match.hasMatch(), qPrintable(spec));
        const QString file = base + QLatin1String(".json");
        const Run run = runSim({QStringLiteral("run"), file});
        QCOMPARE(run.exitCode, match.captured(1).toInt());
        QVERIFY(run.out.isEmpty());
        const QString err = QString::fromUtf8(run.err);
        for (const QString &path : match.captured(2).split(QStringLiteral(", "))) {
            // The path itself, or a field inside it (`….threshold` is named by `….threshold.package`).
            const QRegularExpression named(QStringLiteral("^") + QRegularExpression::escape(file + QLatin1String(": ") + path.trimmed())
                                               + QStringLiteral("[.\\[]?[^ ]*: "),
                                           QRegularExpression::MultilineOption);
            QVERIFY2(named.match(err).hasMatch(), qPrintable(QStringLiteral("%1 not named in:\n%2").arg(path, err)));
        }
        for (const QString &line : err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(file + QLatin1String(": ")), qPrintable(line));
    }

    void keysComeInSpecOrder()
    {
        const Run run = runSim({QStringLiteral("run"), QStringLiteral("03_declined_fallback.json")});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> order = {"\"format\"", "\"attempts\"", "\"at\"", "\"line\"", "\"trigger\"", "\"key\"",
                                         "\"attempt\"", "\"method\"", "\"package\"", "\"amount\"", "\"status\"",
                                         "\"reason\"", "\"lines\"", "\"id\"", "\"data_bytes\"", "\"voice_seconds\"",
                                         "\"unserved_data_bytes\"", "\"unserved_voice_seconds\"",
                                         "\"threshold_state\"", "\"methods\"", "\"funds\"", "\"spend\"", "\"month\"",
                                         "\"auto\"", "\"manual\""};
        qsizetype at = 0;
        for (const QByteArray &key : order) {
            const qsizetype found = run.out.indexOf(key, at);
            QVERIFY2(found >= 0, key.constData());
            at = found;
        }
    }

    void readsStandardInput()
    {
        QFile file(QStringLiteral(TOPUP_SCENARIO_DIR "/01_threshold_basic.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Run fromStdin = runSim({QStringLiteral("run"), QStringLiteral("-")}, file.readAll());
        const Run fromFile = runSim({QStringLiteral("run"), QStringLiteral("01_threshold_basic.json")});
        QCOMPARE(fromStdin.exitCode, 0);
        QCOMPARE(fromStdin.out, fromFile.out);
    }

    void usageErrorsExit64_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("walk")};
        QTest::newRow("run without file") << QStringList{QStringLiteral("run")};
        QTest::newRow("run with two files") << QStringList{QStringLiteral("run"), QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")};
    }

    void usageErrorsExit64()
    {
        QFETCH(QStringList, arguments);
        const Run run = runSim(arguments);
        QCOMPARE(run.exitCode, 64);
        QVERIFY(!run.err.isEmpty());
    }

    void unreadableOrMalformedExit2_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing file") << QStringLiteral("no-such-file.json") << QByteArray() << QStringLiteral("cannot read");
        QTest::newRow("truncated") << QStringLiteral("-") << QByteArray("{\"format\": \"topup-scen") << QStringLiteral("line 1, column");
        QTest::newRow("not an object") << QStringLiteral("-") << QByteArray("[1, 2]") << QStringLiteral("JSON object");
        QTest::newRow("empty") << QStringLiteral("-") << QByteArray(" ") << QStringLiteral("malformed JSON");
    }

    void unreadableOrMalformedExit2()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, input);
        QFETCH(QString, mentions);
        const Run run = runSim({QStringLiteral("run"), file}, input);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).startsWith(file + QLatin1String(": ")), run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
    }

    void boundsAndOverflowExit2_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("mentions");
        const QByteArray head = R"({"format": "topup-scenario/1", "timezone": "UTC", "currency": "EUR", "packages": [], )";
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QByteArray()
                                   << QStringLiteral("/dev/zero: larger than 16 MiB, the limit for a scenario file");
        QTest::newRow("standard input over 16 MiB") << QStringLiteral("-") << QByteArray((16 << 20) + 1, ' ')
                                                    << QStringLiteral("-: larger than 16 MiB, the limit for a scenario file");
        QTest::newRow("usage every second from year 1 to 9999")
            << QStringLiteral("-")
            << head + R"("start": "0001-01-01T00:00:00Z", "end": "9999-12-31T23:59:59Z", "methods": [], "lines": [{"id": "L"}],
                        "generate": [{"line": "L", "profile": "light", "seed": 1, "every": "1s"}]})"
            << QStringLiteral("-: generate[0].every: makes 315537897600 usage events from start to end, more than the limit of 10000000");
        QByteArray deposits;
        for (int i = 0; i < 5; ++i)
            deposits += QByteArray(i ? "," : "") + R"({"at": "2027-01-01T00:00:00Z", "method": "pp", "deposit": "92233720368547758.00"})";
        QTest::newRow("five deposits of 92233720368547758.00")
            << QStringLiteral("-")
            << head + R"("start": "2027-01-01T00:00:00Z", "end": "2027-01-02T00:00:00Z", "lines": [],
                        "methods": [{"id": "pp", "kind": "paypal", "funds": "0"}], "events": [)" + deposits + "]}"
            << QStringLiteral(R"(-: events[1].deposit: funds of method "pp" would exceed the largest amount (92233720368547758.07))");
    }

    void boundsAndOverflowExit2()
    {
        // Never exit 134 (std::bad_alloc) nor run for hours: a clear refusal.
        QFETCH(QString, file);
        QFETCH(QByteArray, input);
        QFETCH(QString, mentions);
        const Run run = runSim({QStringLiteral("run"), file}, input);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).startsWith(mentions), run.err.constData());
    }

    void helpAndVersion()
    {
        const Run help = runSim({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("run SCENARIO.json"));
        const Run version = runSim({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("topup-sim "));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestScenarios)
} // namespace tst_scenarios
#include "tst_scenarios.moc"
