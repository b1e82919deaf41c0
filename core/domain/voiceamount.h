#pragma once

#include "expected.h"

#include <QString>
#include <QtGlobal>

namespace topup {

// An amount of voice time in seconds.
class VoiceAmount final
{
public:
    constexpr VoiceAmount() noexcept = default;
    constexpr explicit VoiceAmount(qint64 seconds) noexcept : m_seconds(seconds) {}

    // "90s", "30 min", "1.5h".
    static Expected<VoiceAmount> parse(QStringView text);
    // Short human form: "1 h 30 min", "45 min", "20 s".
    QString toString() const;

    constexpr qint64 seconds() const noexcept { return m_seconds; }
    friend constexpr bool operator==(VoiceAmount a, VoiceAmount b) noexcept { return a.m_seconds == b.m_seconds; }
    friend constexpr bool operator!=(VoiceAmount a, VoiceAmount b) noexcept { return a.m_seconds != b.m_seconds; }

private:
    qint64 m_seconds = 0;
};

} // namespace topup
