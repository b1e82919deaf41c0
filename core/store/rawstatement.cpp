#include "rawstatement.h"

#include <sqlite3.h>

namespace topup {

RawStatement::RawStatement(sqlite3 *db, const QByteArray &sql)
{
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_statement, nullptr) != SQLITE_OK) {
        m_error = QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(db)), QSqlError::StatementError,
                            QString::number(sqlite3_extended_errcode(db)));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

RawStatement::~RawStatement()
{
    sqlite3_finalize(m_statement);
}

bool RawStatement::bind(int parameter, qint64 value)
{
    return sqlite3_bind_int64(m_statement, parameter, value) == SQLITE_OK;
}

bool RawStatement::bind(int parameter, const QByteArray &text)
{
    return sqlite3_bind_text(m_statement, parameter, text.constData(), int(text.size()), SQLITE_STATIC) == SQLITE_OK;
}

bool RawStatement::bind(int parameter, const QVariant &value)
{
    if (value.isNull())
        return sqlite3_bind_null(m_statement, parameter) == SQLITE_OK;
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return bind(parameter, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(m_statement, parameter, value.toDouble()) == SQLITE_OK;
    default: {
        const QByteArray text = value.toString().toUtf8();
        return sqlite3_bind_text(m_statement, parameter, text.constData(), int(text.size()), SQLITE_TRANSIENT) == SQLITE_OK;
    }
    }
}

bool RawStatement::step(std::optional<QByteArray> *row)
{
    const int result = sqlite3_step(m_statement);
    if (row) {
        row->reset();
        if (result == SQLITE_ROW)
            *row = QByteArray(static_cast<const char *>(sqlite3_column_blob(m_statement, 0)), sqlite3_column_bytes(m_statement, 0));
    }
    sqlite3_reset(m_statement);
    return result == SQLITE_DONE || result == SQLITE_ROW;
}

} // namespace topup
