// The fast way through a plain file's events (JsonScan said the text is
// plain): `use` events are read straight from their bytes; anything else,
// or a `use` event with a problem, goes the general way of
// scenarioreader.cpp, so every message and path is the same.
#include "scenarioreader.h"

#include "jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace topup {
void ScenarioReader::readPlainEvents(const std::vector<JsonScan::Event> &events, bool rangeKnown)
{
    if (!withinLimit(qsizetype(events.size()), QStringLiteral("events"), maxEvents, nullptr))
        return;
    std::vector<QString> lineIds;
    lineIds.reserve(std::size_t(m_lineIds.paths.size()));
    for (auto it = m_lineIds.paths.constBegin(); it != m_lineIds.paths.constEnd(); ++it)
        lineIds.push_back(it.key());
    m_linesByUtf8 = IdIndex(lineIds);
    m_world.events.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (readPlainUse(events[i], rangeKnown))
            continue;
        // Any other event, or one with a problem: the general way, which
        // says what is wrong exactly as for any file.
        const std::string_view element = events[i].text();
        const QByteArray text = QByteArray("[") + QByteArray(element.data(), qsizetype(element.size())) + ']';
        const QJsonValue value = QJsonDocument::fromJson(text).array().at(0);
        if (value.isObject())
            readEvent(value.toObject(), qsizetype(i), rangeKnown);
        else
            m_problems.push_back(Problem{JsonFields::indexed(QStringLiteral("events"), qsizetype(i)),
                                         ScenarioReader::tr("must be an object, not %1").arg(jsonTypeName(value))});
    }
}

namespace {

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

bool ScenarioReader::readPlainUse(const JsonScan::Event &use, bool rangeKnown)
{
    // Exactly "at", "line" and "use" (with "data" and/or "voice"), each a
    // valid value: anything else is left to the general way.
    if (!use.isUse())
        return false;
    std::optional<Instant> instant = Instant::parseWholeSeconds(use.at());
    if (!instant)
        instant = parsedAscii<Instant>(use.at(), &Instant::parse);
    if (!instant || (rangeKnown && (*instant < m_world.start || *instant > m_world.end)))
        return false;
    const QString *lineId = nullptr;
    if (m_lineIds.complete) {
        lineId = m_linesByUtf8.find(use.line());
        if (!lineId)
            return false;
    }
    DataAmount data;
    VoiceAmount voice;
    if (use.data().data() != nullptr) {
        const auto parsed = parsedAscii<DataAmount>(use.data(), &DataAmount::parse);
        if (!parsed)
            return false;
        data = *parsed;
    }
    if (use.voice().data() != nullptr) {
        const auto parsed = parsedAscii<VoiceAmount>(use.voice(), &VoiceAmount::parse);
        if (!parsed)
            return false;
        voice = *parsed;
    }
    WorldEvent &event = m_world.events.emplace_back(); // in place: reserved
    event.at = *instant;
    event.kind = WorldEvent::Kind::Use;
    if (lineId)
        event.line = *lineId;
    else
        event.line = QString::fromLatin1(use.line().data(), qsizetype(use.line().size()));
    event.data = data;
    event.voice = voice;
    return true;
}

} // namespace topup
