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
    // Most texts hold neither character (a day of samples, hours: digits
    // and separators): copied whole, not a character at a time.
    const char *const begin = text.constData();
    const char *const end = begin + text.size();
    const char *from = begin;
    for (const char *at = begin; at != end; ++at) {
        if (*at != '"' && *at != '\\')
            continue;
        m_elements.append(from, at - from);
        m_elements += '\\';
        from = at;
    }
    m_elements.append(from, end - from);
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

void appendToStringConstant(QByteArray &to, const QByteArray &text)
{
    const char *const begin = text.constData();
    const char *const end = begin + text.size();
    const char *from = begin;
    for (const char *at = begin; at != end; ++at) {
        if (*at != '\'' && *at != '\\')
            continue;
        to.append(from, at - from);
        to += *at; // doubled: this one, and the one copied with what follows
        from = at;
    }
    to.append(from, end - from);
}

QString ArrayLiteral::constant() const
{
    QByteArray constant;
    constant.reserve(m_elements.size() + 5);
    constant += "E'{";
    appendToStringConstant(constant, m_elements);
    constant += "}'";
    return QString::fromUtf8(constant);
}

void ArrayLiteral::clear() noexcept
{
    m_elements.clear();
    m_count = 0;
}

} // namespace topup
