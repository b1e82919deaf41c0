// `topup-sim advise` through the real binary: the ranking of a hand-worked
// scenario (tests/advice/steady_line.json, worked out in tst_advisor's
// steadyLineIsAdvisedAMonthlyDay), the same bytes every time, and every wrong
// usage refused with 64 and a message naming it.
#include "testmain.h"
#include "programrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace tst_advisecommand {

using topup::test::ProgramRun;

namespace {

const QString steady = QStringLiteral("steady_line.json");

ProgramRun sim(const QStringList &arguments, const QByteArray &input = {})
{
    return topup::test::runProgram(QStringLiteral(TOPUP_SIM), arguments, input, QStringLiteral(TOPUP_ADVICE_DIR));
}

QByteArray fileBytes(const QString &name)
{
    QFile file(QStringLiteral(TOPUP_ADVICE_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestAdviseCommand final : public QObject
{
    Q_OBJECT

private slots:
    void steadyLine()
    {
        const ProgramRun run = sim({QStringLiteral("advise"), steady, QStringLiteral("--line"), QStringLiteral("phone")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QJsonParseError error;
        const QJsonObject advice = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(advice.value(QLatin1String("format")).toString(), QStringLiteral("topup-advice/1"));
        QCOMPARE(advice.value(QLatin1String("line")).toString(), QStringLiteral("phone"));
        QCOMPARE(advice.value(QLatin1String("days")).toInt(), 90);
        QCOMPARE(advice.value(QLatin1String("from")).toString(), QStringLiteral("2027-01-01T00:00:00Z"));
        QCOMPARE(advice.value(QLatin1String("to")).toString(), QStringLiteral("2027-03-31T23:59:59Z"));
        QCOMPARE(advice.value(QLatin1String("usage")).toObject().value(QLatin1String("data_bytes")).toDouble(), 14'850'000'000.0);
        QCOMPARE(advice.value(QLatin1String("usage")).toObject().value(QLatin1String("hours_with_usage")).toInt(), 90);
        QCOMPARE(advice.value(QLatin1String("start")).toObject().value(QLatin1String("data_bytes")).toDouble(), 200'000'000.0);
        QVERIFY(advice.value(QLatin1String("keeps_line_served")).toBool());
        // 4 thresholds × 2 packages, 2 packages × 29 days, and every pair.
        QCOMPARE(advice.value(QLatin1String("candidates")).toInt(), 8 + 58 + 8 * 58);

        const QJsonArray ranking = advice.value(QLatin1String("ranking")).toArray();
        QCOMPARE(ranking.size(), 10);
        const QJsonObject best = ranking.at(0).toObject();
        QCOMPARE(best.value(QLatin1String("rank")).toInt(), 1);
        const QJsonObject policy = best.value(QLatin1String("policy")).toObject();
        QCOMPARE(policy, QJsonDocument::fromJson(R"({"enabled": true, "method": "card",
                                                      "monthly": {"day": 1, "time": "09:00", "package": "5GB"}})").object());
        QCOMPARE(best.value(QLatin1String("cost")).toString(), QStringLiteral("45.00"));
        QCOMPARE(best.value(QLatin1String("top_ups")).toInt(), 3);
        QCOMPARE(best.value(QLatin1String("hours_without_service")).toInt(), 0);
        QCOMPARE(best.value(QLatin1String("largest_month_spend")).toString(), QStringLiteral("15.00"));
        QCOMPARE(best.value(QLatin1String("blocked_by")).toArray(), QJsonArray());
        for (int i = 1; i < ranking.size(); ++i)
            QCOMPARE(ranking.at(i).toObject().value(QLatin1String("rank")).toInt(), i + 1);

        // The current rules (below 100 MB buy 1 GB) run short once: 105 MB
        // for a day's 165 MB (see tst_advisor's currentRulesAreReplayedToo).
        const QJsonObject current = advice.value(QLatin1String("current")).toObject();
        QCOMPARE(current.value(QLatin1String("hours_without_data")).toInt(), 1);
        QCOMPARE(current.value(QLatin1String("unserved_data_bytes")).toInt(), 60'000'000);
        QCOMPARE(current.value(QLatin1String("cost")).toString(), QStringLiteral("75.00"));
    }

    void sameBytesEveryTime()
    {
        const QStringList arguments{QStringLiteral("advise"), steady, QStringLiteral("--line"), QStringLiteral("phone"),
                                    QStringLiteral("--days"), QStringLiteral("60"), QStringLiteral("--top"), QStringLiteral("25")};
        const ProgramRun first = sim(arguments);
        const ProgramRun second = sim(arguments);
        QCOMPARE(first.exitCode, 0);
        QVERIFY(first.out.size() > 1000);
        QCOMPARE(first.out, second.out);
        // Standard input gives the same bytes; the options in another order too.
        const ProgramRun piped = sim({QStringLiteral("--top"), QStringLiteral("25"), QStringLiteral("advise"), QStringLiteral("-"),
                                      QStringLiteral("--days"), QStringLiteral("60"), QStringLiteral("--line"), QStringLiteral("phone")},
                                     fileBytes(steady));
        QCOMPARE(piped.exitCode, 0);
        QCOMPARE(piped.out, first.out);
        const QJsonObject advice = QJsonDocument::fromJson(first.out).object();
        QCOMPARE(advice.value(QLatin1String("from")).toString(), QStringLiteral("2027-01-31T00:00:00Z"));
        QCOMPARE(advice.value(QLatin1String("ranking")).toArray().size(), 25);
    }

    void capThatKeepsEveryCandidateShort()
    {
        // The steady line with a monthly cap of 10.00: a 5 GB package (15.00)
        // is always blocked, so at most two 1 GB packages a month. From
        // 200 MB that is 6 200 MB for the 14 850 MB asked: 37 days of 165 MB
        // at most, so 90 − 37 = 53 hours short at the least. A threshold at
        // or above a day's 165 MB reaches it: January 2 200 MB serve 13 days
        // (short Jan 14–31: 18 h), February's 2 000 MB 12 days (short Feb
        // 13–28: 16 h), March's 12 days (short Mar 13–31: 19 h); 6 top-ups,
        // 30.00, 10.00 a month, and the cap blocks each month's third try.
        QByteArray bytes = fileBytes(steady);
        bytes.replace("\"package\": \"1GB\"}, \"method\": \"card\"}",
                      "\"package\": \"1GB\"}, \"method\": \"card\", \"monthly_cap\": \"10.00\"}");
        QVERIFY(bytes.contains("\"monthly_cap\": \"10.00\""));
        const ProgramRun run = sim({QStringLiteral("advise"), QStringLiteral("-"), QStringLiteral("--line"), QStringLiteral("phone"),
                                    QStringLiteral("--top"), QStringLiteral("600")},
                                   bytes);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject advice = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(advice.value(QLatin1String("keeps_line_served")).toBool(true), false);
        const QJsonArray ranking = advice.value(QLatin1String("ranking")).toArray();
        QCOMPARE(ranking.size(), advice.value(QLatin1String("candidates")).toInt());
        const QJsonObject best = ranking.at(0).toObject();
        QCOMPARE(best.value(QLatin1String("hours_without_service")).toInt(), 53);
        QCOMPARE(best.value(QLatin1String("unserved_data_bytes")).toDouble(), (14'850 - 6'200) * 1e6);
        QCOMPARE(best.value(QLatin1String("cost")).toString(), QStringLiteral("30.00"));
        QCOMPARE(best.value(QLatin1String("top_ups")).toInt(), 6);
        QCOMPARE(best.value(QLatin1String("largest_month_spend")).toString(), QStringLiteral("10.00"));
        QVERIFY(best.value(QLatin1String("blocked_attempts")).toInt() >= 3);
        QCOMPARE(best.value(QLatin1String("blocked_by")).toArray(), QJsonArray{QStringLiteral("budget_cap")});
        QCOMPARE(best.value(QLatin1String("policy")).toObject().value(QLatin1String("monthly_cap")).toString(), QStringLiteral("10.00"));

        // Blocked candidates are listed, not left out: every monthly 5 GB
        // alone is blocked each month and buys nothing (90 − 1 = 89 hours
        // short: the 200 MB serve the first day).
        int blockedFiveMonthly = 0;
        int previousHours = 0;
        for (const QJsonValue &value : ranking) {
            const QJsonObject candidate = value.toObject();
            const int hours = candidate.value(QLatin1String("hours_without_service")).toInt();
            QVERIFY(hours >= previousHours);
            previousHours = hours;
            const QJsonObject policy = candidate.value(QLatin1String("policy")).toObject();
            if (policy.contains(QLatin1String("threshold"))
                || policy.value(QLatin1String("monthly")).toObject().value(QLatin1String("package")).toString() != QLatin1String("5GB"))
                continue;
            ++blockedFiveMonthly;
            QCOMPARE(candidate.value(QLatin1String("top_ups")).toInt(), 0);
            QCOMPARE(candidate.value(QLatin1String("blocked_attempts")).toInt(), 3);
            QCOMPARE(candidate.value(QLatin1String("blocked_by")).toArray(), QJsonArray{QStringLiteral("budget_cap")});
            QCOMPARE(hours, 89);
        }
        QCOMPARE(blockedFiveMonthly, 29);
    }

    void wrongUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString advise = QStringLiteral("advise");
        const QString line = QStringLiteral("--line");
        const QString phone = QStringLiteral("phone");
        QTest::newRow("no file") << QStringList{advise, line, phone} << "exactly one scenario file";
        QTest::newRow("two files") << QStringList{advise, steady, steady, line, phone} << "exactly one scenario file";
        QTest::newRow("no --line") << QStringList{advise, steady} << "needs --line";
        QTest::newRow("empty --line") << QStringList{advise, steady, line, QString()} << "got an empty one";
        QTest::newRow("--line twice") << QStringList{advise, steady, line, phone, line, phone} << "--line is given 2 times";
        QTest::newRow("unknown line") << QStringList{advise, steady, line, QStringLiteral("watch")} << "no such line (its lines: phone)";
        QTest::newRow("--line without value") << QStringList{advise, steady, line} << "Missing value after '--line'";
        for (const char *days : {"", "0", "367", "-5", "+5", " 5", "05", "5.0", "thirty", "99999999999"})
            QTest::newRow(qPrintable(QStringLiteral("--days '%1'").arg(QLatin1String(days))))
                << QStringList{advise, steady, line, phone, QStringLiteral("--days"), QLatin1String(days)}
                << QStringLiteral("--days takes a whole number of days from 1 to 366 (got \"%1\")").arg(QLatin1String(days));
        QTest::newRow("--days twice") << QStringList{advise, steady, line, phone, QStringLiteral("--days"), QStringLiteral("30"),
                                                     QStringLiteral("--days"), QStringLiteral("30")}
                                      << "--days is given 2 times";
        for (const char *top : {"", "0", "-1", "1000001"})
            QTest::newRow(qPrintable(QStringLiteral("--top '%1'").arg(QLatin1String(top))))
                << QStringList{advise, steady, line, phone, QStringLiteral("--top"), QLatin1String(top)}
                << QStringLiteral("--top takes a whole number from 1 to 1000000 (got \"%1\")").arg(QLatin1String(top));
        QTest::newRow("--line with run") << QStringList{QStringLiteral("run"), steady, line, phone} << "--line is an option of advise only";
        QTest::newRow("--days with status") << QStringList{QStringLiteral("status"), QStringLiteral("--days"), QStringLiteral("3")}
                                            << "--days is an option of advise only";
        QTest::newRow("--now with advise") << QStringList{advise, steady, line, phone, QStringLiteral("--now"), QStringLiteral("2027-01-01T00:00:00Z")}
                                           << "advise reads a scenario file and takes no --now";
        QTest::newRow("--demo with advise") << QStringList{advise, steady, line, phone, QStringLiteral("--demo")}
                                            << "takes no --demo";
    }

    void wrongUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const ProgramRun run = sim(arguments);
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
    }

    void invalidScenarioAsRunSaysIt()
    {
        // The same lines on standard error as `run`, and the same exit status.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray broken = fileBytes(steady);
        broken.replace("\"below\": \"100MB\"", "\"below\": \"0MB\"");
        broken.replace("\"expires\": \"2030-12\"", "\"expires\": \"2030-13\"");
        QFile file(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(broken) == broken.size());
        file.close();
        const ProgramRun advise = sim({QStringLiteral("advise"), file.fileName(), QStringLiteral("--line"), QStringLiteral("phone")});
        const ProgramRun run = sim({QStringLiteral("run"), file.fileName()});
        QCOMPARE(advise.exitCode, 2);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(advise.err, run.err);
        QCOMPARE(advise.err.count('\n'), 2);
        QVERIFY(advise.out.isEmpty());

        // Valid, but its run stops: an amount would leave int64.
        QByteArray overflowing = fileBytes(steady);
        overflowing.replace("{\"at\": \"2027-03-01T12:00:00Z\", \"line\": \"phone\", \"use\": {\"data\": \"165MB\"}}",
                            "{\"at\": \"2027-03-01T12:00:00Z\", \"line\": \"phone\", \"use\": {\"data\": \"9000000TB\"}},"
                            "{\"at\": \"2027-03-01T12:30:00Z\", \"line\": \"phone\", \"use\": {\"data\": \"9000000TB\"}}");
        QVERIFY(overflowing.contains("9000000TB"));
        const ProgramRun adviseStopped = sim({QStringLiteral("advise"), QStringLiteral("-"), QStringLiteral("--line"), QStringLiteral("phone")}, overflowing);
        const ProgramRun runStopped = sim({QStringLiteral("run"), QStringLiteral("-")}, overflowing);
        QCOMPARE(adviseStopped.exitCode, 2);
        QCOMPARE(runStopped.exitCode, 2);
        QVERIFY2(adviseStopped.err.contains("would exceed the largest amount"), adviseStopped.err.constData());
        QCOMPARE(adviseStopped.err, runStopped.err);
        QVERIFY(adviseStopped.out.isEmpty());

        const ProgramRun missing = sim({QStringLiteral("advise"), QStringLiteral("no-such.json"), QStringLiteral("--line"), QStringLiteral("phone")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.startsWith("no-such.json: cannot read"), missing.err.constData());
    }

    void lineWithoutAMethod()
    {
        // Valid, but the line's rules were switched off without a method: the
        // advisor has nothing to pay with, and says so (exit 2).
        QByteArray bytes = fileBytes(steady);
        bytes.replace("\"policy\": {\"threshold\": {\"resource\": \"data\", \"below\": \"100MB\", \"package\": \"1GB\"}, \"method\": \"card\"}",
                      "\"policy\": {\"enabled\": false}");
        QVERIFY(bytes.contains("\"enabled\": false"));
        const ProgramRun run = sim({QStringLiteral("advise"), QStringLiteral("-"), QStringLiteral("--line"), QStringLiteral("phone")}, bytes);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("-: line \"phone\": the line's rules name no payment method"), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }
};

TOPUP_TEST_GUILESS_MAIN(TestAdviseCommand)
} // namespace tst_advisecommand
#include "tst_advisecommand.moc"
