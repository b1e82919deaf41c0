#include "hourofsamples.h"

#include <algorithm>
#include <charconv>

namespace topup {

qint64 HourOfSamples::hourOf(qint64 atMs) noexcept
{
    return atMs >= 0 ? atMs / msPerHour : -((-atMs + msPerHour - 1) / msPerHour);
}

void HourOfSamples::add(qint64 offsetMs, qint64 dataBytes, qint64 voiceSeconds)
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

void HourOfSamples::add(const HourOfSamples &other)
{
    for (const Sample &sample : other.m_samples)
        add(sample.offsetMs, sample.dataBytes, sample.voiceSeconds);
}

QByteArray HourOfSamples::text() const
{
    QByteArray text;
    text.reserve(qsizetype(m_samples.size()) * 20);
    char digits[24];
    const auto put = [&](qint64 value) {
        const auto written = std::to_chars(digits, digits + sizeof digits, value);
        text.append(digits, written.ptr - digits);
    };
    for (const Sample &sample : m_samples) {
        if (!text.isEmpty())
            text.append(';');
        put(sample.offsetMs);
        text.append(',');
        put(sample.dataBytes);
        text.append(',');
        put(sample.voiceSeconds);
    }
    return text;
}

Expected<HourOfSamples> HourOfSamples::parse(const QByteArray &text)
{
    HourOfSamples hour;
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
                return Expected<HourOfSamples>::failure(
                    tr("sample %1 of the hour is not \"milliseconds,bytes,seconds\" (the text reads \"%2\")")
                        .arg(index)
                        .arg(QString::fromLatin1(text.left(80))));
            at = read.ptr + (ended ? 0 : 1);
        }
        if (fields[0] < 0 || fields[0] >= msPerHour)
            return Expected<HourOfSamples>::failure(
                tr("sample %1 of the hour is %2 ms from its start, outside the hour").arg(index).arg(fields[0]));
        hour.add(fields[0], fields[1], fields[2]);
        if (at == end && text.endsWith(';'))
            return Expected<HourOfSamples>::failure(tr("the hour's samples end with \";\""));
    }
    return hour;
}

} // namespace topup
