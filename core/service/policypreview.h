#pragma once

#include "domain/expected.h"
#include "domain/instant.h"
#include "domain/money.h"
#include "domain/policy.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace topup {

class Database;
class JournalGateway;

// One top-up the rules would make, in a policy preview.
struct PreviewItem final
{
    Instant at;
    QString trigger;
    QString package;
    QString method; // empty when blocked
    Money amount;
    QString status;
    QString reason;
};

// What a policy would do to one line over the next days: the account's
// world is loaded as it is, the line gets the new policy as a policy event
// would give it, and the engine runs on that copy with an in-memory
// provider, so nothing is charged or written.
class PolicyPreview final
{
    Q_DECLARE_TR_FUNCTIONS(PolicyPreview)

public:
    PolicyPreview(Database &store, JournalGateway &provider) : m_store(store), m_provider(provider) {}

    [[nodiscard]] Expected<std::vector<PreviewItem>> run(qint64 accountId, qint64 lineId, const Policy &policy,
                                                         Instant from, int days);

private:
    Database &m_store;
    JournalGateway &m_provider;
};

} // namespace topup
