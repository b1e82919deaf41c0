#pragma once

#include "domain/expected.h"
#include "domain/instant.h"
#include "domain/policy.h"
#include "engine/outcome.h"
#include "worldloader.h"

#include <QCoreApplication>

#include <optional>

namespace topup {

class Database;
class JournalGateway;

// The future of one account's world, found by running the engine on a copy
// of it: the store's lines, rules, progress, pending retries and spend, the
// provider's funds and queued faults, and an in-memory provider, so nothing
// is charged or written. The outlook, the rules preview and "run to the next
// top-up" all ask it: what a screen says will happen is what the engine does
// when the clock moves on (tst_outlookproperty holds it to that).
class DryRun final
{
    Q_DECLARE_TR_FUNCTIONS(DryRun)

public:
    struct Result final
    {
        LoadedWorld loaded; // the world as run (a candidate's rules in place)
        Outcome outcome;
    };
    // One line's rules replaced as a policy event would: new rules, the
    // threshold trigger armed, the line's pending retries dropped.
    struct Candidate final
    {
        qint64 lineId = 0;
        Policy policy;
    };

    DryRun(Database &store, JournalGateway &provider) : m_store(store), m_provider(provider) {}

    // From just after `clock` to `end`, both inclusive.
    [[nodiscard]] Expected<Result> run(qint64 accountId, Instant clock, Instant end,
                                       const std::optional<Candidate> &candidate = std::nullopt);

private:
    Database &m_store;
    JournalGateway &m_provider;
};

} // namespace topup
