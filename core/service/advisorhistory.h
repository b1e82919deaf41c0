#pragma once

#include "advisor/advisorinput.h"
#include "domain/expected.h"
#include "domain/instant.h"

#include <QCoreApplication>

namespace topup {

class Database;
class JournalGateway;

// A line's stored history as the rules advisor's input (docs/advisor.md,
// "In the desktop app"):
// - the window: the last `days` days up to the world's clock, from the first
//   whole hour (UTC) in them;
// - usage: the line's hourly roll-ups in it, which hold what the line was
//   served (an hour it had run out counts what it got, not what it wanted);
// - its balances when the window began: today's, plus what it used since,
//   less what its succeeded top-ups (and its purchase) added since, never
//   below zero;
// - the packages of the line's region (what its top-ups may buy; a package
//   the saved rules buy that is no longer offered is replayed with them,
//   never suggested), the line's rules now, its method and fallback with
//   their funds now, the account cap, the line's own auto spend in the
//   window's first month before it began and the other lines' auto spend
//   in each month of the window.
class AdvisorHistory final
{
    Q_DECLARE_TR_FUNCTIONS(AdvisorHistory)

public:
    AdvisorHistory(Database &store, JournalGateway &provider) : m_store(store), m_provider(provider) {}

    [[nodiscard]] Expected<AdvisorInput> input(qint64 accountId, qint64 lineId, Instant clock, int days);

private:
    Database &m_store;
    JournalGateway &m_provider;
};

} // namespace topup
