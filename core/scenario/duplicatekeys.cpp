#include "duplicatekeys.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <string_view>
#include <vector>

namespace topup {
namespace {

// One pass over text that already parsed as JSON, allocating nothing while
// no key repeats: keys are compared as the bytes between their quotes (the
// same text is the same bytes), decoded only when one holds an escape, and
// a path is built only for a key that is reported.
class Scanner final
{
public:
    explicit Scanner(const QByteArray &json) : m_end(json.constData() + json.size()), m_pos(json.constData()) {}

    Problems run()
    {
        skipSpace();
        value();
        return std::move(m_problems);
    }

private:
    // Where the scan is: a key of an object or an index of an array.
    struct Step final
    {
        std::string_view key; // raw, between the quotes; unused for an index
        qsizetype index = -1; // -1 for a key
    };

    // A key seen in the object being read.
    struct Key final
    {
        std::string_view raw;
        bool escaped = false;
    };

    void skipSpace()
    {
        while (m_pos < m_end && (*m_pos == ' ' || *m_pos == '\t' || *m_pos == '\n' || *m_pos == '\r'))
            ++m_pos;
    }

    // Skips a string token; returns its raw text and whether it holds an escape.
    Key skipString()
    {
        ++m_pos; // the opening quote
        const char *start = m_pos;
        bool escaped = false;
        while (m_pos < m_end && *m_pos != '"') {
            if (*m_pos == '\\') {
                escaped = true;
                ++m_pos;
            }
            ++m_pos;
        }
        const char *stop = std::min(m_pos, m_end);
        ++m_pos; // the closing quote
        return Key{std::string_view(start, std::size_t(stop - start)), escaped};
    }

    static QString decode(const Key &key)
    {
        if (!key.escaped)
            return QString::fromUtf8(key.raw.data(), qsizetype(key.raw.size()));
        QString text;
        const char *pos = key.raw.data();
        const char *end = pos + key.raw.size();
        const char *run = pos;
        while (pos < end) {
            if (*pos != '\\') {
                ++pos;
                continue;
            }
            text += QString::fromUtf8(run, qsizetype(pos - run));
            const char escaped = pos + 1 < end ? pos[1] : '\0';
            pos += 2;
            switch (escaped) {
            case 'b': text += QLatin1Char('\b'); break;
            case 'f': text += QLatin1Char('\f'); break;
            case 'n': text += QLatin1Char('\n'); break;
            case 'r': text += QLatin1Char('\r'); break;
            case 't': text += QLatin1Char('\t'); break;
            case 'u':
                text += QChar(char16_t(QByteArray(pos, qsizetype(std::min<std::ptrdiff_t>(4, end - pos))).toUShort(nullptr, 16)));
                pos += std::min<std::ptrdiff_t>(4, end - pos);
                break;
            default: text += QLatin1Char(escaped); break; // " \ /
            }
            run = pos;
        }
        return text + QString::fromUtf8(run, qsizetype(end - run));
    }

    static bool same(const Key &a, const Key &b)
    {
        if (!a.escaped && !b.escaped)
            return a.raw == b.raw;
        return decode(a) == decode(b);
    }

    QString path() const
    {
        QString text;
        for (const Step &step : m_steps) {
            if (step.index >= 0) {
                text += QLatin1Char('[') + QString::number(step.index) + QLatin1Char(']');
            } else {
                if (!text.isEmpty())
                    text += QLatin1Char('.');
                text += decode(Key{step.key, step.key.find('\\') != std::string_view::npos});
            }
        }
        return text;
    }

    void value()
    {
        skipSpace();
        if (m_pos >= m_end)
            return;
        const char c = *m_pos;
        if (c == '{') {
            object();
        } else if (c == '[') {
            array();
        } else if (c == '"') {
            skipString();
        } else { // number, true, false, null
            const char *start = m_pos;
            while (m_pos < m_end && *m_pos != ',' && *m_pos != ']' && *m_pos != '}' && *m_pos != ' ' && *m_pos != '\t'
                   && *m_pos != '\n' && *m_pos != '\r')
                ++m_pos;
            if (const QString problem = inexact(std::string_view(start, std::size_t(m_pos - start))); !problem.isEmpty())
                m_problems.push_back(Problem{path(), problem});
        }
    }

    // A number Qt's parser would change without a word, as it holds every
    // number in a double: a whole number beyond 2^53, or one with more than
    // 15 significant digits (30.9999999999999999999 would be read as 31).
    static QString inexact(std::string_view number)
    {
        if (number.empty() || (number.front() != '-' && (number.front() < '0' || number.front() > '9')))
            return {}; // true, false, null
        std::string digits;
        bool whole = true;
        for (const char c : number) {
            if (c >= '0' && c <= '9')
                digits += c;
            else if (c == '.' || c == 'e' || c == 'E')
                whole = false;
            if (c == 'e' || c == 'E')
                break; // the exponent's digits are not significant ones
        }
        const QString text = QString::fromLatin1(number.data(), qsizetype(number.size()));
        if (whole) {
            const std::string limit = "9007199254740992"; // 2^53
            const std::size_t first = std::min(digits.find_first_not_of('0'), digits.size());
            const std::string magnitude = digits.substr(first);
            if (magnitude.size() > limit.size() || (magnitude.size() == limit.size() && magnitude > limit))
                return QCoreApplication::translate("topup::DuplicateKeys",
                                                   "%1 is beyond 2^53 (9007199254740992), past which numbers are not held exactly")
                    .arg(text);
            return {};
        }
        const std::size_t first = digits.find_first_not_of('0');
        const std::size_t last = digits.find_last_not_of('0');
        const std::size_t significant = first == std::string::npos ? 0 : last - first + 1;
        if (significant > 15)
            return QCoreApplication::translate("topup::DuplicateKeys",
                                               "%1 has %2 significant digits, more than the 15 a number is held exactly with; write it shorter")
                .arg(text)
                .arg(significant);
        return {};
    }

    // Objects past this many keys are checked through a hash of decoded keys.
    static constexpr std::size_t linearKeys = 32;

    void object()
    {
        ++m_pos;
        std::vector<Key> keys;
        QSet<QString> many;
        for (skipSpace(); m_pos < m_end && *m_pos != '}'; skipSpace()) {
            if (*m_pos == ',') {
                ++m_pos;
                continue;
            }
            const Key key = skipString();
            bool repeated = false;
            if (keys.size() < linearKeys) {
                for (const Key &seen : keys)
                    repeated = repeated || same(seen, key);
                keys.push_back(key);
                if (keys.size() == linearKeys) {
                    for (const Key &seen : keys)
                        many.insert(decode(seen));
                }
            } else {
                const QString text = decode(key);
                repeated = many.contains(text);
                many.insert(text);
            }
            m_steps.push_back(Step{key.raw, -1});
            if (repeated)
                m_problems.push_back(
                    Problem{path(), QCoreApplication::translate("topup::DuplicateKeys", "this key appears twice in the same object")});
            skipSpace();
            ++m_pos; // the colon
            value();
            m_steps.pop_back();
        }
        ++m_pos;
    }

    void array()
    {
        ++m_pos;
        qsizetype index = 0;
        for (skipSpace(); m_pos < m_end && *m_pos != ']'; skipSpace()) {
            if (*m_pos == ',') {
                ++m_pos;
                continue;
            }
            m_steps.push_back(Step{std::string_view(), index++});
            value();
            m_steps.pop_back();
        }
        ++m_pos;
    }

    const char *m_end;
    const char *m_pos;
    std::vector<Step> m_steps;
    Problems m_problems;
};

} // namespace

Problems findDuplicateKeys(const QByteArray &json)
{
    return Scanner(json).run();
}

} // namespace topup
