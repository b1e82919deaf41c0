#pragma once

#include "domain/expected.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QtGlobal>

#include <vector>

namespace topup {

// One line's 5-minute usage samples of one UTC hour, as a row of
// `usage_recent` keeps them (schema version 7): one row a line-hour instead
// of one a sample, twelve times fewer rows for a catch-up to insert and
// delete. The text lists each sample as `ms,data,voice` — milliseconds
// from the hour's start, bytes, seconds — with `;` between, in the order
// of time; two samples at one instant are one, added up (as the samples
// table's upsert did). Any instant of the hour can be held, on the 5-minute
// grid or not.
class HourOfSamples final
{
    Q_DECLARE_TR_FUNCTIONS(HourOfSamples)

public:
    static constexpr qint64 msPerHour = 3600 * 1000;

    struct Sample final
    {
        qint64 offsetMs = 0; // from the hour's start, 0 to msPerHour - 1
        qint64 dataBytes = 0;
        qint64 voiceSeconds = 0;
    };

    // The number since 1970 of the hour that holds `atMs` (rounded down,
    // also before 1970), and its first millisecond.
    static qint64 hourOf(qint64 atMs) noexcept;
    static qint64 startOf(qint64 hour) noexcept { return hour * msPerHour; }

    // Adds a sample at `offsetMs` into the hour (0 to msPerHour - 1), in
    // order or not; one at an instant already held is added to it.
    void add(qint64 offsetMs, qint64 dataBytes, qint64 voiceSeconds);
    void add(const HourOfSamples &other);

    // The row's text, and back; a text that is not one says what is wrong in it.
    QByteArray text() const;
    // The same text into `text` (what it held is replaced; its room is kept,
    // so a save writing thousands of rows allocates it once).
    void writeText(QByteArray &text) const;
    static Expected<HourOfSamples> parse(const QByteArray &text);

    const std::vector<Sample> &samples() const noexcept { return m_samples; }
    bool empty() const noexcept { return m_samples.empty(); }
    void clear() noexcept { m_samples.clear(); }

private:
    std::vector<Sample> m_samples; // in the order of offsetMs, one per instant
};

} // namespace topup
