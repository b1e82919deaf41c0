#include "samplesrow.h"

#include "usagetriples.h"

#include <charconv>

namespace topup {

qint64 SamplesRow::hourOf(qint64 atMs) noexcept
{
    return atMs >= 0 ? atMs / msPerHour : -((-atMs + msPerHour - 1) / msPerHour);
}

qint64 SamplesRow::dayStartOf(qint64 hour) noexcept
{
    return (hour >= 0 ? hour / hoursPerDay : -((-hour + hoursPerDay - 1) / hoursPerDay)) * hoursPerDay;
}

void SamplesRow::add(qint64 offsetMs, qint64 dataBytes, qint64 voiceSeconds)
{
    usagetriples::add<&Sample::offsetMs>(m_samples, Sample{offsetMs, dataBytes, voiceSeconds});
}

void SamplesRow::add(const SamplesRow &other)
{
    for (const Sample &sample : other.m_samples)
        add(sample.offsetMs, sample.dataBytes, sample.voiceSeconds);
}

QByteArray SamplesRow::text() const
{
    QByteArray text;
    writeText(text);
    return text;
}

void SamplesRow::writeText(QByteArray &text) const
{
    // At most 20 characters a number (the sign and 19 digits) and one
    // separator after each: written in place, then cut to what was written.
    constexpr qsizetype mostPerSample = 3 * 21;
    text.resize(qsizetype(m_samples.size()) * mostPerSample);
    char *const begin = text.data();
    char *const end = begin + text.size();
    char *at = begin;
    qint64 next = 0; // where a sample whose text gives no instant is
    for (const Sample &sample : m_samples) {
        if (at != begin)
            *at++ = ';';
        if (sample.offsetMs != next) {
            at = std::to_chars(at, end, sample.offsetMs).ptr;
            *at++ = ':';
        }
        at = std::to_chars(at, end, sample.dataBytes).ptr;
        if (sample.voiceSeconds != 0) {
            *at++ = ',';
            at = std::to_chars(at, end, sample.voiceSeconds).ptr;
        }
        next = sample.offsetMs + gridMs;
    }
    text.resize(at - begin);
}

std::optional<SamplesRow> SamplesRow::parseVersion13(const QByteArray &text, qint64 hour)
{
    SamplesRow row;
    const qint64 span = spanMs(hour);
    const auto outside = [](int) { return QString(); };
    const std::optional<QString> wrong = usagetriples::read(
        text,
        [&](int, qint64 offsetMs, qint64 dataBytes, qint64 voiceSeconds) -> std::optional<QString> {
            if (offsetMs < 0 || offsetMs >= span)
                return QString();
            row.add(offsetMs, dataBytes, voiceSeconds);
            return std::nullopt;
        },
        outside, [] { return QString(); });
    if (wrong)
        return std::nullopt;
    return row;
}

Expected<SamplesRow> SamplesRow::parse(const QByteArray &text, qint64 hour)
{
    SamplesRow row;
    const qint64 span = spanMs(hour);
    const char *at = text.constData();
    const char *const end = at + text.size();
    const auto malformed = [&](int index) {
        return Expected<SamplesRow>::failure(tr("sample %1 of the row is not \"bytes\", \"bytes,seconds\" or \"milliseconds:bytes,seconds\""
                                                " (the text reads \"%2\")")
                                                 .arg(index)
                                                 .arg(QString::fromLatin1(text.left(80))));
    };
    // A number from `at`, which then stands after it.
    const auto number = [&](qint64 &value) {
        const auto read = std::from_chars(at, end, value);
        if (read.ec != std::errc())
            return false;
        at = read.ptr;
        return true;
    };
    qint64 next = 0;
    int index = 0;
    row.m_samples.reserve(std::size_t(span / gridMs));
    while (at < end) {
        ++index;
        Sample sample;
        if (!number(sample.dataBytes))
            return malformed(index);
        const bool hasInstant = at < end && *at == ':';
        if (hasInstant) {
            ++at;
            sample.offsetMs = sample.dataBytes;
            if (!number(sample.dataBytes))
                return malformed(index);
        } else {
            sample.offsetMs = next;
        }
        if (at < end && *at == ',') {
            ++at;
            if (!number(sample.voiceSeconds))
                return malformed(index);
        }
        if (at < end) {
            if (*at != ';')
                return malformed(index);
            if (++at == end)
                return Expected<SamplesRow>::failure(tr("the row's samples end with \";\""));
        }
        if (sample.offsetMs < 0 || sample.offsetMs >= span)
            return Expected<SamplesRow>::failure(
                tr("sample %1 of the row is %2 ms from its hour's start, outside the hour's UTC day").arg(index).arg(sample.offsetMs));
        if (!row.m_samples.empty() && sample.offsetMs <= row.m_samples.back().offsetMs)
            return Expected<SamplesRow>::failure(
                tr("sample %1 of the row is %2 ms from its hour's start, not after the sample before it").arg(index).arg(sample.offsetMs));
        row.m_samples.push_back(sample);
        next = sample.offsetMs + gridMs;
    }
    return row;
}

} // namespace topup
