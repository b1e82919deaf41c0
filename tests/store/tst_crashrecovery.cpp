// Crash test: a child process runs a storm of top-ups and is killed with
// SIGKILL at a random moment, again and again on the same data folder. After
// every kill, a restart reconciles and the books must balance exactly: no
// identity charged twice, every charge the provider made is in the store
// with the same answer, funds + spend conserved, both files intact.
// TOPUP_CRASH_TRIALS sets the number of kills (default 50; README: 500).
#include "rules/zonedcalendar.h"
#include "service/service.h"
#include "service/chargerecorder.h"
#include "store/journalgateway.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/storeschema.h"
#include "stormworld.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace topup;

namespace {

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QString text(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0).toString();
}

// Provider accounts whose funds differ from opening + deposits - charges.
qint64 unbalancedProviderAccounts(const QString &journalPath)
{
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("books"));
        db.setDatabaseName(journalPath);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT count(*) FROM funding f WHERE f.funds_cents != f.opening_cents"
                                          " + coalesce((SELECT sum(amount_cents) FROM deposits d WHERE d.token = f.token), 0)"
                                          " - coalesce((SELECT sum(amount_cents) FROM charges c WHERE c.token = f.token AND c.succeeded = 1), 0)"))
                && query.next())
                count = query.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("books"));
    return count;
}

} // namespace

class TestCrashRecovery final : public QObject
{
    Q_OBJECT

private:
    // Opens the folder as a restarting app would, reconciles, and checks the books.
    void restartAndAudit(const QString &dir, int trial, qint64 &chargesSeen, qint64 &reconciledSeen)
    {
        auto directory = DataDirectory::claim(dir); // the killed child's lock is stale: taken over
        QVERIFY2(directory, qPrintable(directory.error()));
        auto store = Database::open((*directory)->storePath(), storeSchema());
        QVERIFY2(store, qPrintable(store.error()));
        auto journal = JournalGateway::open((*directory)->journalPath());
        QVERIFY2(journal, qPrintable(journal.error()));
        Database &db = **store;
        QVERIFY2(test::ensureStormWorld(db, **journal), "world set-up");
        ChargeRecorder recorder(db, **journal);
        const Expected<int> reconciled = recorder.reconcile();
        QVERIFY2(reconciled, qPrintable(reconciled.error()));

        QCOMPARE(text(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM charge_intents")), qint64(0));

        // The store and the journal agree charge by charge.
        const Expected<std::vector<JournalCharge>> charges = (*journal)->charges();
        QVERIFY(charges);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM attempts")), qint64(charges->size()));
        QSqlQuery find(db.connection());
        find.prepare(QStringLiteral("SELECT status, amount_cents FROM attempts WHERE chain_key = ? AND attempt = ? AND method_token = ?"));
        qint64 journalSpend = 0;
        for (const JournalCharge &charge : *charges) {
            find.addBindValue(charge.identity.chainKey);
            find.addBindValue(charge.identity.attempt);
            find.addBindValue(charge.identity.method);
            QVERIFY(find.exec());
            QVERIFY2(find.next(), qPrintable(QStringLiteral("trial %1: journal charge %2 missing from the store").arg(trial).arg(charge.identity.chainKey)));
            QCOMPARE(find.value(0).toString(), QLatin1String(charge.answer.succeeded ? "succeeded" : "failed"));
            QCOMPARE(find.value(1).toLongLong(), charge.amount.cents());
            if (charge.answer.succeeded)
                journalSpend += charge.amount.cents();
        }
        find.finish();
        QCOMPARE(scalar(db, QStringLiteral("SELECT coalesce(sum(amount_cents), 0) FROM attempts WHERE status = 'succeeded'")), journalSpend);

        // Every identity at most once, and every manual key used once per line.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM (SELECT chain_key FROM attempts GROUP BY chain_key HAVING count(*) > 1)")), qint64(0));

        // Money is conserved at the provider: opening + deposits - charges = funds.
        for (const QString &token : {QStringLiteral("tok-card"), QStringLiteral("tok-wallet")}) {
            qint64 charged = 0;
            for (const JournalCharge &charge : *charges) {
                if (charge.identity.method == token && charge.answer.succeeded)
                    charged += charge.amount.cents();
            }
            const Expected<Money> funds = (*journal)->fundsOf(token);
            QVERIFY(funds);
            const qint64 opening = token == QLatin1String("tok-card") ? 5'000'000 : 20'000;
            QCOMPARE(funds->cents(), opening - charged);
        }

        // Every package paid for is on its line, exactly once.
        for (int line = 1; line <= 2; ++line) {
            const qint64 bought = scalar(db, QStringLiteral("SELECT coalesce(sum(p.data_bytes), 0) FROM attempts a JOIN packages p"
                                                            " ON p.id = a.package_id WHERE a.status = 'succeeded' AND a.line_id = %1").arg(line));
            QCOMPARE(scalar(db, QStringLiteral("SELECT data_bytes FROM lines WHERE id = %1").arg(line)), test::stormLineData + bought);
        }
        chargesSeen = qint64(charges->size());
        reconciledSeen = scalar(db, QStringLiteral("SELECT count(*) FROM attempts WHERE reconciled = 1"));
    }

private slots:
    void killedAtRandomPointsLosesNothingAndChargesNothingTwice()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const int trials = qEnvironmentVariableIsSet("TOPUP_CRASH_TRIALS") ? qEnvironmentVariableIntValue("TOPUP_CRASH_TRIALS") : 50;
        qint64 charges = 0;
        qint64 reconciled = 0;
        for (int trial = 0; trial < trials; ++trial) {
            QProcess child;
            child.start(QStringLiteral(TOPUP_CRASH_STORM), {dir.path(), QString::number(trial + 1)});
            QVERIFY2(child.waitForReadyRead(20000), qPrintable(QString::fromLocal8Bit(child.readAllStandardError())));
            QThread::usleep(QRandomGenerator::global()->bounded(1000, 60000));
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(20000));
            restartAndAudit(dir.path(), trial, charges, reconciled);
            if (QTest::currentTestFailed())
                return;
        }
        // How many kills fell between a charge and its write-down (the case
        // reconciling exists for): reported, since a kill's timing is chance.
        QVERIFY2(charges >= trials, "the children should have charged something before they were killed");
        qInfo("%d kills, %lld charges audited, %lld written down by reconciling", trials, charges, reconciled);
    }

    void killedDuringCatchUpChargesNothingTwice()
    {
        // The engine's own charges: a child advances the world half a day at a
        // time and is killed at random, mid-day included. After each restart
        // the provider's journal and the store agree charge by charge, the
        // provider's books balance, and the world goes on.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const int trials = qEnvironmentVariableIsSet("TOPUP_CRASH_TRIALS") ? qEnvironmentVariableIntValue("TOPUP_CRASH_TRIALS") / 2 : 25;
        qint64 charges = 0;
        for (int trial = 0; trial < trials; ++trial) {
            QProcess child;
            child.start(QStringLiteral(TOPUP_CRASH_STORM), {dir.path(), QStringLiteral("0"), QStringLiteral("catchup")});
            QVERIFY2(child.waitForReadyRead(20000), qPrintable(QString::fromLocal8Bit(child.readAllStandardError())));
            QThread::usleep(QRandomGenerator::global()->bounded(1000, 150000));
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(20000));

            Service::Options options;
            options.dataDir = dir.path();
            options.passwordIterations = 1000;
            options.fixedNow = *Instant::parse(u"2027-01-01T00:00:00Z");
            auto service = Service::open(options); // reconciles
            QVERIFY2(service, qPrintable(service.error()));
            {
                auto store = Database::open(dir.filePath(QStringLiteral("topup.sqlite")), storeSchema());
                auto journal = JournalGateway::open(dir.filePath(QStringLiteral("gateway.sqlite")));
                QVERIFY(store && journal);
                Database &db = **store;
                QCOMPARE(text(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
                QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM charge_intents")), qint64(0));
                const Expected<std::vector<JournalCharge>> journalCharges = (*journal)->charges();
                QVERIFY(journalCharges);
                QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM attempts WHERE method_token IS NOT NULL")),
                         qint64(journalCharges->size()));
                qint64 spent = 0;
                for (const JournalCharge &charge : *journalCharges)
                    spent += charge.answer.succeeded ? charge.amount.cents() : 0;
                QCOMPARE(scalar(db, QStringLiteral("SELECT coalesce(sum(amount_cents), 0) FROM attempts WHERE status = 'succeeded'")), spent);
                charges = qint64(journalCharges->size());
            }
            QCOMPARE(unbalancedProviderAccounts(dir.filePath(QStringLiteral("gateway.sqlite"))), qint64(0));
            QVERIFY((*service)->signIn(QStringLiteral("storm@topup.example"), QStringLiteral("storm-password-1")));
            QVERIFY((*service)->advanceBy(3600 * 1000)); // the world goes on
        }
        QVERIFY2(charges > 0, "the children should have charged something");
        qInfo("%d kills during catch-up, %lld charges audited", trials, charges);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
