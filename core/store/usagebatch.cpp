#include "usagebatch.h"

#include "domain/civil.h"

#include <algorithm>
#include <limits>

namespace topup {

UsageBatch::UsageBatch(std::vector<qint64> lineIds, const ZonedCalendar &calendar, qint64 everyMs)
    : m_lineIds(std::move(lineIds)), m_calendar(calendar), m_everyMs(everyMs), m_lines(m_lineIds.size())
{
}

void UsageBatch::addTo(std::vector<Sum> &sums, std::size_t sealed, qint64 key, qint64 dataBytes, qint64 voiceSeconds)
{
    // Summed into the last one only when it is this run's: a dropped run
    // then leaves the sums before it as they were.
    if (sums.size() > sealed && sums.back().key == key) {
        sums.back().dataBytes += dataBytes;
        sums.back().voiceSeconds += voiceSeconds;
        return;
    }
    sums.push_back(Sum{key, dataBytes, voiceSeconds});
}

void UsageBatch::add(const UsageRecord &record)
{
    ++m_runSamples;
    const std::size_t index = std::size_t(record.line);
    if (index >= m_lines.size())
        return; // a line the batch does not know has no row to write to
    Line &line = m_lines[index];
    const Mark mark = m_inRun ? m_marks[index] : Mark{};
    const qint64 atMs = record.at.msecs();
    addTo(line.hours, mark.hours, civil::floorDiv(atMs, civil::msPerHour) * civil::msPerHour, record.dataBytes, record.voiceSeconds);
    // The zone's offset is cached between transitions: this is cheap.
    const qint64 local = atMs + qint64(m_calendar.offsetSecondsAt(record.at)) * civil::msPerSecond;
    addTo(line.days, mark.days, civil::floorDiv(local, civil::msPerDay), record.dataBytes, record.voiceSeconds);

    if (line.data.empty())
        line.firstMs = atMs;
    const bool follows = atMs == line.firstMs + qint64(line.data.size()) * m_everyMs;
    const bool fits = record.dataBytes >= 0 && record.dataBytes <= qint64(std::numeric_limits<quint32>::max()) && record.voiceSeconds >= 0
                      && record.voiceSeconds <= qint64(std::numeric_limits<quint16>::max());
    if (follows && fits) {
        line.data.push_back(quint32(record.dataBytes));
        line.voice.push_back(quint16(record.voiceSeconds));
    } else {
        m_apart.push_back(Sample{m_lineIds[index], record.at, record.dataBytes, record.voiceSeconds});
    }
}

void UsageBatch::beginRun()
{
    m_marks.resize(m_lines.size());
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        m_marks[i] = Mark{m_lines[i].data.size(), m_lines[i].hours.size(), m_lines[i].days.size()};
    m_apartMark = m_apart.size();
    m_runSamples = 0;
    m_inRun = true;
}

void UsageBatch::dropRun()
{
    if (!m_inRun)
        return;
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        Line &line = m_lines[i];
        line.data.resize(m_marks[i].samples);
        line.voice.resize(m_marks[i].samples);
        line.hours.resize(m_marks[i].hours);
        line.days.resize(m_marks[i].days);
    }
    m_apart.resize(m_apartMark);
    m_runSamples = 0;
    m_inRun = false;
}

void UsageBatch::clearRollUps()
{
    for (Line &line : m_lines) {
        line.hours.clear();
        line.days.clear();
    }
    m_inRun = false;
}

void UsageBatch::markWritten(Instant from, Instant through)
{
    // The saves of one catch-up all write from its target's 48 hours on:
    // their ranges overlap or follow on.
    if (m_writtenFrom > m_writtenThrough) {
        m_writtenFrom = from.msecs();
        m_writtenThrough = through.msecs();
        return;
    }
    m_writtenFrom = std::min(m_writtenFrom, from.msecs());
    m_writtenThrough = std::max(m_writtenThrough, through.msecs());
}

void UsageBatch::forgetSamplesBefore(Instant before)
{
    for (Line &line : m_lines) {
        if (line.data.empty() || line.firstMs >= before.msecs())
            continue;
        const qint64 old = std::min(qint64(line.data.size()), (before.msecs() - line.firstMs + m_everyMs - 1) / m_everyMs);
        line.data.erase(line.data.begin(), line.data.begin() + old);
        line.voice.erase(line.voice.begin(), line.voice.begin() + old);
        line.firstMs += old * m_everyMs;
    }
    m_apart.erase(std::remove_if(m_apart.begin(), m_apart.end(), [&](const Sample &sample) { return sample.at < before; }), m_apart.end());
    m_inRun = false;
}

} // namespace topup
