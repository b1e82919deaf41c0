#include "tablecopy.h"

#include "database.h"
#include "rowdigest.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <map>

namespace topup {
namespace {

// At most this many values in one INSERT (PostgreSQL takes up to 65 535
// parameters; a few hundred rows a round trip is most of the gain).
constexpr int valuesPerInsert = 2000;

QString quoted(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

// The first column of every row `sql` gives, with `parameter` bound (when not null).
Expected<QStringList> column(Database &database, const QString &sql, const QVariant &parameter = {})
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Expected<QStringList>::failure(database.failureOf(query.lastError()));
    if (!parameter.isNull())
        query.addBindValue(parameter);
    if (!query.exec())
        return Expected<QStringList>::failure(database.failureOf(query.lastError()));
    QStringList values;
    while (query.next())
        values << query.value(0).toString();
    return values;
}

Expected<QStringList> columnsOf(Database &database, const QString &table)
{
    return column(database,
                  database.dialect().isSqlite()
                      ? QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                      : QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                                       " AND table_name = ? ORDER BY ordinal_position"),
                  table);
}

// The tables in an order where every table comes after those its foreign keys refer to.
Expected<QStringList> parentsFirst(Database &sqlite, const QStringList &tables)
{
    std::map<QString, QSet<QString>> parents;
    for (const QString &table : tables) {
        const Expected<QStringList> referred = column(sqlite, QStringLiteral("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)"), table);
        if (!referred)
            return Expected<QStringList>::failure(referred);
        QSet<QString> own(referred->begin(), referred->end());
        own.remove(table); // a table that refers to itself (none so far) is copied whole in one go
        parents[table] = own;
    }
    QStringList order;
    QSet<QString> placed;
    while (order.size() < tables.size()) {
        bool progressed = false;
        for (const QString &table : tables) { // sorted: the same order every time
            if (placed.contains(table))
                continue;
            const QSet<QString> &needs = parents[table];
            if (std::all_of(needs.begin(), needs.end(), [&](const QString &parent) { return placed.contains(parent) || !tables.contains(parent); })) {
                order << table;
                placed.insert(table);
                progressed = true;
            }
        }
        if (!progressed)
            return Expected<QStringList>::failure(TableCopy::tr("%1: the foreign keys of its tables go round in a circle; no order copies them")
                                                      .arg(sqlite.path()));
    }
    return order;
}

QString listed(const QStringList &names)
{
    return names.isEmpty() ? TableCopy::tr("none") : names.join(QLatin1String(", "));
}

QString insertOf(const QString &table, const QStringList &columns, int rows)
{
    QStringList quotedColumns;
    for (const QString &name : columns)
        quotedColumns << quoted(name);
    const QString one = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1String(", ")) + QLatin1Char(')');
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(quoted(table), quotedColumns.join(QLatin1String(", ")), QStringList(rows, one).join(QLatin1String(", ")));
}

QString selectOf(const QString &table, const QStringList &columns)
{
    QStringList quotedColumns;
    for (const QString &name : columns)
        quotedColumns << quoted(name);
    return QStringLiteral("SELECT %1 FROM %2").arg(quotedColumns.join(QLatin1String(", ")), quoted(table));
}

// Reads every row of the table, each as the columns' values in that order.
Expected<void> eachRow(Database &database, const QString &table, const QStringList &columns,
                       const std::function<Expected<void>(const std::vector<QVariant> &)> &each)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.exec(selectOf(table, columns)))
        return Expected<void>::failure(database.failureOf(query.lastError()));
    std::vector<QVariant> row(std::size_t(columns.size()));
    while (query.next()) {
        for (int i = 0; i < columns.size(); ++i)
            row[std::size_t(i)] = query.value(i);
        if (const Expected<void> done = each(row); !done)
            return done;
    }
    if (query.lastError().isValid())
        return Expected<void>::failure(database.failureOf(query.lastError()));
    return {};
}

// Writes rows into one table, many in each INSERT.
class BatchInsert final
{
public:
    BatchInsert(Database &database, QString table, QStringList columns)
        : m_database(database), m_table(std::move(table)), m_columns(std::move(columns)),
          m_rowsPerInsert(std::max(1, valuesPerInsert / int(std::max<qsizetype>(1, m_columns.size()))))
    {
    }

    Expected<void> add(const std::vector<QVariant> &row)
    {
        m_pending.insert(m_pending.end(), row.begin(), row.end());
        if (int(m_pending.size()) < m_rowsPerInsert * int(m_columns.size()))
            return {};
        return flush();
    }

    Expected<void> flush()
    {
        if (m_pending.empty())
            return {};
        const int rows = int(m_pending.size()) / int(m_columns.size());
        // Two statements at most: a full batch, and the last, shorter one.
        std::unique_ptr<QSqlQuery> &query = m_prepared[rows];
        if (!query) {
            query = std::make_unique<QSqlQuery>(m_database.connection());
            if (!query->prepare(insertOf(m_table, m_columns, rows)))
                return Expected<void>::failure(m_database.failureOf(query->lastError()));
        }
        for (std::size_t i = 0; i < m_pending.size(); ++i)
            query->bindValue(int(i), m_pending[i]);
        const bool ran = query->exec();
        m_pending.clear();
        if (!ran)
            return Expected<void>::failure(m_database.failureOf(query->lastError()));
        return {};
    }

private:
    Database &m_database;
    QString m_table;
    QStringList m_columns;
    int m_rowsPerInsert;
    std::vector<QVariant> m_pending;
    std::map<int, std::unique_ptr<QSqlQuery>> m_prepared; // by the rows each inserts
};

// After ids were given on insert: each identity column's sequence set past
// them, and past SQLite's AUTOINCREMENT high-water mark (ids of deleted rows
// are never given again). ALTER … RESTART is undone with the transaction.
Expected<void> moveIdentities(Database &from, Database &to, const QString &table)
{
    const Expected<QStringList> identities =
        column(to,
               QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                              " AND table_name = ? AND is_identity = 'YES'"),
               table);
    if (!identities)
        return Expected<void>::failure(identities);
    for (const QString &identity : *identities) {
        const Expected<QStringList> highest = column(to, QStringLiteral("SELECT coalesce(max(%1), 0) FROM %2").arg(quoted(identity), quoted(table)));
        if (!highest)
            return Expected<void>::failure(highest);
        qint64 last = highest->value(0).toLongLong();
        const Expected<QStringList> hasSequence = column(from, QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'"));
        if (!hasSequence)
            return Expected<void>::failure(hasSequence);
        if (!hasSequence->isEmpty()) {
            const Expected<QStringList> used = column(from, QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = ?"), table);
            if (!used)
                return Expected<void>::failure(used);
            if (!used->isEmpty())
                last = std::max(last, used->constFirst().toLongLong());
        }
        if (last < 1)
            continue; // nothing given yet: the sequence starts at 1 as it is
        QSqlQuery restart(to.connection());
        if (!restart.exec(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 RESTART WITH %3").arg(quoted(table), quoted(identity)).arg(last + 1)))
            return Expected<void>::failure(to.failureOf(restart.lastError()));
    }
    return {};
}

} // namespace

Expected<QStringList> TableCopy::tables(Database &database)
{
    Expected<QStringList> all = column(database, database.dialect().listTables());
    if (!all)
        return all;
    QStringList tables;
    const QStringList bookkeeping = database.dialect().bookkeepingTables();
    for (const QString &table : *all) {
        if (!bookkeeping.contains(table))
            tables << table;
    }
    tables.sort();
    return tables;
}

Expected<std::vector<TableRows>> TableCopy::rowsIn(Database &database)
{
    using Result = Expected<std::vector<TableRows>>;
    const Expected<QStringList> names = tables(database);
    if (!names)
        return Result::failure(names);
    std::vector<TableRows> counts;
    for (const QString &table : *names) {
        const Expected<QStringList> count = column(database, QStringLiteral("SELECT count(*) FROM %1").arg(quoted(table)));
        if (!count)
            return Result::failure(count);
        counts.push_back(TableRows{table, count->value(0).toLongLong()});
    }
    return counts;
}

Expected<std::vector<TableRows>> TableCopy::copy(Database &from, Database &to)
{
    using Result = Expected<std::vector<TableRows>>;
    if (!from.dialect().isSqlite() || to.dialect().isSqlite() || !to.inTransaction())
        return Result::failure(tr("%1 → %2: a copy goes from a SQLite file into a PostgreSQL database, inside a transaction of the target")
                                   .arg(from.path(), to.path()));
    if (from.schemaVersion() != to.schemaVersion())
        return Result::failure(tr("%1 is at schema %2 and %3 at schema %4; a copy needs the same schema on both")
                                   .arg(from.path())
                                   .arg(from.schemaVersion())
                                   .arg(to.path())
                                   .arg(to.schemaVersion()));
    const Expected<QStringList> sourceTables = tables(from);
    if (!sourceTables)
        return Result::failure(sourceTables);
    const Expected<QStringList> targetTables = tables(to);
    if (!targetTables)
        return Result::failure(targetTables);
    const auto missingFrom = [](const QStringList &these, const QStringList &others) {
        QStringList missing;
        for (const QString &name : these) {
            if (!others.contains(name))
                missing << name;
        }
        return missing;
    };
    if (*sourceTables != *targetTables)
        return Result::failure(tr("%1 and %2 do not hold the same tables (only in the first: %3; only in the second: %4); nothing is copied")
                                   .arg(from.path(), to.path(), listed(missingFrom(*sourceTables, *targetTables)),
                                        listed(missingFrom(*targetTables, *sourceTables))));
    const Expected<QStringList> order = parentsFirst(from, *sourceTables);
    if (!order)
        return Result::failure(order);

    struct Copied final
    {
        QString table;
        QStringList columns;
        RowDigest digest;
    };
    std::vector<Copied> copied;
    for (const QString &table : *order) {
        const Expected<QStringList> sourceColumns = columnsOf(from, table);
        if (!sourceColumns)
            return Result::failure(sourceColumns);
        const Expected<QStringList> targetColumns = columnsOf(to, table);
        if (!targetColumns)
            return Result::failure(targetColumns);
        QStringList sortedSource = *sourceColumns;
        QStringList sortedTarget = *targetColumns;
        sortedSource.sort();
        sortedTarget.sort();
        if (sortedSource != sortedTarget)
            return Result::failure(tr("the table %1 has other columns in %2 than in %3 (only in the first: %4; only in the second: %5)")
                                       .arg(table, from.path(), to.path(), listed(missingFrom(sortedSource, sortedTarget)),
                                            listed(missingFrom(sortedTarget, sortedSource))));
        Copied one{table, *sourceColumns, {}};
        BatchInsert insert(to, table, one.columns);
        Expected<void> done = eachRow(from, table, one.columns, [&](const std::vector<QVariant> &row) {
            one.digest.add(row);
            return insert.add(row);
        });
        if (done)
            done = insert.flush();
        if (!done)
            return Result::failure(tr("copying the table %1: %2").arg(table, done.error()), done.problems());
        copied.push_back(std::move(one));
    }

    // Read back: every table of the target against what was read from the source.
    std::vector<TableRows> counts;
    for (const Copied &one : copied) {
        RowDigest target;
        if (const Expected<void> read = eachRow(to, one.table, one.columns, [&target](const std::vector<QVariant> &row) -> Expected<void> {
                target.add(row);
                return {};
            });
            !read)
            return Result::failure(tr("reading back the table %1: %2").arg(one.table, read.error()), read.problems());
        if (target != one.digest)
            return Result::failure(tr("the table %1 in %2 does not hold what was read from %3 (%4 rows there, %5 here; digest %6 there, %7 here)")
                                       .arg(one.table, to.path(), from.path())
                                       .arg(one.digest.rows())
                                       .arg(target.rows())
                                       .arg(one.digest.toHex(), target.toHex()));
        if (const Expected<void> moved = moveIdentities(from, to, one.table); !moved)
            return Result::failure(tr("setting the ids of the table %1 to follow the copied ones: %2").arg(one.table, moved.error()), moved.problems());
        counts.push_back(TableRows{one.table, one.digest.rows()});
    }
    return counts;
}

} // namespace topup
