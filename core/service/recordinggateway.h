#pragma once

#include "chargegroup.h"
#include "sim/gateway.h"

#include <vector>

namespace topup {

class JournalGateway;
class ZonedCalendar;
struct LoadedWorld;

// The engine's gateway in the desktop world: every charge goes through a
// ChargeGroup (intent, provider's journal, attempt), the charges of one
// instant in one group sharing their syncs, so what the engine charges is
// written down exactly once. A group is committed when a charge of a later
// instant comes, and by finish() at the end of the run.
class RecordingGateway final : public Gateway
{
public:
    RecordingGateway(ChargeGroup &group, JournalGateway &provider, const LoadedWorld &world, const ZonedCalendar &calendar);

    ChargeAnswer charge(const ChargeIdentity &identity, int method, Money price, Instant at,
                        const ChargeContext &context) override;
    void deposit(int method, Money amount, Instant at) override;
    void injectFaults(int method, const std::vector<Reason> &reasons) override;
    Money funds(int method) const override;

    // Commits the last group; error() says when it could not be.
    void finish();
    // The first thing that went wrong; the run's results must not be saved.
    const QString &error() const noexcept { return m_error; }

private:
    ChargeGroup &m_group;
    JournalGateway &m_provider;
    const LoadedWorld &m_world;
    const ZonedCalendar &m_calendar;
    QString m_error;
};

} // namespace topup
