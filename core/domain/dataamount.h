#pragma once

#include "expected.h"

#include <QString>
#include <QtGlobal>

namespace topup {

// An amount of mobile data in bytes.
class DataAmount final
{
public:
    constexpr DataAmount() noexcept = default;
    constexpr explicit DataAmount(qint64 bytes) noexcept : m_bytes(bytes) {}

    // "1.5GB", "500 MB", "2GiB": decimal (1 KB = 1000 B) and binary units.
    static Expected<DataAmount> parse(QStringView text);
    // Short human form in decimal units: "1.5 GB", "800 MB", "0 B".
    QString toString() const;

    constexpr qint64 bytes() const noexcept { return m_bytes; }
    friend constexpr bool operator==(DataAmount a, DataAmount b) noexcept { return a.m_bytes == b.m_bytes; }
    friend constexpr bool operator!=(DataAmount a, DataAmount b) noexcept { return a.m_bytes != b.m_bytes; }

private:
    qint64 m_bytes = 0;
};

} // namespace topup
