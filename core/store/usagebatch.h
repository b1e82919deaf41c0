#pragma once

#include "domain/instant.h"
#include "engine/outcome.h"
#include "rules/zonedcalendar.h"

#include <QtGlobal>

#include <limits>
#include <vector>

namespace topup {

// The usage of one account that a catch-up has run and not saved yet, kept
// small: each line's hourly and daily (local day) roll-ups are summed as its
// samples come, and the 5-minute samples themselves are kept only while a
// save may still write them (forgetSamplesBefore: the store keeps the 48
// hours before its clock). A line's samples come in time order on its
// stream's grid and are kept as two arrays from the first one's instant
// (6 bytes a sample: data in 32 bits, voice in 16, as 5 minutes of use
// always fit); one that does not follow on or does not fit (never in the
// desktop world) is kept apart as it is. What a line holds is therefore
// bounded by the 48 hours of samples and the unsaved days' hours, whatever
// the length of the catch-up.
class UsageBatch final : public UsageSink
{
public:
    struct Sum final
    {
        qint64 key = 0; // the hour's first ms (UTC), or the local day's number since 1970-01-01
        qint64 dataBytes = 0;
        qint64 voiceSeconds = 0;
    };
    struct Sample final
    {
        qint64 lineId = 0;
        Instant at;
        qint64 dataBytes = 0;
        qint64 voiceSeconds = 0;
    };

    // `lineIds`: the store's ids of the engine's lines, in its order;
    // `everyMs`: the samples' grid (WorldLoader::usageEveryMs).
    UsageBatch(std::vector<qint64> lineIds, const ZonedCalendar &calendar, qint64 everyMs);

    void add(const UsageRecord &record) override;

    // Around an engine run: what the run adds is kept by keepRun, or
    // forgotten again by dropRun (the run failed, its day is not saved).
    void beginRun();
    void keepRun();
    void dropRun();
    // The samples added since beginRun.
    qint64 runSamples() const noexcept { return m_runSamples; }

    // The roll-ups summed since the last clearRollUps, line after line, in
    // the order of time (an hour or a day may come twice, split by a run
    // that ended inside it: the store adds them up).
    template<typename Each>
    void forEachHour(Each each) const
    {
        for (std::size_t i = 0; i < m_rollUps.size(); ++i)
            for (const Sum &sum : m_rollUps[i].hours)
                each(m_lineIds[i], sum);
    }
    template<typename Each>
    void forEachDay(Each each) const
    {
        for (std::size_t i = 0; i < m_rollUps.size(); ++i)
            for (const Sum &sum : m_rollUps[i].days)
                each(m_lineIds[i], sum);
    }
    void clearRollUps();

    // The samples kept at or after `from` that no save has written yet.
    template<typename Each>
    void forEachUnwrittenSample(Instant from, Each each) const
    {
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            const Line &line = m_lines[i];
            for (std::size_t k = 0; k < line.samples.size(); ++k) {
                const qint64 at = line.firstMs + qint64(k) * m_everyMs;
                const Packed &sample = line.samples[k];
                if (at >= from.msecs() && unwritten(at))
                    each(Sample{m_lineIds[i], Instant::fromMsecs(at), qint64(sample.dataLow) | (qint64(sample.dataHigh) << 16),
                                qint64(sample.voice)});
            }
        }
        for (const Sample &sample : m_apart) {
            if (sample.at >= from && unwritten(sample.at.msecs()))
                each(sample);
        }
    }
    // A save wrote the samples from `from` to `through`.
    void markWritten(Instant from, Instant through);
    // Samples before `before` can no longer be written by any save.
    void forgetSamplesBefore(Instant before);

    const std::vector<qint64> &lineIds() const noexcept { return m_lineIds; }

private:
    // A sample on the grid: data in 32 bits (two halves, so that the array
    // packs 6 bytes a sample), voice in 16.
    struct Packed final
    {
        quint16 dataLow = 0;
        quint16 dataHigh = 0;
        quint16 voice = 0;
    };
    // What every sample of a line touches, one record a line side by side:
    // a run adds the lines' samples instant by instant, each instant every
    // line in turn, so the records are read in order. The hour and the local
    // day being summed stay here until the next one starts.
    struct Line final
    {
        qint64 firstMs = 0; // the instant of samples[0]
        std::vector<Packed> samples;
        Sum hour{noKey, 0, 0}; // this run's, not yet in `hours`
        Sum day{noKey, 0, 0};
    };
    // The roll-ups summed before the ones being summed, a line's apart.
    struct RollUps final
    {
        std::vector<Sum> hours;
        std::vector<Sum> days;
    };
    static constexpr qint64 noKey = std::numeric_limits<qint64>::min();
    // Where a run began, to drop what it added.
    struct Mark final
    {
        std::size_t samples = 0;
        std::size_t hours = 0;
        std::size_t days = 0;
    };

    bool unwritten(qint64 atMs) const noexcept { return atMs < m_writtenFrom || atMs > m_writtenThrough; }
    static void addTo(std::vector<Sum> &sums, std::size_t sealed, qint64 key, qint64 dataBytes, qint64 voiceSeconds);
    // The hour and day a line is summing, into its roll-ups.
    void close(std::size_t index);

    std::vector<qint64> m_lineIds;
    ZonedCalendar m_calendar;
    qint64 m_everyMs;
    std::vector<Line> m_lines;
    std::vector<RollUps> m_rollUps; // a line's, in the order of m_lines
    std::vector<Sample> m_apart; // samples off their line's grid, as they came
    std::vector<Mark> m_marks;   // one a line, while a run is open
    std::size_t m_apartMark = 0;
    bool m_inRun = false;
    qint64 m_runSamples = 0;
    qint64 m_writtenFrom = 1;    // the samples a save wrote: none yet (an empty range)
    qint64 m_writtenThrough = 0;
};

} // namespace topup
