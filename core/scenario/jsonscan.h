#pragma once

#include <QByteArray>

#include <string_view>
#include <vector>

namespace topup {

// One strict pass over a scenario's bytes that tells whether the fast way of
// reading applies: the text is JSON that Qt's parser accepts too, all ASCII,
// without escapes, exponents, long numbers or deep nesting, with no key
// repeated in an object, and its root is an object whose "events" is an
// array. Anything else is read the slow, general way, which reports
// problems; this pass reports none, it only says "plain" or not.
//
// In the same pass, each element of "events" that has the shape of a `use`
// event ({"at": "…", "line": "…", "use": {"data": "…", "voice": "…"}}, keys
// in any order, "data" or "voice" or both) has its strings picked out, so
// that the reader does not go over its bytes again.
class JsonScan final
{
public:
    // One element of "events", 32 bytes (a scenario has up to 200 000).
    class Event final
    {
    public:
        // The strings of a `use` shape, found in the element's text.
        struct Strings final
        {
            std::string_view at;
            std::string_view line;
            std::string_view data; // null data() when absent
            std::string_view voice;
        };

        Event(std::string_view text, const Strings *use);

        std::string_view text() const noexcept { return std::string_view(m_text, m_size); }
        bool isUse() const noexcept { return m_at.size != absent; }
        // For a `use` shape: the contents of its strings, without quotes.
        std::string_view at() const noexcept { return slice(m_at); }
        std::string_view line() const noexcept { return slice(m_line); }
        std::string_view data() const noexcept { return slice(m_data); }
        std::string_view voice() const noexcept { return slice(m_voice); }

        // A `use` shape is kept as one only when its text is shorter than this.
        static constexpr std::size_t maxUseLength = 0xffff;

    private:
        static constexpr quint16 absent = 0xffff;
        struct Span final
        {
            quint16 offset = 0;
            quint16 size = absent;
        };
        Span span(std::string_view part) const noexcept;
        std::string_view slice(Span span) const noexcept
        {
            return span.size == absent ? std::string_view() : std::string_view(m_text + span.offset, span.size);
        }

        const char *m_text;
        quint32 m_size;
        Span m_at;
        Span m_line;
        Span m_data;
        Span m_voice;
    };

    struct Result final
    {
        bool plain = false;
        qsizetype eventsBegin = 0; // the root's "events" array, '[' .. one past ']'
        qsizetype eventsEnd = 0;
        std::vector<Event> events; // in order
    };

    [[nodiscard]] static Result scan(const QByteArray &json);
};

} // namespace topup
