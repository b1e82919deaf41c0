// Crash test: a child process runs a storm of top-ups and is killed with
// SIGKILL once it says on stdout that it has started charging, after a delay
// drawn from a generator seeded per trial (the same delays every run), again
// and again on the same data folder. After
// every kill, a restart reconciles and the books must balance exactly: no
// identity charged twice, every charge the provider made is in the store
// with the same answer, funds + spend conserved, both files intact.
// TOPUP_CRASH_TRIALS sets the number of kills (default 50; docs/exactly-once.md: 500).
// A group of charges sharing their commits (ChargeGroup) is killed at each
// stage of its commit on purpose: the child kills itself there.
#include "testmain.h"
#include "rules/zonedcalendar.h"
#include "service/service.h"
#include "service/chargerecorder.h"
#include "store/journalgateway.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/storeschema.h"
#include "storefixture.h"
#include "stormworld.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

namespace tst_crashrecovery {

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

// The longest a child may take to say it has started (start-up, reconciling,
// the first charge): a bound for a hung child, far above any loaded machine.
constexpr int childStartBoundMs = 120'000;

// A kill delay after the child said it started, from a generator seeded by
// the test and the trial: the same delays on every run.
unsigned long killDelayUs(quint32 test, int trial, int maxUs)
{
    QRandomGenerator delays(test * 1000u + quint32(trial));
    return static_cast<unsigned long>(delays.bounded(0, maxUs));
}

} // namespace

class TestCrashRecovery final : public QObject
{
    Q_OBJECT

private:
    // Waits until the child says `word` on a line of its stdout. Fails only,
    // with what the child said, if it exits first or stays silent for
    // childStartBoundMs.
    static void waitForWord(QProcess &child, const QByteArray &word, int trial)
    {
        QVERIFY2(child.waitForStarted(childStartBoundMs), qPrintable(child.errorString()));
        QByteArray said;
        const QDeadlineTimer deadline(childStartBoundMs);
        while (!said.split('\n').contains(word)) {
            const bool running = child.state() == QProcess::Running;
            QVERIFY2(running && !deadline.hasExpired(),
                     qPrintable(QStringLiteral("trial %1: the child did not say \"%2\" (%3); stdout: %4; stderr: %5")
                                    .arg(trial)
                                    .arg(QString::fromLatin1(word), running ? QStringLiteral("silent for %1 s").arg(childStartBoundMs / 1000)
                                                                                   : QStringLiteral("it exited with %1").arg(child.exitCode()),
                                         QString::fromLocal8Bit(said), QString::fromLocal8Bit(child.readAllStandardError()))));
            child.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            said += child.readAllStandardOutput();
        }
    }

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
        const Expected<void> world = test::ensureStormWorld(db, **journal);
        QVERIFY2(world, qPrintable(world.error()));
        ChargeRecorder recorder(db, **journal);
        const Expected<int> reconciled = recorder.reconcile();
        QVERIFY2(reconciled, qPrintable(reconciled.error()));

        QCOMPARE(text(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM charge_intents")), qint64(0));

        // The store and the journal agree charge by charge.
        const Expected<std::vector<JournalCharge>> charges = (*journal)->charges();
        QVERIFY2(charges, qPrintable(charges.error()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM attempts")), qint64(charges->size()));
        const Expected<qint64> journalSpend = test::journalChargesInStore(db.connection(), *charges);
        QVERIFY2(journalSpend, qPrintable(QStringLiteral("trial %1: %2").arg(trial).arg(journalSpend.error())));
        QCOMPARE(scalar(db, QStringLiteral("SELECT coalesce(sum(amount_cents), 0) FROM attempts WHERE status = 'succeeded'")), *journalSpend);

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
            QVERIFY2(funds, qPrintable(funds.error()));
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
            waitForWord(child, "charging", trial);
            if (QTest::currentTestFailed())
                return;
            QThread::usleep(killDelayUs(1, trial, 60'000));
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY2(child.waitForFinished(childStartBoundMs), "the killed child did not end");
            const qint64 chargesBefore = charges;
            restartAndAudit(dir.path(), trial, charges, reconciled);
            if (QTest::currentTestFailed())
                return;
            // The child said it had charged before it was killed: that charge is kept.
            QVERIFY2(charges > chargesBefore,
                     qPrintable(QStringLiteral("trial %1: the child charged, yet the journal has no new charge (%2 before, %3 after)")
                                    .arg(trial).arg(chargesBefore).arg(charges)));
        }
        // How many kills fell between a charge and its write-down (the case
        // reconciling exists for): reported, since a kill's timing is chance.
        qInfo("%d kills, %lld charges audited, %lld written down by reconciling", trials, charges, reconciled);
    }

    void killedInsideAGroupOfChargesChargesNothingTwice_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::newRow("after the intents, before the journal commits") << QStringLiteral("intents");
        QTest::newRow("after the journal, before the write-downs") << QStringLiteral("journal");
    }

    // The charges of one instant share their commits. A child whose lines
    // all top up at the same instant kills itself once a group of several
    // charges has passed a stage of its commit. After the restart the
    // journal and the store agree charge by charge and the books balance:
    // killed after the journal's commit, every charge of the group is
    // written down by reconciling; before it, the journal has none of them
    // and the world, going on, charges each once.
    void killedInsideAGroupOfChargesChargesNothingTwice()
    {
        QFETCH(QString, stage);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess child;
        child.start(QStringLiteral(TOPUP_CRASH_STORM), {dir.path(), QStringLiteral("0"), QStringLiteral("group"), stage});
        QVERIFY2(child.waitForFinished(childStartBoundMs), "the child did not end");
        const QString said = QString::fromLocal8Bit(child.readAllStandardOutput());
        QVERIFY2(child.exitStatus() == QProcess::CrashExit,
                 qPrintable(QStringLiteral("the child was not killed (exit %1): %2 %3")
                                .arg(child.exitCode())
                                .arg(said, QString::fromLocal8Bit(child.readAllStandardError()))));
        const QRegularExpressionMatch killed =
            QRegularExpression(QStringLiteral("killed at (\\w+) with (\\d+) charges")).match(said);
        QVERIFY2(killed.hasMatch(), qPrintable(said));
        QCOMPARE(killed.captured(1), stage);
        const qint64 groupSize = killed.captured(2).toLongLong();
        QVERIFY(groupSize >= 2);

        // Audits the folder: returns the charges the journal holds.
        const auto audit = [&](qint64 &journalCount, qint64 &reconciledCount) {
            auto store = Database::open(dir.filePath(QStringLiteral("topup.sqlite")), storeSchema());
            QVERIFY2(store, qPrintable(store.error()));
            auto journal = JournalGateway::open(dir.filePath(QStringLiteral("gateway.sqlite")));
            QVERIFY2(journal, qPrintable(journal.error()));
            Database &db = **store;
            QCOMPARE(text(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM charge_intents")), qint64(0));
            const Expected<std::vector<JournalCharge>> charges = (*journal)->charges();
            QVERIFY2(charges, qPrintable(charges.error()));
            QSqlQuery find(db.connection());
            find.prepare(QStringLiteral("SELECT status, amount_cents FROM attempts WHERE chain_key = ? AND attempt = ? AND method_token = ?"));
            qint64 spent = 0;
            for (const JournalCharge &charge : *charges) {
                find.addBindValue(charge.identity.chainKey);
                find.addBindValue(charge.identity.attempt);
                find.addBindValue(charge.identity.method);
                QVERIFY2(find.exec(), qPrintable(find.lastError().text()));
                QVERIFY2(find.next(), qPrintable(QStringLiteral("journal charge %1 missing from the store").arg(charge.identity.chainKey)));
                QCOMPARE(find.value(0).toString(), QLatin1String(charge.answer.succeeded ? "succeeded" : "failed"));
                QCOMPARE(find.value(1).toLongLong(), charge.amount.cents());
                QVERIFY2(!find.next(), qPrintable(QStringLiteral("charge %1 written down twice").arg(charge.identity.chainKey)));
                spent += charge.answer.succeeded ? charge.amount.cents() : 0;
            }
            find.finish();
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM attempts WHERE method_token IS NOT NULL")), qint64(charges->size()));
            QCOMPARE(scalar(db, QStringLiteral("SELECT coalesce(sum(amount_cents), 0) FROM attempts WHERE status = 'succeeded'")), spent);
            journalCount = qint64(charges->size());
            reconciledCount = scalar(db, QStringLiteral("SELECT count(*) FROM attempts WHERE reconciled = 1"));
        };

        auto service = test::openTestService(dir.path(), test::stormNow()); // reconciles
        QVERIFY2(service, qPrintable(service.error()));
        qint64 journalCharges = 0;
        qint64 reconciled = 0;
        audit(journalCharges, reconciled);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(unbalancedProviderAccounts(dir.filePath(QStringLiteral("gateway.sqlite"))), qint64(0));
        // After the journal's commit: the whole group written down from it.
        // Before: none of it charged, so nothing to write down.
        QCOMPARE(reconciled, stage == QLatin1String("journal") ? groupSize : qint64(0));

        // The world goes on over the group's instant again: each charge once.
        const auto signedIn = (*service)->signIn(QStringLiteral("storm@topup.example"), QStringLiteral("storm-password-1"));
        QVERIFY2(signedIn, qPrintable(signedIn.error()));
        const auto advanced = (*service)->advanceBy(10LL * 24 * 3600 * 1000); // past the last weekly save and the group
        QVERIFY2(advanced, qPrintable(advanced.error()));
        qint64 journalAfter = 0;
        audit(journalAfter, reconciled);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(unbalancedProviderAccounts(dir.filePath(QStringLiteral("gateway.sqlite"))), qint64(0));
        QVERIFY2(journalAfter >= journalCharges + (stage == QLatin1String("intents") ? groupSize : 0),
                 qPrintable(QStringLiteral("%1 charges before going on, %2 after").arg(journalCharges).arg(journalAfter)));
    }

    void killedDuringCatchUpChargesNothingTwice()
    {
        // The engine's own charges: a child advances the world half a day at a
        // time and, once it says the first half day is saved, is killed after
        // a seeded delay, mid-day included. After each restart
        // the provider's journal and the store agree charge by charge, the
        // provider's books balance, and the world goes on.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const int trials = qEnvironmentVariableIsSet("TOPUP_CRASH_TRIALS") ? qEnvironmentVariableIntValue("TOPUP_CRASH_TRIALS") / 2 : 25;
        qint64 charges = 0;
        for (int trial = 0; trial < trials; ++trial) {
            QProcess child;
            child.start(QStringLiteral(TOPUP_CRASH_STORM), {dir.path(), QStringLiteral("0"), QStringLiteral("catchup")});
            waitForWord(child, "advancing", trial);
            if (QTest::currentTestFailed())
                return;
            QThread::usleep(killDelayUs(2, trial, 150'000));
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY2(child.waitForFinished(childStartBoundMs), "the killed child did not end");

            auto service = test::openTestService(dir.path(), test::stormNow()); // reconciles
            QVERIFY2(service, qPrintable(service.error()));
            {
                auto store = Database::open(dir.filePath(QStringLiteral("topup.sqlite")), storeSchema());
                QVERIFY2(store, qPrintable(store.error()));
                auto journal = JournalGateway::open(dir.filePath(QStringLiteral("gateway.sqlite")));
                QVERIFY2(journal, qPrintable(journal.error()));
                Database &db = **store;
                QCOMPARE(text(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
                QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM charge_intents")), qint64(0));
                const Expected<std::vector<JournalCharge>> journalCharges = (*journal)->charges();
                QVERIFY2(journalCharges, qPrintable(journalCharges.error()));
                QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM attempts WHERE method_token IS NOT NULL")),
                         qint64(journalCharges->size()));
                qint64 spent = 0;
                for (const JournalCharge &charge : *journalCharges)
                    spent += charge.answer.succeeded ? charge.amount.cents() : 0;
                QCOMPARE(scalar(db, QStringLiteral("SELECT coalesce(sum(amount_cents), 0) FROM attempts WHERE status = 'succeeded'")), spent);
                charges = qint64(journalCharges->size());
            }
            QCOMPARE(unbalancedProviderAccounts(dir.filePath(QStringLiteral("gateway.sqlite"))), qint64(0));
            const auto signedIn = (*service)->signIn(QStringLiteral("storm@topup.example"), QStringLiteral("storm-password-1"));
            QVERIFY2(signedIn, qPrintable(signedIn.error()));
            const auto advanced = (*service)->advanceBy(3600 * 1000); // the world goes on
            QVERIFY2(advanced, qPrintable(advanced.error()));
        }
        // Every child moved the world at least half a day before it was
        // killed, and the parent one hour more: after 13 trials the world has
        // passed 8 January 09:00 Tokyo (168 h after sign-up), the monthly
        // top-up of line 1.
        if (trials >= 13)
            QVERIFY2(charges > 0, "the world passed a monthly top-up day, yet nothing was charged");
        qInfo("%d kills during catch-up, %lld charges audited", trials, charges);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestCrashRecovery)
} // namespace tst_crashrecovery
#include "tst_crashrecovery.moc"
