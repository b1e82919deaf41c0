#pragma once

#include "domain/expected.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace topup {

// One row of `usage_recent`: one line's 5-minute usage samples from the
// start of the row's hour (its key, `hour`) to at most the end of that UTC
// day. A save writes a line's unwritten samples of one UTC day as one row
// (schema version 11; from version 7 to 10 a row held one hour): a day of a
// fleet is a row or two a line to insert and delete instead of 24. Two
// samples at one instant are one, added up. Any instant of the span can be
// held, on the 5-minute grid or not.
//
// The text (schema version 14) lists the samples in the order of time with
// `;` between, each `bytes` or `bytes,seconds` (no seconds: none) at the
// instant 5 minutes (gridMs) after the sample before it — the first at the
// hour's start —, or `ms:bytes[,seconds]` at `ms` milliseconds from the
// hour's start where it is not there (off the grid, or after a gap). A day
// of a line on the grid is therefore its amounts only, about half the text
// of versions 7 to 13 (`ms,bytes,seconds` each), which a fleet's server
// reads, stores and logs every day (issue 16). Exact: every instant and
// amount reads back as it was written.
class SamplesRow final
{
    Q_DECLARE_TR_FUNCTIONS(SamplesRow)

public:
    static constexpr qint64 msPerHour = 3600 * 1000;
    static constexpr qint64 hoursPerDay = 24;
    // The step between two samples whose text gives no instant.
    static constexpr qint64 gridMs = 5 * 60 * 1000;

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
    // The first hour of the UTC day that holds `hour`.
    static qint64 dayStartOf(qint64 hour) noexcept;
    // How far from its hour's start a row keyed `hour` holds samples: to
    // the end of that UTC day.
    static qint64 spanMs(qint64 hour) noexcept { return (dayStartOf(hour) + hoursPerDay - hour) * msPerHour; }

    // Adds a sample at `offsetMs` from the row's hour's start (0 to its
    // spanMs - 1), in order or not; one at an instant already held is added to it.
    void add(qint64 offsetMs, qint64 dataBytes, qint64 voiceSeconds);
    void add(const SamplesRow &other);

    // The row's text, and back (for the row keyed `hour`); a text that is
    // not one (out of order, past the day, not numbers) says what is wrong in it.
    QByteArray text() const;
    // The same text into `text` (what it held is replaced; its room is kept,
    // so a save writing thousands of rows allocates it once).
    void writeText(QByteArray &text) const;
    static Expected<SamplesRow> parse(const QByteArray &text, qint64 hour);
    // A text as store versions 7 to 13 wrote it, `ms,bytes,seconds` each
    // sample (in any order, as they read it), or nothing when it is not
    // one: for the migration to version 14.
    static std::optional<SamplesRow> parseVersion13(const QByteArray &text, qint64 hour);

    const std::vector<Sample> &samples() const noexcept { return m_samples; }
    bool empty() const noexcept { return m_samples.empty(); }
    void clear() noexcept { m_samples.clear(); }

private:
    std::vector<Sample> m_samples; // in the order of offsetMs, one per instant
};

} // namespace topup
