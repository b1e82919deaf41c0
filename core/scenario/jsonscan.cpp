#include "jsonscan.h"

#include <algorithm>
#include <cstring>

namespace topup {
namespace {

class Scanner final
{
public:
    explicit Scanner(const QByteArray &json)
        : m_begin(json.constData()), m_end(json.constData() + json.size()), m_pos(json.constData())
    {
    }

    JsonScan::Result run()
    {
        JsonScan::Result result;
        result.events.reserve(std::size_t(m_end - m_begin) / 80); // about an event's length: no regrowth
        m_result = &result;
        skipSpace();
        if (m_pos >= m_end || *m_pos != '{' || !value(0))
            return JsonScan::Result();
        skipSpace();
        if (m_pos != m_end || !m_sawEvents)
            return JsonScan::Result();
        result.plain = true;
        return result;
    }

private:
    static constexpr int maxDepth = 64;
    static constexpr std::ptrdiff_t maxNumberLength = 15;

    void skipSpace()
    {
        while (m_pos < m_end && (*m_pos == ' ' || *m_pos == '\n' || *m_pos == '\r' || *m_pos == '\t'))
            ++m_pos;
    }

    // A string of printable ASCII without escapes; its text, or false.
    bool string(std::string_view *text)
    {
        const char *start = ++m_pos; // past the opening quote
        // Eight bytes at a time while none is a quote, a backslash, a control
        // character or not ASCII; the loop below looks at the rest.
        constexpr quint64 ones = 0x0101010101010101ULL;
        constexpr quint64 high = 0x8080808080808080ULL;
        const auto hasZero = [](quint64 v) { return (v - ones) & ~v & high; };
        while (m_end - m_pos >= 8) {
            quint64 word;
            std::memcpy(&word, m_pos, 8);
            const quint64 special = (word & high) | ((word - ones * 0x20) & ~word & high) | hasZero(word ^ (ones * '"'))
                | hasZero(word ^ (ones * '\\'));
            if (special)
                break;
            m_pos += 8;
        }
        while (m_pos < m_end && *m_pos != '"') {
            const unsigned char c = static_cast<unsigned char>(*m_pos);
            if (c < 0x20 || c >= 0x80 || c == '\\')
                return false;
            ++m_pos;
        }
        if (m_pos >= m_end)
            return false;
        *text = std::string_view(start, std::size_t(m_pos - start));
        ++m_pos;
        return true;
    }

    bool literal(std::string_view word)
    {
        if (std::size_t(m_end - m_pos) < word.size() || std::string_view(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

    static bool digit(char c) { return c >= '0' && c <= '9'; }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?, short: what any JSON parser reads alike.
    bool number()
    {
        const char *start = m_pos;
        if (m_pos < m_end && *m_pos == '-')
            ++m_pos;
        if (m_pos >= m_end || !digit(*m_pos))
            return false;
        if (*m_pos == '0') {
            ++m_pos;
        } else {
            while (m_pos < m_end && digit(*m_pos))
                ++m_pos;
        }
        if (m_pos < m_end && *m_pos == '.') {
            ++m_pos;
            if (m_pos >= m_end || !digit(*m_pos))
                return false;
            while (m_pos < m_end && digit(*m_pos))
                ++m_pos;
        }
        return m_pos - start <= maxNumberLength;
    }

    bool value(int depth)
    {
        if (m_pos >= m_end)
            return false;
        switch (*m_pos) {
        case '{': return object(depth + 1);
        case '[': return array(depth + 1, false);
        case '"': {
            std::string_view ignored;
            return string(&ignored);
        }
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return number();
        }
    }

    bool object(int depth)
    {
        if (depth > maxDepth)
            return false;
        ++m_pos;
        skipSpace();
        if (m_pos < m_end && *m_pos == '}') {
            ++m_pos;
            return true;
        }
        std::string_view keys[8]; // most objects are small; larger ones go through `many`
        std::size_t count = 0;
        std::vector<std::string_view> many;
        for (bool more = true; more;) {
            std::string_view name;
            if (!key(&name))
                return false;
            if (count < std::size(keys)) {
                if (std::find(keys, keys + count, name) != keys + count)
                    return false; // repeated: the general way reports it
                keys[count++] = name;
            } else {
                if (many.empty())
                    many.assign(keys, keys + count);
                if (std::find(many.begin(), many.end(), name) != many.end())
                    return false;
                if (many.size() > 4096)
                    return false; // quadratic beyond this; not a scenario's shape
                many.push_back(name);
            }
            const bool events = depth == 1 && name == "events" && m_pos < m_end && *m_pos == '[';
            if (events) {
                m_sawEvents = true;
                m_result->eventsBegin = m_pos - m_begin;
                if (!array(depth + 1, true))
                    return false;
                m_result->eventsEnd = m_pos - m_begin;
            } else if (!value(depth)) {
                return false;
            }
            if (!next('}', &more))
                return false;
        }
        return true;
    }

    bool array(int depth, bool events)
    {
        if (depth > maxDepth)
            return false;
        ++m_pos;
        skipSpace();
        if (m_pos < m_end && *m_pos == ']') {
            ++m_pos;
            return true;
        }
        for (bool more = true; more;) {
            const char *start = m_pos;
            if (events) {
                JsonScan::Event::Strings use;
                if (!useEvent(&use)) { // any other shape: checked the general way
                    m_pos = start;
                    if (!value(depth))
                        return false;
                    m_result->events.emplace_back(std::string_view(start, std::size_t(m_pos - start)), nullptr);
                } else {
                    const std::string_view text(start, std::size_t(m_pos - start));
                    m_result->events.emplace_back(text, text.size() < JsonScan::Event::maxUseLength ? &use : nullptr);
                }
            } else if (!value(depth)) {
                return false;
            }
            if (!next(']', &more))
                return false;
        }
        return true;
    }

    // `"key": ` up to its value, the key's text in *name; false when not there.
    bool key(std::string_view *name)
    {
        if (m_pos >= m_end || *m_pos != '"' || !string(name))
            return false;
        skipSpace();
        if (m_pos >= m_end || *m_pos != ':')
            return false;
        ++m_pos;
        skipSpace();
        return true;
    }

    // A string value into a slot not filled yet (a key seen twice is not
    // this shape: the general way finds the repeat).
    bool stringInto(std::string_view *slot)
    {
        return slot && slot->data() == nullptr && m_pos < m_end && *m_pos == '"' && string(slot);
    }

    // After a member or an element: past `close` (*more false) or past ','
    // and the space after it (*more true); false at anything else.
    bool next(char close, bool *more)
    {
        skipSpace();
        if (m_pos >= m_end || (*m_pos != ',' && *m_pos != close))
            return false;
        *more = *m_pos == ',';
        ++m_pos;
        if (*more)
            skipSpace();
        return true;
    }

    // An element of "events" with exactly the keys of a `use` event, each a
    // string (and "use" an object of "data" and/or "voice" strings): its
    // strings picked out as the text is checked. False for any other shape,
    // with m_pos anywhere: the caller reads the element again the general way.
    bool useEvent(JsonScan::Event::Strings *event)
    {
        if (m_pos >= m_end || *m_pos != '{')
            return false;
        ++m_pos;
        skipSpace();
        bool sawUse = false;
        for (bool more = true; more;) {
            std::string_view name;
            if (!key(&name))
                return false;
            if (name == "use") {
                if (sawUse || !useAmounts(event))
                    return false;
                sawUse = true;
            } else if (!stringInto(name == "at" ? &event->at : name == "line" ? &event->line : nullptr)) {
                return false;
            }
            if (!next('}', &more))
                return false;
        }
        return sawUse && event->at.data() != nullptr && event->line.data() != nullptr;
    }

    bool useAmounts(JsonScan::Event::Strings *event)
    {
        if (m_pos >= m_end || *m_pos != '{')
            return false;
        ++m_pos;
        skipSpace();
        for (bool more = true; more;) { // an empty `use` is not this shape: the general way says what it lacks
            std::string_view name;
            if (!key(&name) || !stringInto(name == "data" ? &event->data : name == "voice" ? &event->voice : nullptr)
                || !next('}', &more))
                return false;
        }
        return true;
    }

    const char *m_begin;
    const char *m_end;
    const char *m_pos;
    JsonScan::Result *m_result = nullptr;
    bool m_sawEvents = false;
};

} // namespace

JsonScan::Event::Event(std::string_view text, const Strings *use)
    : m_text(text.data()), m_size(quint32(text.size()))
{
    if (!use)
        return;
    m_at = span(use->at);
    m_line = span(use->line);
    m_data = span(use->data);
    m_voice = span(use->voice);
}

JsonScan::Event::Span JsonScan::Event::span(std::string_view part) const noexcept
{
    if (part.data() == nullptr)
        return Span();
    return Span{quint16(part.data() - m_text), quint16(part.size())};
}

JsonScan::Result JsonScan::scan(const QByteArray &json)
{
    return Scanner(json).run();
}

} // namespace topup
