#pragma once

#include <optional>
#include <string_view>

#include "expected.h"

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

namespace topup {

// A point in time: milliseconds since 1970-01-01T00:00:00Z. UTC inside;
// zones only matter at the edges (see ZonedCalendar).
class Instant final
{
    Q_DECLARE_TR_FUNCTIONS(Instant)

public:
    constexpr Instant() noexcept = default;
    static constexpr Instant fromMsecs(qint64 ms) noexcept { return Instant(ms); }

    // SPEC §1: YYYY-MM-DDTHH:MM:SS[.f{1,3}](Z|±HH:MM)
    static Expected<Instant> parse(QStringView text);
    // The common forms only, `YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM`, in
    // ASCII, read without a detour through UTF-16: the instant parse() reads
    // from that text, or none for anything else, valid or not (parse() then
    // reads it or says what is wrong).
    static std::optional<Instant> parseWholeSeconds(std::string_view text) noexcept;
    // The range parse() accepts: 0001-01-01T00:00:00.000Z … 9999-12-31T23:59:59.999Z.
    static Instant earliest() noexcept;
    static Instant latest() noexcept;
    // UTC with Z, and .mmm only when there are milliseconds.
    QString toString() const;

    constexpr qint64 msecs() const noexcept { return m_ms; }
    constexpr Instant plusMsecs(qint64 ms) const noexcept { return Instant(m_ms + ms); }

    friend constexpr bool operator==(Instant a, Instant b) noexcept { return a.m_ms == b.m_ms; }
    friend constexpr bool operator!=(Instant a, Instant b) noexcept { return a.m_ms != b.m_ms; }
    friend constexpr bool operator<(Instant a, Instant b) noexcept { return a.m_ms < b.m_ms; }
    friend constexpr bool operator<=(Instant a, Instant b) noexcept { return a.m_ms <= b.m_ms; }
    friend constexpr bool operator>(Instant a, Instant b) noexcept { return a.m_ms > b.m_ms; }
    friend constexpr bool operator>=(Instant a, Instant b) noexcept { return a.m_ms >= b.m_ms; }

private:
    constexpr explicit Instant(qint64 ms) noexcept : m_ms(ms) {}
    qint64 m_ms = 0;
};

} // namespace topup
