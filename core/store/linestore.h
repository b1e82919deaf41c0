#pragma once

#include "domain/expected.h"
#include "domain/instant.h"
#include "domain/money.h"
#include "domain/linerecord.h"
#include "domain/policy.h"
#include "domain/lineprogress.h"
#include "domain/packagerecord.h"
#include "domain/usageprofile.h"
#include "domain/yearmonth.h"

#include <QCoreApplication>
#include <QString>

#include <QHash>

#include <optional>
#include <vector>

namespace topup {

class Database;

// An account's eSIM lines, their balances, policies and where their rules stand.
class LineStore final
{
    Q_DECLARE_TR_FUNCTIONS(LineStore)

public:
    // The rules of lines read before, by line id: their JSON and the rules
    // it reads as. A LineStore given one parses only the JSON that differs
    // from what it holds (the outlook reads every line at every move of
    // the world, and a fleet's rules seldom change), and keeps what it parsed.
    using ReadRules = QHash<qint64, std::pair<QString, std::optional<Policy>>>;

    explicit LineStore(Database &database, ReadRules *readRules = nullptr) : m_database(database), m_readRules(readRules) {}

    // A line the carrier already provides (no purchase), active at once.
    Expected<LineRecord> add(qint64 accountId, const LineForm &form);
    // A line being bought: kept out of every list until its purchase is
    // answered (setState to active or refused).
    Expected<qint64> addBuying(qint64 accountId, const QString &name, const QString &region, UsageProfile profile, quint64 seed);
    Expected<void> setState(qint64 lineId, LineState state);
    // After a restart: a line left "buying" is active when its purchase was
    // paid (reconciling wrote it down), refused otherwise. How many it settled.
    Expected<int> settlePurchases();
    // The active lines: what the engine runs, the dashboard and the pickers show.
    Expected<std::vector<LineRecord>> list(qint64 accountId);
    // The active lines among `lineIds` (a narrowed settle's), by id.
    Expected<std::vector<LineRecord>> listOnly(qint64 accountId, const std::vector<qint64> &lineIds);
    // The active lines a settle at `at` (the clock + 1 ms, off the whole
    // second) must run: those whose threshold check may act (check_due) and
    // those with a retry due at `at`; by id. Nothing else can happen to a
    // line at such an instant (docs/settling.md).
    Expected<std::vector<qint64>> linesToSettle(qint64 accountId, Instant at);
    // The dearest package an enabled policy of an active line buys while
    // paying with the method (as method or fallback); zero when none does.
    Expected<Money> dearestPaidWith(qint64 accountId, qint64 methodId);
    // Every line History may name: active, removed and refused ones.
    Expected<std::vector<LineRecord>> listForHistory(qint64 accountId);
    // A line in any state.
    Expected<LineRecord> find(qint64 accountId, qint64 lineId);
    Expected<void> rename(qint64 accountId, qint64 lineId, const QString &name);
    // Soft removal: the line leaves the engine and every list but History;
    // its pending retries go; its attempts, usage and alerts stay.
    Expected<void> remove(qint64 accountId, qint64 lineId, Instant at);
    // Checked against the line's packages and the account's methods (SPEC
    // §2, and an enabled policy may not name a card expired before
    // `thisMonth`, when given); a new policy arms the threshold trigger and drops
    // pending retries (SPEC §3). `author`: who saves them and when, kept
    // beside them (LineRecord::rulesChangedBy); none: not known.
    Expected<void> setPolicy(qint64 accountId, qint64 lineId, const std::optional<Policy> &policy,
                             std::optional<YearMonth> thisMonth = std::nullopt, const std::optional<RulesAuthor> &author = std::nullopt);
    // The names of the lines whose enabled policy pays with the method.
    Expected<QStringList> linesPayingWith(qint64 accountId, const QString &engineMethodId);
    // SPEC §3: a deposit re-arms every suspended threshold trigger whose
    // policy names the method; the lines it re-armed.
    Expected<std::vector<qint64>> rearmSuspendedPayingWith(qint64 accountId, const QString &engineMethodId);
    // Uses up the line's data at once (to try the rules out).
    Expected<void> drainData(qint64 accountId, qint64 lineId);
    // Checks a policy without saving it; the message names each problem, and
    // each problem names its field inside the policy ("monthly.day").
    Expected<void> checkPolicy(qint64 accountId, qint64 lineId, const Policy &policy, std::optional<YearMonth> thisMonth = std::nullopt);
    // What the line's top-ups may buy: its region's packages; a line whose
    // region the account has none for (given by hand before the catalog
    // had regions) has the general offers.
    Expected<std::vector<PackageRecord>> packagesOf(qint64 accountId, qint64 lineId);

    static Expected<void> checkName(const QString &name);

private:
    Database &m_database;
    ReadRules *m_readRules = nullptr;
};

} // namespace topup
