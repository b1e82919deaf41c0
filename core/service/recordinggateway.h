#pragma once

#include "chargegroup.h"
#include "sim/gateway.h"

#include <vector>

namespace topup {

class JournalGateway;
class ZonedCalendar;
struct LoadedWorld;

// The engine's gateway in the desktop world: every charge goes through a
// ChargeGroup (intent, provider's journal, attempt), the charges of a run in
// one group sharing their syncs, so what the engine charges is written down
// exactly once. The group is committed by finish() at the end of the run,
// and before a deposit or a queued fault reaches the provider (the journal
// keeps them in order). Until session 31 a group held the charges of one
// instant: at 10 000 lines a simulated day made about 270 groups, 800
// commits; now one. A run's replays are looked up at its group's commit
// when the caller asks the group so (WorldSync): a deposit or a queued fault
// first commits what the run charged before it, and the group then asks
// each charge, since the run can no longer be made again once the provider
// has moved for it.
class RecordingGateway final : public Gateway
{
public:
    RecordingGateway(ChargeGroup &group, JournalGateway &provider, const LoadedWorld &world, const ZonedCalendar &calendar);

    ChargeAnswer charge(const ChargeIdentity &identity, int method, Money price, Instant at,
                        const ChargeContext &context) override;
    void deposit(int method, Money amount, Instant at) override;
    void injectFaults(int method, const std::vector<Reason> &reasons) override;
    Money funds(int method) const override;

    // Commits the last group, here or beside (ChargeGroup::commitBeside:
    // then an error of its stages comes from finishBeside, not error());
    // error() says when it could not be.
    enum class Commit { Here, Beside };
    void finish(Commit commit = Commit::Here);
    // The first thing that went wrong; the run's results must not be saved.
    const QString &error() const noexcept { return m_error; }
    // Whether the group, its replays looked up at its commit, met one
    // (ChargeGroup::metReplay): nothing of the run reached the provider
    // after that, and the run is to be made again with a new gateway.
    bool runAgain() const noexcept { return m_runAgain; }

private:
    // Before the provider moves for the run: the run's charges so far
    // committed, and the later ones asked each. False when the run is to be
    // made again (then nothing more reaches the provider).
    bool beforeProvider();

    ChargeGroup &m_group;
    JournalGateway &m_provider;
    const LoadedWorld &m_world;
    const ZonedCalendar &m_calendar;
    QString m_error;
    bool m_runAgain = false;
};

} // namespace topup
