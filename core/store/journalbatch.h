#pragma once

#include "domain/expected.h"
#include "sim/chargedecision.h"
#include "sim/gateway.h"

#include <QCoreApplication>
#include <QString>

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

namespace topup {

class Database;

// The provider's side of a group of charges of one instant (ChargeGroup),
// in the journal's transaction the group holds open: each charge is
// decided as JournalGateway::chargeToken decides it (a repeated identity
// gets its first answer and moves no money; decideCharge otherwise), but an
// account's funds and queued faults are read once a group, and what the
// charges write — their rows, the money they take, the faults they use — is
// kept and sent together by flush(), which the group calls before the
// journal commits. Until then nothing of the group is in the journal: the
// group commits or is rolled back as a whole, as before (issue 16: a
// charge was seven round trips to the server, now one).
class JournalBatch final
{
    Q_DECLARE_TR_FUNCTIONS(JournalBatch)

public:
    explicit JournalBatch(Database &journal) : m_journal(journal) {}
    Q_DISABLE_COPY_MOVE(JournalBatch)

    // Who asks the journal whether a charge's identity was answered before
    // (a replay): the batch, before deciding each charge (its first answer
    // is given, no money moves), or its caller, for the whole batch before
    // the flush (anyAnsweredBefore), a statement for all of them on an
    // engine with arrays; until then each charge is decided as new.
    enum class Replays { LookedUpEach, LookedUpByCaller };
    Expected<ChargeAnswer> charge(const ChargeIdentity &identity, Money price, Instant at, Replays replays = Replays::LookedUpEach);
    // Whether the journal holds an answer to any of the batch's charges.
    Expected<bool> anyAnsweredBefore();
    // Writes what the charges since the last flush took and answered.
    Expected<void> flush() { return flushTo(m_journal); }
    // The same through another connection to the journal (one of another
    // thread: ChargeGroup::commitBeside).
    Expected<void> flushTo(Database &journal);
    // Forgets them (the group rolled back) and every account read.
    void clear();
    // What the charges since the last flush took from the account: the
    // journal's funds less this are the account's until the flush.
    Money takenFrom(const QString &token) const;

private:
    struct Account final
    {
        Money fundsRead; // as the journal held them at the first charge
        std::optional<Instant> expiresAt;
        std::deque<std::pair<qint64, Reason>> faults; // id, reason: those not used yet
        Money taken;     // by this batch's charges: the funds are fundsRead - taken
    };
    struct Charge final
    {
        ChargeIdentity identity;
        Money price;
        Instant at;
        ChargeAnswer answer;
    };
    using Key = std::tuple<QString, int, QString>; // chain key, attempt, token

    // The account behind a token, read at its first charge in the batch;
    // none when the provider holds none.
    Expected<Account *> account(const QString &token);

    Database &m_journal;
    std::map<QString, std::optional<Account>> m_accounts;
    std::vector<Charge> m_charges;
    std::map<Key, std::size_t> m_made; // into m_charges
    std::vector<qint64> m_usedFaults;
};

} // namespace topup
