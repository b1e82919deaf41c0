#include "textcolumn.h"

namespace topup {

void TextColumn::add(const QByteArray &text)
{
    if (m_joined && (text.isEmpty() || text.contains(separator))) {
        // The texts so far are each without the separator: split back, exactly.
        m_joined = false;
        m_array.clear();
        if (m_count > 0) {
            for (const QByteArray &each : m_text.split(separator))
                m_array.add(each);
        }
        m_text.clear();
    }
    ++m_count;
    if (!m_joined) {
        m_array.add(text);
        return;
    }
    if (m_count > 1)
        m_text += separator;
    m_text += text;
}

QString TextColumn::arrayExpression() const
{
    if (!m_joined)
        return QLatin1String("CAST(") + m_array.constant() + QLatin1String(" AS TEXT[])");
    QByteArray expression;
    expression.reserve(m_text.size() + 40);
    expression += "string_to_array(E'";
    appendToStringConstant(expression, m_text);
    expression += "', '";
    expression += separator;
    expression += "')";
    return QString::fromUtf8(expression);
}

void TextColumn::clear() noexcept
{
    m_text.clear();
    m_array.clear();
    m_count = 0;
    m_joined = true;
}

} // namespace topup
