#pragma once

#include "domain/dataamount.h"
#include "domain/instant.h"
#include "domain/line.h"
#include "domain/money.h"
#include "domain/package.h"
#include "domain/paymentmethod.h"
#include "domain/policy.h"
#include "domain/reason.h"
#include "domain/voiceamount.h"
#include "sim/usagegenerator.h"

#include <QString>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace topup {

// Something that happens to the world at an instant (SPEC §8 `events`).
struct WorldEvent final
{
    enum class Kind { Use, TopUp, SetPolicy, Deposit, FailNext };

    Instant at;
    Kind kind = Kind::Use;
    QString line;          // Use, TopUp, SetPolicy
    QString method;        // TopUp, Deposit, FailNext
    QString package;       // TopUp
    DataAmount data;       // Use
    VoiceAmount voice;     // Use
    Policy policy;         // SetPolicy
    Money deposit;         // Deposit
    std::vector<Reason> faults; // FailNext
};

// Usage made up by the simulated carrier (SPEC §8 `generate`).
struct UsageStream final
{
    QString line;
    UsageProfile profile = UsageProfile::Regular;
    quint64 seed = 0;
    qint64 everySeconds = 300;
};

// Everything the engine needs to run: validated, ids resolvable.
struct World final
{
    QTimeZone zone;
    QString currency;
    Instant start;
    Instant end;
    std::optional<Money> accountCap;
    std::vector<Package> packages;
    std::vector<PaymentMethod> methods;
    std::vector<Line> lines;
    std::vector<WorldEvent> events; // in file order
    std::vector<UsageStream> streams;
};

} // namespace topup
