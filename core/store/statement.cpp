#include "statement.h"

#include "database.h"

#include <QSqlError>

namespace topup {

Statement::Statement(Database &database, const QString &sql, Prepare prepare) : m_database(database), m_query(&m_own)
{
    if (prepare == Prepare::Reuse || (prepare == Prepare::Once && database.keepsEveryStatement())) {
        QSqlQuery *cached = prepare == Prepare::Reuse ? database.reusable(sql, &m_prepareError) : database.reusableIfRoom(sql, &m_prepareError);
        if (cached) {
            m_query = cached;
            m_reusedSql = sql;
            m_prepared = true;
            return;
        }
        if (m_prepareError.isValid()) {
            m_own = QSqlQuery(database.connection()); // not prepared again
            m_prepared = false;                      // run() says why, in the database's own words
            return;
        }
    }
    m_own = QSqlQuery(database.connection());
    m_own.setForwardOnly(true);
    if (prepare == Prepare::Never) {
        m_sql = sql;
        m_prepared = true;
        return;
    }
    m_prepared = m_own.prepare(sql);
}

Statement::~Statement()
{
    // Finished (its rows and locks let go) and free for the next Statement.
    if (!m_reusedSql.isEmpty())
        m_database.release(m_reusedSql);
}

// A null QString would bind as SQL NULL; NULL is only ever meant through
// bindNullable, so a null string is stored as the empty string.
static QVariant notNull(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull())
        return QVariant(QStringLiteral(""));
    return value;
}

Statement &Statement::bind(const QVariant &value)
{
    m_query->bindValue(m_nextBind++, notNull(value));
    return *this;
}

Statement &Statement::bindNullable(bool present, const QVariant &value)
{
    m_query->bindValue(m_nextBind++, present ? value : QVariant(value.metaType()));
    return *this;
}

Statement &Statement::set(int index, const QVariant &value)
{
    m_query->bindValue(index, notNull(value));
    return *this;
}

Expected<qint64> Statement::insertedId()
{
    if (m_database.dialect().returningId().isEmpty())
        return lastInsertId();
    if (!m_query->next())
        return Expected<qint64>::failure(m_database.failureOf(QStringLiteral("the new row's id was not returned")));
    const qint64 id = m_query->value(0).toLongLong();
    m_query->finish();
    return id;
}

Expected<void> Statement::run()
{
    m_nextBind = 0; // the next bind() starts again at the first parameter, as addBindValue's
    m_database.countStatement();
    if (!m_prepared && m_prepareError.isValid())
        return Expected<void>::failure(m_database.failureOf(m_prepareError));
    if (!m_prepared || !(m_sql.isEmpty() ? m_query->exec() : m_query->exec(m_sql)))
        return Expected<void>::failure(m_database.failureOf(m_query->lastError()));
    return {};
}

Expected<std::vector<qint64>> Statement::integers()
{
    if (const auto ran = run(); !ran)
        return Expected<std::vector<qint64>>::failure(ran);
    std::vector<qint64> values;
    while (next())
        values.push_back(integer(0));
    return values;
}

} // namespace topup
