#include "testmain.h"
#include "sim/paymentgateway.h"

#include <QTest>

#include <optional>

namespace tst_gateway {

using namespace topup;

// SPEC §7.2 and the identity rule. Each row runs a small script against a
// gateway with two methods: `visa` (a card valid until 2027-02-01T00:00:00Z)
// and `pp` (a wallet). Script lines:
//   charge KEY ATTEMPT METHOD CENTS AT   → its answer is compared in order
//   deposit METHOD CENTS
//   fail METHOD REASON[,REASON...]
class TestGateway final : public QObject
{
    Q_OBJECT

private slots:
    void script_data();
    void script();
};

namespace {

const char *const expiresAt = "2027-02-01T00:00:00Z";
const char *const january = "2027-01-10T10:00:00Z";

QString charge(const char *key, int attempt, const char *method, qint64 cents, const char *at = january)
{
    return QStringLiteral("charge %1 %2 %3 %4 %5").arg(key).arg(attempt).arg(method).arg(cents).arg(at);
}

std::optional<Reason> reasonFrom(const QString &name)
{
    for (Reason reason : {Reason::Declined, Reason::GatewayError, Reason::InsufficientFunds}) {
        if (reasonName(reason) == name)
            return reason;
    }
    return std::nullopt;
}

} // namespace

void TestGateway::script_data()
{
    QTest::addColumn<qint64>("visaFunds");
    QTest::addColumn<qint64>("ppFunds");
    QTest::addColumn<QStringList>("script");
    QTest::addColumn<QStringList>("answers");
    QTest::addColumn<qint64>("visaAfter");
    QTest::addColumn<qint64>("ppAfter");
    QTest::addColumn<int>("identities");

    const QString ok = QStringLiteral("succeeded");
    QTest::newRow("success debits") << qint64(1000) << qint64(0) << QStringList{charge("L1/threshold/1", 1, "visa", 450)}
                                    << QStringList{ok} << qint64(550) << qint64(0) << 1;
    QTest::newRow("funds < price") << qint64(449) << qint64(0) << QStringList{charge("L1/threshold/1", 1, "visa", 450)}
                                   << QStringList{"insufficient_funds"} << qint64(449) << qint64(0) << 1;
    QTest::newRow("funds = price") << qint64(450) << qint64(0) << QStringList{charge("L1/threshold/1", 1, "visa", 450)}
                                   << QStringList{ok} << qint64(0) << qint64(0) << 1;
    QTest::newRow("wallet") << qint64(0) << qint64(2000) << QStringList{charge("L1/manual/1", 1, "pp", 450)}
                            << QStringList{ok} << qint64(0) << qint64(1550) << 1;

    // Card expiry: at and after expiresAt; one ms before is still valid.
    QTest::newRow("expired at expiresAt") << qint64(1000) << qint64(0) << QStringList{charge("K", 1, "visa", 450, expiresAt)}
                                          << QStringList{"card_expired"} << qint64(1000) << qint64(0) << 1;
    QTest::newRow("expired after") << qint64(1000) << qint64(0)
                                   << QStringList{charge("K", 1, "visa", 450, "2027-03-01T00:00:00Z")}
                                   << QStringList{"card_expired"} << qint64(1000) << qint64(0) << 1;
    QTest::newRow("1 ms before expiry") << qint64(1000) << qint64(0)
                                        << QStringList{charge("K", 1, "visa", 450, "2027-01-31T23:59:59.999Z")}
                                        << QStringList{ok} << qint64(550) << qint64(0) << 1;
    QTest::newRow("expired card keeps its faults")
        << qint64(1000) << qint64(0)
        << QStringList{"fail visa declined", charge("A", 1, "visa", 450, expiresAt), charge("B", 1, "visa", 450),
                       charge("C", 1, "visa", 450)}
        << QStringList{"card_expired", "declined", ok} << qint64(550) << qint64(0) << 3;
    QTest::newRow("expired beats insufficient funds") << qint64(0) << qint64(0)
                                                      << QStringList{charge("K", 1, "visa", 450, expiresAt)}
                                                      << QStringList{"card_expired"} << qint64(0) << qint64(0) << 1;

    // Faults: one per charge, in order, even with funds enough.
    QTest::newRow("faults in order")
        << qint64(0) << qint64(1000)
        << QStringList{"fail pp declined,gateway_error", "fail pp insufficient_funds", charge("K1", 1, "pp", 450),
                       charge("K2", 1, "pp", 450), charge("K3", 1, "pp", 450), charge("K4", 1, "pp", 450)}
        << QStringList{"declined", "gateway_error", "insufficient_funds", ok} << qint64(0) << qint64(550) << 4;
    QTest::newRow("faults belong to their method")
        << qint64(1000) << qint64(1000)
        << QStringList{"fail visa gateway_error", charge("K", 1, "pp", 450), charge("K", 1, "visa", 450)}
        << QStringList{ok, "gateway_error"} << qint64(1000) << qint64(550) << 2;
    QTest::newRow("fault before funds check") << qint64(0) << qint64(0)
                                              << QStringList{"fail visa declined", charge("K", 1, "visa", 450),
                                                             charge("K", 2, "visa", 450)}
                                              << QStringList{"declined", "insufficient_funds"} << qint64(0)
                                              << qint64(0) << 2;

    // A repeated identity gets the first answer and moves no money.
    QTest::newRow("repeat success") << qint64(1000) << qint64(0)
                                    << QStringList{charge("K", 1, "visa", 450), charge("K", 1, "visa", 450)}
                                    << QStringList{ok, ok} << qint64(550) << qint64(0) << 1;
    QTest::newRow("repeat with another price and time")
        << qint64(1000) << qint64(0)
        << QStringList{charge("K", 1, "visa", 450), charge("K", 1, "visa", 99999, "2027-06-01T00:00:00Z")}
        << QStringList{ok, ok} << qint64(550) << qint64(0) << 1;
    QTest::newRow("repeat failure after deposit")
        << qint64(400) << qint64(0)
        << QStringList{charge("K", 1, "visa", 450), "deposit visa 1000", charge("K", 1, "visa", 450),
                       charge("K", 2, "visa", 450)}
        << QStringList{"insufficient_funds", "insufficient_funds", ok} << qint64(950) << qint64(0) << 2;
    QTest::newRow("repeat leaves the fault queued")
        << qint64(1000) << qint64(0)
        << QStringList{charge("K", 1, "visa", 450), "fail visa declined", charge("K", 1, "visa", 450),
                       charge("K", 2, "visa", 450), charge("K", 3, "visa", 450)}
        << QStringList{ok, ok, "declined", ok} << qint64(100) << qint64(0) << 3;
    QTest::newRow("repeat of a fault answer") << qint64(1000) << qint64(0)
                                              << QStringList{"fail visa gateway_error", charge("K", 1, "visa", 450),
                                                             charge("K", 1, "visa", 450), charge("K", 2, "visa", 450)}
                                              << QStringList{"gateway_error", "gateway_error", ok} << qint64(550)
                                              << qint64(0) << 2;

    // Any part of the identity differing makes a new charge.
    QTest::newRow("other attempt") << qint64(1000) << qint64(0)
                                   << QStringList{charge("K", 1, "visa", 450), charge("K", 2, "visa", 450)}
                                   << QStringList{ok, ok} << qint64(100) << qint64(0) << 2;
    QTest::newRow("other method") << qint64(1000) << qint64(1000)
                                  << QStringList{charge("K", 1, "visa", 450), charge("K", 1, "pp", 450)}
                                  << QStringList{ok, ok} << qint64(550) << qint64(550) << 2;
    QTest::newRow("other chain key") << qint64(1000) << qint64(0)
                                     << QStringList{charge("L1/threshold/1", 1, "visa", 450),
                                                    charge("L1/threshold/2", 1, "visa", 450)}
                                     << QStringList{ok, ok} << qint64(100) << qint64(0) << 2;
    QTest::newRow("key and attempt do not run together")
        << qint64(0) << qint64(1000)
        << QStringList{charge("L1/manual/1", 11, "pp", 450), charge("L1/manual/11", 1, "pp", 450)}
        << QStringList{ok, ok} << qint64(0) << qint64(100) << 2;

    QTest::newRow("deposit adds funds") << qint64(0) << qint64(0)
                                        << QStringList{"deposit visa 500", "deposit visa 1", "deposit pp 3",
                                                       charge("K", 1, "visa", 450)}
                                        << QStringList{ok} << qint64(51) << qint64(3) << 1;
}

void TestGateway::script()
{
    QFETCH(qint64, visaFunds);
    QFETCH(qint64, ppFunds);
    QFETCH(QStringList, script);
    QFETCH(QStringList, answers);
    QFETCH(qint64, visaAfter);
    QFETCH(qint64, ppAfter);
    QFETCH(int, identities);

    PaymentGateway gateway;
    const Expected<Instant> expiry = Instant::parse(QString::fromLatin1(expiresAt));
    QVERIFY2(expiry.ok(), qPrintable(expiry.error()));
    const int visa = gateway.addMethod(QStringLiteral("visa"), Money::fromCents(visaFunds), *expiry);
    const int pp = gateway.addMethod(QStringLiteral("pp"), Money::fromCents(ppFunds), std::nullopt);
    QCOMPARE(gateway.methodCount(), 2);
    const auto indexOf = [&](const QString &id) { return id == QLatin1String("visa") ? visa : pp; };

    QStringList actual;
    for (const QString &line : script) {
        const QStringList word = line.split(QLatin1Char(' '));
        const qsizetype words = word.size();
        const QByteArray badLine = QStringLiteral("bad script line: %1").arg(line).toUtf8();
        if (word[0] == QLatin1String("charge")) {
            QVERIFY2(words == 6, badLine.constData());
            const Expected<Instant> at = Instant::parse(word[5]);
            QVERIFY2(at.ok(), qPrintable(at.error()));
            const ChargeIdentity identity{word[1], word[2].toInt(), word[3]};
            const ChargeAnswer answer =
                gateway.charge(identity, indexOf(word[3]), Money::fromCents(word[4].toLongLong()), *at);
            QCOMPARE(answer.reason.has_value(), !answer.succeeded);
            actual << (answer.reason ? reasonName(*answer.reason) : QStringLiteral("succeeded"));
        } else if (word[0] == QLatin1String("deposit")) {
            QVERIFY2(words == 3, badLine.constData());
            gateway.deposit(indexOf(word[1]), Money::fromCents(word[2].toLongLong()));
        } else if (word[0] == QLatin1String("fail")) {
            QVERIFY2(words == 3, badLine.constData());
            std::vector<Reason> reasons;
            for (const QString &name : word[2].split(QLatin1Char(','))) {
                const std::optional<Reason> reason = reasonFrom(name);
                QVERIFY2(reason, qPrintable(QStringLiteral("unknown reason %1 in: %2").arg(name, line)));
                reasons.push_back(*reason);
            }
            gateway.injectFaults(indexOf(word[1]), reasons);
        } else {
            QFAIL(qPrintable(QStringLiteral("bad script line: %1").arg(line)));
        }
    }
    QCOMPARE(actual, answers);
    QCOMPARE(gateway.funds(visa).cents(), visaAfter);
    QCOMPARE(gateway.funds(pp).cents(), ppAfter);
    QCOMPARE(int(gateway.identitiesSeen()), identities);
}

TOPUP_TEST_GUILESS_MAIN(TestGateway)
} // namespace tst_gateway
#include "tst_gateway.moc"
