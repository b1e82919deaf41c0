#include "batchedstatement.h"

#include "database.h"

namespace topup {

BatchedStatement::BatchedStatement(Database &database, const QString &rowSql, const QString &arraysSql, const QStringList &types,
                                   Path path, int keyParameter)
    : m_database(database), m_types(types), m_keyParameter(keyParameter)
{
    const Dialect &dialect = database.dialect();
    sqlite3 *raw = path == Path::Fastest && dialect.isSqlite() ? database.rawHandle() : nullptr;
    if (raw) {
        m_raw.emplace(raw, rowSql.toUtf8());
        if (!m_raw->ok())
            m_rawPrepareFailure = database.failureOf(m_raw->error()); // said at the first run
        m_values.resize(std::size_t(types.size()));
    } else if (path == Path::Fastest && dialect.hasArrays()) {
        // Prepared once a connection (a save every day of a catch-up).
        m_arrays.emplace(database, arraysSql.arg(dialect.rowsFromArrays(types)), Statement::Prepare::Reuse);
        m_values.resize(std::size_t(types.size()));
        m_columns.resize(std::size_t(types.size()));
    } else {
        m_row.emplace(database, rowSql);
    }
}

BatchedStatement::~BatchedStatement() = default;

BatchedStatement &BatchedStatement::set(int index, const QVariant &value)
{
    if (m_row)
        m_row->set(index, value);
    else
        m_values.at(std::size_t(index)) = value;
    return *this;
}

Expected<void> BatchedStatement::run()
{
    if (m_row)
        return m_row->run();
    if (!m_arrays)
        return runRaw();
    if (m_keyParameter >= 0) {
        const QString key = m_values.at(std::size_t(m_keyParameter)).toString();
        if (m_keys.contains(key)) {
            if (const Expected<void> sent = flush(); !sent)
                return sent;
        }
        m_keys.insert(key);
    }
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        const QVariant &value = m_values[i];
        ArrayLiteral &column = m_columns[i];
        if (value.isNull())
            column.addNull();
        else if (m_types.at(qsizetype(i)) == QLatin1String("TEXT"))
            column.add(value.toString().toUtf8()); // a null QString is '' here, as Statement binds it
        else
            column.add(value.toLongLong());
    }
    if (++m_kept >= rowsPerStatement)
        return flush();
    return {};
}

Expected<void> BatchedStatement::runRaw()
{
    if (m_rawPrepareFailure)
        return Expected<void>::failure(*m_rawPrepareFailure);
    // Bound by what each value holds, as Qt Sql's SQLite driver binds it.
    bool ran = true;
    for (std::size_t i = 0; ran && i < m_values.size(); ++i)
        ran = m_raw->bind(int(i) + 1, m_values[i]);
    if (!ran || !m_raw->run())
        return Expected<void>::failure(m_database.failureOfRawHandle());
    return {};
}

Expected<void> BatchedStatement::flush()
{
    if (!m_arrays || m_kept == 0)
        return {};
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        m_arrays->set(int(i), m_columns[i].text());
        m_columns[i].clear();
    }
    m_kept = 0;
    m_keys.clear();
    const Expected<void> ran = m_arrays->run();
    m_arrays->finish();
    return ran;
}

} // namespace topup
