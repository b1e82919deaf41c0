#pragma once

#include "domain/expected.h"
#include "domain/linerecord.h"
#include "domain/policy.h"
#include "domain/lineprogress.h"
#include "domain/usageprofile.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace topup {

class Database;

// An account's eSIM lines, their balances, policies and where their rules stand.
class LineStore final
{
    Q_DECLARE_TR_FUNCTIONS(LineStore)

public:
    explicit LineStore(Database &database) : m_database(database) {}

    Expected<LineRecord> add(qint64 accountId, const LineForm &form);
    Expected<std::vector<LineRecord>> list(qint64 accountId);
    Expected<LineRecord> find(qint64 accountId, qint64 lineId);
    Expected<bool> rename(qint64 accountId, qint64 lineId, const QString &name);
    Expected<bool> remove(qint64 accountId, qint64 lineId);
    // Checked against the account's packages and methods (SPEC §2); a new
    // policy arms the threshold trigger and drops pending retries (SPEC §3).
    Expected<bool> setPolicy(qint64 accountId, qint64 lineId, const std::optional<Policy> &policy);
    // The names of the lines whose enabled policy pays with the method.
    Expected<QStringList> linesPayingWith(qint64 accountId, const QString &engineMethodId);
    // SPEC §3: a deposit re-arms every suspended threshold trigger whose
    // policy names the method; how many it re-armed.
    Expected<int> rearmSuspendedPayingWith(qint64 accountId, const QString &engineMethodId);
    // Uses up the line's data at once (to try the rules out).
    Expected<bool> drainData(qint64 accountId, qint64 lineId);
    // Checks a policy without saving it; the message names each problem.
    Expected<bool> checkPolicy(qint64 accountId, const Policy &policy);

private:
    Database &m_database;
};

} // namespace topup
