#pragma once

#include "chargerecorder.h"

#include <QCoreApplication>

namespace topup {

class ZonedCalendar;

// SPEC §7 "Manual top-up" against the store: charges the given method at
// once, no limits, no fallback, no retries; key `<line>/manual/<n>`. The
// line's counter is taken in its own transaction before the charge, so a
// crash can leave a gap in the numbering but never reuse an identity.
class ManualTopUp final
{
    Q_DECLARE_TR_FUNCTIONS(ManualTopUp)

public:
    ManualTopUp(Database &store, ChargeRecorder &recorder) : m_store(store), m_recorder(recorder) {}

    Expected<ChargeAnswer> run(qint64 accountId, qint64 lineId, qint64 methodId, qint64 packageId, Instant now,
                               const ZonedCalendar &calendar);

private:
    Database &m_store;
    ChargeRecorder &m_recorder;
};

} // namespace topup
