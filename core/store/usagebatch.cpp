#include "usagebatch.h"

#include "domain/civil.h"

#include <algorithm>
#include <limits>

namespace topup {

UsageBatch::UsageBatch(std::vector<qint64> lineIds, const ZonedCalendar &calendar, qint64 everyMs)
    : m_lineIds(std::move(lineIds)), m_calendar(calendar), m_everyMs(everyMs), m_lines(m_lineIds.size()), m_rollUps(m_lineIds.size())
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

void UsageBatch::close(std::size_t index)
{
    Line &line = m_lines[index];
    RollUps &rollUps = m_rollUps[index];
    const Mark mark = m_inRun ? m_marks[index] : Mark{};
    if (line.hour.key != noKey)
        addTo(rollUps.hours, mark.hours, line.hour.key, line.hour.dataBytes, line.hour.voiceSeconds);
    if (line.day.key != noKey)
        addTo(rollUps.days, mark.days, line.day.key, line.day.dataBytes, line.day.voiceSeconds);
    line.hour = Sum{noKey, 0, 0};
    line.day = Sum{noKey, 0, 0};
}

void UsageBatch::add(const UsageRecord &record)
{
    ++m_runSamples;
    const std::size_t index = std::size_t(record.line);
    if (index >= m_lines.size())
        return; // a line the batch does not know has no row to write to
    Line &line = m_lines[index];
    const qint64 atMs = record.at.msecs();
    const qint64 hour = civil::floorDiv(atMs, civil::msPerHour) * civil::msPerHour;
    // The zone's offset is cached between transitions: this is cheap.
    const qint64 day = civil::floorDiv(atMs + qint64(m_calendar.offsetSecondsAt(record.at)) * civil::msPerSecond, civil::msPerDay);
    if (!m_inRun) {
        addTo(m_rollUps[index].hours, 0, hour, record.dataBytes, record.voiceSeconds);
        addTo(m_rollUps[index].days, 0, day, record.dataBytes, record.voiceSeconds);
    } else {
        // The hour and day being summed go to the line's roll-ups when the
        // next one starts (once an hour), not at every sample.
        if (line.hour.key != hour || line.day.key != day)
            close(index);
        line.hour.key = hour;
        line.hour.dataBytes += record.dataBytes;
        line.hour.voiceSeconds += record.voiceSeconds;
        line.day.key = day;
        line.day.dataBytes += record.dataBytes;
        line.day.voiceSeconds += record.voiceSeconds;
    }

    if (line.samples.empty())
        line.firstMs = atMs;
    const bool follows = atMs == line.firstMs + qint64(line.samples.size()) * m_everyMs;
    const bool fits = record.dataBytes >= 0 && record.dataBytes <= qint64(std::numeric_limits<quint32>::max()) && record.voiceSeconds >= 0
                      && record.voiceSeconds <= qint64(std::numeric_limits<quint16>::max());
    if (follows && fits)
        line.samples.push_back(Packed{quint16(record.dataBytes & 0xFFFF), quint16(record.dataBytes >> 16), quint16(record.voiceSeconds)});
    else
        m_apart.push_back(Sample{m_lineIds[index], record.at, record.dataBytes, record.voiceSeconds});
}

void UsageBatch::beginRun()
{
    keepRun(); // a run still open is kept
    m_marks.resize(m_lines.size());
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        m_marks[i] = Mark{m_lines[i].samples.size(), m_rollUps[i].hours.size(), m_rollUps[i].days.size()};
    m_apartMark = m_apart.size();
    m_runSamples = 0;
    m_inRun = true;
}

void UsageBatch::keepRun()
{
    if (!m_inRun)
        return;
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        close(i);
    m_inRun = false;
}

void UsageBatch::dropRun()
{
    if (!m_inRun)
        return;
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        Line &line = m_lines[i];
        line.samples.resize(m_marks[i].samples);
        line.hour = Sum{noKey, 0, 0};
        line.day = Sum{noKey, 0, 0};
        m_rollUps[i].hours.resize(m_marks[i].hours);
        m_rollUps[i].days.resize(m_marks[i].days);
    }
    m_apart.resize(m_apartMark);
    m_runSamples = 0;
    m_inRun = false;
}

void UsageBatch::clearRollUps()
{
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        m_lines[i].hour = Sum{noKey, 0, 0};
        m_lines[i].day = Sum{noKey, 0, 0};
        m_rollUps[i].hours.clear();
        m_rollUps[i].days.clear();
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
    keepRun(); // the marks of a run would no longer hold
    for (Line &line : m_lines) {
        if (line.samples.empty() || line.firstMs >= before.msecs())
            continue;
        const qint64 old = std::min(qint64(line.samples.size()), (before.msecs() - line.firstMs + m_everyMs - 1) / m_everyMs);
        line.samples.erase(line.samples.begin(), line.samples.begin() + old);
        line.firstMs += old * m_everyMs;
    }
    m_apart.erase(std::remove_if(m_apart.begin(), m_apart.end(), [&](const Sample &sample) { return sample.at < before; }), m_apart.end());
}

} // namespace topup
