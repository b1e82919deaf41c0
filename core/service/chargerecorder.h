#pragma once

#include "domain/expected.h"
#include "domain/instant.h"
#include "domain/money.h"
#include "domain/triggerkind.h"
#include "engine/outcome.h"
#include "sim/gateway.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace topup {

class Database;
class JournalGateway;

struct ChargeRequest final
{
    qint64 accountId = 0;
    qint64 lineId = 0;
    qint64 methodId = 0;
    qint64 packageId = 0;
    TriggerKind trigger = TriggerKind::Manual;
    QString chainKey;
    int attempt = 1;
    Instant at;
    QString month; // local YYYY-MM of `at`
};

// The answer of the provider when it gave one, and what went wrong when
// something did: an answer with an error means the money moved but is not
// written down yet (reconciling will).
struct RecordedCharge final
{
    std::optional<ChargeAnswer> answer;
    std::optional<Failure> error;
};

// What the store keeps of a charge before the provider is asked: enough to
// write the attempt down from the journal's answer after a crash.
struct ChargeIntent final
{
    qint64 accountId = 0;
    qint64 lineId = 0;
    qint64 methodId = 0;
    qint64 packageId = 0;
    TriggerKind trigger = TriggerKind::Threshold;
    qint64 atMs = 0;
    QString month;
};

// The exactly-once protocol between the store and the provider's journal:
// 1. write the intent to charge (store), 2. charge (journal, which answers a
// repeated identity with its first answer), 3. write the attempt, the new
// balance and remove the intent (store, one transaction). A crash between
// 2 and 3 leaves an intent and a journal entry: `reconcile` writes the
// charge down on the next start, and nothing is ever charged twice.
class ChargeRecorder final
{
    Q_DECLARE_TR_FUNCTIONS(ChargeRecorder)

public:
    ChargeRecorder(Database &store, JournalGateway &journal) : m_store(store), m_journal(journal) {}

    Expected<ChargeAnswer> charge(const ChargeRequest &request);
    RecordedCharge chargeAndRecord(const ChargeRequest &request);
    // Returns how many charges were written down.
    Expected<int> reconcile();

    // The protocol's two store steps, inside the caller's transaction, for
    // ChargeGroup. Step 1: the charge's identity (its method's token) and
    // price, and the intent written; or the answer the store wrote down
    // already for this identity (a replay), and nothing written.
    struct Intended final
    {
        ChargeIdentity identity;
        Money price;
        std::optional<ChargeAnswer> recorded;
    };
    static Expected<Intended> writeIntent(Database &store, const ChargeRequest &request);
    // Step 1 in its parts (ChargeGroup writes a group's intents together):
    // the method's token and the package's price; the answer written down
    // already for the identity, if any; the intent's row.
    struct Priced final
    {
        QString token;
        Money price;
    };
    static Expected<Priced> priceOf(Database &store, const ChargeRequest &request);
    static Expected<std::optional<ChargeAnswer>> recordedAnswer(Database &store, const ChargeRequest &request, const ChargeIdentity &identity);
    static Expected<void> writeIntentRow(Database &store, const ChargeRequest &request, const ChargeIdentity &identity);
    // Step 3: the attempt written down, the package credited when it
    // succeeded, the intent removed (once, however often it is asked).
    static Expected<void> writeDown(Database &store, const ChargeIdentity &identity, const ChargeIntent &intent, Money amount,
                                    const ChargeAnswer &answer, bool reconciled);
    static ChargeIntent intentOf(const ChargeRequest &request);

private:
    Database &m_store;
    JournalGateway &m_journal;
};

} // namespace topup
