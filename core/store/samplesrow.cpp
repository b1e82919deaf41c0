#include "samplesrow.h"

#include <algorithm>
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
    // A catch-up adds them in order: the end is where they go.
    if (m_samples.empty() || m_samples.back().offsetMs < offsetMs) {
        m_samples.push_back(Sample{offsetMs, dataBytes, voiceSeconds});
        return;
    }
    const auto at = std::lower_bound(m_samples.begin(), m_samples.end(), offsetMs,
                                     [](const Sample &sample, qint64 offset) { return sample.offsetMs < offset; });
    if (at != m_samples.end() && at->offsetMs == offsetMs) {
        at->dataBytes += dataBytes;
        at->voiceSeconds += voiceSeconds;
        return;
    }
    m_samples.insert(at, Sample{offsetMs, dataBytes, voiceSeconds});
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
    for (const Sample &sample : m_samples) {
        if (at != begin)
            *at++ = ';';
        at = std::to_chars(at, end, sample.offsetMs).ptr;
        *at++ = ',';
        at = std::to_chars(at, end, sample.dataBytes).ptr;
        *at++ = ',';
        at = std::to_chars(at, end, sample.voiceSeconds).ptr;
    }
    text.resize(at - begin);
}

Expected<SamplesRow> SamplesRow::parse(const QByteArray &text, qint64 hour)
{
    SamplesRow row;
    const qint64 span = spanMs(hour);
    const char *at = text.constData();
    const char *const end = at + text.size();
    int index = 0;
    while (at < end) {
        ++index;
        qint64 fields[3] = {0, 0, 0};
        for (int field = 0; field < 3; ++field) {
            const auto read = std::from_chars(at, end, fields[field]);
            const char expected = field < 2 ? ',' : ';';
            const bool ended = read.ptr == end && field == 2;
            if (read.ec != std::errc() || (!ended && (read.ptr == end || *read.ptr != expected)))
                return Expected<SamplesRow>::failure(
                    tr("sample %1 of the row is not \"milliseconds,bytes,seconds\" (the text reads \"%2\")")
                        .arg(index)
                        .arg(QString::fromLatin1(text.left(80))));
            at = read.ptr + (ended ? 0 : 1);
        }
        if (fields[0] < 0 || fields[0] >= span)
            return Expected<SamplesRow>::failure(
                tr("sample %1 of the row is %2 ms from its hour's start, outside the hour's UTC day").arg(index).arg(fields[0]));
        row.add(fields[0], fields[1], fields[2]);
        if (at == end && text.endsWith(';'))
            return Expected<SamplesRow>::failure(tr("the row's samples end with \";\""));
    }
    return row;
}

} // namespace topup
