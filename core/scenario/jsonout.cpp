#include "jsonout.h"

namespace topup {

void JsonOut::open(char bracket)
{
    separate();
    m_out += bracket;
    ++m_depth;
    m_first = true;
}

void JsonOut::close(char bracket)
{
    --m_depth;
    if (!m_first)
        newline();
    m_out += bracket;
    m_first = false;
}

void JsonOut::key(const char *name)
{
    separate();
    m_out += '"';
    m_out += name;
    m_out += "\": ";
    m_afterKey = true;
}

void JsonOut::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth == 0)
        return;
    if (!m_first)
        m_out += ',';
    newline();
    m_first = false;
}

void JsonOut::newline()
{
    m_out += '\n';
    m_out += QByteArray(m_depth * 2, ' ');
}

void JsonOut::string(const QString &text)
{
    m_out += '"';
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (u == '"' || u == '\\') {
            m_out += '\\';
            m_out += c;
        } else if (u < 0x20) {
            m_out += "\\u00";
            m_out += "0123456789abcdef"[u >> 4];
            m_out += "0123456789abcdef"[u & 15];
        } else {
            m_out += c;
        }
    }
    m_out += '"';
}

} // namespace topup
