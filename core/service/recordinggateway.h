#pragma once

#include "chargerecorder.h"
#include "sim/gateway.h"

#include <vector>

namespace topup {

class JournalGateway;
class ZonedCalendar;
struct LoadedWorld;

// The engine's gateway in the desktop world: every charge goes through the
// ChargeRecorder (intent, provider's journal, attempt), so what the engine
// charges is written down exactly once.
class RecordingGateway final : public Gateway
{
public:
    RecordingGateway(ChargeRecorder &recorder, JournalGateway &provider, const LoadedWorld &world,
                     const ZonedCalendar &calendar);

    ChargeAnswer charge(const ChargeIdentity &identity, int method, Money price, Instant at,
                        const ChargeContext &context) override;
    void deposit(int method, Money amount, Instant at) override;
    void injectFaults(int method, const std::vector<Reason> &reasons) override;
    Money funds(int method) const override;

    // The first thing that went wrong; the run's results must not be saved.
    const QString &error() const noexcept { return m_error; }

private:
    ChargeRecorder &m_recorder;
    JournalGateway &m_provider;
    const LoadedWorld &m_world;
    const ZonedCalendar &m_calendar;
    QString m_error;
};

} // namespace topup
