#pragma once

#include "domain/instant.h"

#include <QString>
#include <QTimeZone>

namespace topup {

// Instants as QDateTime's Qt::ISODate writes them in a zone
// ("2027-03-15T11:00:00+01:00"), for many in a row: the zone's offset is
// asked once for the span between two of its transitions, not for every
// instant (a CSV export writes a million of them). Years outside 1..9999
// and zones without transitions are left to QDateTime.
class IsoTimeWriter final
{
public:
    explicit IsoTimeWriter(QTimeZone zone) : m_zone(std::move(zone)) {}

    [[nodiscard]] QString text(Instant at);

private:
    // Finds the offset at `ms` and the span it holds over.
    bool cover(qint64 ms);

    QTimeZone m_zone;
    qint64 m_from = 0;  // the span [m_from, m_until) of the offset below
    qint64 m_until = 0;
    int m_offsetSeconds = 0;
    QString m_suffix; // "+01:00", as QDateTime writes it
};

} // namespace topup
