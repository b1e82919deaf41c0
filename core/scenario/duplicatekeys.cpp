#include "duplicatekeys.h"

#include <QCoreApplication>
#include <QSet>

#include <cstring>

namespace topup {
namespace {

class Scanner final
{
public:
    explicit Scanner(const QByteArray &json) : m_json(json) {}

    Problems run()
    {
        skipSpace();
        value(QString());
        return std::move(m_problems);
    }

private:
    void skipSpace()
    {
        while (m_pos < m_json.size() && (m_json[m_pos] == ' ' || m_json[m_pos] == '\t' || m_json[m_pos] == '\n' || m_json[m_pos] == '\r'))
            ++m_pos;
    }

    // Reads a string token and returns its decoded text.
    QString string()
    {
        ++m_pos; // the opening quote
        QByteArray raw;
        QString text;
        while (m_pos < m_json.size() && m_json[m_pos] != '"') {
            if (m_json[m_pos] != '\\') {
                raw += m_json[m_pos++];
                continue;
            }
            text += QString::fromUtf8(raw);
            raw.clear();
            const char escaped = m_pos + 1 < m_json.size() ? m_json[m_pos + 1] : '\0';
            m_pos += 2;
            switch (escaped) {
            case 'b': text += QLatin1Char('\b'); break;
            case 'f': text += QLatin1Char('\f'); break;
            case 'n': text += QLatin1Char('\n'); break;
            case 'r': text += QLatin1Char('\r'); break;
            case 't': text += QLatin1Char('\t'); break;
            case 'u':
                text += QChar(char16_t(m_json.mid(m_pos, 4).toUShort(nullptr, 16)));
                m_pos += 4;
                break;
            default: text += QLatin1Char(escaped); break; // " \ /
            }
        }
        ++m_pos; // the closing quote
        return text + QString::fromUtf8(raw);
    }

    void value(const QString &path)
    {
        skipSpace();
        if (m_pos >= m_json.size())
            return;
        const char c = m_json[m_pos];
        if (c == '{') {
            object(path);
        } else if (c == '[') {
            array(path);
        } else if (c == '"') {
            string();
        } else { // number, true, false, null
            while (m_pos < m_json.size() && !std::strchr(",]} \t\n\r", m_json[m_pos]))
                ++m_pos;
        }
    }

    void object(const QString &path)
    {
        ++m_pos;
        QSet<QString> keys;
        for (skipSpace(); m_pos < m_json.size() && m_json[m_pos] != '}'; skipSpace()) {
            if (m_json[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            const QString key = string();
            const QString keyPath = path.isEmpty() ? key : path + QLatin1Char('.') + key;
            if (keys.contains(key))
                m_problems.push_back(Problem{keyPath, QCoreApplication::translate("topup::DuplicateKeys",
                                                                                  "this key appears twice in the same object")});
            keys.insert(key);
            skipSpace();
            ++m_pos; // the colon
            value(keyPath);
        }
        ++m_pos;
    }

    void array(const QString &path)
    {
        ++m_pos;
        int index = 0;
        for (skipSpace(); m_pos < m_json.size() && m_json[m_pos] != ']'; skipSpace()) {
            if (m_json[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            value(QStringLiteral("%1[%2]").arg(path).arg(index++));
        }
        ++m_pos;
    }

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    Problems m_problems;
};

} // namespace

Problems findDuplicateKeys(const QByteArray &json)
{
    return Scanner(json).run();
}

} // namespace topup
