// A statement run for many rows (BatchedStatement, what a catch-up's save
// writes besides usage: the lines' new state, retries, blocked attempts,
// alerts): on PostgreSQL thousands of rows a statement, one array a column;
// a statement a row on SQLite and on the RowByRow path. Both paths leave
// exactly the same rows, ids included, on either engine
// (tst_batchedstatement_postgresql). And the columns of such statements
// written into their text (ArrayLiteral, TextColumn) read back as written.
#include "testmain.h"
#include "store/arrayliteral.h"
#include "store/batchedstatement.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/textcolumn.h"
#include "store/storeschema.h"

#include "checked.h"
#include "draws.h"
#include "storeengine.h"
#include "storefixture.h"
#include "usagerows.h"

#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

namespace tst_batchedstatement {

using namespace topup;
using namespace topup::test;

// Every row of `table` in the order of `orderBy`, every column, NULL told
// apart from any text.
QStringList tableRows(Database &db, const char *table, const char *orderBy)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(QLatin1String(table), QLatin1String(orderBy))))
        return {QStringLiteral("failed: ") + query.lastError().text()};
    QStringList rows;
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i)
            values << (query.isNull(i) ? QStringLiteral("<null>") : query.value(i).toString());
        rows << values.join(QLatin1Char('|'));
    }
    return rows;
}

const QString big = QStringLiteral("BIGINT");
const QString text = QStringLiteral("TEXT");

class TestBatchedStatement final : public QObject
{
    Q_OBJECT

    test::StoreEngine m_engine; // SQLite, or PostgreSQL with TOPUP_TEST_ENGINE=postgresql

    // What a catch-up's save writes, through `path`, into a new store of
    // `lineCount` lines; the rows of the tables it wrote.
    QStringList writeOnce(const QString &file, BatchedStatement::Path path, int lineCount, bool &inArrays)
    {
        auto db = m_engine.openStore(file, storeSchema());
        if (!db)
            return {QStringLiteral("cannot open: ") + db.error()};
        Database &database = **db;
        const Dialect &dialect = database.dialect();
        const QVariant noRow(QMetaType::fromType<qint64>());
        const QList<QString> details{QStringLiteral("plain"), QString(), QStringLiteral("NULL"), QStringLiteral("a \"quoted\", {brace}"),
                                     QStringLiteral("back\\slash"), QStringLiteral(" spaced "), QStringLiteral("Ünïcødé 手机")};
        const Expected<void> wrote = database.write([&]() -> Expected<void> {
            if (const auto added = addLines(database, lineCount); !added)
                return added;
            Statement package(database, QStringLiteral("INSERT INTO packages (id, account_id, code, name, data_bytes, voice_seconds, price_cents)"
                                                       " VALUES (1, 1, 'p', 'P', 1, 1, 100)"));
            if (const auto ran = package.run(); !ran)
                return ran;
            // The lines' new state; some lines twice, the second must win as row by row.
            BatchedStatement line(database,
                                  QStringLiteral("UPDATE lines SET data_bytes = ?, threshold_state = ?, last_monthly_key = ? WHERE id = ?"),
                                  QStringLiteral("UPDATE lines SET data_bytes = v.d, threshold_state = v.s, last_monthly_key = v.k"
                                                 " FROM (%1) AS v (d, s, k, id) WHERE lines.id = v.id"),
                                  {big, text, big, big}, path, 3);
            inArrays = line.inArrays();
            test::Draws draws(16);
            for (int id = 1; id <= lineCount; ++id) {
                line.set(0, qint64(id) * 1000).set(1, QStringLiteral("armed")).set(2, id % 12).set(3, id);
                if (const auto ran = line.run(); !ran)
                    return ran;
                if (draws.chance(10)) {
                    const qint64 again = 1 + draws.below(quint32(id));
                    line.set(0, again * 7).set(1, QStringLiteral("suspended")).set(2, -1).set(3, again);
                    if (const auto ran = line.run(); !ran)
                        return ran;
                }
            }
            if (const auto sent = line.flush(); !sent)
                return sent;
            // Alerts: NULLs, any text, more rows than one statement takes; the ids in the order run.
            BatchedStatement alert(database, QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, line_id, method_id, detail) VALUES (?, ?, ?, ?, ?, ?)"),
                                   QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, line_id, method_id, detail) %1"),
                                   {big, big, text, big, big, text}, path);
            for (int i = 0; i < lineCount + 300; ++i) {
                alert.set(0, 1).set(1, qint64(i % 17) * 60000).set(2, QStringLiteral("threshold_suspended"));
                alert.set(3, i % 3 == 0 ? noRow : QVariant(qint64(1 + i % lineCount))).set(4, noRow);
                alert.set(5, details[i % details.size()]);
                if (const auto ran = alert.run(); !ran)
                    return ran;
            }
            if (const auto sent = alert.flush(); !sent)
                return sent;
            // Blocked attempts, a repeated identity in the same statement ignored.
            const QString columns = QStringLiteral("attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt, package_id,"
                                                   " amount_cents, status, reason)");
            BatchedStatement blocked(database, dialect.insertOrIgnore(columns + QStringLiteral(" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'blocked', ?)")),
                                     dialect.insertOrIgnore(columns + QStringLiteral(" SELECT a, l, t, m, tr, k, n, p, c, 'blocked', r"
                                                                                     " FROM (%1) AS v (a, l, t, m, tr, k, n, p, c, r)")),
                                     {big, big, big, text, text, text, big, big, big, text}, path);
            for (int i = 0; i < 50; ++i) {
                blocked.set(0, 1).set(1, 1 + i % lineCount).set(2, qint64(i) * 1000).set(3, QStringLiteral("2027-03"));
                blocked.set(4, QStringLiteral("threshold")).set(5, QStringLiteral("key%1").arg(i % 40)).set(6, 1).set(7, 1);
                blocked.set(8, 100 + i).set(9, QStringLiteral("account_cap"));
                if (const auto ran = blocked.run(); !ran)
                    return ran;
            }
            return blocked.flush();
        });
        if (!wrote)
            return {QStringLiteral("failed: ") + wrote.error()};
        return tableRows(database, "lines", "id") + tableRows(database, "alerts", "id") + tableRows(database, "attempts", "id");
    }

private slots:
    void initTestCase()
    {
        TOPUP_VERIFY_OK(m_engine.start());
    }

    void bothPathsWriteTheSameRows()
    {
        constexpr int lineCount = 2500; // more rows than one statement takes (2 000)
        QTemporaryDir dir;
        bool fastInArrays = false;
        bool rowInArrays = true;
        const QStringList fast = writeOnce(dir.filePath(QStringLiteral("fast.sqlite")), BatchedStatement::Path::Fastest, lineCount, fastInArrays);
        const QStringList rows = writeOnce(dir.filePath(QStringLiteral("rows.sqlite")), BatchedStatement::Path::RowByRow, lineCount, rowInArrays);
        QVERIFY2(!fast.isEmpty() && !fast.first().startsWith(QLatin1String("failed")), qPrintable(fast.value(0)));
        QVERIFY2(!rows.isEmpty() && !rows.first().startsWith(QLatin1String("failed")), qPrintable(rows.value(0)));
        QCOMPARE(fastInArrays, m_engine.engine() == Dialect::Engine::Postgresql);
        QVERIFY(!rowInArrays);
        QCOMPARE(fast.size(), rows.size());
        for (qsizetype i = 0; i < fast.size(); ++i)
            QCOMPARE(fast[i], rows[i]);
        QCOMPARE(fast.size(), lineCount + lineCount + 300 + 40); // lines, alerts, 40 identities of 50 blocked attempts
        // A line run twice keeps its second state, as row by row.
        QVERIFY(fast.filter(QStringLiteral("|suspended|")).size() > 0);
    }

    // A row refused says so in the same sentences on every path (on
    // SQLite the fastest is its own handle, not Qt Sql): which data file or
    // database, then what the database said.
    void aRefusedRowSaysWhichDatabaseOnEveryPath()
    {
        QTemporaryDir dir;
        for (const BatchedStatement::Path path : {BatchedStatement::Path::Fastest, BatchedStatement::Path::RowByRow}) {
            const QString file = dir.filePath(path == BatchedStatement::Path::Fastest ? QStringLiteral("fast.sqlite") : QStringLiteral("rows.sqlite"));
            auto db = m_engine.openStore(file, storeSchema());
            QVERIFY2(db, qPrintable(db.error()));
            Database &database = **db;
            // No such account: the foreign key refuses the row.
            BatchedStatement alert(database, QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, detail) VALUES (?, ?, ?, ?)"),
                                   QStringLiteral("INSERT INTO alerts (account_id, at_ms, kind, detail) %1"),
                                   {QStringLiteral("BIGINT"), QStringLiteral("BIGINT"), QStringLiteral("TEXT"), QStringLiteral("TEXT")}, path);
            alert.set(0, qint64(4242)).set(1, qint64(0)).set(2, QStringLiteral("low_funds")).set(3, QString());
            Expected<void> written = alert.run();
            if (written)
                written = alert.flush();
            QVERIFY(!written);
            const QStringList sentences = written.sentences().split(QLatin1Char('\n'));
            QCOMPARE(sentences.size(), 2);
            QCOMPARE(sentences[0], topup::test::couldNotReadOrWrite(database));
            QVERIFY2(sentences[1].startsWith(QLatin1String("The database says: ")), qPrintable(sentences[1]));
            QVERIFY2(written.error().contains(QLatin1String("FOREIGN KEY"), Qt::CaseInsensitive), qPrintable(written.error()));
        }
    }

    // A statement that cannot be prepared says why in the database's own
    // words, in a transaction too: on PostgreSQL the failed PREPARE of a
    // statement the connection keeps (Statement::Prepare::Reuse) aborted
    // the transaction, and the statement prepared again in its place only
    // said "current transaction is aborted".
    void aStatementThatCannotBePreparedSaysWhy()
    {
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("unprepared.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        const Expected<void> kept = database.write([&]() -> Expected<void> {
            Statement statement(database, QStringLiteral("SELECT id FROM no_such_table WHERE id = ?"), Statement::Prepare::Reuse);
            statement.bind(qint64(1));
            return statement.run();
        });
        QVERIFY(!kept);
        QVERIFY2(kept.error().contains(QLatin1String("no_such_table")), qPrintable(kept.error()));
        const Expected<void> batched = database.write([&]() -> Expected<void> {
            BatchedStatement rows(database, QStringLiteral("INSERT INTO no_such_rows (a) VALUES (?)"), QStringLiteral("INSERT INTO no_such_rows (a) %1"),
                                  {QStringLiteral("BIGINT")});
            rows.set(0, qint64(1));
            if (const Expected<void> ran = rows.run(); !ran)
                return ran;
            return rows.flush();
        });
        QVERIFY(!batched);
        QVERIFY2(batched.error().contains(QLatin1String("no_such_rows")), qPrintable(batched.error()));
    }
    // On PostgreSQL every statement is kept for the connection
    // (Database::keepsEveryStatement): a text run again is prepared once,
    // not once a run (three round trips: PREPARE, EXECUTE, DEALLOCATE), and
    // reads its new values each time. On SQLite the same runs read the same.
    void aStatementRunAgainIsPreparedOnce()
    {
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("again.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        const QString sql = QStringLiteral("SELECT ? * 7 AS kept_statement_probe");
        for (qint64 run = 1; run <= 5; ++run) {
            Statement statement(database, sql);
            statement.bind(run);
            TOPUP_VERIFY_OK(statement.run());
            QVERIFY(statement.next());
            QCOMPARE(statement.integer(0), run * 7);
        }
        // A statement with its values in its text (Prepare::Never: the
        // samples' megabytes) is run as it is, never kept.
        for (int run = 0; run < 2; ++run) {
            Statement whole(database, QStringLiteral("SELECT 42 AS never_kept_probe"), Statement::Prepare::Never);
            TOPUP_VERIFY_OK(whole.run());
            QVERIFY(whole.next());
            QCOMPARE(whole.integer(0), qint64(42));
        }
        if (!database.keepsEveryStatement())
            return;
        const auto preparedLike = [&](const QString &probe) {
            QSqlQuery prepared(database.connection());
            if (!prepared.exec(QStringLiteral("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%%1%'").arg(probe)) || !prepared.next())
                return -1;
            return prepared.value(0).toInt();
        };
        QCOMPARE(preparedLike(QStringLiteral("kept_statement_probe")), 1);
        QCOMPARE(preparedLike(QStringLiteral("never_kept_probe")), 0);
    }

    // Texts made with a varying count of values would grow what a
    // connection keeps without end: past Database::reusableLimit a new text
    // is prepared for its statement alone, and still runs.
    void aConnectionKeepsABoundedNumberOfStatements()
    {
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("bounded.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        const int texts = int(Database::reusableLimit) + 50;
        for (int i = 1; i <= texts; ++i) {
            Statement statement(database, QStringLiteral("SELECT %1 AS bounded_probe").arg(i));
            TOPUP_VERIFY_OK(statement.run());
            QVERIFY(statement.next());
            QCOMPARE(statement.integer(0), qint64(i));
        }
        if (!database.keepsEveryStatement())
            return;
        QSqlQuery prepared(database.connection());
        QVERIFY(prepared.exec(QStringLiteral("SELECT count(*) FROM pg_prepared_statements")));
        QVERIFY(prepared.next());
        QVERIFY2(prepared.value(0).toInt() <= int(Database::reusableLimit), qPrintable(prepared.value(0).toString()));
        QVERIFY(prepared.value(0).toInt() >= int(Database::reusableLimit) / 2);
    }

    // A kept statement whose rows were read only in part, then another
    // program's notice: it is heard. (The kept query was only finish()ed,
    // which leaves libpq holding the next row; the connection then parsed
    // nothing more, and a desktop never heard another's move.)
    void aNoticeIsHeardAfterAStatementReadInPart()
    {
        if (m_engine.engine() != Dialect::Engine::Postgresql)
            QSKIP("notices are PostgreSQL's (LISTEN/NOTIFY)");
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("notice.sqlite"));
        auto listening = m_engine.openStore(file, storeSchema());
        auto telling = m_engine.openStore(file, storeSchema());
        QVERIFY2(listening && telling, qPrintable(listening ? telling.error() : listening.error()));
        QSqlDriver *driver = (*listening)->connection().driver();
        QVERIFY(driver->subscribeToNotification(QStringLiteral("kept_statement_probe")));
        QSignalSpy heard(driver, qOverload<const QString &, QSqlDriver::NotificationSource, const QVariant &>(&QSqlDriver::notification));
        for (int run = 0; run < 2; ++run) {
            Statement firstOfThree(**listening, QStringLiteral("SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"));
            TOPUP_VERIFY_OK(firstOfThree.run());
            QVERIFY(firstOfThree.next());
            QCOMPARE(firstOfThree.integer(0), qint64(1));
        }
        QSqlQuery tell((*telling)->connection());
        QVERIFY2(tell.exec(QStringLiteral("SELECT pg_notify('kept_statement_probe', 'moved')")), qPrintable(tell.lastError().text()));
        QVERIFY(heard.wait(20000));
        QCOMPARE(heard.first().at(2).toString(), QStringLiteral("moved"));
    }

    // A column of rows as one array literal reads back on PostgreSQL as it
    // was written, whatever the text holds; SQLite has no arrays.
    void arrayLiteralsReadBackAsWritten()
    {
        ArrayLiteral numbers;
        ArrayLiteral texts;
        QCOMPARE(numbers.text(), QStringLiteral("{}"));
        const QList<QByteArray> values{"0,5,1;300000,7,0", "", "NULL", "a \"quoted\" {brace}", "back\\slash", " spaced ",
                                       "it's", "'); DROP TABLE lines; --", "\\'\\n", "\xc3\xa9t\xc3\xa9 \xe2\x82\xac"};
        const QList<qint64> integers{0, -1, std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min(), 42, 7, 8, 9, 10, 11};
        for (qsizetype i = 0; i < values.size(); ++i) {
            numbers.add(integers[i]);
            texts.add(values[i]);
        }
        QCOMPARE(numbers.size(), qsizetype(10));
        QCOMPARE(numbers.text(), QStringLiteral("{0,-1,9223372036854775807,-9223372036854775808,42,7,8,9,10,11}"));
        QVERIFY(texts.text().startsWith(
            QStringLiteral("{\"0,5,1;300000,7,0\",\"\",\"NULL\",\"a \\\"quoted\\\" {brace}\",\"back\\\\slash\",\" spaced \",")));
        // In a statement's own text: the quotes and backslashes doubled.
        QCOMPARE(numbers.constant(), QStringLiteral("E'{0,-1,9223372036854775807,-9223372036854775808,42,7,8,9,10,11}'"));
        QVERIFY(texts.constant().contains(QStringLiteral(",\"back\\\\\\\\slash\",\" spaced \",\"it''s\",\"''); DROP TABLE lines; --\",")));
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("arrays.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        QCOMPARE(database.dialect().hasArrays(), !database.dialect().isSqlite());
        if (!database.dialect().hasArrays()) {
            QVERIFY(database.dialect().rowsFromArrays({QStringLiteral("BIGINT")}).isEmpty());
            return;
        }
        Statement read(database, database.dialect().rowsFromArrays({QStringLiteral("BIGINT"), QStringLiteral("TEXT")}));
        read.bind(numbers.text()).bind(texts.text());
        const Expected<void> ran = read.run();
        QVERIFY2(ran, qPrintable(ran.error()));
        for (qsizetype i = 0; i < values.size(); ++i) {
            QVERIFY(read.next());
            QCOMPARE(read.integer(0), integers[i]);
            QVERIFY(!read.isNull(1));
            QCOMPARE(read.text(1).toUtf8(), values[i]);
        }
        QVERIFY(!read.next());
        // The same rows from the arrays written into a statement run once.
        Statement constants(database,
                            database.dialect().rowsFromArrayExpressions({Dialect::arrayOf(QStringLiteral("BIGINT"), numbers.constant()),
                                                                         Dialect::arrayOf(QStringLiteral("TEXT"), texts.constant())}),
                            Statement::Prepare::Never);
        TOPUP_VERIFY_OK(constants.run());
        for (qsizetype i = 0; i < values.size(); ++i) {
            QVERIFY(constants.next());
            QCOMPARE(constants.integer(0), integers[i]);
            QCOMPARE(constants.text(1).toUtf8(), values[i]);
        }
        QVERIFY(!constants.next());
        // Whatever the server's standard_conforming_strings.
        for (const char *setting : {"off", "on"}) {
            TOPUP_VERIFY_OK(Statement(database, QStringLiteral("SET standard_conforming_strings = %1").arg(QLatin1String(setting)),
                                      Statement::Prepare::Never)
                                .run());
            Statement again(database, QStringLiteral("SELECT * FROM unnest(CAST(%1 AS TEXT[]))").arg(texts.constant()), Statement::Prepare::Never);
            TOPUP_VERIFY_OK(again.run());
            for (qsizetype i = 0; i < values.size(); ++i) {
                QVERIFY(again.next());
                QCOMPARE(again.text(0).toUtf8(), values[i]);
            }
        }
        Statement stillThere(database, QStringLiteral("SELECT count(*) FROM lines")); // the text never ran as SQL
        TOPUP_VERIFY_OK(stillThere.run());
        QVERIFY(stillThere.next());
    }

    // A column of texts joined for the server to split (the usage's rows of
    // samples and hours) reads back as it was written while every text is
    // neither empty nor holds the separator, and as an array literal — the
    // texts before included — from the first that does, whatever the text
    // holds, whatever the server's standard_conforming_strings.
    void textColumnsReadBackAsWritten()
    {
        const QList<QByteArray> plain{"0,5,1;300000,7,0", "3:12,1;4", "it's", "back\\slash", "\\'\\n", "'); DROP TABLE lines; --",
                                      "\xc3\xa9t\xc3\xa9 \xe2\x82\xac", "{\"quoted\", NULL}", " ", "NULL"};
        const QList<QList<QByteArray>> columns{
            {},
            plain,
            QList<QByteArray>{""},
            QList<QByteArray>{"a|b"},
            plain + QList<QByteArray>{"|", "after"},
            plain + QList<QByteArray>{"", "x"},
            QList<QByteArray>{"first", "a||b", "", "last|"},
        };
        QList<bool> joined;
        for (const QList<QByteArray> &texts : columns) {
            TextColumn column;
            for (const QByteArray &text : texts)
                column.add(text);
            QCOMPARE(column.size(), texts.size());
            joined << column.joined();
        }
        QCOMPARE(joined, (QList<bool>{true, true, false, false, false, false, false}));
        TextColumn samples;
        samples.add("0,5,1;300000,7,0");
        samples.add("12:3");
        QCOMPARE(samples.arrayExpression(), QStringLiteral("string_to_array(E'0,5,1;300000,7,0|12:3', '|')"));
        samples.clear();
        QCOMPARE(samples.size(), qsizetype(0));
        samples.add("");
        QCOMPARE(samples.arrayExpression(), QStringLiteral("CAST(E'{\"\"}' AS TEXT[])"));
        QTemporaryDir dir;
        auto db = m_engine.openStore(dir.filePath(QStringLiteral("columns.sqlite")), storeSchema());
        QVERIFY2(db, qPrintable(db.error()));
        Database &database = **db;
        if (!database.dialect().hasArrays()) {
            QVERIFY(database.dialect().rowsFromArrayExpressions({QStringLiteral("x")}).isEmpty());
            return;
        }
        for (const char *setting : {"off", "on"}) {
            TOPUP_VERIFY_OK(Statement(database, QStringLiteral("SET standard_conforming_strings = %1").arg(QLatin1String(setting)),
                                      Statement::Prepare::Never)
                                .run());
            for (const QList<QByteArray> &texts : columns) {
                TextColumn column;
                ArrayLiteral numbers;
                for (qsizetype i = 0; i < texts.size(); ++i) {
                    column.add(texts[i]);
                    numbers.add(i);
                }
                Statement read(database,
                               database.dialect().rowsFromArrayExpressions(
                                   {Dialect::arrayOf(QStringLiteral("BIGINT"), numbers.constant()), column.arrayExpression()}),
                               Statement::Prepare::Never);
                TOPUP_VERIFY_OK(read.run());
                for (qsizetype i = 0; i < texts.size(); ++i) {
                    QVERIFY(read.next());
                    QCOMPARE(read.integer(0), i);
                    QVERIFY(!read.isNull(1));
                    QCOMPARE(read.text(1).toUtf8(), texts[i]);
                }
                QVERIFY(!read.next());
            }
        }
        Statement stillThere(database, QStringLiteral("SELECT count(*) FROM lines")); // no text ran as SQL
        TOPUP_VERIFY_OK(stillThere.run());
        QVERIFY(stillThere.next());
    }
};

TOPUP_TEST_GUILESS_MAIN(TestBatchedStatement)
} // namespace tst_batchedstatement
#include "tst_batchedstatement.moc"
