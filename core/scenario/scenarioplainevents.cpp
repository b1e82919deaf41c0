// The fast way through a plain file's events (JsonScan said the text is
// plain): `use` events are read straight from their bytes; anything else,
// or a `use` event with a problem, goes the general way of
// scenarioreader.cpp, so every message and path is the same.
#include "scenarioreader.h"

#include "jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace topup {
namespace {

QString indexed(const QString &path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

} // namespace

void ScenarioReader::readPlainEvents(const std::vector<std::string_view> &events, bool rangeKnown)
{
    if (!withinLimit(qsizetype(events.size()), QStringLiteral("events"), maxEvents, nullptr))
        return;
    m_lineIdsUtf8.reserve(std::size_t(m_lineIds.paths.size()));
    for (auto it = m_lineIds.paths.constBegin(); it != m_lineIds.paths.constEnd(); ++it) {
        m_lineIdsUtf8.push_back(it.key().toUtf8());
        const QByteArray &utf8 = m_lineIdsUtf8.back();
        m_linesByUtf8.emplace(std::string_view(utf8.constData(), std::size_t(utf8.size())), it.key());
    }
    m_world.events.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (readPlainUse(events[i], rangeKnown))
            continue;
        // Any other event, or one with a problem: the general way, which
        // says what is wrong exactly as for any file.
        const QByteArray text = QByteArray("[") + QByteArray(events[i].data(), qsizetype(events[i].size())) + ']';
        const QJsonValue value = QJsonDocument::fromJson(text).array().at(0);
        if (value.isObject())
            readEvent(value.toObject(), qsizetype(i), rangeKnown);
        else
            m_problems.push_back(Problem{indexed(QStringLiteral("events"), qsizetype(i)),
                                         ScenarioReader::tr("must be an object, not %1").arg(jsonTypeName(value))});
    }
}

namespace {

// Reads `"key": ` or the end of an object; text is plain JSON (JsonScan).
class PlainObject final
{
public:
    explicit PlainObject(std::string_view text) : m_pos(text.data()), m_end(text.data() + text.size()) {}

    // The next key, or false at the end (or when the value is not a plain string/object).
    bool next(std::string_view *key)
    {
        skip();
        if (m_pos < m_end && (*m_pos == '{' || *m_pos == ','))
            ++m_pos;
        skip();
        if (m_pos >= m_end || *m_pos != '"')
            return false;
        *key = quoted();
        skip();
        ++m_pos; // ':'
        skip();
        return true;
    }
    bool atString() const { return m_pos < m_end && *m_pos == '"'; }
    bool atObject() const { return m_pos < m_end && *m_pos == '{'; }
    std::string_view string() { return quoted(); }
    // The text of the object value here, up to its closing brace.
    std::string_view object()
    {
        const char *start = m_pos;
        int depth = 0;
        do {
            if (*m_pos == '"') {
                quoted();
                continue;
            }
            if (*m_pos == '{' || *m_pos == '[')
                ++depth;
            else if (*m_pos == '}' || *m_pos == ']')
                --depth;
            ++m_pos;
        } while (depth > 0 && m_pos < m_end);
        return std::string_view(start, std::size_t(m_pos - start));
    }

private:
    void skip()
    {
        while (m_pos < m_end && (*m_pos == ' ' || *m_pos == '\n' || *m_pos == '\r' || *m_pos == '\t'))
            ++m_pos;
    }
    std::string_view quoted()
    {
        const char *start = ++m_pos;
        while (*m_pos != '"') // plain: no escapes, and the quote is there
            ++m_pos;
        return std::string_view(start, std::size_t(m_pos++ - start));
    }

    const char *m_pos;
    const char *m_end;
};

// Parses ASCII text with `parse` without allocating for it.
template<typename T>
std::optional<T> parsedAscii(std::string_view text, Expected<T> (*parse)(QStringView))
{
    char16_t buffer[64];
    if (text.size() > std::size(buffer))
        return std::nullopt;
    std::copy(text.begin(), text.end(), buffer);
    const Expected<T> value = parse(QStringView(buffer, qsizetype(text.size())));
    if (!value)
        return std::nullopt;
    return *value;
}

} // namespace

bool ScenarioReader::readPlainUse(std::string_view text, bool rangeKnown)
{
    // Exactly "at", "line" and "use" (with "data" and/or "voice"), each a
    // valid value: anything else is left to the general way.
    PlainObject object(text);
    std::string_view key;
    std::string_view at;
    std::string_view line;
    std::string_view use;
    while (object.next(&key)) {
        std::string_view *slot = key == "at" ? &at : key == "line" ? &line : key == "use" ? &use : nullptr;
        if (!slot)
            return false;
        if (key == "use" ? !object.atObject() : !object.atString())
            return false;
        *slot = key == "use" ? object.object() : object.string();
    }
    if (at.data() == nullptr || line.data() == nullptr || use.data() == nullptr)
        return false;
    const auto instant = parsedAscii<Instant>(at, &Instant::parse);
    if (!instant || (rangeKnown && (*instant < m_world.start || *instant > m_world.end)))
        return false;
    const QString *lineId = nullptr;
    if (m_lineIds.complete) {
        const auto found = m_linesByUtf8.find(line);
        if (found == m_linesByUtf8.end())
            return false;
        lineId = &found->second;
    }
    DataAmount data;
    VoiceAmount voice;
    PlainObject amounts(use);
    bool any = false;
    while (amounts.next(&key)) {
        if ((key != "data" && key != "voice") || !amounts.atString())
            return false;
        const std::string_view value = amounts.string();
        if (key == "data") {
            const auto parsed = parsedAscii<DataAmount>(value, &DataAmount::parse);
            if (!parsed)
                return false;
            data = *parsed;
        } else {
            const auto parsed = parsedAscii<VoiceAmount>(value, &VoiceAmount::parse);
            if (!parsed)
                return false;
            voice = *parsed;
        }
        any = true;
    }
    if (!any)
        return false;
    WorldEvent &event = m_world.events.emplace_back(); // in place: reserved
    event.at = *instant;
    event.kind = WorldEvent::Kind::Use;
    event.line = lineId ? *lineId : QString::fromLatin1(line.data(), qsizetype(line.size()));
    event.data = data;
    event.voice = voice;
    return true;
}

} // namespace topup
