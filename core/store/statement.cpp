#include "statement.h"

#include "database.h"

#include <QSqlError>

namespace topup {

Statement::Statement(Database &database, const QString &sql) : m_database(database), m_query(database.connection())
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
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
    m_query.addBindValue(notNull(value));
    return *this;
}

Statement &Statement::bindNullable(bool present, const QVariant &value)
{
    m_query.addBindValue(present ? value : QVariant(value.metaType()));
    return *this;
}

Statement &Statement::set(int index, const QVariant &value)
{
    m_query.bindValue(index, notNull(value));
    return *this;
}

Expected<bool> Statement::run()
{
    if (!m_prepared || !m_query.exec())
        return Expected<bool>::failure(m_database.describe(m_query.lastError()));
    return true;
}

Expected<std::vector<qint64>> Statement::integers()
{
    if (const auto ran = run(); !ran)
        return Expected<std::vector<qint64>>::failure(ran.error());
    std::vector<qint64> values;
    while (next())
        values.push_back(integer(0));
    return values;
}

} // namespace topup
