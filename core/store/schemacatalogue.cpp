#include "schemacatalogue.h"

#include "database.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace topup {
namespace {

using Lines = Expected<QStringList>;

QString kindOf(const QString &type)
{
    const QString lower = type.toLower();
    if (lower.contains(QLatin1String("int")))
        return QStringLiteral("integer");
    if (lower == QLatin1String("text"))
        return QStringLiteral("text");
    return lower;
}

// PostgreSQL writes a default with its type ('-1'::integer, 'armed'::text);
// SQLite as it was given (-1, 'armed').
QString defaultOf(const QString &value)
{
    static const QRegularExpression cast(QStringLiteral("::[a-z ]+$"));
    static const QRegularExpression quotedNumber(QStringLiteral("^'(-?[0-9]+)'$"));
    QString text = value;
    text.remove(cast);
    if (const QRegularExpressionMatch number = quotedNumber.match(text); number.hasMatch())
        text = number.captured(1);
    return text;
}

QString columnLine(const QString &table, const QString &name, const QString &type, bool notNull, const QString &defaultValue, bool automatic)
{
    QString line = QStringLiteral("column %1.%2 %3").arg(table, name, kindOf(type));
    if (notNull)
        line += QStringLiteral(" not null");
    if (!defaultValue.isEmpty())
        line += QStringLiteral(" default ") + defaultOf(defaultValue);
    if (automatic)
        line += QStringLiteral(" auto");
    return line;
}

// Runs `sql` with `table` bound (if it has a ?) and hands each row to `row`.
template<typename Row>
Expected<void> eachRow(Database &database, const QString &sql, const QString &table, Row row)
{
    QSqlQuery query(database.connection());
    query.prepare(sql);
    if (sql.contains(QLatin1Char('?')))
        query.addBindValue(table);
    if (!query.exec())
        return Expected<void>::failure(database.failureOf(query.lastError()));
    while (query.next())
        row(query);
    return {};
}

Expected<void> readSqliteTable(Database &database, const QString &table, QStringList &lines)
{
    struct Column final
    {
        QString name, type, defaultValue;
        bool notNull;
        int key;
    };
    std::vector<Column> columns;
    Expected<void> done = eachRow(database, QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)"), table,
                                  [&columns](const QSqlQuery &q) {
                                      columns.push_back({q.value(0).toString(), q.value(1).toString(), q.value(3).toString(),
                                                         q.value(2).toInt() != 0, q.value(4).toInt()});
                                  });
    if (!done)
        return done;
    const auto keyColumns = std::count_if(columns.begin(), columns.end(), [](const Column &c) { return c.key > 0; });
    QStringList key;
    key.resize(keyColumns);
    for (const Column &column : columns) {
        // The rowid key: a lone INTEGER PRIMARY KEY, never null, assigned when not given.
        const bool rowid = keyColumns == 1 && column.key == 1 && column.type.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0;
        lines << columnLine(table, column.name, column.type, column.notNull || column.key > 0, column.defaultValue, rowid);
        if (column.key > 0)
            key[column.key - 1] = column.name;
    }
    if (!key.isEmpty())
        lines << QStringLiteral("primary key %1 (%2)").arg(table, key.join(QStringLiteral(", ")));

    struct Index final
    {
        QString name, origin;
        bool unique, partial;
    };
    std::vector<Index> indexes;
    done = eachRow(database, QStringLiteral("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)"), table,
                   [&indexes](const QSqlQuery &q) {
                       indexes.push_back({q.value(0).toString(), q.value(2).toString(), q.value(1).toInt() != 0, q.value(3).toInt() != 0});
                   });
    if (!done)
        return done;
    for (const Index &index : indexes) {
        if (index.origin == QLatin1String("pk"))
            continue;
        QStringList names;
        done = eachRow(database, QStringLiteral("SELECT name FROM pragma_index_info(?) ORDER BY seqno"), index.name,
                       [&names](const QSqlQuery &q) { names << q.value(0).toString(); });
        if (!done)
            return done;
        const QString columnList = names.join(QStringLiteral(", "));
        if (index.origin == QLatin1String("u"))
            lines << QStringLiteral("unique %1 (%2)").arg(table, columnList);
        else
            lines << QStringLiteral("index %1 on %2 (%3)%4%5")
                         .arg(index.name, table, columnList, index.unique ? QStringLiteral(" unique") : QString(),
                              index.partial ? QStringLiteral(" partial") : QString());
    }
    done = eachRow(database, QStringLiteral("SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?)"), table,
                   [&lines, &table](const QSqlQuery &q) {
                       lines << QStringLiteral("foreign key %1.%2 -> %3.%4 on delete %5")
                                    .arg(table, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString().toLower());
                   });
    if (!done)
        return done;
    static const QRegularExpression check(QStringLiteral("\\bCHECK\\s*\\("), QRegularExpression::CaseInsensitiveOption);
    return eachRow(database, QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?"), table,
                   [&lines, &table](const QSqlQuery &q) {
                       lines << QStringLiteral("checks %1 %2").arg(table).arg(q.value(0).toString().count(check));
                   });
}

Expected<void> readPostgresqlTable(Database &database, const QString &table, QStringList &lines)
{
    const QString inSchema = QStringLiteral(" AND t.relnamespace = current_schema()::regnamespace");
    QString identity; // the table's own id (SQLite's rowid), if any
    Expected<void> done = eachRow(database,
                                  QStringLiteral("SELECT column_name, data_type, is_nullable, column_default, is_identity"
                                                 " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"),
                                  table, [&lines, &table, &identity](const QSqlQuery &q) {
                                      const bool isIdentity = q.value(4).toString() == QLatin1String("YES");
                                      if (isIdentity)
                                          identity = q.value(0).toString();
                                      lines << columnLine(table, q.value(0).toString(), q.value(1).toString(),
                                                          q.value(2).toString() == QLatin1String("NO"), q.value(3).toString(), isIdentity);
                                  });
    if (!done)
        return done;
    done = eachRow(
        database,
        QStringLiteral("SELECT ic.relname, i.indisunique, i.indisprimary, i.indpred IS NOT NULL,"
                       " EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype = 'u'),"
                       " (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)"
                       "  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum)"
                       " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"
                       " WHERE t.relname = ?")
            + inSchema,
        table, [&lines, &table, &identity](const QSqlQuery &q) {
            QString columnList = q.value(5).toString();
            // Every ordinary index of a SQLite table with a rowid ends with
            // it, unnamed; PostgreSQL's paging indexes name it (store
            // version 8). Listed as SQLite lists them, the two read alike.
            const QString endsWithId = QStringLiteral(", ") + identity;
            if (!identity.isEmpty() && !q.value(1).toBool() && !q.value(3).toBool() && columnList.endsWith(endsWithId))
                columnList.chop(endsWithId.size());
            if (q.value(2).toBool())
                lines << QStringLiteral("primary key %1 (%2)").arg(table, columnList);
            else if (q.value(4).toBool())
                lines << QStringLiteral("unique %1 (%2)").arg(table, columnList);
            else
                lines << QStringLiteral("index %1 on %2 (%3)%4%5")
                             .arg(q.value(0).toString(), table, columnList, q.value(1).toBool() ? QStringLiteral(" unique") : QString(),
                                  q.value(3).toBool() ? QStringLiteral(" partial") : QString());
        });
    if (!done)
        return done;
    done = eachRow(database,
                   QStringLiteral("SELECT a.attname, ft.relname, af.attname, c.confdeltype::text FROM pg_constraint c"
                                  " JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class ft ON ft.oid = c.confrelid"
                                  " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                                  " JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]"
                                  " WHERE c.contype = 'f' AND t.relname = ?")
                       + inSchema,
                   table, [&lines, &table](const QSqlQuery &q) {
                       const QString action = q.value(3).toString();
                       const QString onDelete = action == QLatin1String("c")   ? QStringLiteral("cascade")
                           : action == QLatin1String("n")                      ? QStringLiteral("set null")
                           : action == QLatin1String("d")                      ? QStringLiteral("set default")
                           : action == QLatin1String("r")                      ? QStringLiteral("restrict")
                                                                               : QStringLiteral("no action");
                       lines << QStringLiteral("foreign key %1.%2 -> %3.%4 on delete %5")
                                    .arg(table, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), onDelete);
                   });
    if (!done)
        return done;
    return eachRow(database,
                   QStringLiteral("SELECT count(*) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE c.contype = 'c' AND t.relname = ?")
                       + inSchema,
                   table, [&lines, &table](const QSqlQuery &q) { lines << QStringLiteral("checks %1 %2").arg(table).arg(q.value(0).toLongLong()); });
}

} // namespace

Expected<QStringList> SchemaCatalogue::read(Database &database)
{
    const Dialect &dialect = database.dialect();
    QStringList tables;
    const Expected<void> listed = eachRow(database, dialect.listTables(), QString(), [&tables](const QSqlQuery &q) { tables << q.value(0).toString(); });
    if (!listed)
        return Lines::failure(listed);
    QStringList lines;
    for (const QString &table : tables) {
        if (dialect.bookkeepingTables().contains(table))
            continue;
        lines << QStringLiteral("table ") + table;
        const Expected<void> read = dialect.isSqlite() ? readSqliteTable(database, table, lines) : readPostgresqlTable(database, table, lines);
        if (!read)
            return Lines::failure(read);
    }
    lines.sort();
    return lines;
}

} // namespace topup
