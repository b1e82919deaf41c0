#pragma once

#include "domain/expected.h"
#include "engine/world.h"
#include "domain/historyrows.h"
#include "domain/linerecord.h"
#include "store/accountstore.h"
#include "store/linestore.h"

#include <vector>

namespace topup {

class Database;
class JournalGateway;
struct Outcome;

// An account's world as the engine sees it, with the store's row ids of
// its lines, methods and packages in the engine's order.
struct LoadedWorld final
{
    Account account;
    World world;
    std::vector<qint64> lineRows;
    std::vector<qint64> methodRows;
    std::vector<QString> methodTokens;
    std::vector<qint64> packageRows;
    std::vector<LineRecord> lineRecords; // as the store has them, before the run
    // The whole account's paid spend by line in the months the run may
    // charge in, as read for the limits, with the removed lines' too (the
    // account's totals count them): the outlook's "this month" when the
    // run starts in it. Empty for a narrowed world.
    std::vector<std::pair<YearMonth, LineMonthTotals>> monthSpend;
};

// Builds the World of one account for a run from `start` to `end`: lines
// with their balances, policies and progress, methods with the provider's
// funds, pending retries, this period's spend, usage on the 5-minute grid.
class WorldLoader final
{
public:
    static constexpr qint64 usageEveryMs = 5 * 60 * 1000;

    // `readRules` (when given): the lines' rules parsed before (LineStore::ReadRules).
    WorldLoader(Database &store, JournalGateway &provider, LineStore::ReadRules *readRules = nullptr)
        : m_store(store), m_provider(provider), m_readRules(readRules)
    {
    }

    // `onlyLines`: the world of those active lines alone (a narrowed
    // settle's), every method and package, the account cap counting the
    // other lines' spend (PriorSpend::otherLines).
    Expected<LoadedWorld> load(qint64 accountId, Instant start, Instant end, const std::vector<qint64> *onlyLines = nullptr);
    // The world of the run that follows `outcome`'s, from `start` to `end`,
    // without reading the store: what `load` gives once that outcome is
    // saved (balances, progress, retries, this period's spend, the usage
    // grid). Nothing else changes while a catch-up owns the world.
    static void carryForward(LoadedWorld &loaded, const Outcome &outcome, Instant start, Instant end);
    // `loaded` (the whole account's world, loaded before from the same start
    // to the same end) with the lines `read` read again: `part` is the world
    // of those lines alone (load with onlyLines, the same start and end).
    // The account, its methods and packages, and those lines' rows, retries
    // and spend are taken from `part`; a line of `read` that `part` does not
    // hold was removed (its spend stays in monthSpend: the account's totals
    // count it), one `loaded` did not hold was added; the lines stay in the
    // order of their rows, as load() lists them. False (nothing changed)
    // when `loaded` is not a whole world load() made.
    static bool mergeLines(LoadedWorld &loaded, LoadedWorld part, const std::vector<qint64> &read);

private:
    Database &m_store;
    JournalGateway &m_provider;
    LineStore::ReadRules *m_readRules = nullptr;
};

} // namespace topup
