#include "arrayliteral.h"

namespace topup {

void ArrayLiteral::add(qint64 value)
{
    if (m_count++ > 0)
        m_elements += ',';
    m_elements += QByteArray::number(value);
}

void ArrayLiteral::add(const QByteArray &text)
{
    if (m_count++ > 0)
        m_elements += ',';
    m_elements += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\')
            m_elements += '\\';
        m_elements += c;
    }
    m_elements += '"';
}

void ArrayLiteral::addNull()
{
    if (m_count++ > 0)
        m_elements += ',';
    m_elements += "NULL";
}

QString ArrayLiteral::text() const
{
    QString literal;
    literal.reserve(m_elements.size() + 2);
    literal += QLatin1Char('{');
    literal += QString::fromUtf8(m_elements);
    literal += QLatin1Char('}');
    return literal;
}

void ArrayLiteral::clear() noexcept
{
    m_elements.clear();
    m_count = 0;
}

} // namespace topup
